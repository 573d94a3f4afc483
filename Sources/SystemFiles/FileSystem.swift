import Glibc

/// The file calls of the command line and the line editor: reading a script or a history,
/// writing a report, replacing a script, appending to a recording. One place, so that every
/// open, read and write follows the same rules:
///
/// - Opening never blocks: files are opened with `O_NONBLOCK` (a named pipe with no writer
///   would otherwise wait forever), then `fstat` tells what was opened, and anything that is
///   not a regular file is refused with its kind (`not a regular file (a named pipe)`).
/// - Reads are bounded: a caller says the most it will take, and a larger file is refused
///   before it fills memory (`/dev/zero` is refused for its kind, a 10 GB file for its size).
/// - Every write is checked: interrupted and partial writes are resumed, a full disk
///   (`ENOSPC`) or a closed stream is reported, never ignored.
///
/// Paths are strings; names that are not UTF-8 are spelt as ``PathNames`` spells them.
public enum FileSystem {
  /// A file's kind in words, for refusals: `a folder`, `a named pipe`.
  static func kind(_ mode: mode_t) -> String {
    switch mode & S_IFMT {
    case S_IFREG: "a regular file"
    case S_IFDIR: "a folder"
    case S_IFIFO: "a named pipe"
    case S_IFCHR: "a character device"
    case S_IFBLK: "a block device"
    case S_IFSOCK: "a socket"
    case S_IFLNK: "a symbolic link"
    default: "not a regular file"
    }
  }

  /// `64 MiB`, `1 MiB`, or a count of bytes.
  public static func describeSize(_ bytes: Int) -> String {
    if bytes >= 1 << 20, bytes % (1 << 20) == 0 { return "\(bytes >> 20) MiB" }
    if bytes >= 1 << 10, bytes % (1 << 10) == 0 { return "\(bytes >> 10) KiB" }
    return "\(bytes) bytes"
  }

  /// Opens a path without blocking and makes sure it is a regular file: `flags` are `open`'s
  /// access flags (`O_RDONLY`, `O_RDWR | O_APPEND | O_CREAT`...); `O_NONBLOCK`, `O_CLOEXEC`
  /// and `O_NOCTTY` are added. Returns the descriptor (the caller closes it) and its status.
  public static func openRegularFile(_ path: String, flags: Int32 = O_RDONLY, mode: mode_t = 0o644)
    throws(FileError) -> (descriptor: Int32, status: stat)
  {
    let systemPath = try PathNames.systemPath(path)
    var descriptor: Int32
    repeat {
      descriptor = open(systemPath, flags | O_NONBLOCK | commonOpenFlags, mode)
    } while descriptor < 0 && errno == EINTR
    guard descriptor >= 0 else { throw FileError(path, errno: errno) }
    var status = stat()
    guard fstat(descriptor, &status) == 0 else {
      let code = errno
      close(descriptor)
      throw FileError(path, errno: code)
    }
    guard status.st_mode & S_IFMT == S_IFREG else {
      close(descriptor)
      throw FileError(path, reason: "not a regular file (\(kind(status.st_mode)))")
    }
    return (descriptor, status)
  }

  /// The whole content of a regular file, at most `maximumBytes` (a larger file is refused,
  /// whatever its size was when it was opened).
  public static func readFile(_ path: String, maximumBytes: Int) throws(FileError) -> [UInt8] {
    let (descriptor, status) = try openRegularFile(path)
    defer { close(descriptor) }
    guard Int(status.st_size) <= maximumBytes else { throw tooLarge(path, maximumBytes) }
    return try readAll(descriptor, path: path, maximumBytes: maximumBytes)
  }

  /// Everything in an open regular file from its start (with `pread`, so the file offset is
  /// left where it was), at most `maximumBytes`.
  public static func readAll(_ descriptor: Int32, path: String, maximumBytes: Int) throws(FileError)
    -> [UInt8]
  {
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let count = buffer.withUnsafeMutableBytes {
        pread(descriptor, $0.baseAddress, $0.count, off_t(bytes.count))
      }
      if count < 0 {
        if errno == EINTR { continue }
        throw FileError(path, errno: errno)
      }
      if count == 0 { return bytes }
      guard bytes.count + count <= maximumBytes else { throw tooLarge(path, maximumBytes) }
      bytes += buffer[0..<count]
    }
  }

  public static func tooLarge(_ path: String, _ maximumBytes: Int) -> FileError {
    FileError(path, reason: "larger than \(describeSize(maximumBytes)), the most that is read")
  }

  /// What is at a path, following symbolic links: nil when nothing is there (the error says
  /// why: no such file, a loop of links, no permission to look).
  public static func status(_ path: String) -> Result<stat, FileError> {
    let systemPath: [CChar]
    do {
      systemPath = try PathNames.systemPath(path)
    } catch {
      return .failure(error)
    }
    var result = stat()
    guard stat(systemPath, &result) == 0 else { return .failure(FileError(path, errno: errno)) }
    return .success(result)
  }

  /// Whether the path names a folder (following links).
  public static func isFolder(_ path: String) -> Bool {
    guard case .success(let status) = status(path) else { return false }
    return status.st_mode & S_IFMT == S_IFDIR
  }
}

extension FileSystem {
  /// Whether anything is at the path, a dangling symbolic link included.
  public static func exists(_ path: String) -> Bool {
    guard let systemPath = try? PathNames.systemPath(path) else { return false }
    var status = stat()
    return lstat(systemPath, &status) == 0
  }

  /// Whether two paths lead to the same file (same device and inode, links followed).
  public static func isSameFile(_ path: String, as other: String) -> Bool {
    guard case .success(let first) = status(path), case .success(let second) = status(other) else {
      return false
    }
    return first.st_dev == second.st_dev && first.st_ino == second.st_ino
  }

  /// Removes a file (not a folder); nothing when it is not there.
  public static func remove(_ path: String) {
    guard let systemPath = try? PathNames.systemPath(path) else { return }
    _ = unlink(systemPath)
  }
}
