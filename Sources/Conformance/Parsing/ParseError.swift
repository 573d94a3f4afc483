import ContactCenter

/// A script that cannot be read: where, and what was expected there.
///
/// The description is what the user sees: `file:line:column: message`.
public struct ParseError: Error, Hashable, Sendable, CustomStringConvertible {
  public var location: SourceLocation
  public var message: String

  public init(_ message: String, at location: SourceLocation) {
    self.location = location
    self.message = message
  }

  /// Never prints a control or invisible character a file contained: it is shown escaped.
  public var description: String { Escaping.invisiblesEscaped("\(location): \(message)") }
}
