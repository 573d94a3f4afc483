import Glibc
import Synchronization

extension FileSystem {
  /// Writes every byte to a descriptor: an interrupted write (`EINTR`) is resumed, a partial
  /// one continued, and a descriptor that would block (`EAGAIN`, a non-blocking pipe whose
  /// reader is slow) is waited for. Anything else (`ENOSPC`, `EPIPE`, `EBADF`, `EFBIG`) is
  /// thrown with the system's message.
  public static func writeAll(_ bytes: some Collection<UInt8>, to descriptor: Int32, path: String)
    throws(FileError)
  {
    let bytes = Array(bytes)
    var written = 0
    while written < bytes.count {
      let count = try transfer(descriptor, waitingFor: POLLOUT, path: path) {
        bytes[written...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
      }
      // A write that takes nothing would loop forever.
      guard count > 0 else { throw FileError(path, errno: EIO) }
      written += count
    }
  }

  /// Runs a `read` or `write` until it moves something or reaches the end (0 bytes): after
  /// `EINTR` it is tried again, after `EAGAIN` (a non-blocking descriptor) once `poll` says
  /// the descriptor is ready (`events`). Any other error is thrown. Returns the count.
  static func transfer(_ descriptor: Int32, waitingFor events: Int32, path: String, _ call: () -> Int)
    throws(FileError) -> Int
  {
    while true {
      let count = call()
      if count >= 0 { return count }
      switch errno {
      case EINTR:
        continue
      case EAGAIN:
        var wanted = pollfd(fd: descriptor, events: Int16(events), revents: 0)
        _ = poll(&wanted, 1, -1)
      case let code:
        throw FileError(path, errno: code)
      }
    }
  }

  /// Replaces a file's content so that a reader sees the old content or the new, never a mix,
  /// and a crash leaves one of the two: the bytes go to a temporary file in the same folder,
  /// which is flushed to the disk (`fsync`) and renamed over the file.
  ///
  /// - A symbolic link is followed: the file it points to is replaced, the link stays.
  /// - The new file keeps the old one's owner, group and mode (as root, replacing someone
  ///   else's script leaves it theirs).
  /// - A file that is not writable (no `w` in its mode, or no permission for this user) is
  ///   refused: its owner made it read-only, and renaming over it would bypass that.
  /// - `original`, when given, is what the caller read and worked from: a file whose bytes
  ///   are no longer those (an editor saved it meanwhile) is refused rather than overwritten.
  /// - Not a regular file (`/dev/stdout`, a named pipe someone reads) and paths under `/dev`
  ///   and `/proc`: written in place, appending, since they cannot be renamed over.
  ///
  /// `durable: false` skips the two `fsync`s, for a file that is cheap to lose and replaced
  /// often (the history's trims).
  ///
  /// The temporary file is named `.clavard-PID-XXXXXX`: short, so that a name of 250 bytes
  /// can still be replaced, and found again: one left by a process that no longer runs (killed
  /// with SIGKILL in the middle of a write) is removed the next time a file of that folder is
  /// replaced.
  public static func replaceFile(
    _ path: String, with bytes: some Collection<UInt8>, original: [UInt8]? = nil, durable: Bool = true
  ) throws(FileError) {
    // `/dev/stdout` leads to `/proc/self/fd/1`, then to `pipe:[…]`: the system follows such
    // links itself, and only it can.
    if isSystemPath(path) { return try writeInPlace(bytes, to: path, reportedAs: path) }
    let target = try resolvingLinks(path)
    if isSystemPath(target) { return try writeInPlace(bytes, to: path, reportedAs: path) }
    var existing: stat?
    switch status(target) {
    case .success(let found):
      guard found.st_mode & S_IFMT == S_IFREG else {
        return try writeInPlace(bytes, to: target, reportedAs: path)
      }
      existing = found
      try checkWritable(target, found, reportedAs: path)
    case .failure(let error):
      guard error.isMissing else { throw FileError(path, reason: error.reason, code: error.code) }
    }
    if let original { try checkUnchanged(target, original, reportedAs: path) }
    let folder = folderPart(of: target)
    removeAbandonedTemporaries(in: folder)
    let (descriptor, temporary) = try makeTemporary(in: folder, reportedAs: path)
    func abandon(_ error: FileError) -> FileError {
      close(descriptor)
      if let name = try? PathNames.systemPath(temporary) { unlink(name) }
      return error
    }
    do {
      try writeAll(bytes, to: descriptor, path: path)
    } catch {
      throw abandon(error)
    }
    if let existing {
      if existing.st_uid != geteuid() || existing.st_gid != getegid(),
        fchown(descriptor, existing.st_uid, existing.st_gid) != 0
      {
        throw abandon(
          FileError(
            path,
            reason: "cannot give the new file the owner and group of the old one (\(systemMessage(errno)))",
            code: errno))
      }
    }
    let mode = existing.map { $0.st_mode & 0o7777 } ?? 0o644
    guard fchmod(descriptor, mode) == 0 else { throw abandon(FileError(path, errno: errno)) }
    guard !durable || fsync(descriptor) == 0 else { throw abandon(FileError(path, errno: errno)) }
    guard close(descriptor) == 0 else {
      let code = errno
      if let name = try? PathNames.systemPath(temporary) { unlink(name) }
      throw FileError(path, errno: code)
    }
    do throws(FileError) {
      // Checked again at the last moment: the window left is the rename itself.
      if let original { try checkUnchanged(target, original, reportedAs: path) }
      let from = try PathNames.systemPath(temporary)
      let to = try PathNames.systemPath(target)
      guard rename(from, to) == 0 else { throw FileError(path, errno: errno) }
    } catch {
      if let name = try? PathNames.systemPath(temporary) { unlink(name) }
      throw error
    }
    if durable { syncFolder(folder) }
  }

  private static func isSystemPath(_ path: String) -> Bool {
    path.hasPrefix("/dev/") || path.hasPrefix("/proc/")
  }

  /// The path a chain of symbolic links leads to (the path itself when it is no link). A link
  /// to a file that does not exist yet leads to where that file would be.
  public static func resolvingLinks(_ path: String) throws(FileError) -> String {
    var current = path
    for _ in 0..<40 {
      let systemPath = try PathNames.systemPath(current)
      var status = stat()
      guard lstat(systemPath, &status) == 0, status.st_mode & S_IFMT == S_IFLNK else { return current }
      var buffer = [UInt8](repeating: 0, count: Int(PATH_MAX) + 1)
      let count = buffer.withUnsafeMutableBytes { raw -> Int in
        guard let base = raw.baseAddress?.assumingMemoryBound(to: CChar.self) else { return -1 }
        return readlink(systemPath, base, raw.count - 1)
      }
      guard count > 0 else { throw FileError(path, errno: errno) }
      let destination = PathNames.name(buffer[0..<count])
      current = destination.hasPrefix("/") ? destination : folderPart(of: current) + "/" + destination
    }
    throw FileError(path, errno: ELOOP)
  }

  /// The folder part of a path (`.` for a bare name).
  static func folderPart(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    return slash == path.startIndex ? "/" : String(path[..<slash])
  }

  private static func checkWritable(_ target: String, _ status: stat, reportedAs path: String)
    throws(FileError)
  {
    guard status.st_mode & 0o222 != 0 else {
      let mode = String(status.st_mode & 0o777, radix: 8)
      throw FileError(
        path, reason: "it is read-only (mode \(mode)); make it writable (chmod u+w) to let it be replaced")
    }
    let systemPath = try PathNames.systemPath(target)
    guard access(systemPath, W_OK) == 0 else {
      throw FileError(path, reason: "it is not writable (\(systemMessage(errno)))", code: errno)
    }
  }

  private static func checkUnchanged(_ target: String, _ original: [UInt8], reportedAs path: String)
    throws(FileError)
  {
    let now: [UInt8]
    do {
      now = try readFile(target, maximumBytes: original.count)
    } catch  where error.code != nil {
      throw FileError(
        path, reason: "it changed since it was read (\(error.reason)); nothing was written to it")
    } catch {
      // Larger than what was read: changed.
      now = []
    }
    guard now == original else {
      throw FileError(path, reason: "it changed since it was read; nothing was written to it")
    }
  }

  private static func writeInPlace(
    _ bytes: some Collection<UInt8>, to target: String, reportedAs path: String
  )
    throws(FileError)
  {
    let systemPath = try PathNames.systemPath(target)
    let descriptor = open(systemPath, O_WRONLY | O_APPEND | O_NONBLOCK | commonOpenFlags)
    guard descriptor >= 0 else {
      if errno == ENXIO { throw FileError(path, reason: "a named pipe that nothing reads", code: ENXIO) }
      throw FileError(path, errno: errno)
    }
    defer { close(descriptor) }
    try writeAll(bytes, to: descriptor, path: path)
  }

  /// The prefix of the temporary files this module makes: `.clavard-PID-`.
  static let temporaryPrefix = ".clavard-"

  private static func makeTemporary(in folder: String, reportedAs path: String) throws(FileError)
    -> (descriptor: Int32, path: String)
  {
    let name = folder + "/" + temporaryPrefix + "\(getpid())-XXXXXX"
    var template = try PathNames.systemPath(name)
    let descriptor = template.withUnsafeMutableBufferPointer { buffer -> Int32 in
      guard let base = buffer.baseAddress else { return -1 }
      let descriptor = mkstemp(base)
      if descriptor >= 0 { _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC) }
      return descriptor
    }
    guard descriptor >= 0 else {
      throw FileError(path, errno: errno)
    }
    let made = template.dropLast().map { UInt8(bitPattern: $0) }
    return (descriptor, PathNames.name(made))
  }

  /// Folders already cleaned of abandoned temporary files by this process.
  private static let cleanedFolders = Mutex<Set<String>>([])

  /// Removes `.clavard-PID-XXXXXX` files whose process no longer runs: what a process killed
  /// while replacing a file left. Once per folder per process.
  static func removeAbandonedTemporaries(in folder: String) {
    guard cleanedFolders.withLock({ $0.insert(folder).inserted }) else { return }
    guard let systemPath = try? PathNames.systemPath(folder), let directory = opendir(systemPath) else {
      return
    }
    defer { closedir(directory) }
    while let entry = readdir(directory) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in Array(raw.prefix { $0 != 0 }) }
      guard let pid = abandonedTemporaryOwner(name), pid != getpid() else { continue }
      // Signal 0 asks whether the process exists; ESRCH: it does not.
      guard kill(pid, 0) != 0, errno == ESRCH else { continue }
      let path = folder + "/" + PathNames.name(name)
      guard let file = try? PathNames.systemPath(path) else { continue }
      var status = stat()
      if lstat(file, &status) == 0, status.st_mode & S_IFMT == S_IFREG { unlink(file) }
    }
  }

  /// The process id in a temporary file's name, `.clavard-PID-XXXXXX`; nil for any other name.
  static func abandonedTemporaryOwner(_ name: [UInt8]) -> pid_t? {
    let prefix = Array(temporaryPrefix.utf8)
    guard name.count > prefix.count + 8, name.starts(with: prefix) else { return nil }
    let rest = name.dropFirst(prefix.count)
    guard let dash = rest.firstIndex(of: UInt8(ascii: "-")), name.count - dash - 1 == 6 else { return nil }
    let digits = rest[rest.startIndex..<dash]
    guard !digits.isEmpty, digits.count <= 10, digits.allSatisfy({ (48...57).contains($0) }) else {
      return nil
    }
    return pid_t(String(decoding: digits, as: UTF8.self))
  }

  /// Flushes a folder's entries to the disk, so that a rename survives a power cut.
  private static func syncFolder(_ folder: String) {
    guard let systemPath = try? PathNames.systemPath(folder) else { return }
    let descriptor = open(systemPath, O_RDONLY | O_DIRECTORY | commonOpenFlags)
    guard descriptor >= 0 else { return }
    _ = fsync(descriptor)
    close(descriptor)
  }
}
