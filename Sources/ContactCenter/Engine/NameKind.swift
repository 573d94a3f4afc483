/// What a name names, as refusals say it: `"x y" is not a valid queue name`, `agent alice is
/// already defined`, `disposition resolved is listed twice`.
///
/// An enum rather than a string, so that a refusal can be matched by kind (a driver, a wire
/// protocol) and no two spellings of one kind can appear.
public enum NameKind: String, CaseIterable, Hashable, Sendable, CustomStringConvertible {
  case queue
  case agent
  case customerRecord = "customer record"
  case caseRecord = "case"
  case faqEntry = "FAQ entry"
  case disposition
  /// A customer on the chat side, named by a script (`marie> open support`).
  case visitor = "customer"

  /// The words of the messages.
  public var description: String { rawValue }
}

/// A text that customers and agents type or that a definition gives, as refusals say it: `a
/// customer name cannot be empty`, `a message cannot be only spaces or invisible characters`.
///
/// Every text follows the same rules (``Validation/check(_:as:)``): not empty, not blank, no
/// character longer than ``Validation/maximumCodePointsPerCharacter``.
public enum TextKind: String, CaseIterable, Hashable, Sendable, CustomStringConvertible {
  case message = "a message"
  case customerName = "a customer name"
  case accountNumber = "an account number"
  case caseNumber = "a case number"
  case caseSubject = "a case subject"
  case faqAnswer = "an FAQ answer"
  case logText = "the log text"

  /// The words of the messages.
  public var description: String { rawValue }
}
