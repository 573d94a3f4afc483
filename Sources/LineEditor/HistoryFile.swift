#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Why the history file could not be read or written: the path and the system's reason.
public struct HistoryError: Error, Hashable, Sendable, CustomStringConvertible {
  public var path: String
  public var reason: String

  public init(path: String, reason: String) {
    self.path = path
    self.reason = reason
  }

  init(path: String, errno code: Int32) {
    self.init(path: path, reason: String(cString: strerror(code)))
  }

  public var description: String { "\(path): \(reason)" }
}

/// A history file shared by every session that uses it: one line per entry, oldest first.
///
/// Each line is appended as it is entered, under an advisory lock (`flock`), and the file is
/// trimmed to the newest `limit` entries under the same lock, from what the file holds at that
/// moment: never from a session's copy in memory. Two sessions running at once therefore both
/// keep their lines. A trim writes a new file and renames it over the old one, so a crash
/// leaves the old file or the new one, never a half-written one; a session that waited for the
/// lock on the old file notices the rename and locks the new one.
public struct HistoryFile: Sendable {
  public let path: String
  public let limit: Int

  public init(path: String, limit: Int = 2000) {
    self.path = path
    self.limit = max(1, limit)
  }

  /// The newest `limit` entries, oldest first; none when the file does not exist.
  public func load() throws(HistoryError) -> [String] {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    if descriptor < 0 {
      if errno == ENOENT { return [] }
      throw HistoryError(path: path, errno: errno)
    }
    defer { close(descriptor) }
    _ = flock(descriptor, LOCK_SH)
    let bytes = try readAll(descriptor)
    return Array(Self.entries(bytes).suffix(limit))
  }

  /// Appends one entry (a line break in it becomes a space), creating the file and its folder
  /// when needed, then trims the file to `limit` entries; all under the lock.
  public func append(_ entry: String) throws(HistoryError) {
    let line = String(entry.map { $0 == "\n" || $0 == "\r\n" || $0 == "\r" ? " " : $0 }) + "\n"
    try createFolder()
    let descriptor = try lockedDescriptor()
    defer {
      _ = flock(descriptor, LOCK_UN)
      close(descriptor)
    }
    try writeAll(Array(line.utf8), to: descriptor)
    let bytes = try readAll(descriptor)
    let entries = Self.entries(bytes)
    guard entries.count > limit else { return }
    try replace(with: entries.suffix(limit))
  }

  /// The entries of a file's bytes: its lines, without empty ones; bytes that are not UTF-8
  /// are repaired rather than refused (a history file is not worth failing over).
  static func entries(_ bytes: [UInt8]) -> [String] {
    bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true).map {
      String(decoding: $0, as: UTF8.self)
    }
  }

  /// Opens the file for appending and locks it, making sure the lock is on the file that is
  /// at `path` now (another session may have renamed a trimmed copy over it meanwhile).
  private func lockedDescriptor() throws(HistoryError) -> Int32 {
    for _ in 0..<100 {
      let descriptor = open(path, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
      guard descriptor >= 0 else { throw HistoryError(path: path, errno: errno) }
      var result: Int32
      repeat { result = flock(descriptor, LOCK_EX) } while result != 0 && errno == EINTR
      guard result == 0 else {
        let code = errno
        close(descriptor)
        throw HistoryError(path: path, errno: code)
      }
      var opened = stat()
      var current = stat()
      if fstat(descriptor, &opened) == 0, stat(path, &current) == 0, opened.st_ino == current.st_ino,
        opened.st_dev == current.st_dev
      {
        return descriptor
      }
      _ = flock(descriptor, LOCK_UN)
      close(descriptor)
    }
    throw HistoryError(path: path, reason: "the file keeps being replaced; cannot lock it")
  }

  /// Writes the entries to a new file next to the history and renames it over the history.
  private func replace(with entries: ArraySlice<String>) throws(HistoryError) {
    var template = Array("\(path).XXXXXX".utf8CString)
    let descriptor = template.withUnsafeMutableBufferPointer { buffer -> Int32 in
      guard let base = buffer.baseAddress else { return -1 }
      return mkstemp(base)
    }
    guard descriptor >= 0 else { throw HistoryError(path: path, errno: errno) }
    let temporary = template.withUnsafeBufferPointer { buffer in
      buffer.baseAddress.map { String(cString: $0) } ?? ""
    }
    var text = entries.joined(separator: "\n")
    text += "\n"
    do {
      try writeAll(Array(text.utf8), to: descriptor)
    } catch {
      close(descriptor)
      unlink(temporary)
      throw error
    }
    _ = fchmod(descriptor, 0o600)
    close(descriptor)
    guard rename(temporary, path) == 0 else {
      let code = errno
      unlink(temporary)
      throw HistoryError(path: path, errno: code)
    }
  }

  private func createFolder() throws(HistoryError) {
    var parts = path.split(separator: "/", omittingEmptySubsequences: false).dropLast().map(String.init)
    guard !parts.isEmpty else { return }
    var folder = ""
    let absolute = parts.first == ""
    if absolute { parts.removeFirst() }
    for part in parts where !part.isEmpty {
      folder += (folder.isEmpty && !absolute ? "" : "/") + part
      if mkdir(folder, 0o700) != 0, errno != EEXIST {
        throw HistoryError(path: folder, errno: errno)
      }
    }
  }

  private func readAll(_ descriptor: Int32) throws(HistoryError) -> [UInt8] {
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    var offset: off_t = 0
    while true {
      let count = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, offset) }
      if count < 0 {
        if errno == EINTR { continue }
        throw HistoryError(path: path, errno: errno)
      }
      if count == 0 { return bytes }
      bytes += buffer[0..<count]
      offset += off_t(count)
    }
  }

  private func writeAll(_ bytes: [UInt8], to descriptor: Int32) throws(HistoryError) {
    var written = 0
    while written < bytes.count {
      let result = bytes[written...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
      if result < 0 {
        if errno == EINTR { continue }
        throw HistoryError(path: path, errno: errno)
      }
      written += result
    }
  }
}
