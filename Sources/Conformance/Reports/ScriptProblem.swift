import ContactCenter

/// Why a script could not run at all: its file (or folder) could not be read, or its text does
/// not parse. Reports count either as a failed script and exit with status 2.
public enum ScriptProblem: Error, Hashable, Sendable, CustomStringConvertible {
  /// The file or folder could not be read: nothing in it is wrong, so there is no line to
  /// point at (`x.chat: cannot read this file: Permission denied`).
  case unreadable(UnreadableFile)
  /// The text does not parse: `file:line:column: message`.
  case invalid(ParseError)

  public var description: String {
    switch self {
    case .unreadable(let file): file.description
    case .invalid(let error): error.description
    }
  }

  /// Where reports point: the line of a parse error; the file itself (its first line) for
  /// one that cannot be read, where a format needs a line.
  public var location: SourceLocation {
    switch self {
    case .unreadable(let file): SourceLocation(file: file.path, line: 1)
    case .invalid(let error): error.location
    }
  }

  /// The message without the location.
  public var message: String {
    switch self {
    case .unreadable(let file): file.message
    case .invalid(let error): error.message
    }
  }
}

/// A file or folder that could not be read, and why (the system's words).
public struct UnreadableFile: Error, Hashable, Sendable, CustomStringConvertible {
  public var path: String
  /// `cannot read this file: Permission denied`.
  public var message: String

  public init(path: String, message: String) {
    self.path = path
    self.message = message
  }

  /// `path: message`, with control characters (from a file name) escaped.
  public var description: String { Escaping.controlsEscaped("\(path): \(message)") }
}
