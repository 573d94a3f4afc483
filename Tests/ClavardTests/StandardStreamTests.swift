import ClavardTestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Standard output and error that cannot be written, and standard input that never ends: the
/// process never crashes, never fills memory, and says what was lost (exit 2).
@Suite struct StandardStreamTests {
  static let scripts = ["pass.chat": SampleScripts.pass, "broken.chat": SampleScripts.broken]

  @Test("standard error on a full disk or closed: no crash; said on standard output; exit 2")
  func standardErrorFails() throws {
    let folder = try TemporaryFolder(Self.scripts)
    let clavard = try BuiltProducts.clavard()
    for (sink, reason) in [
      (ChildProcess.Sink.path("/dev/full"), "No space left on device"), (.closed, "it is closed"),
    ] {
      // With --tap the parse error goes to standard error: there is something to lose.
      let output = try ChildProcess.run(clavard, ["run", "--tap", "."], in: folder.path, stderr: sink)
      #expect(output.signal == nil)
      #expect(output.status == 2)
      #expect(output.stdout.hasPrefix("TAP version 13\n1..2\nnot ok 1 - broken.chat\n"))
      #expect(
        output.stdout.hasSuffix(
          "# 1 passed, 1 failed\nclavard: cannot write to standard error: \(reason); messages were lost\n"))
    }
  }

  @Test("a report that cannot be written: every write checked, said on standard error, exit 2")
  func standardOutputFails() throws {
    let folder = try TemporaryFolder(["pass.chat": SampleScripts.pass])
    let clavard = try BuiltProducts.clavard()
    for (sink, reason) in [
      (ChildProcess.Sink.path("/dev/full"), "No space left on device"), (.closed, "it is closed"),
    ] {
      let output = try ChildProcess.run(clavard, ["run", "pass.chat"], in: folder.path, stdout: sink)
      #expect(output.status == 2)
      #expect(
        output.stderr == "clavard: cannot write to standard output: \(reason); the report is incomplete\n")
    }
    // Help and simulate's report go through the same checks.
    for arguments in [["--help"], ["simulate", "--chats", "10"]] {
      let output = try ChildProcess.run(clavard, arguments, stdout: .path("/dev/full"))
      #expect(output.status == 2)
      #expect(
        output.stderr
          == "clavard: cannot write to standard output: No space left on device; the report is incomplete\n")
    }
    // A file on a disk that fills (a file size limit): the TAP stream stops, the run says so.
    let many = try TemporaryFolder(
      Dictionary(uniqueKeysWithValues: (1...40).map { ("s/s\($0).chat", SampleScripts.pass) }))
    try many.write("tap.out", "")
    let limited = try ChildProcess.run(
      clavard, ["run", "--tap", "s"], in: many.path, stdout: .path(many.path + "/tap.out"), fileSizeLimit: 200
    )
    #expect(limited.status == 2)
    #expect(try many.read("tap.out").count == 200)
    #expect(
      limited.stderr == "clavard: cannot write to standard output: File too large; the report is incomplete\n"
    )
  }

  @Test("a JUnit report that cannot be written whole: exit 2, no file, no temporary file left")
  func junitOnAFullDisk() throws {
    let folder = try TemporaryFolder(["pass.chat": SampleScripts.pass])
    let output = try ChildProcess.run(
      try BuiltProducts.clavard(), ["run", "pass.chat", "--junit", "junit.xml"], in: folder.path,
      fileSizeLimit: 100)
    #expect(output.status == 2)
    #expect(output.stderr == "clavard: cannot write the JUnit report junit.xml: File too large\n")
    #expect(folder.files() == ["pass.chat"])
  }

  @Test("a read-only report file is not replaced (even by root): exit 2, the file as it was")
  func readOnlyReports() throws {
    let folder = try TemporaryFolder(["pass.chat": SampleScripts.pass, "r.xml": "kept", "r.html": "kept"])
    for name in ["r.xml", "r.html"] { #expect(chmod(folder.path + "/" + name, 0o444) == 0) }
    for (option, file, report) in [("--junit", "r.xml", "JUnit"), ("--html", "r.html", "HTML")] {
      let output = try folder.run("run", "pass.chat", option, file)
      #expect(output.status == 2)
      #expect(
        output.stderr
          == "clavard: cannot write the \(report) report \(file): it is read-only (mode 444); make it writable (chmod u+w) to let it be replaced\n"
      )
      #expect(try folder.read(file) == "kept")
    }
  }

  @Test("--junit /dev/stdout writes the report into standard output, a pipe here")
  func junitToStandardOutput() throws {
    let folder = try TemporaryFolder(["pass.chat": SampleScripts.pass])
    let output = try folder.run("run", "pass.chat", "--junit", "/dev/stdout")
    #expect(output.status == 0)
    #expect(output.stdout.hasPrefix("ok   pass.chat\n1 passed, 0 failed\n<?xml version=\"1.0\""))
    #expect(output.stdout.hasSuffix("</testsuites>\n"))
  }

  @Test("--junit onto a named pipe that nothing reads: refused at once, never waited on")
  func junitToANamedPipe() throws {
    let folder = try TemporaryFolder(["pass.chat": SampleScripts.pass])
    #expect(mkfifo(folder.path + "/report.xml", 0o644) == 0)
    let output = try ChildProcess.run(
      try BuiltProducts.clavard(), ["run", "pass.chat", "--junit", "report.xml"], in: folder.path, timeout: 30
    )
    #expect(output.status == 2)
    #expect(
      output.stderr == "clavard: cannot write the JUnit report report.xml: a named pipe that nothing reads\n")
  }

  @Test("a script on standard input larger than 64 MiB is refused when it passes the limit")
  func largeStandardInput() throws {
    let comment = "# " + String(repeating: "x", count: 1000)
    let output = try ChildProcess.run(
      "/bin/sh", ["-c", "yes '\(comment)' | \"$0\" run -", try BuiltProducts.clavard()], memoryLimit: 1 << 30,
      timeout: 60)
    #expect(output.status == 2)
    #expect(
      output.stdout.hasPrefix(
        "FAIL <stdin>\n<stdin>: cannot read standard input: larger than 64 MiB, the most that is read\n"))
  }

  @Test("standard input without line breaks (/dev/zero) stops at the first line past 1 MiB")
  func devZero() throws {
    let output = try ChildProcess.run(
      try BuiltProducts.clavard(), [], input: .path("/dev/zero"), memoryLimit: 1 << 30)
    #expect(output.status == 2)
    #expect(
      output.stdout
        == "FAIL <stdin>\n<stdin>: cannot read standard input: line 1 is longer than 1 MiB, the longest line a script may have\n"
        + SampleScripts.failedList("<stdin>") + "0 passed, 1 failed\n")
    #expect(output.stderr == "")
  }

  @Test("standard input that never ends (yes 'queue a') runs line by line and stops at its first failure")
  func endlessInput() throws {
    let clavard = try BuiltProducts.clavard()
    let output = try ChildProcess.run(
      "/bin/sh", ["-c", "yes 'queue a' | \"$0\"", clavard], memoryLimit: 1 << 30, timeout: 60)
    #expect(output.status == 1)
    #expect(
      output.stdout == """
        FAIL <stdin>
        <stdin>:1:1: the events of `queue a` differ
          + queue a defined: chat, no dispositions
        Failed scripts (1):
          <stdin>
        0 passed, 1 failed

        """)
  }
}
