import Conformance
import ContactCenter

/// An answer's JSON form, by question: numbers for counts, milliseconds for times, null for
/// none, an array for the enabled queues (in any order), true or false for `sees`, an object
/// for the two-field questions (`case`, `customer`).
extension Answer {
  public func json(for question: Question) -> JSON {
    let kind = question.kind
    func number(_ text: String) -> JSON { Int(text).map(JSON.number) ?? .string(text) }
    func orNull(_ text: String) -> JSON { text == "none" ? .null : .string(text) }
    let first = fields.first ?? ""
    switch kind {
    case .agentStatus, .chatState, .chatLog: return .string(first)
    case .agentChats, .queueWaiting, .chatMessages: return number(first)
    case .agentOffer, .chatAgent, .chatDisposition: return orNull(first)
    case .agentQueues: return first == "none" ? [] : .strings(first.split(separator: ",").map(String.init))
    case .sees: return .bool(first == Answer.yes)
    case .chatWrapUp, .clock:
      let milliseconds =
        kind == .clock
        ? Instant(parsing: first).map { Int($0.milliseconds) }
        : Interval(parsing: first).map { Int($0.milliseconds) }
      return milliseconds.map(JSON.number) ?? .string(first)
    case .caseRecord: return ["customer": .string(first), "state": .string(fields.dropFirst().first ?? "")]
    case .customerRecord: return ["name": .string(first), "email": .string(fields.dropFirst().first ?? "")]
    case .setting:
      guard case .setting(let key) = question, let setting = try? Setting.parse(key: key, value: first) else {
        return .string(first)
      }
      return setting.jsonMembers.last?.1 ?? .string(first)
    }
  }

  /// The canonical answer a JSON answer gives, or what is wrong with it.
  public static func decode(_ json: JSON, for question: Question) throws(WireError) -> Answer {
    let kind = question.kind
    func wrong(_ what: String) -> WireError {
      WireError("the answer to \(kind.rawValue) must be \(what), not \(json.text)")
    }
    switch kind {
    case .agentStatus, .chatState, .chatLog:
      guard let word = json.string else { throw wrong("a string") }
      return Answer(word)
    case .agentChats, .queueWaiting, .chatMessages:
      guard let number = json.int, number >= 0 else { throw wrong("a whole number") }
      return Answer(String(number))
    case .agentOffer, .chatAgent, .chatDisposition:
      if json.isNull { return Answer("none") }
      guard let text = json.string else { throw wrong("a string or null") }
      return Answer(text)
    case .agentQueues:
      guard let items = json.array?.compactMap(\.string), items.count == json.array?.count else {
        throw wrong("an array of strings")
      }
      return Answer(items.isEmpty ? "none" : items.sorted().joined(separator: ","))
    case .sees:
      guard let seen = json.bool else { throw wrong("true or false") }
      return Answer(seen ? Answer.yes : Answer.no)
    case .chatWrapUp:
      guard let milliseconds = json.int, milliseconds >= 0 else {
        throw wrong("a whole number of milliseconds")
      }
      return Answer(Interval(milliseconds: Int64(milliseconds)).description)
    case .clock:
      guard let milliseconds = json.int, milliseconds >= 0 else {
        throw wrong("a whole number of milliseconds")
      }
      return Answer(Instant(milliseconds: Int64(milliseconds)).description)
    case .caseRecord:
      let fields = try Fields(json, "the answer to case")
      return Answer([try fields.string("customer"), try fields.string("state")])
    case .customerRecord:
      let fields = try Fields(json, "the answer to customer")
      return Answer([try fields.string("name"), try fields.string("email")])
    case .setting:
      guard case .setting(let key) = question else { throw wrong("a setting's value") }
      // The value as `set` takes it: a word, a number, or milliseconds for the accept interval.
      let setting = try Setting.decode(
        try Fields(["setting": .string(key.rawValue), "value": json], "the answer to setting"))
      return Answer(setting.valueText)
    }
  }
}
