import Glibc

/// Why a file could not be read or written: the path and the reason, in words a person can act
/// on (the system's message, or what this module refused and why).
///
/// The description is the reason alone: callers say which file and what they were doing
/// (`cannot read x.chat: not a regular file (a named pipe)`).
public struct FileError: Error, Hashable, Sendable, CustomStringConvertible {
  public var path: String
  public var reason: String
  /// The system's error number, when the system refused (ENOSPC, EACCES...); nil when this
  /// module refused on its own (not a regular file, too large, changed since it was read).
  public var code: Int32?

  public init(_ path: String, reason: String, code: Int32? = nil) {
    self.path = path
    self.reason = reason
    self.code = code
  }

  /// The system's refusal, as `strerror` words it.
  public init(_ path: String, errno code: Int32) {
    self.init(path, reason: systemMessage(code), code: code)
  }

  public var description: String { reason }

  /// The file does not exist (a first history, say, which is not an error).
  public var isMissing: Bool { code == ENOENT }

  /// The file exists (creating one that must be new).
  public var alreadyExists: Bool { code == EEXIST }
}
