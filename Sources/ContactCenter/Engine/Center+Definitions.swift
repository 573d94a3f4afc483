import OrderedCollections

extension Center {
  mutating func defineQueue(
    _ id: QueueID, media: Media, dispositions: [DispositionCode], _ events: inout [Event]
  ) throws(Refusal) {
    try checkName(id.rawValue, kind: .queue)
    guard queues[id] == nil else { throw .alreadyDefined(kind: .queue, name: id.rawValue) }
    for code in dispositions { try checkName(code.rawValue, kind: .disposition) }
    if let twice = firstRepeated(dispositions) {
      throw .listedTwice(kind: .disposition, name: twice.rawValue)
    }
    let definition = QueueDefinition(id: id, media: media, dispositions: dispositions)
    queues[id] = definition
    routing.addQueue()
    events.append(.queueDefined(definition))
  }

  mutating func defineAgent(
    _ id: AgentID, queues assigned: [QueueID], maximumChats: Int?, _ events: inout [Event]
  ) throws(Refusal) {
    try checkName(id.rawValue, kind: .agent)
    guard agentSlots[id] == nil else { throw .alreadyDefined(kind: .agent, name: id.rawValue) }
    for queue in assigned where queues[queue] == nil { throw .unknownQueue(queue) }
    if let twice = firstRepeated(assigned) { throw .listedTwice(kind: .queue, name: twice.rawValue) }
    if let cap = maximumChats, !(1...Settings.maximumChatsPerAgent).contains(cap) {
      throw .agentCapOutOfRange(cap)
    }
    agentSlots[id] = agentRecords.count
    agentIDs.append(id)
    agentRecords.append(AgentRecord(id: id, assignedQueues: OrderedSet(assigned), maximumChats: maximumChats))
    routing.addAgent(assignedQueues: assigned.count)
    events.append(.agentDefined(id, queues: assigned, maximumChats: maximumChats))
  }

  mutating func defineCustomer(
    _ id: CustomerID, name: String, email: String, account: String?, _ events: inout [Event]
  ) throws(Refusal) {
    try checkName(id.rawValue, kind: .customerRecord)
    guard crm.customers[id] == nil else { throw .alreadyDefined(kind: .customerRecord, name: id.rawValue) }
    try checkCustomerDetails(name: name, email: email, account: account)
    let record = CustomerRecord(id: id, name: name, email: email, account: account)
    crm.add(record)
    events.append(.customerDefined(record))
  }

  mutating func defineCase(
    _ id: CaseID, customer: CustomerID, subject: String, state: CaseState, _ events: inout [Event]
  ) throws(Refusal) {
    try checkName(id.rawValue, kind: .caseRecord)
    guard crm.cases[id] == nil else { throw .alreadyDefined(kind: .caseRecord, name: id.rawValue) }
    guard crm.customers[customer] != nil else { throw .unknownCustomer(customer) }
    try Validation.check(subject, as: .caseSubject)
    let record = CaseRecord(id: id, customer: customer, subject: subject, state: state, chat: nil, text: nil)
    crm.add(record)
    events.append(.caseDefined(record))
  }

  mutating func defineFAQ(_ id: FAQID, answer: String, _ events: inout [Event]) throws(Refusal) {
    try checkName(id.rawValue, kind: .faqEntry)
    guard faqs[id] == nil else { throw .alreadyDefined(kind: .faqEntry, name: id.rawValue) }
    try Validation.check(answer, as: .faqAnswer)
    faqs[id] = answer
    events.append(.faqDefined(id, length: Validation.perceivedLength(answer)))
  }

  /// Changes one tenant setting. Changes that affect who may receive chats re-evaluate every
  /// agent at once, so no waiting chat is left behind (and no agent is left over its limit
  /// with an offer it could accept).
  mutating func apply(_ setting: Setting, _ events: inout [Event]) throws(Refusal) -> RoutingChange {
    if case .acceptInterval(let interval) = setting, !Settings.acceptIntervalRange.contains(interval) {
      throw .invalidSettingValue(
        key: setting.key.rawValue, value: interval.description,
        expected: "a duration from 1s to 1h, such as 30s or 1m30s")
    }
    if case .chatsPerAgent(let cap) = setting, !(1...Settings.maximumChatsPerAgent).contains(cap) {
      throw .invalidSettingValue(
        key: setting.key.rawValue, value: String(cap),
        expected: (1...Settings.maximumChatsPerAgent).map(String.init).joined(separator: ", "))
    }
    let previousCap = settings.chatsPerAgent
    settings.apply(setting)
    events.append(.settingChanged(setting))
    guard case .chatsPerAgent(let cap) = setting else { return .none }
    if cap < previousCap, faults.contains(.loweredCapIgnored) { return .none }
    return reapplyChatLimit(cap, &events)
  }

  /// After the tenant's limit changed: every agent leaves the index, offers to agents now at or
  /// over the limit are withdrawn (their chats wait, since nobody is in the index), then agents
  /// come back longest-waiting first, so each takes the oldest waiting chat it may (DEC-1).
  private mutating func reapplyChatLimit(_ cap: Int, _ events: inout [Event]) -> RoutingChange {
    for slot in agentRecords.indices { routing.unregister(slot) }
    for slot in agentRecords.indices
    where agentRecords[slot].pendingOffer != nil && agentRecords[slot].chats.count >= chatLimit(of: slot) {
      let offered = withdrawOffer(of: slot, reason: .capLowered(cap), &events)
      settle(.chat(offered, returning: true), &events)
    }
    return .agents(
      agentRecords.indices.sorted { agentRecords[$0].waitingOrder < agentRecords[$1].waitingOrder })
  }

  /// The chat limit of one agent: the tenant's, or the agent's own if lower.
  func chatLimit(of slot: Int) -> Int {
    min(settings.chatsPerAgent, agentRecords[slot].maximumChats ?? Settings.maximumChatsPerAgent)
      + chatLimitSlack
  }

  func checkName(_ text: String, kind: NameKind) throws(Refusal) {
    guard AgentID.isValid(text) else { throw .invalidName(kind: kind, text: text) }
  }

  /// POP-4 and definitions: a name, a well-formed e-mail, an account number free to use.
  func checkCustomerDetails(name: String, email: String, account: String?) throws(Refusal) {
    try Validation.check(name, as: .customerName)
    guard Validation.isWellFormedEmail(email) else { throw .invalidEmail(email) }
    if let account {
      try Validation.check(account, as: .accountNumber)
      if let owner = crm.customer(withAccount: account) { throw .accountTaken(account, by: owner) }
    }
  }
}

func firstRepeated<T: Hashable>(_ items: [T]) -> T? {
  var seen = Set<T>()
  return items.first { !seen.insert($0).inserted }
}
