import ClavardTestSupport
import Foundation
import Testing

/// `clavard run --sut`: a system under test that hangs, crashes, exits, writes garbage, answers
/// the wrong request or floods its output fails the script with what happened (and the end of
/// its standard error), never the harness; the next script gets a new system.
@Suite struct SUTCommandTests {
  /// A script a system that reports no events passes: three commands, none refused.
  static let script = """
    queue support
    < queue support defined: chat, no dispositions
    agent alice queues=support
    < agent alice defined: queues support
    alice> login
    < alice logged in

    """

  /// The handshake of a system that supports those commands and reports no event kind.
  static let hello =
    #"{"in_reply_to":0,"type":"hello","protocol":1,"name":"fake","version":null,"capabilities":{"commands":["queue","agent","login"],"settings":[],"questions":[],"events":[],"clock":true,"reset":false}}"#

  /// A shell system: the handshake, then `body` for each request (`$n` is its id).
  static func system(_ body: String) -> String {
    """
    read line
    echo '\(hello)'
    n=1
    while read line; do
    \(body)
    n=$((n+1))
    done

    """
  }

  static let answer = #"  echo "{\"in_reply_to\":$n,\"type\":\"events\",\"events\":[]}""#

  func run(_ system: String, timeout: String = "10", files: [String: String] = [:]) throws
    -> ChildProcess.Result
  {
    let folder = try TemporaryFolder(["x.chat": Self.script, "sut.sh": system].merging(files) { $1 })
    return try folder.run("run", "--sut", "sh sut.sh", "--sut-timeout", timeout, "x.chat")
  }

  /// What a run says once of the event kinds the system does not report.
  static let note =
    "fake does not report queue-defined, agent-defined, logged-in; those events were left out of the comparison\n"

  @Test("a system that answers as the reference does passes; the kinds it does not report are said once")
  func agrees() throws {
    let output = try run(Self.system(Self.answer))
    #expect(output.stdout == "ok   x.chat\n" + Self.note + "1 passed, 0 failed\n")
    #expect(output.status == 0)
  }

  @Test("a system that never answers: the request's timeout, then the script fails")
  func hangs() throws {
    let output = try run("sleep 60\n", timeout: "0.5")
    #expect(output.status == 1)
    #expect(
      output.stdout.hasPrefix(
        "FAIL x.chat\nx.chat:1:1: the handshake failed: the system under test failed: it did not answer within 0.5 s (--sut-timeout)\n"
      ))
  }

  @Test("a system that crashes: the signal, and the end of its standard error")
  func crashes() throws {
    let output = try run(
      Self.system("  [ $n = 2 ] && { echo 'about to fail' >&2; kill -SEGV $$; }\n" + Self.answer))
    #expect(output.status == 1)
    #expect(
      output.stdout.hasPrefix(
        """
        FAIL x.chat
        x.chat:3:1: `agent alice queues=support`: the system under test failed: it was killed by signal 11 (SIGSEGV)
          its standard error ended with:
          | about to fail

        """))
  }

  @Test("a system that exits: its status")
  func exits() throws {
    let output = try run(Self.system("  [ $n = 3 ] && exit 3\n" + Self.answer))
    #expect(
      output.stdout.hasPrefix(
        "FAIL x.chat\nx.chat:5:1: `alice> login`: the system under test failed: it exited with status 3\n"))
  }

  @Test("a system that writes what is not JSON: the line, escaped")
  func garbage() throws {
    let output = try run(Self.system("  printf 'not json\\033[2J\\n'\n"))
    #expect(
      output.stdout.hasPrefix(
        #"FAIL x.chat\#nx.chat:1:1: `queue support`: it wrote a line that is not JSON (column 1: expected a value): "not json\u{1B}[2J"\#n"#
      ))
  }

  @Test("a system that closes its standard input: said so, not taken for its output")
  func closesItsInput() throws {
    let output = try run("read line\nexec 0<&-\necho '\(Self.hello)'\nexec sleep 30\n")
    #expect(output.status == 1)
    #expect(
      output.stdout.hasPrefix(
        "FAIL x.chat\nx.chat:1:1: `queue support`: the system under test failed: it closed its standard input\n"
      ),
      "\(output.stdout)")
  }

  @Test("a system that exits while what it started holds its output: its status, once the request times out")
  func exitsLeavingItsOutputOpen() throws {
    // It reads the request before it exits: the request is written whatever the timing, and
    // only the output is left open (by the `sleep`).
    let output = try run(
      "read line\necho '\(Self.hello)'\nsleep 30 &\nread request\nexit 0\n", timeout: "0.5")
    #expect(output.status == 1)
    #expect(
      output.stdout.hasPrefix(
        "FAIL x.chat\nx.chat:1:1: `queue support`: the system under test failed: it exited with status 0, and a process it started still holds its standard output open\n"
      ), "\(output.stdout)")
  }

  @Test("a system that answers another request: both ids")
  func wrongID() throws {
    let output = try run(Self.system(#"  echo "{\"in_reply_to\":99,\"type\":\"events\",\"events\":[]}""#))
    #expect(
      output.stdout.hasPrefix(
        "FAIL x.chat\nx.chat:1:1: `queue support`: it answered request 1 with a reply to request 99\n"))
  }

  @Test("a system that floods its standard error is read as it goes: no deadlock, the script passes")
  func floodsItsLog() throws {
    // A megabyte a request: far more than a pipe holds, so a harness that did not read the log
    // as it comes would wait for the system while the system waits for it.
    let output = try run(
      Self.system("  head -c 1000000 /dev/zero | tr '\\0' e >&2\n" + Self.answer), timeout: "20")
    #expect(output.stdout == "ok   x.chat\n" + Self.note + "1 passed, 0 failed\n")
  }

  @Test("a system that floods its output without a line break: the line limit")
  func floodsItsOutput() throws {
    let output = try run(Self.system("  head -c 3000000 /dev/zero | tr '\\0' o\n"))
    #expect(
      output.stdout.hasPrefix(
        "FAIL x.chat\nx.chat:1:1: `queue support`: the system under test failed: it wrote a line longer than 1048576 bytes\n"
      ))
  }

  @Test("after a system fails, the next script gets a new one, and the run goes on")
  func nextScriptNewSystem() throws {
    let crashOnce = "  [ -e crashed ] || { touch crashed; kill -KILL $$; }\n" + Self.answer
    let folder = try TemporaryFolder([
      "a.chat": Self.script, "b.chat": Self.script, "sut.sh": Self.system(crashOnce),
    ])
    let output = try folder.run("run", "--sut", "sh sut.sh", "a.chat", "b.chat")
    #expect(
      output.stdout.hasPrefix(
        "FAIL a.chat\na.chat:1:1: `queue support`: the system under test failed: it was killed by signal 9 (SIGKILL)\n"
      ))
    #expect(output.stdout.contains("\nok   b.chat\n"))
    #expect(output.stdout.hasSuffix("1 passed, 1 failed\n"))
  }

  @Test("a script that needs what the system lacks is skipped, with the reason, and never passed")
  func skipped() throws {
    let folder = try TemporaryFolder([
      "x.chat": Self.script + "alice> ready\n< alice is ready to work (Working Offline)\n",
      "sut.sh": Self.system(Self.answer),
    ])
    let output = try folder.run("run", "--sut", "sh sut.sh", "x.chat")
    #expect(output.status == 0)
    #expect(
      output.stdout
        == "skip x.chat: needs `ready`, which fake does not support (x.chat:7:1)\n0 passed, 0 failed, 1 skipped\n"
    )
    let tap = try folder.run("run", "--tap", "--sut", "sh sut.sh", "x.chat")
    #expect(
      tap.stdout.contains("ok 1 - x.chat # SKIP needs `ready`, which fake does not support (x.chat:7:1)\n"))
    let junit = try folder.run("run", "--junit", "junit.xml", "--sut", "sh sut.sh", "x.chat")
    #expect(junit.status == 0)
    // The times aside (the handshake took some).
    let xml = try folder.read("junit.xml").replacing(#/ time="[0-9]+\.[0-9]{6}"/#, with: "")
    #expect(
      xml.contains(
        """
          <testsuite name="x.chat" tests="1" failures="0" errors="0" skipped="1" file="x.chat">
            <testcase name="x.chat" classname="clavard run">
              <skipped message="needs `ready`, which fake does not support (x.chat:7:1)"/>
              <system-out>no steps
        0 commands run
        </system-out>
            </testcase>

        """), "\(xml)")
  }

  @Test(
    "--sut and --sut-timeout checked alike by every command that takes them: exit 2, nothing run",
    arguments: [
      (["--sut-timeout", "5"], "Error: --sut-timeout needs --sut"),
      (
        ["--sut", "sh sut.sh", "--sut-timeout", "0"],
        "Error: --sut-timeout must be more than 0 and at most 3600 seconds, not 0.0"
      ),
      (
        ["--sut", "sh sut.sh", "--sut-timeout", "3600.5"],
        "Error: --sut-timeout must be more than 0 and at most 3600 seconds, not 3600.5"
      ),
      (
        ["--sut", "sh sut.sh", "--sut-timeout", "inf"],
        "Error: --sut-timeout must be more than 0 and at most 3600 seconds, not inf"
      ),
      (["--sut", " \t"], #"Error: --sut needs a command, such as --sut "clavard serve""#),
    ], [["run", "x.chat"], ["coverage", "."], ["repl"], ["explore"]])
  func refused(refusal: (options: [String], message: String), command: [String]) throws {
    let (options, message) = refusal
    let folder = try TemporaryFolder(["x.chat": Self.script, "sut.sh": "touch started\n"])
    let output = try ChildProcess.run(try BuiltProducts.clavard(), command + options, in: folder.path)
    #expect(output.status == 2)
    #expect(output.stderr.hasPrefix(message + "\n"), "\(output.stderr)")
    #expect(output.stdout == "")
    #expect(folder.files() == ["sut.sh", "x.chat"])
  }

  @Test(
    "Ctrl-C ends the systems under test with the run, whichever job sees one die first: none is left behind",
    arguments: [1, 2])
  func interrupted(jobs: Int) throws {
    let marker = "clavard-sut-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    let folder = try TemporaryFolder([
      "x.chat": Self.script, "y.chat": Self.script,
      "sut.sh": "touch started-$$\nexec sleep 300 # \(marker)\n",
    ])
    let clavard = try BuiltProducts.clavard()
    let shell = """
      "$0" run --jobs \(jobs) --sut "sh sut.sh" --sut-timeout 600 x.chat y.chat > out.txt 2>&1 &
      pid=$!
      while [ "$(ls | grep -c '^started-')" -lt \(jobs) ]; do sleep 0.05; done
      kill -INT $pid
      wait $pid
      echo "status $?"
      """
    let output = try ChildProcess.run("/bin/sh", ["-c", shell, clavard], in: folder.path, timeout: 60)
    #expect(output.stdout == "status 130\n")
    let left = try ChildProcess.run("/usr/bin/pgrep", ["-f", marker])
    #expect(left.stdout == "", "a system under test outlived the run")
  }
}

/// `clavard repl --sut` and `clavard coverage --sut`.
@Suite struct SUTOtherCommandsTests {
  @Test("repl --sut shows where the system differs under the command, and runs on")
  func repl() throws {
    let folder = try TemporaryFolder(["sut.sh": SUTCommandTests.system(SUTCommandTests.answer)])
    let output = try folder.run(
      "repl", "--sut", "sh sut.sh", input: .bytes(Array("queue support\nalice> login\n".utf8)))
    #expect(
      output.stdout == """
        < queue support defined: chat, no dispositions
        ! no agent named alice is defined
        # differs from the system under test: the reference refused it (unknown-agent) but fake carried it out
        #   - ! no agent named alice is defined

        """)
    // Piped, a session whose system differed fails, as a script would.
    #expect(output.status == 1)
  }

  @Test("repl --sut: .record writes a script that says how to replay it, and fails there with --sut")
  func recordReproduces() throws {
    let folder = try TemporaryFolder(["sut.sh": SUTCommandTests.system(SUTCommandTests.answer)])
    let session = try folder.run(
      "repl", "--sut", "sh sut.sh",
      input: .bytes(Array(".record bug.chat\nqueue support\nalice> login\n.record stop\n".utf8)))
    #expect(session.status == 1)
    let recorded = try folder.read("bug.chat")
    #expect(
      recorded.hasPrefix("# A session of clavard repl. Replay it with: clavard run --sut 'sh sut.sh' FILE\n"))
    #expect(try folder.run("run", "bug.chat").status == 0)
    let replayed = try folder.run("run", "--sut", "sh sut.sh", "bug.chat")
    #expect(replayed.status == 1)
    #expect(
      replayed.stdout.hasPrefix(
        "FAIL bug.chat\nbug.chat:4:1: `alice> login`: the reference refused it (unknown-agent) but fake carried it out\n"
      ),
      "\(replayed.stdout)")
  }

  @Test("repl --sut with a system that cannot start: said, exit 2")
  func replCannotStart() throws {
    let output = try TemporaryFolder().run(
      "repl", "--sut", "sh -c 'exit 5'", input: .bytes(Array("queue a\n".utf8)))
    #expect(output.status == 2)
    #expect(
      output.stderr
        == "clavard: the handshake failed: the system under test failed: it exited with status 5\n")
    // A command that does not exist: the shell's own message, from the system's log.
    let missing = try TemporaryFolder().run("repl", "--sut", "no-such-sut", input: .bytes([]))
    #expect(
      missing.stderr
        == "clavard: the handshake failed: the system under test failed: it exited with status 127\n"
        + "  its standard error ended with:\n  | /bin/sh: 1: exec: no-such-sut: not found\n")
  }

  @Test("--sut is a shell command: a list keeps its exit status, an assignment its value")
  func shellCommands() throws {
    let folder = try TemporaryFolder(["exit.sh": "exit $CODE\n"])
    let list = try folder.run("repl", "--sut", "true; exit 4", input: .bytes([]))
    #expect(
      list.stderr
        == "clavard: the handshake failed: the system under test failed: it exited with status 4\n")
    let assignment = try folder.run("repl", "--sut", "CODE=6 sh exit.sh", input: .bytes([]))
    #expect(
      assignment.stderr
        == "clavard: the handshake failed: the system under test failed: it exited with status 6\n")
  }

  @Test("coverage --sut: requirements covered only by skipped scripts are not covered for that system")
  func coverage() throws {
    let folder = try TemporaryFolder([
      "fixtures/procedure/requirements.tsv":
        "id\tgroup\trequirement\nSES-2\tSession\tThe agent logs in.\nSES-3\tSession\tReady.\n",
      "fixtures/a.chat": "# covers: SES-2\n" + SUTCommandTests.script,
      "fixtures/b.chat": "# covers: SES-3\n" + SUTCommandTests.script
        + "alice> ready\n< alice is ready to work (Working Offline)\n",
      "sut.sh": SUTCommandTests.system(SUTCommandTests.answer),
    ])
    let output = try folder.run("coverage", "--sut", "sh sut.sh", "fixtures")
    #expect(output.status == 1)
    #expect(output.stdout.hasSuffix("2 requirements: 1 passed, 0 failed, 1 not covered\n"))
  }
}
