import ClavardTestSupport
import Foundation
import Glibc
import Testing

@testable import SystemFiles

@Suite("Reading files: never blocking, never unbounded")
struct ReadingTests {
  @Test("a named pipe is refused at once, without a writer (open used to wait forever)")
  func namedPipe() throws {
    let folder = try TemporaryFolder()
    let pipe = folder.path + "/p.chat"
    #expect(mkfifo(pipe, 0o644) == 0)
    #expect(throws: FileError(pipe, reason: "not a regular file (a named pipe)")) {
      try FileSystem.readFile(pipe, maximumBytes: 1 << 20)
    }
  }

  @Test("a device, a folder and a file past the limit are refused with their reason")
  func refusals() throws {
    let folder = try TemporaryFolder(["big.chat": String(repeating: "a", count: 2000)])
    #expect(throws: FileError("/dev/zero", reason: "not a regular file (a character device)")) {
      try FileSystem.readFile("/dev/zero", maximumBytes: 1 << 20)
    }
    #expect(throws: FileError(folder.path, reason: "not a regular file (a folder)")) {
      try FileSystem.readFile(folder.path, maximumBytes: 1 << 20)
    }
    let big = folder.path + "/big.chat"
    #expect(throws: FileError(big, reason: "larger than 1 KiB, the most that is read")) {
      try FileSystem.readFile(big, maximumBytes: 1 << 10)
    }
    #expect(try FileSystem.readFile(big, maximumBytes: 2000).count == 2000)
    #expect(throws: FileError(folder.path + "/none", reason: "No such file or directory", code: ENOENT)) {
      try FileSystem.readFile(folder.path + "/none", maximumBytes: 10)
    }
  }

  @Test("a name with a NUL is refused, not cut short (`setup.chat\\u{0}x` is not `setup.chat`)")
  func nulInName() throws {
    let folder = try TemporaryFolder(["setup.chat": "x"])
    let path = folder.path + "/setup.chat\u{0}x"
    #expect(throws: FileError(path, reason: "a file name cannot contain the character U+0000 (NUL)")) {
      try FileSystem.readFile(path, maximumBytes: 10)
    }
  }

  @Test("a name that is not UTF-8 is spelt with \\x escapes, and that spelling opens the file")
  func nonUTF8Names() throws {
    let folder = try TemporaryFolder()
    let raw = Array(folder.path.utf8) + Array("/lat".utf8) + [0xE9] + Array(".chat".utf8)
    let descriptor = open(raw.map { CChar(bitPattern: $0) } + [0], O_WRONLY | O_CREAT, 0o644)
    #expect(descriptor >= 0)
    _ = write(descriptor, "agent a\n", 8)
    close(descriptor)
    let contents = FileSystem.files(under: folder.path) { $0.hasSuffix(".chat") }
    #expect(contents.files == [folder.path + "/lat\\xE9.chat"])
    #expect(PathNames.bytes(folder.path + "/lat\\xE9.chat") == raw)
    #expect(
      try FileSystem.readFile(folder.path + "/lat\\xE9.chat", maximumBytes: 100) == Array("agent a\n".utf8))
    // A path built from the remembered name works too (`use` lines resolve that way).
    #expect(PathNames.bytes("./lat\\xE9.chat") == Array("./lat".utf8) + [0xE9] + Array(".chat".utf8))
    #expect(PathNames.name([0x61, 0xFF, 0xC3, 0xA9]) == "a\\xFFé")
  }
}

@Suite("Writing: every write checked")
struct WritingTests {
  @Test("a full disk and a closed descriptor are errors, with the system's words")
  func failures() throws {
    let full = open("/dev/full", O_WRONLY)
    defer { close(full) }
    #expect(throws: FileError("report", reason: "No space left on device", code: ENOSPC)) {
      try FileSystem.writeAll(Array("x".utf8), to: full, path: "report")
    }
    #expect(throws: FileError("report", reason: "Bad file descriptor", code: EBADF)) {
      try FileSystem.writeAll(Array("x".utf8), to: 9999, path: "report")
    }
  }

  @Test("replacing keeps the mode, the owner and the group, and follows a link")
  func replaceKeeps() throws {
    let folder = try TemporaryFolder(["w.chat": "old\n"])
    let path = folder.path + "/w.chat"
    #expect(chmod(path, 0o640) == 0)
    let owner: (uid_t, gid_t) = geteuid() == 0 ? (1234, 5678) : (geteuid(), getegid())
    #expect(chown(path, owner.0, owner.1) == 0)
    #expect(symlink("w.chat", folder.path + "/link.chat") == 0)
    try FileSystem.replaceFile(folder.path + "/link.chat", with: Array("new\n".utf8))
    var status = stat()
    #expect(stat(path, &status) == 0)
    #expect(status.st_mode & 0o7777 == 0o640)
    #expect(status.st_uid == owner.0 && status.st_gid == owner.1)
    #expect(try folder.read("w.chat") == "new\n")
    #expect(lstat(folder.path + "/link.chat", &status) == 0 && status.st_mode & S_IFMT == S_IFLNK)
    #expect(folder.files() == ["link.chat", "w.chat"])
  }

  @Test("a read-only file is not replaced, even by root")
  func readOnly() throws {
    let folder = try TemporaryFolder(["w.chat": "old\n"])
    let path = folder.path + "/w.chat"
    #expect(chmod(path, 0o444) == 0)
    #expect(
      throws: FileError(
        path, reason: "it is read-only (mode 444); make it writable (chmod u+w) to let it be replaced")
    ) {
      try FileSystem.replaceFile(path, with: Array("new\n".utf8))
    }
    #expect(try folder.read("w.chat") == "old\n")
  }

  @Test("a file whose bytes changed since they were read is not replaced")
  func changedSinceRead() throws {
    let folder = try TemporaryFolder(["w.chat": "edited\n"])
    let path = folder.path + "/w.chat"
    #expect(throws: FileError(path, reason: "it changed since it was read; nothing was written to it")) {
      try FileSystem.replaceFile(path, with: Array("new\n".utf8), original: Array("old\n".utf8))
    }
    #expect(try folder.read("w.chat") == "edited\n")
    try FileSystem.replaceFile(path, with: Array("new\n".utf8), original: Array("edited\n".utf8))
    #expect(try folder.read("w.chat") == "new\n")
  }

  @Test("a 250-byte name can be replaced: the temporary file's name is short")
  func longName() throws {
    let name = String(repeating: "n", count: 245) + ".chat"
    let folder = try TemporaryFolder([name: "old\n"])
    try FileSystem.replaceFile(folder.path + "/" + name, with: Array("new\n".utf8))
    #expect(try folder.read(name) == "new\n")
    #expect(folder.files() == [name])
  }

  @Test("temporary files of a process that no longer runs are removed; others are left")
  func abandonedTemporaries() throws {
    // A process that has ended: its id is free (until reused, which these tests do not race).
    let ended = try ChildProcess.run("/bin/sh", ["-c", "echo $$"]).stdout.trimmingCharacters(
      in: .whitespacesAndNewlines)
    let folder = try TemporaryFolder([
      ".clavard-\(ended)-abcdef": "half", ".clavard-1-abcdef": "init's", ".clavard-x-abcdef": "not ours",
      "w.chat": "old\n",
    ])
    #expect(FileSystem.abandonedTemporaryOwner(Array(".clavard-\(ended)-abcdef".utf8)) == pid_t(ended))
    try FileSystem.replaceFile(folder.path + "/w.chat", with: Array("new\n".utf8))
    #expect(folder.files() == [".clavard-1-abcdef", ".clavard-x-abcdef", "w.chat"])
  }

  @Test("a recording that was deleted is reported on the next append")
  func deletedRecording() throws {
    let folder = try TemporaryFolder()
    let path = folder.path + "/r.chat"
    let file = try AppendingFile(creating: path)
    try file.append(Array("agent a\n".utf8))
    #expect(throws: FileError(path, reason: "File exists", code: EEXIST)) {
      _ = try AppendingFile(creating: path)
    }
    #expect(unlink(path) == 0)
    #expect(throws: FileError(path, reason: "the file is no longer there (deleted, moved or replaced)")) {
      try file.append(Array("agent b\n".utf8))
    }
  }
}

@Suite("Reading a stream a line at a time")
struct LineReaderTests {
  @Test("lines with and without a final newline; a long line is given up and reading goes on")
  func lines() throws {
    let folder = try TemporaryFolder(["in": "a\n" + String(repeating: "x", count: 300) + "\nb\r\nc"])
    let descriptor = open(folder.path + "/in", O_RDONLY)
    defer { close(descriptor) }
    var reader = LineReader(descriptor: descriptor, maximumLineBytes: 100, name: "in")
    var lines: [LineReader.Line] = []
    while let line = try reader.next() { lines.append(line) }
    #expect(lines == [.text(Array("a".utf8)), .tooLong, .text(Array("b\r".utf8)), .text(Array("c".utf8))])
  }

  @Test("/dev/zero, which has no line break, answers at once with one line too long")
  func devZero() throws {
    let descriptor = open("/dev/zero", O_RDONLY)
    defer { close(descriptor) }
    var reader = LineReader(descriptor: descriptor, maximumLineBytes: 1 << 20, name: "zero")
    #expect(try reader.next() == .tooLong)
  }
}
