import ClavardTestSupport
import Foundation
import Testing

/// `clavard run` as a process: exit codes, standard output and error, files written.
@Suite struct RunCommandTests {
  static let all = [
    "pass.chat": SampleScripts.pass, "fail.chat": SampleScripts.fail, "setup.chat": SampleScripts.setup,
  ]

  @Test("exit 0 when every script passed, with the summary line last")
  func allPassed() throws {
    let folder = try TemporaryFolder(["pass.chat": SampleScripts.pass, "setup.chat": SampleScripts.setup])
    let output = try folder.run("run", ".")
    #expect(output.status == 0)
    #expect(output.stdout == "ok   pass.chat\nok   setup.chat\n2 passed, 0 failed\n")
    #expect(output.stderr == "")
  }

  @Test("exit 1 when a script failed: where, in which step, and the diff")
  func failed() throws {
    let folder = try TemporaryFolder(Self.all)
    let output = try folder.run("run", "pass.chat", "fail.chat")
    #expect(output.status == 1)
    #expect(
      output.stdout == SampleScripts.failure + "\nok   pass.chat\n" + SampleScripts.failedList("fail.chat")
        + "1 passed, 1 failed\n")
    #expect(output.stderr == "")
  }

  @Test("exit 2 for a file that cannot be parsed: file:line:column under its FAIL line, counted as failed")
  func parseError() throws {
    let folder = try TemporaryFolder(["pass.chat": SampleScripts.pass, "broken.chat": SampleScripts.broken])
    let output = try folder.run("run", ".")
    #expect(output.status == 2)
    #expect(
      output.stdout
        == SampleScripts.brokenFailure + "ok   pass.chat\n" + SampleScripts.failedList("broken.chat")
        + "1 passed, 1 failed\n")
    #expect(output.stderr == "")
  }

  @Test("exit 2 for a file that does not exist or is not UTF-8; the other scripts still run")
  func unreadable() throws {
    let folder = try TemporaryFolder(["pass.chat": SampleScripts.pass])
    try Data([0x71, 0x75, 0x65, 0x0A, 0x61, 0xFF, 0x0A]).write(
      to: folder.url.appendingPathComponent("latin1.chat"))
    let output = try folder.run("run", "nope.chat", "latin1.chat", "pass.chat")
    #expect(output.status == 2)
    #expect(
      output.stdout == """
        FAIL latin1.chat
        latin1.chat:2:2: this file is not valid UTF-8 (byte 0xFF); save it as UTF-8
        FAIL nope.chat
        nope.chat: cannot read this file: no such file or folder
        ok   pass.chat
        Failed scripts (2):
          latin1.chat
          nope.chat
        1 passed, 2 failed

        """)
    #expect(output.stderr == "")
  }

  @Test(
    "usage errors exit 2 with the message on stderr",
    arguments: [
      (["run", "--jobs", "0", "."], "Error: --jobs must be from 1 to 1024, not 0"),
      (["run", "--shard", "3/2", "."], "Error: --shard I/N needs I from 1 to N (2), not 3"),
      (["run", "--shard", "two", "."], "Error: --shard takes I/N, such as 2/4 (shard 2 of 4), not 'two'"),
      (["run", "--tags", ",", "."], "Error: --tags takes tags separated by commas, such as smoke,routing"),
      (
        ["run", "--update", "--bail", "."],
        "Error: --update rewrites every selected script; it cannot be used with --bail"
      ),
      (["run", "--nope", "."], "Error: Unknown option '--nope'. Did you mean '--tap'?"),
      (
        ["run", "--color", "blue", "."],
        "Error: The value 'blue' is invalid for '--color <when>'. Please provide one of 'auto', 'always' or 'never'."
      ),
      (["run"], "Error: Missing expected argument '<paths> ...'"),
      (["coverage", "--jobs", "2000"], "Error: --jobs must be from 1 to 1024, not 2000"),
      // A negative number is a bad number, not a missing value (the word after the option is its value).
      (["run", "--jobs", "-1", "."], "Error: --jobs must be from 1 to 1024, not -1"),
      (["coverage", "--jobs", "-2"], "Error: --jobs must be from 1 to 1024, not -2"),
      (
        ["run", "--junit", "r.xml", "--html", "./r.xml", "."],
        "Error: --junit and --html name the same file, r.xml; one would replace the other"
      ),
      (["run", "--shard", "-1/2", "."], "Error: --shard takes I/N, such as 2/4 (shard 2 of 4), not '-1/2'"),
      (
        ["explore", "--sut", "clavard serve", "--sut-timeout", "-1"],
        "Error: --sut-timeout must be more than 0 and at most 3600 seconds, not -1.0"
      ),
    ])
  func usageErrors(arguments: [String], message: String) throws {
    let folder = try TemporaryFolder(["pass.chat": SampleScripts.pass])
    let output = try ChildProcess.run(try BuiltProducts.clavard(), arguments, in: folder.path)
    #expect(output.status == 2)
    #expect(output.stderr.hasPrefix(message + "\n"))
    #expect(output.stdout == "")
  }

  @Test("--color always colours the text report; not on a terminal, the default does not")
  func color() throws {
    let folder = try TemporaryFolder(Self.all)
    let coloured = try folder.run("run", "fail.chat", "--color", "always", environment: ["NO_COLOR": "1"])
    #expect(coloured.stdout.hasPrefix("\u{1B}[1;31mFAIL\u{1B}[0m fail.chat\n"))
    #expect(coloured.stdout.hasSuffix("\u{1B}[1;31m0 passed, 1 failed\u{1B}[0m\n"))
    #expect(
      try folder.run("run", "fail.chat").stdout == SampleScripts.failure + "\n"
        + SampleScripts.failedList("fail.chat")
        + "0 passed, 1 failed\n")
    #expect(try folder.run("run", "fail.chat", "--color", "never").stdout.contains("\u{1B}") == false)
  }

  @Test("nothing to run is a usage error: an empty folder, or filters that match nothing")
  func nothingToRun() throws {
    let folder = try TemporaryFolder(["pass.chat": SampleScripts.pass, "empty/readme.txt": "no scripts here"])
    let empty = try folder.run("run", "empty")
    #expect(empty.status == 2)
    #expect(empty.stderr == "clavard: nothing to run: no .chat files in empty\n")
    let emptyAndOne = try folder.run("run", "empty", "pass.chat")
    #expect(emptyAndOne.status == 0)
    #expect(emptyAndOne.stderr == "clavard: no .chat files in empty\n")
    let unmatched = try folder.run("run", ".", "--filter", "zzz", "--tags", "a,b")
    #expect(unmatched.status == 2)
    #expect(unmatched.stderr == "clavard: nothing to run: no script matches --filter zzz --tags a,b\n")
  }

  @Test("a folder's fragments (files under setup/) never run as tests; named, a fragment runs")
  func fragments() throws {
    let folder = try TemporaryFolder([
      "suite/fail.chat": SampleScripts.fail.replacing("use setup.chat", with: "use setup/alice.chat"),
      "suite/setup/alice.chat": SampleScripts.setup,
      // Works only after other lines: run as a test, it would fail.
      "suite/deeper/setup/ready.chat": "alice> ready\n",
    ])
    let output = try folder.run("run", "suite")
    #expect(output.stdout.hasPrefix("FAIL suite/fail.chat\n"))
    #expect(output.stdout.hasSuffix("0 passed, 1 failed\n"))
    #expect(
      try folder.run("run", "suite/setup/alice.chat").stdout
        == "ok   suite/setup/alice.chat\n1 passed, 0 failed\n")
    #expect(
      try folder.run("run", "suite/setup").stdout == "ok   suite/setup/alice.chat\n1 passed, 0 failed\n")
  }

  @Test("--tap: the TAP report on stdout (its format is Report+TAPTests'), parse errors on stderr")
  func tap() throws {
    let folder = try TemporaryFolder(Self.all.merging(["broken.chat": SampleScripts.broken]) { $1 })
    let output = try folder.run("run", "--tap", "broken.chat", "pass.chat", "fail.chat")
    #expect(output.status == 2)
    #expect(output.stdout.hasPrefix("TAP version 13\n1..3\nnot ok 1 - broken.chat\n  ---\n"))
    #expect(output.stdout.contains("\nnot ok 2 - fail.chat\n  ---\n"))
    #expect(output.stdout.hasSuffix("  ...\nok 3 - pass.chat\n# 1 passed, 2 failed\n"))
    #expect(output.stderr == SampleScripts.brokenError)
  }

  @Test("--junit FILE: the XML report of the run is written, each script timed")
  func junit() throws {
    let folder = try TemporaryFolder(Self.all)
    let output = try folder.run("run", "pass.chat", "fail.chat", "--junit", "reports/junit.xml")
    // The folder of the report must exist: it is not created.
    #expect(output.status == 2)
    #expect(
      output.stderr == "clavard: cannot write the JUnit report reports/junit.xml: No such file or directory\n"
    )
    let written = try folder.run("run", "pass.chat", "fail.chat", "--junit", "junit.xml")
    #expect(written.status == 1)
    let xml = try folder.read("junit.xml")
    #expect(
      xml.hasPrefix(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"clavard run\" tests=\"2\""))
    let cases = xml.matches(of: /<testcase name="([^"]*)" classname="clavard run" time="[0-9]+\.[0-9]{6}">/)
    #expect(cases.map { String($0.output.1) } == ["fail.chat", "pass.chat"])
    #expect(folder.files() == ["fail.chat", "junit.xml", "pass.chat", "setup.chat"])
  }

  /// A folder of many scripts: copies of the passing, failing and set-up ones.
  static func many() throws -> TemporaryFolder {
    var files = Self.all
    for index in 0..<24 {
      let kind = ["pass.chat", "fail.chat", "setup.chat"][index % 3]
      files["many/s\(index)-\(kind)"] = Self.all[kind]?.replacing("use setup.chat", with: "use ../setup.chat")
    }
    return try TemporaryFolder(files)
  }

  @Test("--shard I/N: the shards partition the files; each file runs in exactly one shard")
  func shards() throws {
    let folder = try Self.many()
    let whole = try folder.run("run", "many")
    let lines = whole.stdout.split(separator: "\n").filter { $0.hasPrefix("ok ") || $0.hasPrefix("FAIL ") }
    #expect(lines.count == 24)
    var union: [Substring] = []
    var passed = 0
    var failed = 0
    for index in 1...5 {
      let output = try folder.run("run", "many", "--shard", "\(index)/5")
      #expect(output.status == (output.stdout.contains("FAIL ") ? 1 : 0))
      union += output.stdout.split(separator: "\n").filter { $0.hasPrefix("ok ") || $0.hasPrefix("FAIL ") }
      let summary = output.stdout.split(separator: "\n").last.map(String.init) ?? ""
      let numbers = summary.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
      passed += numbers.first ?? 0
      failed += numbers.last ?? 0
    }
    #expect(union.sorted() == lines.sorted())
    #expect(Set(union).count == union.count)
    #expect(passed == 16)
    #expect(failed == 8)
  }

  @Test("--jobs 4 prints exactly what --jobs 1 prints")
  func jobs() throws {
    let folder = try Self.many()
    let serial = try folder.run("run", "many", "--jobs", "1")
    let parallel = try folder.run("run", "many", "--jobs", "4")
    #expect(serial.status == 1)
    #expect(parallel.status == serial.status)
    #expect(parallel.stdout == serial.stdout)
    #expect(parallel.stderr == serial.stderr)
    #expect(serial.stdout.hasSuffix("16 passed, 8 failed\n"))
    let tapSerial = try folder.run("run", "many", "--tap", "--jobs", "1")
    let tapParallel = try folder.run("run", "many", "--tap", "--jobs", "8")
    #expect(tapParallel.stdout == tapSerial.stdout)
  }

  @Test("--filter: a substring of the path, of a covers id or of a step id, ignoring case")
  func filter() throws {
    let folder = try TemporaryFolder(Self.all)
    #expect(
      try folder.run("run", ".", "--filter", "CAP-9").stdout
        == SampleScripts.failure + "\n" + SampleScripts.failedList("fail.chat") + "0 passed, 1 failed\n")
    #expect(try folder.run("run", ".", "--filter", "ses-2").stdout == "ok   pass.chat\n1 passed, 0 failed\n")
    #expect(try folder.run("run", ".", "--filter", "setup").stdout == "ok   setup.chat\n1 passed, 0 failed\n")
  }

  @Test("--tags: scripts with any of the tags")
  func tags() throws {
    let folder = try TemporaryFolder(Self.all)
    #expect(try folder.run("run", ".", "--tags", "smoke").stdout == "ok   pass.chat\n1 passed, 0 failed\n")
    let either = try folder.run("run", ".", "--tags", "smoke,session")
    #expect(either.status == 1)
    #expect(
      either.stdout == SampleScripts.failure + "\nok   pass.chat\n" + SampleScripts.failedList("fail.chat")
        + "1 passed, 1 failed\n")
  }

  @Test("--bail: stops after the first failing script; the summary still prints")
  func bail() throws {
    let folder = try TemporaryFolder(Self.all)
    let output = try folder.run("run", ".", "--bail")
    #expect(output.status == 1)
    #expect(
      output.stdout == SampleScripts.failure + "\n" + SampleScripts.failedList("fail.chat")
        + "stopped after the first failing script: 2 not run\n0 passed, 1 failed\n")
    let tap = try folder.run("run", ".", "--bail", "--tap")
    #expect(
      tap.stdout.hasSuffix(
        "  ...\nBail out! stopped after the first failing script\n# 0 passed, 1 failed\n"))
  }

  @Test(
    "GITHUB_ACTIONS=true: each failure is also a ::error workflow command on stderr (the format: Report+GitHubTests)"
  )
  func githubActions() throws {
    let folder = try TemporaryFolder(Self.all.merging(["broken.chat": SampleScripts.broken]) { $1 })
    let output = try folder.run("run", ".", environment: ["GITHUB_ACTIONS": "true"])
    #expect(output.status == 2)
    let annotations = output.stderr.split(separator: "\n").filter { $0.hasPrefix("::error ") }
    #expect(annotations.count == 2)
    #expect(annotations.first?.hasPrefix("::error file=broken.chat,") == true)
    #expect(annotations.last?.hasPrefix("::error file=fail.chat,") == true)
    #expect(
      output.stderr
        == "::error file=broken.chat,line=3,col=1::unknown command 'bogus'; an actor's command is written 'name> command'\n"
        + "::error file=fail.chat,line=5,col=1,title=SES-3 \"alice is ready\"::in step SES-3 \"alice is ready\": the events of `alice> ready` differ"
        + "%0A  - alice is ready to work (Available)%0A  + alice is ready to work (Working Offline)\n")
    let local = try folder.run("run", ".", environment: ["GITHUB_ACTIONS": "false"])
    #expect(local.stderr == "")
    // An absolute path under the working directory is annotated relative to it.
    let absolute = try folder.run(
      "run", folder.path + "/fail.chat", environment: ["GITHUB_ACTIONS": "true"])
    #expect(absolute.stderr.hasPrefix("::error file=fail.chat,line=5,col=1,"))
  }
}
