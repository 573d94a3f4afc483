import ClavardTestSupport
import Foundation
import Testing

/// `clavard explore` and `clavard serve --fault` as processes: exit codes, messages, the
/// script written.
@Suite struct ExploreCommandTests {
  @Test(
    "bad options say what is wrong, and nothing runs",
    arguments: [
      (["--runs", "0"], "Error: --runs must be 1 or more, not 0"),
      (["--commands", "0"], "Error: --commands must be from 1 to 10000, not 0"),
      (["--commands", "10001"], "Error: --commands must be from 1 to 10000, not 10001"),
      (["--agents", "0"], "Error: --agents must be from 1 to 50, not 0"),
      (["--queues", "21"], "Error: --queues must be from 1 to 20, not 21"),
      (["--time", "soon"], "Error: --time takes a duration such as 60s, 2m or 1m30s, not 'soon'"),
      (["--time", "0s"], "Error: --time takes a duration such as 60s, 2m or 1m30s, not '0s'"),
      (["--shard", "3/2"], "Error: --shard I/N needs I from 1 to N (2), not 3"),
      (
        ["--shard", "1/9223372036854775807", "--runs", "2"],
        "Error: --runs 2 of --shard 1/9223372036854775807 would number runs past 9223372036854775807"
      ),
      (["--out", ""], "Error: --out needs a file name"),
      (
        ["--fault", "nope"],
        "Error: The value 'nope' is invalid for '--fault <name>': unknown fault 'nope'; `clavard serve --list-faults` lists them"
      ),
    ])
  func refused(arguments: [String], message: String) throws {
    let folder = try TemporaryFolder()
    let output = try ChildProcess.run(try BuiltProducts.clavard(), ["explore"] + arguments, in: folder.path)
    #expect(output.status == 2)
    #expect(output.stderr.hasPrefix(message + "\n"), "\(output.stderr)")
    #expect(output.stdout == "")
    #expect(folder.files().isEmpty)
  }

  @Test("nothing found: exit 0, one summary line, no progress when standard error is not a terminal")
  func nothingFound() throws {
    let folder = try TemporaryFolder()
    let output = try folder.run("explore", "--runs", "5", "--commands", "20")
    #expect(output.status == 0)
    #expect(output.stdout.hasPrefix("explore: no failure in 5 runs: 100 commands, "))
    #expect(output.stdout.hasSuffix(" s, seed 1\n"))
    #expect(output.stderr == "")
    #expect(folder.files().isEmpty)
  }

  @Test("a fault found: exit 1, what differed, and a script that passes on the reference")
  func found() throws {
    let folder = try TemporaryFolder()
    let output = try folder.run("explore", "--fault", "queue-switch-before-confirm", "--out", "found.chat")
    #expect(output.status == 1)
    let lines = output.stdout.split(separator: "\n").map(String.init)
    #expect(
      lines.first
        == "explore: run 1 failed at its command 15 (15 commands in 1 run), `queues enable`: the events differ from the reference's (-reference +clavard-reference (fault queue-switch-before-confirm))"
    )
    #expect(lines.last?.hasPrefix("shrunk to 4 commands (") == true)
    #expect(lines.last?.hasSuffix("candidates tried); wrote found.chat") == true)
    #expect(output.stderr == "")
    let script = try folder.read("found.chat")
    #expect(
      script.hasPrefix(
        "# Found by clavard explore --seed 1 --fault queue-switch-before-confirm: run 1 failed"))
    let run = try folder.run("run", "found.chat")
    #expect(run.status == 0)
    #expect(run.stdout == "ok   found.chat\n1 passed, 0 failed\n")
  }

  @Test("--json: one object, with the failure and where its script is")
  func json() throws {
    let folder = try TemporaryFolder()
    let output = try folder.run("explore", "--fault", "queue-switch-before-confirm", "--json")
    #expect(output.status == 1)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
    #expect(object["found"] as? Bool == true)
    #expect(object["seed"] as? Int == 1)
    #expect(object["faults"] as? [String] == ["queue-switch-before-confirm"])
    #expect(object["stopped_early"] as? Bool == false)
    #expect(object["left_out"] as? [String] == [])
    let failure = try #require(object["failure"] as? [String: Any])
    #expect(failure["length_after"] as? Int == 4)
    #expect(failure["shrinking_stopped"] as? Bool == false)
    #expect(failure["fails_again"] as? Bool == true)
    #expect(failure["command"] as? String == "queues enable")
    #expect(failure["script"] as? String == "explore-failure.chat")
    #expect(folder.files() == ["explore-failure.chat"])
  }

  @Test("a script that cannot be written: exit 2, and the summary still says what was found")
  func unwritable() throws {
    let folder = try TemporaryFolder()
    let output = try folder.run(
      "explore", "--fault", "queue-switch-before-confirm", "--out", "no/such/x.chat")
    #expect(output.status == 2)
    #expect(output.stderr.hasPrefix("clavard explore: cannot write no/such/x.chat: "))
    #expect(output.stdout.hasPrefix("explore: run 1 failed"))
    // The summary does not say it wrote what it could not.
    #expect(
      output.stdout.hasSuffix(" candidates tried); could not write no/such/x.chat\n"), "\(output.stdout)")
    let json = try folder.run(
      "explore", "--fault", "queue-switch-before-confirm", "--out", "no/such/x.chat", "--json")
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    let failure = try #require(object["failure"] as? [String: Any])
    #expect(failure["script"] is NSNull)
  }

  @Test("commands the system under test does not support are named as left out, in the summary and --json")
  func leftOut() throws {
    let folder = try TemporaryFolder()
    let sut = "python3 " + Repository.path("fixtures/adapters/python/adapter.py")
    let output = try folder.run("explore", "--sut", sut, "--runs", "5")
    #expect(output.status == 0)
    let lines = output.stdout.split(separator: "\n").map(String.init)
    #expect(lines.count == 2)
    #expect(lines.first?.hasPrefix("explore: no failure in 5 runs: ") == true)
    #expect(lines.last?.hasPrefix("left out: case, continue, customer save, ") == true, "\(output.stdout)")
    #expect(lines.last?.hasSuffix(", set screen-pop-moment (not supported by python-example)") == true)
    let json = try folder.run("explore", "--sut", sut, "--runs", "5", "--json")
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    let leftOut = try #require(object["left_out"] as? [String])
    #expect(
      leftOut.first == "case" && leftOut.contains("profile queues enable")
        && leftOut.last == "set screen-pop-moment")
  }

  @Test("a system under test that does not start or does not answer: exit 2, with what happened")
  func systemUnusable() throws {
    let folder = try TemporaryFolder()
    let missing = try folder.run("explore", "--sut", "echo oops >&2; exit 3")
    #expect(missing.status == 2)
    // The status itself is the transport's to report (and tested there).
    #expect(
      missing.stderr.hasPrefix(
        "clavard explore: the handshake failed: the system under test failed: it exited with status "))
    #expect(missing.stderr.hasSuffix("\n  its standard error ended with:\n  | oops\n"))
    let silent = try folder.run("explore", "--sut", "sleep 30", "--sut-timeout", "0.2")
    #expect(silent.status == 2)
    #expect(
      silent.stderr
        == "clavard explore: the handshake failed: the system under test failed: it did not answer within 0.2 s (--sut-timeout)\n"
    )
    #expect(folder.files().isEmpty)
  }

  @Test("--sut and --fault together are refused")
  func sutAndFault() throws {
    let folder = try TemporaryFolder()
    let output = try folder.run("explore", "--sut", "clavard serve", "--fault", "seventh-chat")
    #expect(output.status == 2)
    #expect(
      output.stderr.hasPrefix(
        "Error: --fault compares with the reference made to get it wrong, in this process; it cannot be used with --sut\n"
      ))
  }

  @Test("serve --list-faults: a line per fault, its name, what goes wrong and the requirements")
  func listFaults() throws {
    let folder = try TemporaryFolder()
    let output = try folder.run("serve", "--list-faults")
    #expect(output.status == 0)
    let lines = output.stdout.split(separator: "\n")
    #expect(lines.count == 16)
    #expect(
      lines.first
        == "seventh-chat                 the chat limit is checked one chat late: an agent holding six chats is offered a seventh (CAP-1)"
    )
    #expect(
      try folder.run("serve", "--list-faults", "--fault", "seventh-chat").stderr.hasPrefix(
        "Error: --list-faults lists the faults; it cannot be used with --fault\n"))
  }

  @Test("serve --fault: the handshake names the fault, and the fault is made")
  func serveFault() throws {
    let folder = try TemporaryFolder()
    let requests = """
      {"id":1,"type":"hello","protocol":1}
      {"id":2,"type":"command","command":"queue","queue":"support"}
      {"id":3,"type":"command","command":"agent","agent":"alice","queues":["support"]}
      {"id":4,"type":"command","command":"login","agent":"alice"}
      {"id":5,"type":"command","command":"ready","agent":"alice"}
      {"id":6,"type":"command","command":"queues enable","agent":"alice","queue":"support"}

      """
    let output = try folder.run(
      "serve", "--fault", "queue-switch-before-confirm", input: .bytes(Array(requests.utf8)))
    #expect(output.status == 0)
    let lines = output.stdout.split(separator: "\n")
    #expect(
      lines.first?.contains("\"name\":\"clavard-reference (fault queue-switch-before-confirm)\"") == true)
    #expect(lines.last?.contains("\"queue-enabled\"") == true)
  }

  /// A system under test whose name would drive a terminal (a C1 CSI, a bidi override), and
  /// that refuses every request.
  static let hostileSystem = """
    read line
    printf '%s\\n' '{"in_reply_to":0,"type":"hello","protocol":1,"name":"evil\\u009b2J\\u202e","version":null,"capabilities":{"commands":["queue"],"settings":[],"questions":[],"events":[],"clock":true,"reset":false}}'
    n=1
    while read line; do
      printf '{"in_reply_to":%d,"type":"refused","refusal":"unknown-queue","message":"no"}\\n' $n
      n=$((n+1))
    done

    """

  @Test("--json with a hostile system under test: what it named is escaped in the line, never raw")
  func jsonHostileSystem() throws {
    let folder = try TemporaryFolder(["sut.sh": Self.hostileSystem])
    let output = try folder.run("explore", "--sut", "sh sut.sh", "--json", "--runs", "1")
    #expect(output.status == 1)
    #expect(!output.stdout.unicodeScalars.contains { [0x9B, 0x202E].contains($0.value) }, "\(output.stdout)")
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
    let failure = try #require(object["failure"] as? [String: Any])
    let message = try #require(failure["message"] as? String)
    #expect(message.hasSuffix("refused it (unknown-queue) but the reference carried it out"), "\(message)")
  }
}
