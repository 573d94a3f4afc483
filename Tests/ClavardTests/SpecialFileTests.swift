import ClavardTestSupport
import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Files that are not scripts, and folders and names that are unusual: never read forever,
/// never blocked on, never skipped in silence; each gets a message that says what is wrong.
@Suite struct SpecialFileTests {
  @Test("`use /dev/zero` fails the script with a clear reason instead of filling memory")
  func deviceIsRefused() throws {
    let folder = try TemporaryFolder(["main.chat": "use /dev/zero\n"])
    let output = try folder.run("run", "main.chat")
    #expect(output.status == 1)
    #expect(
      output.stdout.contains("main.chat:1:1: cannot read /dev/zero: not a regular file (a character device)"))
    #expect(output.stdout.hasSuffix("0 passed, 1 failed\n"))
  }

  @Test("a named pipe in a folder, in `use`, as the catalogue: refused at once, never waited on")
  func namedPipes() throws {
    let folder = try TemporaryFolder(["a.chat": SampleScripts.pass, "main.chat": "use p.fifo\n"])
    #expect(mkfifo(folder.path + "/p.chat", 0o644) == 0)
    #expect(mkfifo(folder.path + "/p.fifo", 0o644) == 0)
    #expect(mkfifo(folder.path + "/cat.tsv", 0o644) == 0)
    let clavard = try BuiltProducts.clavard()
    let run = try ChildProcess.run(clavard, ["run", "."], in: folder.path, timeout: 30)
    #expect(run.status == 2)
    #expect(
      run.stdout.contains("FAIL p.chat\np.chat: cannot read this file: not a regular file (a named pipe)\n"))
    #expect(run.stdout.contains("main.chat:1:1: cannot read p.fifo: not a regular file (a named pipe)\n"))
    let coverage = try ChildProcess.run(
      clavard, ["coverage", "a.chat", "--catalogue", "cat.tsv"], in: folder.path, timeout: 30)
    #expect(coverage.status == 2)
    #expect(
      coverage.stderr
        == "clavard: cannot read the requirement catalogue cat.tsv: not a regular file (a named pipe)\n")
    let read = try ChildProcess.run(
      clavard, ["repl"], in: folder.path, input: .bytes(Array(".read p.chat\n".utf8)), timeout: 30)
    #expect(read.stdout == "error: cannot read p.chat: not a regular file (a named pipe)\n")
  }

  @Test("a folder that cannot be read, inside a suite or named: reported, exit 2, never 'no .chat files'")
  func unreadableFolders() throws {
    let folder = try TemporaryFolder([
      "suite/pass.chat": SampleScripts.pass, "suite/locked/fail.chat": SampleScripts.fail,
      "locked/fail.chat": SampleScripts.fail,
    ])
    #expect(chmod(folder.path + "/suite/locked", 0) == 0)
    #expect(chmod(folder.path + "/locked", 0) == 0)
    // Root reads any folder: the run is as `nobody`, as a CI user would be.
    let clavard = try BuiltProducts.clavard()
    let suite = try ChildProcess.run(clavard, ["run", "suite"], in: folder.path, user: ChildProcess.nobody)
    #expect(suite.status == 2)
    #expect(
      suite.stdout
        == "FAIL suite/locked\nsuite/locked: cannot read this folder: Permission denied\nok   suite/pass.chat\n"
        + SampleScripts.failedList("suite/locked") + "1 passed, 1 failed\n")
    #expect(suite.stderr == "")
    let named = try ChildProcess.run(clavard, ["run", "locked"], in: folder.path, user: ChildProcess.nobody)
    #expect(named.status == 2)
    #expect(
      named.stdout
        == "FAIL locked\nlocked: cannot read this folder: Permission denied\n"
        + SampleScripts.failedList("locked")
        + "0 passed, 1 failed\n")
  }

  @Test("a loop of symbolic links named on the command line says so")
  func symbolicLinkLoop() throws {
    let folder = try TemporaryFolder()
    #expect(symlink("b.chat", folder.path + "/a.chat") == 0)
    #expect(symlink("a.chat", folder.path + "/b.chat") == 0)
    let output = try folder.run("run", "a.chat")
    #expect(output.status == 2)
    #expect(
      output.stdout.hasPrefix(
        "FAIL a.chat\na.chat: cannot read this file: Too many levels of symbolic links\n"))
  }

  @Test("a file name that is not UTF-8 can be run, named or found in a folder, and is shown escaped")
  func nonUTF8Names() throws {
    let folder = try TemporaryFolder(["pass.chat": SampleScripts.pass])
    // lat\351.chat, as a Latin-1 system names it.
    let made = try ChildProcess.run(
      "/bin/sh", ["-c", "cp pass.chat \"$(printf 'lat\\351.chat')\""], in: folder.path)
    #expect(made.status == 0)
    let clavard = try BuiltProducts.clavard()
    let found = try ChildProcess.run(clavard, ["run", "."], in: folder.path)
    #expect(found.status == 0)
    #expect(found.stdout == "ok   lat\\xE9.chat\nok   pass.chat\n2 passed, 0 failed\n")
    let named = try ChildProcess.run(
      "/bin/sh", ["-c", "exec \"$0\" run \"$(printf 'lat\\351.chat')\"", clavard], in: folder.path)
    #expect(named.status == 0)
    #expect(named.stdout == "ok   lat\\xE9.chat\n1 passed, 0 failed\n")
  }

  @Test("a line longer than 1 MiB, in a file or in `use`, is refused with its number")
  func longLine() throws {
    let long = String(repeating: "a", count: (1 << 20) + 1)
    let folder = try TemporaryFolder(["long.chat": "agent a\n\(long)\n", "main.chat": "use long.chat\n"])
    let output = try folder.run("run", "long.chat", "main.chat")
    #expect(output.status == 2)
    #expect(
      output.stdout.hasPrefix(
        "FAIL long.chat\nlong.chat: cannot read this file: line 2 is longer than 1 MiB, the longest line a script may have\n"
      ))
    #expect(
      output.stdout.contains(
        "main.chat:1:1: cannot read long.chat: line 2 is longer than 1 MiB, the longest line a script may have\n"
      ))
  }

  @Test("a `use` path with a NUL is refused, not cut short at it")
  func nulInUse() throws {
    let folder = try TemporaryFolder([
      "setup.chat": SampleScripts.setup, "main.chat": "use \"setup.chat\\u{0}x\"\n",
    ])
    let output = try folder.run("run", "main.chat")
    #expect(output.status == 1)
    #expect(
      output.stdout.contains(
        "main.chat:1:1: 'use \"setup.chat\\u{0}x\"': a path cannot hold a NUL character\n"
      ))
  }
}
