import ClavardTestSupport
import ContactCenter
import Foundation
import SystemFiles
import Testing

@testable import LineEditor

#if canImport(Glibc)
  import Glibc
#endif

@Suite("What libedit gets for a completion")
struct CompletionMatchesTests {
  @Test("the common prefix first, then the matches; nothing when nothing matches")
  func matches() {
    #expect(LineEditor.matches(for: ["queue", "queues"], word: "q") == ["queue", "queue", "queues"])
    #expect(LineEditor.matches(for: ["login"], word: "lo") == ["login", "login"])
    #expect(LineEditor.matches(for: ["accept", "reject"], word: "") == ["", "accept", "reject"])
    #expect(LineEditor.matches(for: ["accept"], word: "x").isEmpty)
    #expect(LineEditor.matches(for: [], word: "").isEmpty)
  }

  @Test("duplicates and candidates for another word are dropped")
  func filtering() {
    #expect(LineEditor.matches(for: ["alice>", "alice>", "bob>"], word: "a") == ["alice>", "alice>"])
  }

  @Test("the common prefix is cut on characters, not bytes")
  func unicodePrefix() {
    #expect(LineEditor.matches(for: ["élan", "élève"], word: "é") == ["él", "élan", "élève"])
    #expect(
      LineEditor.matches(for: ["e\u{301}a", "e\u{301}b"], word: "") == ["e\u{301}", "e\u{301}a", "e\u{301}b"])
  }

  @Test("file names: folders end with a slash; hidden files only when asked for")
  func fileNames() throws {
    func names(_ word: String) -> [String] {
      LineEditor.fileNames(startingWith: word, leavingOut: Escaping.isUnsafe)
    }
    #expect(names("/proc/sel") == ["/proc/self/"])
    #expect(names("/etc/host").contains("/etc/hostname"))
    #expect(!names("/root/").contains { $0.hasPrefix("/root/.") })
    #expect(names("/nonexistent-folder/x").isEmpty)
  }

  @Test("file names a terminal would act on (controls, bidi overrides, line separators) are left out")
  func hostileFileNames() throws {
    let temporary = try TemporaryFolder()
    let folder = temporary.path
    let hostile = [
      "a\u{1B}]2;PWNED\u{07}x.chat", "a\u{1B}[2J.chat", "a\u{9B}31m.chat", "a\u{202E}tahc.exe",
      "a\u{2028}b.chat",
      "a\nb.chat", "a\u{7F}.chat",
    ]
    for name in hostile + ["ab.chat", "ac été 👍.chat"] {
      #expect(FileManager.default.createFile(atPath: folder + "/" + name, contents: Data()), "\(name)")
    }
    #expect(
      LineEditor.fileNames(startingWith: folder + "/a", leavingOut: Escaping.isUnsafe) == [
        folder + "/ab.chat", folder + "/ac été 👍.chat",
      ])
    // The whole path counts: in a folder whose name holds a control character, nothing is listed.
    try FileManager.default.createDirectory(atPath: folder + "/\u{1B}d", withIntermediateDirectories: false)
    #expect(FileManager.default.createFile(atPath: folder + "/\u{1B}d/ab.chat", contents: Data()))
    #expect(LineEditor.fileNames(startingWith: folder + "/\u{1B}d/a", leavingOut: Escaping.isUnsafe).isEmpty)
    #expect(LineEditor.fileNames(startingWith: folder + "/\u{1B}d/a", leavingOut: { _ in false }).count == 1)
    // Without the rule, every one is listed: the test above would see a hostile name.
    #expect(
      LineEditor.fileNames(startingWith: folder + "/a", leavingOut: { _ in false }).count == hostile.count + 2
    )
    #expect(
      LineEditor.completeOffline(".read \(folder)/a", word: folder + "/a", leavingOut: Escaping.isUnsafe) {
        _ in
        .fileNames
      } == 2)
  }

  @Test("the offline path builds and frees libedit's array")
  func offline() {
    let count = LineEditor.completeOffline("qu", word: "qu", leavingOut: Escaping.isUnsafe) { _ in
      .candidates(["queue", "queues", "agent"])
    }
    #expect(count == 2)
    #expect(
      LineEditor.completeOffline(".read /proc/sel", word: "/proc/sel", leavingOut: Escaping.isUnsafe) { _ in
        .fileNames
      } == 1)
  }
}

@Suite("The history file")
struct HistoryFileTests {
  private func contents(_ path: String) -> String {
    (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
  }

  @Test("appends as it goes, creating the folders; loads oldest first")
  func appendAndLoad() throws {
    let temporary = try TemporaryFolder()
    let folder = temporary.path
    let history = HistoryFile(path: folder + "/state/clavard/history")
    #expect(try history.load().isEmpty)
    try history.append("agent alice")
    try history.append("alice> say \"a\nb\"")
    #expect(contents(history.path) == "agent alice\nalice> say \"a b\"\n")
    #expect(try history.load() == ["agent alice", "alice> say \"a b\""])
    var status = stat()
    #expect(stat(history.path, &status) == 0 && status.st_mode & 0o777 == 0o600)
  }

  @Test("keeps the newest `limit` entries")
  func trims() throws {
    let temporary = try TemporaryFolder()
    let folder = temporary.path
    let history = HistoryFile(path: folder + "/history", limit: 5)
    for index in 1...12 { try history.append("line \(index)") }
    #expect(try history.load() == (8...12).map { "line \($0)" })
    #expect(contents(history.path) == (8...12).map { "line \($0)\n" }.joined())
  }

  @Test("two sessions appending at once lose nothing and clobber nothing")
  func concurrentSessions() async throws {
    let temporary = try TemporaryFolder()
    let folder = temporary.path
    let path = folder + "/history"
    // Each "session" is its own HistoryFile, opening the file itself, as two processes would.
    await withTaskGroup(of: Void.self) { group in
      for session in ["a", "b", "c"] {
        group.addTask {
          let history = HistoryFile(path: path, limit: 2000)
          for index in 1...200 { try? history.append("\(session) \(index)") }
        }
      }
    }
    let lines = try HistoryFile(path: path).load()
    #expect(lines.count == 600)
    for session in ["a", "b", "c"] {
      // Every line is there, in the order its session wrote them.
      #expect(lines.filter { $0.hasPrefix(session + " ") } == (1...200).map { "\(session) \($0)" })
    }
  }

  @Test("sessions trimming at once keep exactly `limit` entries, the newest of each")
  func concurrentTrims() async throws {
    let temporary = try TemporaryFolder()
    let folder = temporary.path
    let path = folder + "/history"
    await withTaskGroup(of: Void.self) { group in
      for session in ["a", "b"] {
        group.addTask {
          let history = HistoryFile(path: path, limit: 50)
          for index in 1...300 { try? history.append("\(session) \(index)") }
        }
      }
    }
    let lines = try HistoryFile(path: path, limit: 1000).load()
    #expect(lines.count == 50)
    // The newest entries: the file ends with one session's last line, and what is left of
    // each session is an unbroken run of its lines, ending with its last one or cut by
    // the other session's later lines.
    #expect(lines.last == "a 300" || lines.last == "b 300")
    for session in ["a", "b"] {
      let numbers = lines.filter { $0.hasPrefix(session + " ") }.compactMap { Int($0.dropFirst(2)) }
      let first = numbers.first ?? 0
      #expect(numbers == Array(first..<(first + numbers.count)))
    }
    // No temporary file is left behind.
    let directory = try #require(opendir(folder))
    var names: [String] = []
    while let entry = readdir(directory) {
      names.append(
        withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) })
    }
    closedir(directory)
    #expect(names.sorted() == [".", "..", "history"])
  }

  @Test("a history that cannot be written says why")
  func unwritable() {
    let history = HistoryFile(path: "/proc/clavard-cannot/history")
    #expect(throws: FileError("/proc/clavard-cannot", reason: "No such file or directory", code: ENOENT)) {
      try history.append("x")
    }
  }

  @Test("a history that is a named pipe, a device or too large is refused at once, never read")
  func notAHistory() throws {
    let folder = try TemporaryFolder(["big": String(repeating: "agent a\n", count: 200)])
    let pipe = folder.path + "/pipe"
    #expect(mkfifo(pipe, 0o600) == 0)
    #expect(throws: FileError(pipe, reason: "not a regular file (a named pipe)")) {
      try HistoryFile(path: pipe).load()
    }
    #expect(throws: FileError(pipe, reason: "not a regular file (a named pipe)")) {
      try HistoryFile(path: pipe).append("agent a")
    }
    #expect(throws: FileError("/dev/zero", reason: "not a regular file (a character device)")) {
      try HistoryFile(path: "/dev/zero").load()
    }
    let big = folder.path + "/big"
    #expect(throws: FileError(big, reason: "larger than 1 KiB, the most that is read")) {
      try HistoryFile(path: big, maximumBytes: 1 << 10).load()
    }
  }

  @Test("a history that is a symbolic link: the file it points to is appended to and trimmed; the link stays")
  func symbolicLink() throws {
    let folder = try TemporaryFolder(["real/history": "old\n"])
    #expect(symlink("real/history", folder.path + "/link") == 0)
    let history = HistoryFile(path: folder.path + "/link", limit: 3)
    for index in 1...5 { try history.append("line \(index)") }
    var status = stat()
    #expect(lstat(folder.path + "/link", &status) == 0 && status.st_mode & S_IFMT == S_IFLNK)
    #expect(try folder.read("real/history") == "line 3\nline 4\nline 5\n")
    #expect(try history.load() == ["line 3", "line 4", "line 5"])
  }

  @Test("two processes appending to one history, trimming all along, lose no line")
  func twoProcesses() async throws {
    let folder = try TemporaryFolder()
    let path = folder.path + "/history"
    let bench = try BuiltProducts.bench()
    // A limit of 100, so that nearly every append also trims (renames a new file over the
    // old one) while the other process waits for the lock.
    async let first = Task.detached {
      try ChildProcess.run(bench, ["append-history", path, "600", "a", "100"])
    }
    .value
    async let second = Task.detached {
      try ChildProcess.run(bench, ["append-history", path, "600", "b", "100"])
    }
    .value
    let results = try await [first, second]
    for result in results { #expect(result.status == 0, "\(result.stderr)") }
    let lines = try HistoryFile(path: path, limit: 100).load()
    #expect(lines.count == 100)
    for session in ["a", "b"] {
      let numbers = lines.filter { $0.hasPrefix(session + " ") }.compactMap { Int($0.dropFirst(2)) }
      // What is left of each is an unbroken run: none lost in the middle.
      if let last = numbers.last {
        #expect(numbers == Array((last + 1 - numbers.count)...last))
      }
    }
    // The newest line is one process's last.
    #expect(lines.last == "a 600" || lines.last == "b 600")
    for session in ["a", "b"] where lines.last?.hasPrefix(session) == false {
      // The other finished first: its last line is there or was trimmed away, never lost
      // from the middle.
      #expect(lines.filter { $0.hasPrefix(session + " ") }.last.map { $0 == "\(session) 600" } ?? true)
    }
  }
}
