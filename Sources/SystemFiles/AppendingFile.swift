import Glibc

/// A new file written a piece at a time, each piece in the file (the kernel's) before
/// ``append(_:)`` returns: a recording that survives the process dying.
///
/// A piece is all or nothing: when a write fails (a full disk, a file size limit), the file is
/// cut back to the end of the last complete piece, so that it never ends with half a command.
/// And a file that is no longer at its path (deleted, its folder removed, replaced by another
/// file) is reported on the next append instead of being written to where no one will find it.
public final class AppendingFile {
  public let path: String
  private var descriptor: Int32
  /// The size of the complete pieces.
  private var size: off_t = 0
  private let identity: (device: dev_t, inode: ino_t)

  /// Creates the file, which must not exist yet (`O_EXCL`: not even as a symbolic link).
  public init(creating path: String, mode: mode_t = 0o644) throws(FileError) {
    let systemPath = try PathNames.systemPath(path)
    let descriptor = open(systemPath, O_WRONLY | O_CREAT | O_EXCL | O_APPEND | commonOpenFlags, mode)
    guard descriptor >= 0 else { throw FileError(path, errno: errno) }
    var status = stat()
    fstat(descriptor, &status)
    self.path = path
    self.descriptor = descriptor
    identity = (status.st_dev, status.st_ino)
  }

  /// Appends one piece; on failure the file is cut back to the pieces before it and the error
  /// says so.
  public func append(_ bytes: some Collection<UInt8>) throws(FileError) {
    guard descriptor >= 0 else { throw FileError(path, reason: "the file is closed") }
    try checkStillThere()
    do {
      try FileSystem.writeAll(bytes, to: descriptor, path: path)
      size += off_t(bytes.count)
    } catch {
      let cut = ftruncate(descriptor, size) == 0
      throw FileError(
        path,
        reason: error.reason
          + (cut ? "; the file was cut back to its last complete command" : "; the file may end mid-command"),
        code: error.code)
    }
  }

  public func close() {
    guard descriptor >= 0 else { return }
    _ = Glibc.close(descriptor)
    descriptor = -1
  }

  deinit { close() }

  private func checkStillThere() throws(FileError) {
    let systemPath = try PathNames.systemPath(path)
    var status = stat()
    guard stat(systemPath, &status) == 0, status.st_dev == identity.device, status.st_ino == identity.inode
    else {
      throw FileError(path, reason: "the file is no longer there (deleted, moved or replaced)")
    }
  }
}
