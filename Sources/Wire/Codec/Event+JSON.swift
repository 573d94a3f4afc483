import ContactCenter

/// Every event's JSON form: `{"event": KIND, ...fields}`, the kind named by ``Event/Kind``,
/// the fields named as `docs/protocol.md` lists them. ``decode(_:)`` is the inverse of
/// ``json``: a test round-trips every kind.
extension Event {
  public var json: JSON {
    var members: [(String, JSON)] = [("event", .string(kind.rawValue))]
    func add(_ key: String, _ value: JSON) { members.append((key, value)) }
    func chat(_ id: ChatID) { add("chat", .string(id.description)) }
    func agent(_ id: AgentID) { add("agent", .string(id.rawValue)) }
    func queue(_ id: QueueID) { add("queue", .string(id.rawValue)) }
    switch self {
    case .queueDefined(let definition):
      queue(definition.id)
      add("media", .string(definition.media.rawValue))
      add("dispositions", .strings(definition.dispositions.map(\.rawValue)))
    case .agentDefined(let id, let queues, let maximumChats):
      agent(id)
      add("queues", .strings(queues.map(\.rawValue)))
      add("max_chats", .optional(maximumChats))
    case .customerDefined(let record), .customerCreated(let record, _):
      add("customer", .string(record.id.rawValue))
      add("name", .string(record.name))
      add("email", .string(record.email))
      add("account", .optional(record.account))
      if case .customerCreated(_, let from) = self { chat(from) }
    case .caseDefined(let record):
      add("case", .string(record.id.rawValue))
      add("customer", .string(record.customer.rawValue))
      add("subject", .string(record.subject))
      add("state", .string(record.state.rawValue))
      add("chat", .optional(record.chat?.description))
      add("text", .optional(record.text))
    case .faqDefined(let faq, let length):
      add("faq", .string(faq.rawValue))
      add("length", .number(length))
    case .settingChanged(let setting):
      members += setting.jsonMembers
    case .loggedIn(let id), .loggedOut(let id):
      agent(id)
    case .readyToWork(let id, let status), .statusChanged(let id, let status):
      agent(id)
      add("status", .string(status.keyword))
    case .queueListed(let id, let queueID, let media, let enabled, let pending):
      agent(id)
      queue(queueID)
      add("media", .string(media.rawValue))
      add("enabled", .bool(enabled))
      add("pending", pending.map { ["enabled": .bool($0.enabled), "path": .string($0.path.word)] } ?? .null)
    case .queueSwitched(let id, let queueID, let enabled, let path):
      agent(id)
      queue(queueID)
      add("enabled", .bool(enabled))
      add("path", .string(path.word))
    case .queueEnabled(let id, let queueID), .queueDisabled(let id, let queueID):
      agent(id)
      queue(queueID)
    case .chatQueued(let id, let queueID, let visitor):
      chat(id)
      queue(queueID)
      add("visitor", .string(visitor.rawValue))
    case .chatOffered(let id, let to, let within):
      chat(id)
      agent(to)
      add("accept_within_ms", .milliseconds(within))
    case .screenPop(let id, let to, let pop, let summary):
      chat(id)
      agent(to)
      add("pop", pop.json)
      add("customer_name", .optional(summary.customerName))
      add("case_subject", .optional(summary.caseSubject))
    case .offerPreview(let id, let to, let request, let match):
      chat(id)
      agent(to)
      add("request", request.json)
      add(
        "match",
        match.map {
          [
            "customer": .string($0.customer.rawValue), "case": .optional($0.caseID?.rawValue),
            "basis": .string($0.basis.rawValue),
          ]
        } ?? .null)
    case .chatAccepted(let id, let by), .chatRejected(let id, let by), .offerExpired(let id, let by):
      chat(id)
      agent(by)
    case .offerWithdrawn(let id, let by, let reason):
      chat(id)
      agent(by)
      add("reason", reason.json)
    case .chatReturned(let id, let queueID, let position):
      chat(id)
      queue(queueID)
      add("position", .number(position))
    case .chatAbandoned(let id, let visitor):
      chat(id)
      add("visitor", .string(visitor.rawValue))
    case .customerInfo(let id, let to, let request):
      chat(id)
      agent(to)
      add("request", request.json)
    case .message(let id, let from, let text):
      chat(id)
      add("from", from.json)
      add("text", .string(text))
    case .typing(let id, let party, let isTyping):
      chat(id)
      add("from", party.json)
      add("typing", .bool(isTyping))
    case .faqInserted(let id, let faq, let by, let draftLength):
      chat(id)
      add("faq", .string(faq.rawValue))
      agent(by)
      add("draft_length", .number(draftLength))
    case .chatEnded(let id, let by):
      chat(id)
      add("by", by.json)
    case .wrapUpTimer(let id, let elapsed):
      chat(id)
      add("elapsed_ms", .milliseconds(elapsed))
    case .dispositionSelected(let id, let code), .dispositionConfirmed(let id, let code):
      chat(id)
      add("code", .string(code.rawValue))
    case .chatFinished(let id, let by, let wrapUp):
      chat(id)
      agent(by)
      add("wrap_up_ms", .milliseconds(wrapUp))
    case .logOpened(let id, let to, let mode):
      chat(id)
      agent(to)
      add("mode", .string(mode.rawValue))
    case .logShown(let id, let summary):
      chat(id)
      add("mode", .string(summary.mode.rawValue))
      add("customer", .optional(summary.customer?.rawValue))
      add("messages", .number(summary.messageCount))
      add("notes", .optional(summary.notes))
      add("case", .optional(summary.savedCase?.rawValue))
      add("draft", .bool(summary.isDraft))
      add("saved", .bool(summary.isSaved))
    case .logEdited(let id, let by, let length):
      chat(id)
      agent(by)
      add("length", .number(length))
    case .logCustomerSelected(let id, let customer):
      chat(id)
      add("customer", .string(customer.rawValue))
    case .logSaved(let id, let caseID, let customer, let draft):
      chat(id)
      add("case", .string(caseID.rawValue))
      add("customer", .string(customer.rawValue))
      add("draft", .bool(draft))
    }
    return .object(members)
  }
}
