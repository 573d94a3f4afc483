import ClavardTestSupport
import REPL
import Testing

@testable import clavard

#if canImport(Glibc)
  import Glibc
#endif

/// The REPL's files on a real disk (`clavard repl` on a pipe): recordings that cannot be
/// written whole, and files `.save` must not replace.
@Suite struct REPLFileTests {
  @Test(
    ".record onto a disk that fills: cut back to the last complete command, said, and the file still passes")
  func recordingOnAFullDisk() throws {
    let folder = try TemporaryFolder()
    let lines = [".record r.chat"] + (1...30).map { "agent agent-with-a-long-name-\($0)" }
    let output = try ChildProcess.run(
      try BuiltProducts.clavard(), ["repl"], in: folder.path,
      input: .bytes(Array((lines.joined(separator: "\n") + "\n").utf8)), fileSizeLimit: 500)
    #expect(
      output.stdout.contains(
        "error: cannot write to r.chat: File too large; the file was cut back to its last complete command; "
          + "the recording stopped\n"))
    let recorded = try folder.read("r.chat")
    #expect(recorded.hasSuffix(" defined: no queues\n"))
    #expect(recorded.utf8.count <= 500)
    let run = try folder.run("run", "r.chat")
    #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
  }

  @Test(".save does not replace an existing file unless told to, nor a read-only one; it keeps the owner")
  func saveOverFiles() throws {
    let folder = try TemporaryFolder(["old.chat": "# mine\n", "ro.chat": "# read-only\n"])
    #expect(chmod(folder.path + "/ro.chat", 0o444) == 0)
    let owner: (uid_t, gid_t) = geteuid() == 0 ? (1234, 5678) : (geteuid(), getegid())
    #expect(chown(folder.path + "/old.chat", owner.0, owner.1) == 0)
    let input = "agent alice\n.save old.chat\n.save old.chat --replace\n.save ro.chat --replace\n"
    let output = try folder.run("repl", input: .bytes(Array(input.utf8)))
    #expect(
      output.stdout == """
        < agent alice defined: no queues
        error: old.chat already exists; `.save old.chat --replace` replaces it
        # saved 2 lines to old.chat
        error: cannot write ro.chat: it is read-only (mode 444); make it writable (chmod u+w) to let it be replaced

        """)
    #expect(output.status == 1)
    #expect(try folder.read("old.chat").hasSuffix("agent alice\n< agent alice defined: no queues\n"))
    #expect(try folder.read("ro.chat") == "# read-only\n")
    var status = stat()
    #expect(
      stat(folder.path + "/old.chat", &status) == 0 && status.st_uid == owner.0 && status.st_gid == owner.1)
  }

  @Test("a recording whose folder was removed is reported at the next command, not written to nowhere")
  func recordingRemoved() throws {
    let folder = try TemporaryFolder()
    let repl = REPLSession(files: DiskFiles())
    var output = ""
    _ = repl.handle(".record \(folder.path)/sub/r.chat", into: &output)
    #expect(output.hasPrefix("error: cannot record to"))
    try folder.write("sub/keep", "")
    output = ""
    _ = repl.handle(".record \(folder.path)/sub/r.chat", into: &output)
    _ = repl.handle("agent alice", into: &output)
    #expect(unlink(folder.path + "/sub/r.chat") == 0 && unlink(folder.path + "/sub/keep") == 0)
    #expect(rmdir(folder.path + "/sub") == 0)
    output = ""
    _ = repl.handle("agent bob", into: &output)
    #expect(
      output == """
        < agent bob defined: no queues
        error: cannot write to \(folder.path)/sub/r.chat: the file is no longer there (deleted, moved or replaced); \
        the recording stopped

        """)
    #expect(!repl.isRecording)
  }
}
