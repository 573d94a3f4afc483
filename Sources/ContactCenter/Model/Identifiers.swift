/// A name that the tenant or a script gives to something: an agent, a queue, a customer record.
///
/// Names are restricted to letters, digits, `-`, `_` and `.`, so that they can be printed
/// raw in event lines and typed in scripts without quoting. The phantom `Kind` keeps an agent's
/// name from being passed where a queue's is expected:
/// ```swift
/// let alice: AgentID = "alice"
/// let support: QueueID = "support"
/// ```
public struct Identifier<Kind>: Hashable, Comparable, Sendable, CustomStringConvertible,
  ExpressibleByStringLiteral
{
  public let rawValue: String

  public init(_ rawValue: String) { self.rawValue = rawValue }
  public init(stringLiteral value: String) { self.rawValue = value }

  public var description: String { rawValue }

  public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

  /// Whether the text is acceptable as a name: 1 to 64 characters among letters, digits,
  /// `-`, `_` and `.`, starting with a letter or digit.
  public static func isValid(_ text: String) -> Bool {
    guard let first = text.utf8.first, text.utf8.count <= 64, isAlphanumeric(first) else {
      return false
    }
    return text.utf8.allSatisfy {
      isAlphanumeric($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ".")
    }
  }

  private static func isAlphanumeric(_ byte: UInt8) -> Bool {
    (byte >= 48 && byte <= 57) || (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122)
  }
}

public enum AgentKind {}
public enum QueueKind {}
public enum CustomerKind {}
public enum CaseKind {}
public enum FAQKind {}
public enum VisitorKind {}
public enum DispositionKind {}

public typealias AgentID = Identifier<AgentKind>
public typealias QueueID = Identifier<QueueKind>
/// A customer record of the CRM.
public typealias CustomerID = Identifier<CustomerKind>
/// A case record of the CRM.
public typealias CaseID = Identifier<CaseKind>
public typealias FAQID = Identifier<FAQKind>
/// The person on the customer side of a chat, as a script names them (`marie> open support`).
public typealias VisitorID = Identifier<VisitorKind>
public typealias DispositionCode = Identifier<DispositionKind>

/// A chat, numbered in order of arrival: `chat-1`, `chat-2`, ...
public struct ChatID: Hashable, Comparable, Sendable, CustomStringConvertible {
  public let number: Int

  public init(_ number: Int) { self.number = number }

  public var description: String { "chat-\(number)" }

  public static func < (lhs: ChatID, rhs: ChatID) -> Bool { lhs.number < rhs.number }

  /// Parses `chat-N` with N a positive whole number.
  public init?(parsing text: String) {
    let digits = text.dropFirst(5)
    guard text.hasPrefix("chat-"), digits.first != "0", let number = Int64(digits: digits), number > 0,
      number <= Int64(Int32.max)
    else { return nil }
    self.number = Int(number)
  }
}
