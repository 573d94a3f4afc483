import ContactCenter

/// `queue`, `agent`, `customer-record`, `case`, `faq` and `set` lines.
enum DefinitionParser {
  static func parse(_ keyword: String, _ reader: inout TokenReader) throws(ParseError) -> Command {
    switch keyword {
    case "queue":
      let name = try reader.value("a queue name")
      let options = try reader.keyValues(allowed: ["media", "dispositions"])
      var media = Media.chat
      if let text = options["media"] {
        guard let parsed = Media(rawValue: text) else {
          throw ParseError(
            "unknown media '\(text)'; expected chat, phone or email",
            at: reader.valueLocations["media"] ?? reader.previousLocation)
        }
        media = parsed
      }
      return .defineQueue(
        QueueID(name), media: media,
        dispositions: list(options["dispositions"] ?? "").map { DispositionCode($0) })
    case "agent":
      let name = try reader.value("an agent name")
      let options = try reader.keyValues(allowed: ["queues", "max-chats"])
      var cap: Int?
      if let text = options["max-chats"] {
        guard let value = Int(text) else {
          throw ParseError(
            "expected a whole number for max-chats, not '\(text)'",
            at: reader.valueLocations["max-chats"] ?? reader.previousLocation)
        }
        cap = value
      }
      return .defineAgent(
        AgentID(name), queues: list(options["queues"] ?? "").map { QueueID($0) }, maximumChats: cap)
    case "customer-record":
      let id = try reader.value("a customer record id")
      let options = try reader.keyValues(allowed: ["name", "email", "account"], required: ["name", "email"])
      return .defineCustomer(
        CustomerID(id), name: options["name"] ?? "", email: options["email"] ?? "",
        account: options["account"])
    case "case":
      let id = try reader.value("a case id")
      let options = try reader.keyValues(
        allowed: ["customer", "subject", "state"], required: ["customer", "subject"])
      var state = CaseState.open
      if let text = options["state"] {
        guard let parsed = CaseState(rawValue: text) else {
          throw ParseError(
            "unknown case state '\(text)'; expected open, closed or draft",
            at: reader.valueLocations["state"] ?? reader.previousLocation)
        }
        state = parsed
      }
      return .defineCase(
        CaseID(id), customer: CustomerID(options["customer"] ?? ""), subject: options["subject"] ?? "",
        state: state)
    case "faq":
      let id = try reader.value("an FAQ id")
      let answer = try reader.value("the FAQ answer, in quotes")
      try reader.end()
      return .defineFAQ(FAQID(id), answer: answer)
    default:  // "set"
      let keyLocation = reader.location
      let key = try reader.word("a setting (\(Setting.keys.map(\.key).joined(separator: ", ")))")
      let value = try reader.value("a value for \(key)")
      try reader.end()
      do {
        return .set(try Setting.parse(key: key, value: value))
      } catch {
        var message = error.description
        if case .unknownSetting = error {
          message += Suggestions.hint(for: key, among: Setting.keys.map(\.key))
        }
        throw ParseError(message, at: keyLocation)
      }
    }
  }
}
