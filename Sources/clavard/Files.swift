import Conformance
import Glibc
import Synchronization
import SystemFiles

/// Finding, reading and writing script files: the file I/O of `run` and `coverage`, through
/// ``FileSystem`` (reads never block and are bounded; writes are checked and atomic).
enum ScriptFiles {
  /// The largest script read: far more than any real script, small enough that a runaway file
  /// is refused rather than filling memory.
  static let maximumScriptBytes = 64 << 20
  /// The longest line a script may have, in a file or on standard input: a command with a
  /// 100,000-character text (the longest one) and its quoting fits many times over.
  static let maximumLineBytes = 1 << 20

  /// The scripts named, and the `.chat` files found (recursively) under the folders named
  /// except fragments (``ScriptFile/isFragment(relativePath:)``), each read and parsed, paths
  /// normalized as `use` lines resolve them. A path that does not exist or cannot be read, and
  /// a folder that cannot be read, are kept as entries that cannot be read (reported, never
  /// passed).
  static func discover(_ paths: [String], reading read: (String) throws(FileError) -> [UInt8] = read)
    -> (files: [ScriptFile], emptyFolders: [String])
  {
    var files: [ScriptFile] = []
    var emptyFolders: [String] = []
    for path in paths {
      switch FileSystem.status(path) {
      case .failure(let error):
        let reason = error.isMissing ? "no such file or folder" : error.reason
        files.append(ScriptFile(path: ScriptFile.normalized(path), unreadable: reason))
      case .success(let status) where status.st_mode & S_IFMT != S_IFDIR:
        files.append(load(ScriptFile.normalized(path), reading: read))
      case .success:
        let base = path.hasSuffix("/") && path.count > 1 ? String(path.dropLast()) : path
        let found = FileSystem.files(under: base) { $0.hasSuffix(".chat") }
        files += found.unreadableFolders.map {
          ScriptFile(path: ScriptFile.normalized($0.path), unreadableFolder: $0.reason)
        }
        let scripts = found.files.filter {
          !ScriptFile.isFragment(relativePath: String($0.dropFirst(base.count + 1)))
        }
        files += scripts.map { load(ScriptFile.normalized($0), reading: read) }
        if scripts.isEmpty, found.unreadableFolders.isEmpty { emptyFolders.append(path) }
      }
    }
    return (files, emptyFolders)
  }

  static func load(_ path: String, reading read: (String) throws(FileError) -> [UInt8] = read) -> ScriptFile {
    do {
      return ScriptFile(path: path, bytes: try read(path))
    } catch {
      return ScriptFile(path: path, unreadable: error.reason)
    }
  }

  /// The loader of `use` lines.
  static let loader: ScriptRunner.Loader = { path in try read(path) }

  /// A script's bytes: a regular file of at most ``maximumScriptBytes`` whose lines are at most
  /// ``maximumLineBytes`` long.
  static func read(_ path: String) throws(FileError) -> [UInt8] {
    let bytes = try FileSystem.readFile(path, maximumBytes: maximumScriptBytes)
    if let line = firstLongLine(bytes) {
      throw FileError(path, reason: longLineReason(line))
    }
    return bytes
  }

  /// The number of the first line longer than ``maximumLineBytes``, if any.
  static func firstLongLine(_ bytes: [UInt8]) -> Int? {
    var line = 1
    var start = 0
    for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
      if index - start > maximumLineBytes { return line }
      line += 1
      start = index + 1
    }
    return bytes.count - start > maximumLineBytes ? line : nil
  }

  static func longLineReason(_ line: Int) -> String {
    "line \(line) is longer than \(FileSystem.describeSize(maximumLineBytes)), the longest line a script may have"
  }

  /// Replaces a file (a script, a report) atomically, keeping its owner, group and mode;
  /// `original`, when given, must still be its content.
  static func writeAtomically(_ text: String, to path: String, original: String? = nil) throws(FileError) {
    try FileSystem.replaceFile(path, with: Array(text.utf8), original: original.map { Array($0.utf8) })
  }
}

/// The bytes of every file read during one run, kept as first read: `--update` parses,
/// records and rewrites a file from the same bytes, and refuses to write it if it changed on
/// the disk meanwhile (see ``ScriptFiles/writeAtomically(_:to:original:)``).
final class FileSnapshots: Sendable {
  private let bytes = Mutex<[String: [UInt8]]>([:])

  func read(_ path: String) throws(FileError) -> [UInt8] {
    if let known = bytes.withLock({ $0[path] }) { return known }
    let read = try ScriptFiles.read(path)
    return bytes.withLock { known in
      // Another job may have read it meanwhile: the first bytes read are the ones kept.
      if let first = known[path] { return first }
      known[path] = read
      return read
    }
  }

  var loader: ScriptRunner.Loader {
    { path in try self.read(path) }
  }
}
