/// The files the REPL reads and writes (`.read`, `.save`, `.record`, `use`). The executable
/// passes the file system; tests pass a dictionary.
public protocol REPLFiles: Sendable {
  /// The bytes of a file.
  func read(_ path: String) throws -> [UInt8]
  /// Replaces (or creates) a file with `text`, so that a reader sees the old file or the new.
  func write(_ text: String, to path: String) throws
  /// Creates a file that must not exist yet, to append to as the session goes (`.record`).
  func create(_ path: String) throws -> any ScriptSink
  /// Removes a file this session created and could not write (a recording that failed at once).
  func remove(_ path: String)
  /// Whether something (a file, a folder, a link) is at the path: `.save` does not replace it
  /// unless told to.
  func exists(_ path: String) -> Bool
  /// Whether two paths name the same file (through links, `./`, other spellings): `.save`
  /// must not replace the file being recorded.
  func isSameFile(_ path: String, as other: String) -> Bool
}

extension REPLFiles {
  public func exists(_ path: String) -> Bool { (try? read(path)) != nil }
  public func isSameFile(_ path: String, as other: String) -> Bool { path == other }
}

/// A file being written a piece at a time. Each ``append(_:)`` reaches the file before it
/// returns (no buffering in the process), so a recording survives the process dying; a piece
/// that cannot be written whole is taken back, so the file never ends mid-command.
public protocol ScriptSink: AnyObject {
  func append(_ text: String) throws
  func close()
}

/// Where the REPL keeps its history: `$CLAVARD_HISTORY`, else `$XDG_STATE_HOME/clavard/history`,
/// else `~/.local/state/clavard/history`; nil when none of these can be told (no `HOME`).
public enum HistoryLocation {
  public static func path(environment: [String: String]) -> String? {
    if let path = environment["CLAVARD_HISTORY"], !path.isEmpty { return path }
    if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") { return state + "/clavard/history" }
    if let home = environment["HOME"], !home.isEmpty {
      return (home.hasSuffix("/") ? String(home.dropLast()) : home) + "/.local/state/clavard/history"
    }
    return nil
  }
}
