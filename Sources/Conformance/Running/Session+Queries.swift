import ContactCenter

extension Session {
  /// Answers an `expect` query: nil when it holds, else what differs.
  func check(_ query: Query) -> String? {
    func differ(_ what: String, expected: String, actual: String) -> String? {
      expected == actual ? nil : "expected \(what) \(expected), but it is \(actual)"
    }
    switch query {
    case .agentStatus(let id, let expected):
      guard let agent = center.agent(id) else { return "no agent named \(id) is defined" }
      let actual: String =
        switch agent.session {
        case .loggedOut: "logged-out"
        case .loggedIn: "not-ready"
        case .ready(let status): status.keyword
        }
      return differ("\(id) status", expected: expected, actual: actual)
    case .agentChats(let id, let expected):
      guard let agent = center.agent(id) else { return "no agent named \(id) is defined" }
      return differ("\(id) chats", expected: "\(expected)", actual: "\(agent.chats.count)")
    case .agentOffer(let id, let expected):
      guard let agent = center.agent(id) else { return "no agent named \(id) is defined" }
      return differ(
        "\(id) offer", expected: expected?.description ?? "none",
        actual: agent.pendingOffer?.description ?? "none")
    case .agentQueues(let id, let expected):
      guard let agent = center.agent(id) else { return "no agent named \(id) is defined" }
      let actual = agent.enabledQueues.map(\.rawValue).sorted()
      return differ(
        "\(id) queues",
        expected: expected.isEmpty ? "none" : expected.map(\.rawValue).sorted().joined(separator: ","),
        actual: actual.isEmpty ? "none" : actual.joined(separator: ","))
    case .queueWaiting(let queue, let expected):
      guard center.queues[queue] != nil else { return "queue \(queue) is not defined" }
      return differ(
        "queue \(queue) waiting", expected: "\(expected)", actual: "\(center.waitingChats(in: queue).count)")
    case .chatState(let id, let expected):
      guard let chat = center.chat(id) else { return "\(id) does not exist" }
      return differ("\(id) state", expected: expected, actual: chat.state.keyword)
    case .chatAgent(let id, let expected):
      guard let chat = center.chat(id) else { return "\(id) does not exist" }
      return differ(
        "\(id) agent", expected: expected.rawValue, actual: agent(of: chat.state)?.rawValue ?? "none")
    case .chatLog(let id, let expected):
      guard let chat = center.chat(id) else { return "\(id) does not exist" }
      return differ("\(id) log", expected: expected, actual: logWord(chat.log))
    case .chatDisposition(let id, let expected):
      guard let chat = center.chat(id) else { return "\(id) does not exist" }
      return differ("\(id) disposition", expected: expected, actual: chat.disposition?.rawValue ?? "none")
    case .chatWrapUp(let id, let expected):
      guard center.chat(id) != nil else { return "\(id) does not exist" }
      guard let elapsed = center.wrapUpElapsed(id) else { return "\(id) is not in wrap-up" }
      return differ("\(id) wrap-up", expected: expected.description, actual: elapsed.description)
    case .chatMessages(let id, let expected):
      guard let chat = center.chat(id) else { return "\(id) does not exist" }
      return differ("\(id) messages", expected: "\(expected)", actual: "\(chat.messages.count)")
    case .sees(let name, let text):
      return sees(name, text)
    case .caseRecord(let id, let customer, let state):
      guard let record = center.crm.cases[id] else { return "case \(id) is not defined" }
      return differ(
        "case \(id)", expected: "customer \(customer) state \(state.rawValue)",
        actual: "customer \(record.customer) state \(record.state.rawValue)")
    case .customerRecord(let id, let name, let email):
      guard let record = center.crm.customers[id] else { return "customer record \(id) is not defined" }
      return differ(
        "customer \(id)", expected: "name \(Escaping.quoted(name)) email \(Escaping.escaped(email))",
        actual: "name \(Escaping.quoted(record.name)) email \(Escaping.escaped(record.email))")
    case .setting(let key, let expected):
      guard let setting = center.settings.all.first(where: { $0.key == key }) else {
        return
          "there is no setting \(Escaping.quoted(key))\(Suggestions.hint(for: key, among: Setting.keys.map(\.key)))"
      }
      // `90s` and `1m30s` are the same accept interval: compare values as the settings read them.
      let normalized = (try? Setting.parse(key: key, value: expected))?.valueText ?? expected
      return differ("setting \(key)", expected: normalized, actual: setting.valueText)
    case .clock(let expected):
      return differ("clock", expected: expected.description, actual: center.now.description)
    }
  }

  private func agent(of state: ChatState) -> AgentID? {
    switch state {
    case .offered(let agent, _, _, _), .active(let agent, _), .wrapUp(let agent, _, _),
      .finished(let agent, _, _):
      agent
    case .queued, .abandoned: nil
    }
  }

  private func logWord(_ log: ChatLog?) -> String {
    guard let log else { return "none" }
    if log.isSaved { return log.mode == .view ? "view" : "saved" }
    return log.savedCase != nil ? "draft" : "edit"
  }

  /// A customer sees the agent's messages in their latest chat; an agent sees the customer's
  /// messages in the chats it holds or finished last.
  private func sees(_ name: String, _ text: String) -> String? {
    let agentID = AgentID(name)
    if let agent = center.agent(agentID) {
      let chats = Array(agent.chats) + (agent.lastFinishedChat.map { [$0] } ?? [])
      let seen = chats.contains { id in
        center.chat(id)?.messages.contains { message in
          if case .customer = message.author { message.text == text } else { false }
        } ?? false
      }
      return seen
        ? nil
        : "expected \(name) to see \(Escaping.quoted(text)) from a customer, but no chat of \(name) has it"
    }
    guard let chatID = center.latestChat(of: VisitorID(name)), let chat = center.chat(chatID) else {
      return "\(name) is neither an agent nor a customer who opened a chat"
    }
    let seen = chat.messages.contains { message in
      if case .agent = message.author { message.text == text } else { false }
    }
    return seen
      ? nil
      : "expected \(name) to see \(Escaping.quoted(text)) from the agent in \(chatID), but it is not there"
  }
}
