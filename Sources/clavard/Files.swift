import Conformance
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Why a file could not be read or written: the system's reason.
struct FileError: Error, CustomStringConvertible {
  var path: String
  var reason: String

  init(_ path: String, errno code: Int32) {
    self.path = path
    reason = String(cString: strerror(code))
  }

  init(_ path: String, reason: String) {
    self.path = path
    self.reason = reason
  }

  var description: String { reason }
}

/// Finding, reading and writing script files: the only file I/O of `run` and `coverage`.
enum ScriptFiles {
  /// The scripts named, and the `.chat` files found (recursively) under the folders named
  /// except fragments (``ScriptFile/isFragment(relativePath:)``), each read and parsed,
  /// paths normalized as `use` lines resolve them. A path that does not exist or cannot be
  /// read is kept as a file that cannot be read (reported, never passed).
  static func discover(_ paths: [String]) -> (files: [ScriptFile], emptyFolders: [String]) {
    var files: [ScriptFile] = []
    var emptyFolders: [String] = []
    let manager = FileManager.default
    for path in paths {
      var isDirectory: ObjCBool = false
      guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
        files.append(ScriptFile(path: ScriptFile.normalized(path), unreadable: "no such file or folder"))
        continue
      }
      guard isDirectory.boolValue else {
        files.append(load(ScriptFile.normalized(path)))
        continue
      }
      let base = path.hasSuffix("/") && path.count > 1 ? String(path.dropLast()) : path
      let found = (manager.enumerator(atPath: base)?.compactMap { $0 as? String } ?? [])
        .filter { $0.hasSuffix(".chat") && !ScriptFile.isFragment(relativePath: $0) }
        .map { ScriptFile.normalized(base + "/" + $0) }
        .filter { !isFolder($0) }
      if found.isEmpty { emptyFolders.append(path) }
      files += found.map(load)
    }
    return (files, emptyFolders)
  }

  static func load(_ path: String) -> ScriptFile {
    do {
      return ScriptFile(path: path, bytes: try read(path))
    } catch {
      return ScriptFile(path: path, unreadable: error.description)
    }
  }

  static func isFolder(_ path: String) -> Bool {
    var isDirectory: ObjCBool = false
    return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
  }

  /// The loader of `use` lines.
  static let loader: ScriptRunner.Loader = { path in try read(path) }

  /// The largest script read: far more than any real script, small enough that `use /dev/zero`
  /// is refused rather than filling memory.
  static let maximumScriptBytes = 64 << 20

  static func read(_ path: String) throws(FileError) -> [UInt8] {
    guard let file = fopen(path, "rb") else { throw FileError(path, errno: errno) }
    defer { fclose(file) }
    // Only regular files: a device or a pipe (`/dev/zero`, `/dev/stdin`) could be endless.
    var status = stat()
    guard fstat(fileno(file), &status) == 0 else { throw FileError(path, errno: errno) }
    guard (status.st_mode & S_IFMT) == S_IFREG else { throw FileError(path, reason: "not a regular file") }
    guard status.st_size <= maximumScriptBytes else {
      throw FileError(path, reason: "larger than \(maximumScriptBytes >> 20) MiB")
    }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let count = fread(&buffer, 1, buffer.count, file)
      bytes += buffer[0..<count]
      if count < buffer.count {
        if ferror(file) != 0 { throw FileError(path, errno: errno) }
        return bytes
      }
    }
  }

  /// Writes `text` to `path` so that readers see the old file or the new one, never a mix: a
  /// temporary file in the same folder, flushed, with the old file's permissions, renamed over
  /// the old one. A symbolic link is followed (the file it points to is replaced, the link
  /// stays); a path that is not a regular file (`/dev/stdout`, a pipe) is written in place.
  static func writeAtomically(_ text: String, to path: String) throws(FileError) {
    var target = path
    var status = stat()
    if lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFLNK {
      guard let resolved = realpath(path, nil) else { return try writeInPlace(text, to: path) }
      target = String(cString: resolved)
      free(resolved)
    }
    if stat(target, &status) == 0, status.st_mode & S_IFMT != S_IFREG {
      return try writeInPlace(text, to: target)
    }
    let mode: mode_t = stat(target, &status) == 0 ? status.st_mode & 0o7777 : 0o644
    let parts = target.split(separator: "/", omittingEmptySubsequences: false)
    let folder = parts.dropLast().joined(separator: "/")
    let name = parts.last.map(String.init) ?? target
    let prefix = folder.isEmpty ? (target.hasPrefix("/") ? "/" : "") : folder + "/"
    var template = Array("\(prefix).\(name).clavard-XXXXXX".utf8CString)
    let descriptor = template.withUnsafeMutableBufferPointer { buffer -> Int32 in
      guard let base = buffer.baseAddress else { return -1 }
      return mkstemp(base)
    }
    guard descriptor >= 0 else { throw FileError(path, errno: errno) }
    let temporary = template.withUnsafeBufferPointer { buffer in
      buffer.baseAddress.map { String(cString: $0) } ?? ""
    }
    func fail(_ code: Int32) -> FileError {
      close(descriptor)
      unlink(temporary)
      return FileError(path, errno: code)
    }
    if let code = writeAll(Array(text.utf8), to: descriptor) { throw fail(code) }
    guard fchmod(descriptor, mode) == 0, fsync(descriptor) == 0 else { throw fail(errno) }
    guard close(descriptor) == 0 else {
      let code = errno
      unlink(temporary)
      throw FileError(path, errno: code)
    }
    guard rename(temporary, target) == 0 else {
      let code = errno
      unlink(temporary)
      throw FileError(path, errno: code)
    }
  }

  private static func writeInPlace(_ text: String, to path: String) throws(FileError) {
    fflush(nil)
    let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    guard descriptor >= 0 else { throw FileError(path, errno: errno) }
    if let code = writeAll(Array(text.utf8), to: descriptor) {
      close(descriptor)
      throw FileError(path, errno: code)
    }
    guard close(descriptor) == 0 else { throw FileError(path, errno: errno) }
  }

  /// Writes every byte; the errno of a failure, else nil.
  private static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Int32? {
    var written = 0
    while written < bytes.count {
      let result = bytes[written...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
      if result < 0 {
        if errno == EINTR { continue }
        return errno
      }
      written += result
    }
    return nil
  }
}

/// Standard output and error. Standard output is flushed before anything goes to standard
/// error, so the two read in order on a terminal.
enum Output {
  static func line(_ text: String) {
    print(text)
  }

  /// Text that already ends with its own newline (TAP, reports).
  static func text(_ text: String) {
    print(text, terminator: "")
  }

  static func error(_ text: String) {
    fflush(nil)
    FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
  }

  /// Under GitHub Actions (`GITHUB_ACTIONS=true`), workflow commands are printed too.
  static let isGitHubActions = ProcessInfo.processInfo.environment["GITHUB_ACTIONS"] == "true"

  /// A workflow command, on standard error (GitHub reads both streams; standard output stays
  /// the report, TAP included).
  static func annotation(_ text: String?) {
    guard isGitHubActions, let text else { return }
    error(text)
  }

  static func exit(_ status: Int32) -> Never {
    fflush(nil)
    #if canImport(Glibc)
      Glibc.exit(status)
    #else
      Darwin.exit(status)
    #endif
  }
}
