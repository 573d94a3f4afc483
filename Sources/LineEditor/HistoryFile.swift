import Glibc
import SystemFiles

/// A history file shared by every session that uses it: one line per entry, oldest first.
///
/// Each line is appended as it is entered, under an advisory lock (`flock`) that a session
/// waits for as long as it takes, and the file is trimmed to the newest `limit` entries under
/// the same lock, from what the file holds at that moment: never from a session's copy in
/// memory. Two sessions running at once therefore both keep every line. A trim writes a new
/// file and renames it over the old one, so a crash leaves the old file or the new one, never
/// a half-written one; a session that waited for the lock on the old file notices the rename
/// and locks the new one.
///
/// A symbolic link is followed, as readline does: the file it points to is read, appended to
/// and trimmed, and the link stays a link. A path that is not a regular file (a named pipe,
/// `/dev/zero`) or a file larger than ``maximumBytes`` is refused with a ``FileError``, never
/// read: the caller goes on without a history.
public struct HistoryFile: Sendable {
  /// The path as given.
  public let path: String
  public let limit: Int
  /// The most a history file may hold. 2,000 entries of 100 bytes are 200 KB; entries are at
  /// most 10,000 characters long, and trims keep the file under this size whatever they hold.
  public let maximumBytes: Int

  public init(path: String, limit: Int = 2000, maximumBytes: Int = 4 << 20) {
    self.path = path
    self.limit = max(1, limit)
    self.maximumBytes = max(1 << 10, maximumBytes)
  }

  /// The file the path leads to, through any symbolic links.
  private func target() throws(FileError) -> String {
    try FileSystem.resolvingLinks(path)
  }

  /// The newest `limit` entries, oldest first; none when the file does not exist.
  public func load() throws(FileError) -> [String] {
    let descriptor: Int32
    do {
      descriptor = try FileSystem.openRegularFile(try target()).descriptor
    } catch {
      if error.isMissing { return [] }
      throw renamed(error)
    }
    defer { close(descriptor) }
    try lock(descriptor, LOCK_SH)
    do {
      let bytes = try FileSystem.readAll(descriptor, path: path, maximumBytes: maximumBytes)
      return Array(Self.entries(bytes).suffix(limit))
    } catch {
      throw renamed(error)
    }
  }

  /// Appends one entry (a line break in it becomes a space), creating the file and its folder
  /// when needed, then trims the file to `limit` entries; all under the lock.
  public func append(_ entry: String) throws(FileError) {
    let line = String(entry.map { $0 == "\n" || $0 == "\r\n" || $0 == "\r" ? " " : $0 }) + "\n"
    let target = try target()
    try createFolder(of: target)
    let descriptor = try lockedDescriptor(target)
    defer {
      _ = flock(descriptor, LOCK_UN)
      close(descriptor)
    }
    do {
      try FileSystem.writeAll(Array(line.utf8), to: descriptor, path: path)
      let bytes = try FileSystem.readAll(descriptor, path: path, maximumBytes: maximumBytes + line.utf8.count)
      let entries = Self.entries(bytes)
      guard entries.count > limit || bytes.count > maximumBytes else { return }
      try FileSystem.replaceFile(
        target, with: Self.trimmed(entries, limit: limit, maximumBytes: maximumBytes), durable: false)
    } catch {
      throw renamed(error)
    }
  }

  /// The entries of a file's bytes: its lines, without empty ones; bytes that are not UTF-8
  /// are repaired rather than refused (a history file is not worth failing over).
  static func entries(_ bytes: [UInt8]) -> [String] {
    bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true).map {
      String(decoding: $0, as: UTF8.self)
    }
  }

  /// The newest entries that fit both limits, as the file's bytes.
  static func trimmed(_ entries: [String], limit: Int, maximumBytes: Int) -> [UInt8] {
    var kept: [String] = []
    var size = 0
    for entry in entries.reversed().prefix(limit) {
      size += entry.utf8.count + 1
      // Half the maximum: appends have room before the next trim.
      guard size <= maximumBytes / 2 else { break }
      kept.append(entry)
    }
    return Array(kept.reversed().map { $0 + "\n" }.joined().utf8)
  }

  /// Opens the file for appending and locks it, making sure the lock is on the file that is
  /// at the path now: another session may have renamed a trimmed copy over it while this one
  /// waited, and then the wait starts again on the new file. Each retry follows another
  /// session's trim, so the loop ends when the others stop trimming.
  private func lockedDescriptor(_ target: String) throws(FileError) -> Int32 {
    while true {
      let descriptor = try renaming {
        () throws(FileError) in
        try FileSystem.openRegularFile(target, flags: O_RDWR | O_APPEND | O_CREAT, mode: 0o600).descriptor
      }
      do {
        try lock(descriptor, LOCK_EX)
      } catch {
        close(descriptor)
        throw error
      }
      var opened = stat()
      if fstat(descriptor, &opened) == 0, case .success(let current) = FileSystem.status(target),
        opened.st_ino == current.st_ino, opened.st_dev == current.st_dev
      {
        return descriptor
      }
      _ = flock(descriptor, LOCK_UN)
      close(descriptor)
    }
  }

  /// Waits for the lock as long as it takes (signals do not end the wait).
  private func lock(_ descriptor: Int32, _ operation: Int32) throws(FileError) {
    var result: Int32
    repeat { result = flock(descriptor, operation) } while result != 0 && errno == EINTR
    guard result == 0 else { throw FileError(path, errno: errno) }
  }

  private func createFolder(of target: String) throws(FileError) {
    var parts = target.split(separator: "/", omittingEmptySubsequences: false).dropLast().map(String.init)
    guard !parts.isEmpty else { return }
    var folder = ""
    let absolute = parts.first == ""
    if absolute { parts.removeFirst() }
    for part in parts where !part.isEmpty {
      folder += (folder.isEmpty && !absolute ? "" : "/") + part
      if mkdir(folder, 0o700) != 0, errno != EEXIST {
        throw FileError(folder, errno: errno)
      }
    }
  }

  /// Errors name the history by the path the user gave, not the file a link leads to.
  private func renamed(_ error: FileError) -> FileError {
    FileError(path, reason: error.reason, code: error.code)
  }

  private func renaming<Result>(_ body: () throws(FileError) -> Result) throws(FileError) -> Result {
    do {
      return try body()
    } catch {
      throw renamed(error)
    }
  }
}
