import ContactCenter

/// What follows `name>`: an agent's or a customer's command.
enum ActorCommandParser {
  /// Every command word an actor can use, for "did you mean" and completion.
  static let words = [
    "login", "ready", "status", "logout", "queues", "profile", "preview", "accept", "reject", "info",
    "typing", "say", "faq", "send", "customer", "end", "timer", "disposition", "continue", "finish", "log",
    "open", "leave",
  ]

  static func parse(_ reader: inout TokenReader) throws(ParseError) -> ActorCommand {
    let here = reader.location
    let word = try reader.word("a command")
    func agent(_ action: AgentAction) throws(ParseError) -> ActorCommand {
      try reader.end()
      return ActorCommand(name: word, agent: action)
    }
    switch word {
    case "login": return try agent(.login)
    case "ready": return try agent(.readyToWork)
    case "logout": return try agent(.logout)
    case "preview": return try agent(.preview)
    case "status":
      let text = try reader.word("a status: available, working-offline or on-break")
      guard let status = AgentStatus(keyword: text) else {
        throw ParseError(
          "unknown status '\(text)'\(Suggestions.hint(for: text, among: AgentStatus.allCases.map(\.keyword))); expected available, working-offline or on-break",
          at: reader.previousLocation)
      }
      return try agent(.setStatus(status))
    case "queues":
      guard !reader.isAtEnd else { return ActorCommand(name: "queues", agent: .listQueues) }
      let verb = try reader.word("enable, disable or confirm")
      switch verb {
      case "enable", "disable":
        let queue = try reader.value("a queue name")
        try reader.end()
        return ActorCommand(
          name: "queues \(verb)", agent: .selectQueue(QueueID(queue), enabled: verb == "enable"))
      case "confirm":
        try reader.end()
        return ActorCommand(name: "queues confirm", agent: .confirmSelections)
      default:
        throw ParseError(
          "expected enable, disable or confirm after 'queues'\(Suggestions.hint(for: verb, among: ["enable", "disable", "confirm"]))",
          at: reader.previousLocation)
      }
    case "profile":
      let what = try reader.word("'queues' after 'profile'")
      guard what == "queues" else {
        throw ParseError("expected 'queues' after 'profile'", at: reader.previousLocation)
      }
      let verb = try reader.word("enable, disable or save")
      switch verb {
      case "enable", "disable":
        let queue = try reader.value("a queue name")
        try reader.end()
        return ActorCommand(
          name: "profile queues \(verb)",
          agent: .switchProfileQueue(QueueID(queue), enabled: verb == "enable"))
      case "save":
        try reader.end()
        return ActorCommand(name: "profile queues save", agent: .saveProfileQueues)
      default:
        throw ParseError(
          "expected enable, disable or save after 'profile queues'\(Suggestions.hint(for: verb, among: ["enable", "disable", "save"]))",
          at: reader.previousLocation)
      }
    case "accept": return try agent(.accept(reader.optionalChat()))
    case "reject": return try agent(.reject(reader.optionalChat()))
    case "info": return try agent(.showCustomerInfo(reader.optionalChat()))
    case "send": return try agent(.sendDraft(reader.optionalChat()))
    case "end": return try agent(.end(reader.optionalChat()))
    case "timer": return try agent(.showWrapUpTimer(reader.optionalChat()))
    case "continue": return try agent(.continueDisposition(reader.optionalChat()))
    case "finish": return try agent(.finish(reader.optionalChat()))
    case "typing":
      var isTyping = true
      if reader.peekWord == "stop" {
        _ = try reader.word("stop")
        isTyping = false
      }
      let chat = reader.optionalChat()
      try reader.end()
      return ActorCommand(
        name: "typing", agent: .typing(chat, isTyping), customer: chat == nil ? .typing(isTyping) : nil)
    case "say":
      let chat = reader.optionalChat()
      let text = try reader.value("the message, in quotes")
      try reader.end()
      return ActorCommand(name: "say", agent: .say(chat, text), customer: chat == nil ? .say(text) : nil)
    case "faq":
      let chat = reader.optionalChat()
      let id = try reader.value("an FAQ id")
      return try agent(.insertFAQ(chat, FAQID(id)))
    case "disposition":
      let chat = reader.optionalChat()
      let code = try reader.value("a disposition code")
      return try agent(.selectDisposition(chat, DispositionCode(code)))
    case "customer":
      let verb = try reader.word("'save' after 'customer'")
      guard verb == "save" else {
        throw ParseError(
          "expected 'save' after 'customer' (the new-customer form)", at: reader.previousLocation)
      }
      let chat = reader.optionalChat()
      let options = try reader.keyValues(allowed: ["name", "email", "account"], required: ["name", "email"])
      return ActorCommand(
        name: "customer save",
        agent: .saveNewCustomer(
          chat, name: options["name"] ?? "", email: options["email"] ?? "", account: options["account"]))
    case "log":
      return try log(&reader)
    case "open":
      let queue = try reader.value("a queue name")
      let options = try reader.keyValues(
        allowed: ["name", "email", "ip", "account", "case"], required: ["name", "email", "ip"])
      let request = ChatRequest(
        name: options["name"] ?? "", email: options["email"] ?? "", ipAddress: options["ip"] ?? "",
        account: options["account"], caseNumber: options["case"])
      return ActorCommand(name: "open", customer: .open(QueueID(queue), request))
    case "leave":
      try reader.end()
      return ActorCommand(name: "leave", customer: .leave)
    default:
      throw ParseError("unknown command '\(word)'\(Suggestions.hint(for: word, among: words))", at: here)
    }
  }

  private static func log(_ reader: inout TokenReader) throws(ParseError) -> ActorCommand {
    let verbs = ["open", "edit", "customer", "save", "draft"]
    guard let verb = reader.peekWord, ChatID(parsing: verb) == nil else {
      let chat = reader.optionalChat()
      try reader.end()
      return ActorCommand(name: "log", agent: .showLog(chat))
    }
    _ = try reader.word("a log command")
    guard verbs.contains(verb) else {
      throw ParseError(
        "expected \(verbs.joined(separator: ", ")) after 'log'\(Suggestions.hint(for: verb, among: verbs))",
        at: reader.previousLocation)
    }
    let chat = reader.optionalChat()
    let action: AgentAction
    switch verb {
    case "open": action = .openLog(chat)
    case "edit": action = .editLog(chat, try reader.value("the log's new text, in quotes"))
    case "customer": action = .selectLogCustomer(chat, CustomerID(try reader.value("a customer record id")))
    case "save": action = .saveLog(chat)
    default: action = .saveLogDraft(chat)
    }
    try reader.end()
    return ActorCommand(name: "log \(verb)", agent: action)
  }
}
