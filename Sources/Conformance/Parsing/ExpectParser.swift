import ContactCenter

/// `expect SUBJECT WHAT VALUE` lines.
enum ExpectParser {
  static let chatQuestions = ["state", "agent", "log", "disposition", "wrap-up", "messages"]
  static let actorQuestions = ["status", "chats", "offer", "queues", "sees"]

  static func parse(_ reader: inout TokenReader) throws(ParseError) -> Query {
    let subject = try reader.value(
      "what to check: an agent, a customer, a chat, queue, case, customer, setting or clock")
    let query: Query
    switch subject {
    case "queue":
      let queue = try reader.value("a queue name")
      try keyword("waiting", &reader)
      query = .queueWaiting(QueueID(queue), try reader.number("a number of waiting chats"))
    case "case":
      let id = try reader.value("a case id")
      try keyword("customer", &reader)
      let customer = try reader.value("a customer record id")
      try keyword("state", &reader)
      let text = try reader.word("a case state: open, closed or draft")
      guard let state = CaseState(rawValue: text) else {
        throw ParseError(
          "unknown case state '\(text)'; expected open, closed or draft", at: reader.previousLocation)
      }
      query = .caseRecord(CaseID(id), customer: CustomerID(customer), state: state)
    case "customer":
      let id = try reader.value("a customer record id")
      try keyword("name", &reader)
      let name = try reader.value("the customer's name")
      try keyword("email", &reader)
      query = .customerRecord(CustomerID(id), name: name, email: try reader.value("the customer's e-mail"))
    case "setting":
      let key = try reader.word("a setting")
      query = .setting(key: key, value: try reader.value("its value"))
    case "clock":
      let text = try reader.word("a time such as 00:01:30")
      guard let instant = Instant(parsing: text) else {
        throw ParseError("expected a time such as 00:01:30, not '\(text)'", at: reader.previousLocation)
      }
      query = .clock(instant)
    default:
      if let chat = ChatID(parsing: subject) {
        query = try chatQuery(chat, &reader)
      } else {
        query = try actorQuery(subject, &reader)
      }
    }
    try reader.end()
    return query
  }

  private static func chatQuery(_ chat: ChatID, _ reader: inout TokenReader) throws(ParseError) -> Query {
    let question = try reader.word("what to check of \(chat): \(chatQuestions.joined(separator: ", "))")
    switch question {
    case "state": return .chatState(chat, try reader.word("a chat state"))
    case "agent": return .chatAgent(chat, AgentID(try reader.value("an agent name")))
    case "log": return .chatLog(chat, try reader.word("view, edit, draft, saved or none"))
    case "disposition": return .chatDisposition(chat, try reader.value("a disposition code or none"))
    case "messages": return .chatMessages(chat, try reader.number("a number of messages"))
    case "wrap-up":
      let text = try reader.word("a duration such as 45s")
      guard let interval = Interval(parsing: text) else {
        throw ParseError("expected a duration such as 45s, not '\(text)'", at: reader.previousLocation)
      }
      return .chatWrapUp(chat, interval)
    default:
      throw ParseError(
        "unknown question '\(question)' about \(chat)\(Suggestions.hint(for: question, among: chatQuestions)); expected \(chatQuestions.joined(separator: ", "))",
        at: reader.previousLocation)
    }
  }

  private static func actorQuery(_ name: String, _ reader: inout TokenReader) throws(ParseError) -> Query {
    let question = try reader.word("what to check of \(name): \(actorQuestions.joined(separator: ", "))")
    switch question {
    case "status": return .agentStatus(AgentID(name), try reader.word("a status"))
    case "chats": return .agentChats(AgentID(name), try reader.number("a number of chats"))
    case "offer":
      let text = try reader.word("a chat id or none")
      if text == "none" { return .agentOffer(AgentID(name), nil) }
      guard let chat = ChatID(parsing: text) else {
        throw ParseError(
          "expected a chat id such as chat-1, or none, not '\(text)'", at: reader.previousLocation)
      }
      return .agentOffer(AgentID(name), chat)
    case "queues":
      let text = try reader.word("the enabled queues, comma-separated, or none")
      return .agentQueues(AgentID(name), text == "none" ? [] : list(text).map { QueueID($0) })
    case "sees": return .sees(name, try reader.value("a message text, in quotes"))
    default:
      throw ParseError(
        "unknown question '\(question)' about \(name)\(Suggestions.hint(for: question, among: actorQuestions)); expected \(actorQuestions.joined(separator: ", "))",
        at: reader.previousLocation)
    }
  }

  private static func keyword(_ expected: String, _ reader: inout TokenReader) throws(ParseError) {
    let here = reader.location
    let word = try reader.word("'\(expected)'")
    guard word == expected else { throw ParseError("expected '\(expected)', not '\(word)'", at: here) }
  }
}
