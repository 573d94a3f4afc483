import REPL
import SystemFiles

/// The REPL's files on the file system, through ``FileSystem``: reads never block and are
/// bounded, `.save` replaces atomically keeping the file's owner and mode, `.record` creates a
/// new file and appends to it command by command.
struct DiskFiles: REPLFiles {
  /// A script, with the limits of `clavard run` (file size, line length).
  func read(_ path: String) throws -> [UInt8] {
    try ScriptFiles.read(path)
  }

  func write(_ text: String, to path: String) throws {
    try ScriptFiles.writeAtomically(text, to: path)
  }

  func create(_ path: String) throws -> any ScriptSink {
    do throws(FileError) {
      return Recording(file: try AppendingFile(creating: path))
    } catch {
      guard error.alreadyExists else { throw error }
      throw FileError(
        path, reason: "it already exists; choose another name (a recording never replaces a file)",
        code: error.code)
    }
  }

  func remove(_ path: String) {
    FileSystem.remove(path)
  }

  func exists(_ path: String) -> Bool {
    FileSystem.exists(path)
  }

  func isSameFile(_ path: String, as other: String) -> Bool {
    FileSystem.isSameFile(path, as: other)
  }
}

private final class Recording: ScriptSink {
  let file: AppendingFile

  init(file: AppendingFile) {
    self.file = file
  }

  func append(_ text: String) throws {
    try file.append(Array(text.utf8))
  }

  func close() {
    file.close()
  }
}
