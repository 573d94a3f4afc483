import ClavardTestSupport
import Foundation
import Testing

@testable import clavard

/// `clavard run --update` as a process: what is written, what is refused, what is printed.
@Suite struct UpdateCommandTests {
  static let outOfDate = """
    # covers: SES-2
    use setup.chat

    step SES-2 "ready"
    # the line below is out of date
    alice> ready
    < alice is ready to work (Available)
    alice> status available
    alice> login
    < alice logged in

    """

  static let upToDate = """
    # covers: SES-2
    use setup.chat

    step SES-2 "ready"
    # the line below is out of date
    alice> ready
    < alice is ready to work (Working Offline)
    alice> status available
    < alice is now Available
    alice> login
    ! alice is already logged in

    """

  static let setupOutOfDate = SampleScripts.setup.replacing("< alice logged in\n", with: "")

  @Test("--update rewrites the scripts and the files they include, says which changed, and reruns them")
  func update() throws {
    let folder = try TemporaryFolder([
      "w.chat": Self.outOfDate, "setup.chat": Self.setupOutOfDate, "pass.chat": SampleScripts.pass,
    ])
    let before = try folder.run("run", "w.chat")
    #expect(before.status == 1)
    let output = try folder.run("run", "--update", "w.chat", "pass.chat")
    #expect(output.status == 0)
    #expect(output.stdout == Self.updatedLines + "ok   pass.chat\nok   w.chat\n2 passed, 0 failed\n")
    #expect(output.stderr == "")
    #expect(try folder.read("w.chat") == Self.upToDate)
    #expect(try folder.read("setup.chat") == SampleScripts.setup)
    #expect(try folder.read("pass.chat") == SampleScripts.pass)
    // No temporary file is left behind.
    #expect(folder.files() == ["pass.chat", "setup.chat", "w.chat"])
    #expect(try folder.run("run", "w.chat").status == 0)
    let again = try folder.run("run", "--update", "w.chat", "pass.chat")
    #expect(again.status == 0)
    #expect(again.stdout == "no file changed\nok   pass.chat\nok   w.chat\n2 passed, 0 failed\n")
    #expect(try folder.read("w.chat") == Self.upToDate)
  }

  /// What `--update` of `w.chat` (and the `setup.chat` it uses) says: each file and its diff.
  static let updatedLines = """
    updated setup.chat
    --- setup.chat
    +++ setup.chat
    @@ -3,3 +3,4 @@
     agent alice queues=support
     < agent alice defined: queues support
     alice> login
    +< alice logged in
    updated w.chat
    --- w.chat
    +++ w.chat
    @@ -4,7 +4,8 @@
     step SES-2 "ready"
     # the line below is out of date
     alice> ready
    -< alice is ready to work (Available)
    +< alice is ready to work (Working Offline)
     alice> status available
    +< alice is now Available
     alice> login
    -< alice logged in
    +! alice is already logged in

    """

  @Test("--update --dry-run: the same diff, nothing written, nothing run again")
  func dryRun() throws {
    let folder = try TemporaryFolder(["w.chat": Self.outOfDate, "setup.chat": Self.setupOutOfDate])
    let output = try folder.run("run", "--update", "--dry-run", "w.chat")
    #expect(output.status == 0)
    #expect(output.stdout == Self.updatedLines.replacing("updated ", with: "would update "))
    #expect(output.stderr == "")
    #expect(try folder.read("w.chat") == Self.outOfDate)
    #expect(try folder.read("setup.chat") == Self.setupOutOfDate)
    #expect(folder.files() == ["setup.chat", "w.chat"])
    try folder.write("setup.chat", SampleScripts.setup)
    try folder.write("w.chat", Self.upToDate)
    #expect(try folder.run("run", "--update", "--dry-run", "w.chat").stdout == "no file would change\n")
    let alone = try folder.run("run", "--dry-run", "w.chat")
    #expect(alone.status == 2)
    #expect(
      alone.stderr.hasPrefix("Error: --dry-run shows what --update would change; use it with --update\n"))
  }

  @Test("two scripts that would rewrite their fragment differently: refused, both named, nothing written")
  func conflictingFragment() throws {
    let first = "use setup/queue.chat\n"
    let second =
      "queue support media=chat\n< queue support defined: chat, no dispositions\nuse setup/queue.chat\n"
    let folder = try TemporaryFolder([
      "a.chat": first, "b.chat": second, "setup/queue.chat": "# shared\nqueue support media=chat\n",
    ])
    let output = try folder.run("run", "--update", ".")
    #expect(output.status == 2)
    #expect(
      output.stdout == """
        FAIL setup/queue.chat
        setup/queue.chat:2:1: a.chat and b.chat would write different lines under this command: a fragment's lines must hold in every script that uses it
        Failed scripts (1):
          setup/queue.chat
        0 passed, 1 failed

        """)
    #expect(output.stderr == "nothing was updated: fix these files first\n")
    #expect(try folder.read("setup/queue.chat") == "# shared\nqueue support media=chat\n")
    #expect(try folder.read("a.chat") == first)
  }

  @Test("--update says which file it changed with its name escaped")
  func hostileName() throws {
    let name = "w\u{1B}]2;x\u{7}\u{202E}.chat"
    let folder = try TemporaryFolder([name: "queue support media=chat\n"])
    let output = try folder.run("run", "--update", name)
    #expect(output.status == 0)
    #expect(
      output.stdout.hasPrefix(
        "updated w\\u{1B}]2;x\\u{7}\\u{202E}.chat\n--- w\\u{1B}]2;x\\u{7}\\u{202E}.chat\n"))
    #expect(!output.stdout.unicodeScalars.contains { [0x07, 0x1B, 0x202E].contains($0.value) })
  }

  @Test("--update --tap: stdout stays a TAP stream; the files changed are said on stderr")
  func updateWithTAP() throws {
    let folder = try TemporaryFolder(["w.chat": Self.outOfDate, "setup.chat": SampleScripts.setup])
    let output = try folder.run("run", "--update", "--tap", "w.chat")
    #expect(output.status == 0)
    #expect(output.stdout == "TAP version 13\n1..1\nok 1 - w.chat\n# 1 passed, 0 failed\n")
    #expect(output.stderr.hasPrefix("updated w.chat\n--- w.chat\n+++ w.chat\n@@ -4,7 +4,8 @@\n"))
    let refused = try TemporaryFolder(["broken.chat": SampleScripts.broken]).run(
      "run", "--update", "--tap", ".")
    #expect(refused.status == 2)
    #expect(refused.stdout.hasPrefix("TAP version 13\n1..1\nnot ok 1 - broken.chat\n"))
    #expect(refused.stdout.hasSuffix("# 0 passed, 1 failed\n"))
  }

  @Test("--update keeps the file's permissions and writes through a symbolic link")
  func permissionsAndLinks() throws {
    let folder = try TemporaryFolder(["real/w.chat": Self.outOfDate, "real/setup.chat": SampleScripts.setup])
    let real = folder.url.appendingPathComponent("real/w.chat").path
    try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: real)
    let link = folder.url.appendingPathComponent("real/link.chat").path
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "w.chat")
    let output = try folder.run("run", "--update", "real/w.chat")
    #expect(output.status == 0)
    let attributes = try FileManager.default.attributesOfItem(atPath: real)
    #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o640)
    try folder.write("real/w.chat", Self.outOfDate)
    // Through the link: the link stays a link, the file it points to is updated.
    let linked = try folder.run("run", "--update", "real/link.chat")
    #expect(linked.stdout.hasPrefix("updated real/link.chat\n"))
    #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "w.chat")
    #expect(try folder.read("real/w.chat") == Self.upToDate)
  }

  @Test("--update refuses when a file does not parse: exit 2, nothing written")
  func refusesBrokenFiles() throws {
    let folder = try TemporaryFolder([
      "w.chat": Self.outOfDate, "setup.chat": SampleScripts.setup, "broken.chat": SampleScripts.broken,
    ])
    let output = try folder.run("run", "--update", ".")
    #expect(output.status == 2)
    #expect(output.stderr == "nothing was updated: fix these files first\n")
    #expect(
      output.stdout == SampleScripts.brokenFailure + SampleScripts.failedList("broken.chat")
        + "0 passed, 1 failed\n")
    #expect(try folder.read("w.chat") == Self.outOfDate)
  }

  @Test("--update refuses when an included file does not parse")
  func refusesBrokenIncludes() throws {
    let folder = try TemporaryFolder([
      "w.chat": Self.outOfDate, "setup.chat": SampleScripts.broken.replacing("broken", with: "setup"),
    ])
    let output = try folder.run("run", "--update", "w.chat")
    #expect(output.status == 2)
    #expect(output.stderr == "nothing was updated: fix these files first\n")
    #expect(
      output.stdout.hasPrefix(
        "FAIL setup.chat\nsetup.chat:3:1: unknown command 'bogus'; an actor's command is written 'name> command'\n"
      ))
    #expect(try folder.read("w.chat") == Self.outOfDate)
  }

  @Test("an expect that does not hold is left as written, and the script is reported as still failing")
  func failedExpect() throws {
    let script = """
      use setup.chat
      expect alice status available
      alice> ready

      """
    let folder = try TemporaryFolder(["e.chat": script, "setup.chat": SampleScripts.setup])
    let output = try folder.run("run", "--update", "e.chat")
    #expect(output.status == 1)
    #expect(
      output.stdout
        == """
        updated e.chat
        --- e.chat
        +++ e.chat
        @@ -1,3 +1,4 @@
         use setup.chat
         expect alice status available
         alice> ready
        +< alice is ready to work (Working Offline)
        FAIL e.chat
        e.chat:2:1: expected alice status not-ready, but it is logged-out
        Failed scripts (1):
          e.chat
        0 passed, 1 failed

        """.replacing("not-ready, but it is logged-out", with: "available, but it is not-ready"))
    #expect(
      try folder.read("e.chat")
        == script.replacing(
          "alice> ready\n", with: "alice> ready\n< alice is ready to work (Working Offline)\n"))
  }
}

/// `--update` writing files: nothing lost, nothing replaced that should not be.
@Suite struct UpdateSafetyTests {
  @Test("a script that is read-only is not replaced (even by root); the others are, exit 2")
  func readOnly() throws {
    let folder = try TemporaryFolder([
      "w.chat": UpdateCommandTests.outOfDate, "v.chat": UpdateCommandTests.outOfDate,
      "setup.chat": SampleScripts.setup,
    ])
    #expect(chmod(folder.path + "/w.chat", 0o444) == 0)
    let output = try folder.run("run", "--update", "v.chat", "w.chat")
    #expect(output.status == 2)
    #expect(
      output.stderr
        == "clavard: cannot write w.chat: it is read-only (mode 444); make it writable (chmod u+w) to let it be replaced\n"
    )
    #expect(output.stdout.hasPrefix("updated v.chat\n--- v.chat\n+++ v.chat\n"))
    #expect(!output.stdout.contains("updated w.chat"))
    #expect(try folder.read("w.chat") == UpdateCommandTests.outOfDate)
    #expect(try folder.read("v.chat") == UpdateCommandTests.upToDate)
  }

  @Test("the script keeps its owner, group and mode (as root, someone else's script stays theirs)")
  func owner() throws {
    let folder = try TemporaryFolder([
      "w.chat": UpdateCommandTests.outOfDate, "setup.chat": SampleScripts.setup,
    ])
    let path = folder.path + "/w.chat"
    let owner: (uid_t, gid_t) = geteuid() == 0 ? (1234, 5678) : (geteuid(), getegid())
    #expect(chown(path, owner.0, owner.1) == 0 && chmod(path, 0o664) == 0)
    #expect(try folder.run("run", "--update", "w.chat").status == 0)
    var status = stat()
    #expect(stat(path, &status) == 0)
    #expect(status.st_uid == owner.0 && status.st_gid == owner.1 && status.st_mode & 0o7777 == 0o664)
    #expect(try folder.read("w.chat") == UpdateCommandTests.upToDate)
  }

  @Test("a file whose bytes changed since they were parsed is not written (here: by its other name)")
  func changedSinceParsed() throws {
    let folder = try TemporaryFolder([
      "w.chat": UpdateCommandTests.outOfDate, "setup.chat": SampleScripts.setup,
    ])
    // x.chat is w.chat: once w.chat is written, x.chat no longer holds the bytes parsed as x.chat.
    #expect(symlink("w.chat", folder.path + "/x.chat") == 0)
    let output = try folder.run("run", "--update", "w.chat", "x.chat")
    #expect(output.status == 2)
    #expect(output.stdout.hasPrefix("updated w.chat\n--- w.chat\n+++ w.chat\n"))
    #expect(!output.stdout.contains("updated x.chat"))
    #expect(
      output.stderr
        == "clavard: cannot write x.chat: it changed since it was read; nothing was written to it\n")
    #expect(try folder.read("w.chat") == UpdateCommandTests.upToDate)
  }

  @Test("--update reads each file once: what it parses is what it rewrites, whatever the disk says later")
  func snapshots() throws {
    let folder = try TemporaryFolder(["w.chat": "agent a\n"])
    let snapshots = FileSnapshots()
    #expect(try snapshots.read(folder.path + "/w.chat") == Array("agent a\n".utf8))
    try folder.write("w.chat", "agent b\n")
    #expect(try snapshots.read(folder.path + "/w.chat") == Array("agent a\n".utf8))
  }

  @Test("a 250-byte file name can be updated: the temporary name is short")
  func longName() throws {
    let name = String(repeating: "n", count: 245) + ".chat"
    let folder = try TemporaryFolder([name: UpdateCommandTests.outOfDate, "setup.chat": SampleScripts.setup])
    let output = try folder.run("run", "--update", name)
    #expect(output.status == 0)
    #expect(try folder.read(name) == UpdateCommandTests.upToDate)
  }

  @Test("temporary files left by an --update killed with SIGKILL are removed by the next one")
  func leftoversOfAKilledUpdate() throws {
    let ended = try ChildProcess.run("/bin/sh", ["-c", "echo $$"]).stdout.filter(\.isNumber)
    let folder = try TemporaryFolder([
      "w.chat": UpdateCommandTests.outOfDate, "setup.chat": SampleScripts.setup,
      ".clavard-\(ended)-Xk3pQ9": "half a script",
    ])
    #expect(try folder.run("run", "--update", "w.chat").status == 0)
    #expect(folder.files() == ["setup.chat", "w.chat"])
  }

  @Test("as a user who may not write the script, or could not give it back to its owner: not replaced")
  func otherUsersFiles() throws {
    let folder = try TemporaryFolder([
      "w.chat": UpdateCommandTests.outOfDate, "v.chat": UpdateCommandTests.outOfDate,
      "setup.chat": SampleScripts.setup,
    ])
    // A folder anyone may write to; w.chat is root's and only root's to write; v.chat anyone's.
    #expect(chmod(folder.path, 0o777) == 0)
    #expect(chmod(folder.path + "/w.chat", 0o644) == 0 && chmod(folder.path + "/v.chat", 0o666) == 0)
    let clavard = try BuiltProducts.clavard()
    let output = try ChildProcess.run(
      clavard, ["run", "--update", "w.chat", "v.chat"], in: folder.path, user: ChildProcess.nobody)
    #expect(output.status == 2)
    #expect(
      output.stderr == """
        clavard: cannot write v.chat: cannot give the new file the owner and group of the old one (Operation not permitted)
        clavard: cannot write w.chat: it is not writable (Permission denied)

        """)
    #expect(try folder.read("w.chat") == UpdateCommandTests.outOfDate)
    #expect(try folder.read("v.chat") == UpdateCommandTests.outOfDate)
    #expect(folder.files() == ["setup.chat", "v.chat", "w.chat"])
  }
}
