import ContactCenter

extension TokenReader {
  /// Reads a value of a kind: a bare word where the language reads it, else a word or a quoted
  /// text; a word of a closed set, a number, a chat id, a duration or a time is checked here, so
  /// that a typo is a parse error at its column, with "did you mean" where one is close.
  mutating func read(_ kind: ValueKind, expected: String) throws(ParseError) -> Arguments.Value {
    let text = kind.isBareWord ? try word(expected) : try value(expected)
    return try Self.convert(text, kind, expected: expected, key: nil, at: previousLocation)
  }

  /// A text already read, as a value of a kind; `key` names the `key=` option it is the value
  /// of, for its messages.
  static func convert(
    _ text: String, _ kind: ValueKind, expected: String, key: String?, at location: SourceLocation
  )
    throws(ParseError) -> Arguments.Value
  {
    func notA(_ what: String) -> ParseError {
      ParseError("expected \(what), not '\(Escaping.escaped(text))'", at: location)
    }
    switch kind {
    case .choice(let choice):
      guard choice.words.contains(text) else {
        throw ParseError(
          "unknown \(choice.noun) '\(Escaping.escaped(text))'\(Suggestions.hint(for: text, among: choice.words)); expected \(Choice.alternatives(choice.words))",
          at: location)
      }
      return .text(text)
    case .number, .chatLimit:
      guard !text.isEmpty, text.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }), let number = Int(text) else {
        throw notA(key.map { "a whole number for \($0)" } ?? expected)
      }
      return .number(number)
    case .chat, .pendingOffer, .heldChat, .wrapUpChat, .logChat:
      guard let chat = ChatID(parsing: text) else { throw notA("a chat id, such as chat-1") }
      return .chat(chat)
    case .orNone(let inner):
      if text == "none" { return .text("none") }
      switch inner {
      case .chat, .pendingOffer, .heldChat, .wrapUpChat, .logChat:
        guard ChatID(parsing: text) != nil else { throw notA(expected) }
        return .text(text)
      default:
        return try convert(text, inner, expected: expected, key: key, at: location)
      }
    case .queueList, .newCodeList:
      return .list(list(text))
    case .duration:
      guard let interval = Interval(parsing: text) else { throw notA(expected) }
      return .interval(interval)
    case .time:
      guard let instant = Instant(parsing: text) else { throw notA(expected) }
      return .instant(instant)
    case .newName, .queue, .chatQueue, .queueToEnable, .enabledQueue, .agent, .actor, .customerRecord,
      .caseRecord,
      .faq, .account, .disposition, .text, .clockMove, .settingKey, .settingValue, .path, .stepID:
      return .text(text)
    }
  }
}

extension Arguments.Value {
  /// The value as one canonical text: how answers are compared and shown.
  var canonicalText: String {
    switch self {
    case .text(let text): text
    case .chat(let chat): chat.description
    case .number(let number): String(number)
    case .list(let items): items.isEmpty ? "none" : items.sorted().joined(separator: ",")
    case .interval(let interval): interval.description
    case .instant(let instant): instant.description
    }
  }
}
