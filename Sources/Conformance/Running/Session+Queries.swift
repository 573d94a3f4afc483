import ContactCenter

/// Why a question has no answer: its subject does not exist.
public struct Unanswerable: Error, Hashable, Sendable {
  public var message: String
}

extension Session {
  /// The actual answer to a question: the one place it is computed, for `expect`, the REPL's
  /// completion and the comparison with a system under test.
  public func answer(_ question: Question) -> Result<Answer, Unanswerable> {
    func noAgent(_ id: AgentID) -> Result<Answer, Unanswerable> {
      .failure(Unanswerable(message: "no agent named \(id) is defined"))
    }
    func noChat(_ id: ChatID) -> Result<Answer, Unanswerable> {
      .failure(Unanswerable(message: "\(id) does not exist"))
    }
    switch question {
    case .agentStatus(let id):
      guard let agent = center.agent(id) else { return noAgent(id) }
      return .success(Answer(SessionAnswer(agent.session).rawValue))
    case .agentChats(let id):
      guard let agent = center.agent(id) else { return noAgent(id) }
      return .success(Answer(String(agent.chats.count)))
    case .agentOffer(let id):
      guard let agent = center.agent(id) else { return noAgent(id) }
      return .success(Answer(agent.pendingOffer?.description ?? "none"))
    case .agentQueues(let id):
      guard let agent = center.agent(id) else { return noAgent(id) }
      return .success(Answer(Arguments.Value.list(agent.enabledQueues.map(\.rawValue)).canonicalText))
    case .sees(let name, let text):
      return .success(Answer(sees(name, text) == nil ? Answer.yes : Answer.no))
    case .queueWaiting(let queue):
      guard center.queues[queue] != nil else {
        return .failure(Unanswerable(message: "queue \(queue) is not defined"))
      }
      return .success(Answer(String(center.waitingChats(in: queue).count)))
    case .chatState(let id):
      guard let chat = center.chat(id) else { return noChat(id) }
      return .success(Answer(chat.state.phase.rawValue))
    case .chatAgent(let id):
      guard let chat = center.chat(id) else { return noChat(id) }
      return .success(Answer(Self.agent(of: chat.state)?.rawValue ?? "none"))
    case .chatLog(let id):
      guard let chat = center.chat(id) else { return noChat(id) }
      return .success(Answer(LogAnswer(chat.log).rawValue))
    case .chatDisposition(let id):
      guard let chat = center.chat(id) else { return noChat(id) }
      return .success(Answer(chat.disposition?.rawValue ?? "none"))
    case .chatWrapUp(let id):
      guard center.chat(id) != nil else { return noChat(id) }
      guard let elapsed = center.wrapUpElapsed(id) else {
        return .failure(Unanswerable(message: "\(id) is not in wrap-up"))
      }
      return .success(Answer(elapsed.description))
    case .chatMessages(let id):
      guard let chat = center.chat(id) else { return noChat(id) }
      return .success(Answer(String(chat.messages.count)))
    case .caseRecord(let id):
      guard let record = center.crm.cases[id] else {
        return .failure(Unanswerable(message: "case \(id) is not defined"))
      }
      return .success(Answer([record.customer.rawValue, record.state.rawValue]))
    case .customerRecord(let id):
      guard let record = center.crm.customers[id] else {
        return .failure(Unanswerable(message: "customer record \(id) is not defined"))
      }
      return .success(Answer([record.name, record.email]))
    case .setting(let key):
      return .success(Answer(center.settings.all.first { $0.key == key }?.valueText ?? ""))
    case .clock:
      return .success(Answer(center.now.description))
    }
  }

  /// Answers an `expect` query: nil when it holds, else what differs.
  func check(_ query: Query) -> String? {
    switch answer(query.question) {
    case .failure(let problem):
      return problem.message
    case .success(let actual):
      guard actual != query.expected else { return nil }
      if case .sees(let name, let text) = query.question { return sees(name, text) }
      let spec = query.question.spec
      return
        "expected \(query.question.askedText) \(spec.render(query.expected)), but it is \(spec.render(actual))"
    }
  }

  static func agent(of state: ChatState) -> AgentID? {
    switch state {
    case .offered(let agent, _, _, _), .active(let agent, _), .wrapUp(let agent, _, _),
      .finished(let agent, _, _):
      agent
    case .queued, .abandoned: nil
    }
  }

  /// A customer sees the agent's messages in their latest chat; an agent sees the customer's
  /// messages in the chats it holds or finished last. Nil when the text is there, else why not.
  private func sees(_ name: String, _ text: String) -> String? {
    let agentID = AgentID(name)
    if let agent = center.agent(agentID) {
      let chats = Array(agent.chats) + (agent.lastFinishedChat.map { [$0] } ?? [])
      let seen = chats.contains { id in
        center.chat(id)?.messages.contains { message in
          if case .customer = message.author { message.text.isExactly(text) } else { false }
        } ?? false
      }
      return seen
        ? nil
        : "expected \(name) to see \(Escaping.quoted(text)) from a customer, but no chat of \(name) has it"
    }
    guard let chatID = center.latestChat(of: VisitorID(name)), let chat = center.chat(chatID) else {
      return
        "expected \(name) to see \(Escaping.quoted(text)), but \(name) is neither an agent nor a customer who opened a chat"
    }
    let seen = chat.messages.contains { message in
      if case .agent = message.author { message.text.isExactly(text) } else { false }
    }
    return seen
      ? nil
      : "expected \(name) to see \(Escaping.quoted(text)) from the agent in \(chatID), but it is not there"
  }
}

extension QuestionSpec {
  /// An answer as messages show it: the value alone for a one-field question, else each field
  /// after its word (`customer c-100 state open`); texts quoted where `.help` quotes them.
  public func render(_ answer: Answer) -> String {
    func shown(_ value: String, _ field: Field) -> String {
      field.placeholder.hasPrefix("\"") ? Escaping.quoted(value) : Escaping.escaped(value)
    }
    guard fields.count > 1 else { return answer.fields.first.map { shown($0, fields[0]) } ?? "" }
    return zip(fields, answer.fields).map { field, value in
      (field.word.map { $0 + " " } ?? "") + shown(value, field)
    }.joined(separator: " ")
  }
}
