extension Center {
  // MARK: Customer side

  /// A customer opens a chat in a chat queue (SES-7); the CRM is searched for their record
  /// (POP-2) and the chat is routed (CAP-4).
  ///
  /// `openChat` is the visitor's open chat, already looked up (as for every customer action).
  mutating func open(
    _ visitor: VisitorID, _ openChat: ChatID?, _ queue: QueueID, _ request: ChatRequest,
    _ events: inout [Event]
  ) throws(Refusal) -> RoutingChange {
    try checkName(visitor.rawValue, kind: .visitor)
    if let openChat { throw .visitorHasOpenChat(visitor, openChat) }
    guard let line = line(of: queue) else { throw .unknownQueue(queue) }
    let definition = queues.values[line]
    guard definition.media == .chat else { throw .notAChatQueue(queue, definition.media) }
    try Validation.check(request.name, as: .customerName)
    guard Validation.isWellFormedEmail(request.email) else { throw .invalidEmail(request.email) }
    guard Validation.isValidIPAddress(request.ipAddress) else { throw .invalidIPAddress(request.ipAddress) }
    if let account = request.account { try Validation.check(account, as: .accountNumber) }
    if let caseNumber = request.caseNumber { try Validation.check(caseNumber, as: .caseNumber) }
    let chat = chatEntries.nextID
    chatEntries.append(
      ChatEntry(
        id: chat, visitor: visitor, queue: queue, line: line, request: request, openedAt: now,
        match: crm.match(request)))
    openChatOfVisitor[visitor] = chat
    statistics.chats += 1
    return .chat(chat, returning: false)
  }

  mutating func customerTyping(
    _ visitor: VisitorID, _ openChat: ChatID?, _ isTyping: Bool, _ events: inout [Event]
  ) throws(Refusal) {
    let chat = try acceptedChat(openChat, of: visitor)
    guard chatEntries[chat].customerTyping != isTyping else { return }
    chatEntries[chat].customerTyping = isTyping
    events.append(.typing(chat, .customer(visitor), isTyping: isTyping))
  }

  /// MSG-1: the customer's message appears in the agent's window.
  mutating func customerSay(
    _ visitor: VisitorID, _ openChat: ChatID?, _ text: String, _ events: inout [Event]
  ) throws(Refusal) {
    let chat = try acceptedChat(openChat, of: visitor)
    deliver(try checkedMessage(text), in: chat, from: .customer(visitor), &events)
  }

  /// DEC-3: leaving abandons a chat no agent has accepted, and ends one that an agent holds
  /// (the agent still wraps it up).
  mutating func leave(_ visitor: VisitorID, _ openChat: ChatID?, _ events: inout [Event]) throws(Refusal)
    -> RoutingChange
  {
    guard let chat = openChat else { throw .visitorHasNoChat(visitor) }
    openChatOfVisitor[visitor] = nil
    switch chatEntries[chat].state {
    case .queued:
      routing.markDeparted(chat, fromLine: Int(chatEntries[chat].line))
      abandon(chat, visitor, &events)
      return .none
    case .offered(let agent, _, _, _):
      guard let slot = agentSlots[agent] else {
        preconditionFailure("\(chat) is offered to \(agent), not defined")
      }
      _ = withdrawOffer(of: slot, reason: .customerLeft(visitor), &events)
      abandon(chat, visitor, &events)
      return .agent(slot)
    case .active(let agent, _):
      endChat(chat, agent: agent, by: .customer(visitor), &events)
      return .none
    case .wrapUp, .finished, .abandoned:
      // A chat in these states is no longer anyone's open chat, and both doors pass only an
      // open chat.
      preconditionFailure("\(visitor) leaves \(chat), which is \(chatEntries[chat].state.keyword)")
    }
  }

  private mutating func abandon(_ chat: ChatID, _ visitor: VisitorID, _ events: inout [Event]) {
    chatEntries[chat].state = .abandoned(at: now)
    statistics.abandoned += 1
    events.append(.chatAbandoned(chat, visitor: visitor))
  }

  private func acceptedChat(_ openChat: ChatID?, of visitor: VisitorID) throws(Refusal) -> ChatID {
    guard let chat = openChat else { throw .visitorHasNoChat(visitor) }
    guard case .active = chatEntries[chat].state else { throw .chatNotAccepted(chat) }
    return chat
  }

  // MARK: Agent side

  /// CAP-5: the customer's name, e-mail and IP address, for the agent holding the chat.
  mutating func showCustomerInfo(_ slot: Int, _ chat: ChatID?, _ events: inout [Event]) throws(Refusal) {
    let chat = try heldChat(of: slot, named: chat, where: { _ in true })
    events.append(.customerInfo(chat, for: agentIDs[slot], chatEntries[chat].request))
  }

  /// MSG-2: the indicator clears when that side stops typing, sends a message, or the chat ends.
  mutating func agentTyping(_ slot: Int, _ chat: ChatID?, _ isTyping: Bool, _ events: inout [Event])
    throws(Refusal)
  {
    let chat = try activeChat(of: slot, named: chat)
    guard chatEntries[chat].agentTyping != isTyping else { return }
    chatEntries[chat].agentTyping = isTyping
    events.append(.typing(chat, .agent(agentIDs[slot]), isTyping: isTyping))
  }

  /// MSG-1, MSG-4: the agent's message appears in the customer's window.
  mutating func agentSay(_ slot: Int, _ chat: ChatID?, _ text: String, _ events: inout [Event])
    throws(Refusal)
  {
    let chat = try activeChat(of: slot, named: chat)
    deliver(try checkedMessage(text), in: chat, from: .agent(agentIDs[slot]), &events)
  }

  /// MSG-3: an FAQ answer goes into the draft, as long as the draft still fits the window.
  mutating func insertFAQ(_ slot: Int, _ chat: ChatID?, _ faq: FAQID, _ events: inout [Event]) throws(Refusal)
  {
    let chat = try activeChat(of: slot, named: chat)
    guard let answer = faqs[faq] else { throw .unknownFAQ(faq) }
    let draft = chatEntries[chat].agentDraft
    let combined = draft.isEmpty ? answer : draft + " " + answer
    let length = Validation.perceivedLength(combined)
    guard length <= Validation.messageCapacity else { throw .draftTooLong(chat, faq, length: length) }
    chatEntries[chat].agentDraft = combined
    events.append(.faqInserted(chat, faq, agent: agentIDs[slot], draftLength: length))
  }

  mutating func sendDraft(_ slot: Int, _ chat: ChatID?, _ events: inout [Event]) throws(Refusal) {
    let chat = try activeChat(of: slot, named: chat)
    let draft = chatEntries[chat].agentDraft
    guard !draft.isEmpty else { throw .draftEmpty(chat) }
    let message = try checkedMessage(draft)
    chatEntries[chat].agentDraft = ""
    deliver(message, in: chat, from: .agent(agentIDs[slot]), &events)
  }

  /// POP-4: the agent saves the new-customer form, creating a customer record.
  mutating func saveNewCustomer(
    _ slot: Int, _ chat: ChatID?, name: String, email: String, account: String?, _ events: inout [Event]
  ) throws(Refusal) {
    let chat = try heldChat(of: slot, named: chat, where: { _ in true })
    guard chatEntries[chat].screenPop == .newCustomerForm else { throw .noNewCustomerForm(chat) }
    if let created = chatEntries[chat].createdCustomer {
      throw .customerAlreadySaved(chat, created)
    }
    try checkCustomerDetails(name: name, email: email, account: account)
    let customer = crm.createCustomer(name: name, email: email, account: account)
    chatEntries[chat].createdCustomer = customer.id
    events.append(.customerCreated(customer, from: chat))
  }

  /// MSG-4: 1 to 1940 user-perceived characters, each of a bounded size, not all blank; a
  /// longer message is refused, never cut (except by ``Fault/longMessageCut``). Returns the
  /// message to send.
  func checkedMessage(_ text: String) throws(Refusal) -> String {
    try Validation.check(text, as: .message)
    // A text has no more characters than UTF-8 bytes: short texts need no grapheme count.
    guard text.utf8.count > Validation.messageCapacity else { return text }
    let length = Validation.perceivedLength(text)
    guard length > Validation.messageCapacity else { return text }
    guard faults.contains(.longMessageCut) else { throw .messageTooLong(length: length) }
    return String(text.prefix(Validation.messageCapacity))
  }

  /// Sending clears the sender's typing indicator: the message itself tells the other side.
  private mutating func deliver(_ text: String, in chat: ChatID, from party: Party, _ events: inout [Event]) {
    let previous = chatEntries[chat].lastMessage
    chatEntries[chat].lastMessage = messageStore.append(
      ChatMessage(author: party, text: text, at: now), after: previous)
    switch party {
    case _ where faults.contains(.typingNotCleared): break
    case .agent: chatEntries[chat].agentTyping = false
    case .customer: chatEntries[chat].customerTyping = false
    }
    events.append(.message(chat, from: party, text: text))
  }

  func activeChat(of slot: Int, named chat: ChatID?) throws(Refusal) -> ChatID {
    let chat = try heldChat(of: slot, named: chat) {
      if case .active = $0 { true } else { false }
    }
    if case .wrapUp = chatEntries[chat].state { throw .chatAlreadyEnded(chat) }
    return chat
  }

  /// The chat a command means: the one it names, which the agent must hold, or else the only
  /// chat of the agent that `fits` (or the agent's only chat, so that the state check that
  /// follows can say precisely what is wrong with it).
  func heldChat(of slot: Int, named chat: ChatID?, where fits: (ChatState) -> Bool) throws(Refusal) -> ChatID
  {
    let agent = agentIDs[slot]
    if let chat {
      // An agent holding a chat is logged in (DEC-4: no logout while holding chats), so the
      // common case needs only the chat; the agent's record is read when something is wrong.
      let state = state(of: chat)
      if let state, state.holder == agent { return chat }
      guard agentRecords[slot].session.isLoggedIn else { throw .notLoggedIn(agent) }
      guard let state else { throw .unknownChat(chat) }
      guard state.holder == agent else {
        if case .offered(let to, _, _, _) = state, to == agent { throw .chatNotAccepted(chat) }
        throw .chatNotHeld(agent, chat)
      }
      return chat
    }
    guard agentRecords[slot].session.isLoggedIn else { throw .notLoggedIn(agent) }
    let count = agentRecords[slot].chats.count
    var fitting: ChatID?
    for index in 0..<count {
      let held = agentRecords[slot].chats[index]
      guard fits(chatEntries[held].state) else { continue }
      guard fitting == nil else {
        throw .severalChats(agent, agentRecords[slot].chats.filter { fits(chatEntries[$0].state) })
      }
      fitting = held
    }
    if let fitting { return fitting }
    if count == 1, let only = agentRecords[slot].chats.first { return only }
    if count == 0 { throw .noChats(agent) }
    throw .severalChats(agent, Array(agentRecords[slot].chats))
  }
}
