/// What a step of a command changed that routing must act on. Handlers change the state and
/// return one of these instead of routing themselves; ``Center/settle(_:_:)`` then does the
/// routing, the one place where chats are offered after a change. The door settles what a
/// command's handler returns; a command made of several steps (a timer firing among others, a
/// queue switch among several, an offer withdrawn after the chat limit changed) settles each
/// step before the next, so that events read in the order things happened.
enum RoutingChange: Sendable {
  /// Nothing that routing depends on.
  case none
  /// A chat entered its queue: a new one goes to the tail, one taken back from an agent goes to
  /// the head.
  case chat(ChatID, returning: Bool)
  /// The agent may have become eligible, stopped being eligible, or waited anew.
  case agent(Int)
  /// A chat was taken back from the agent (a reject, an expiry, a status change), who is settled
  /// first; then the chat goes back to its queue (CHAT-4: ahead of newer chats). The agent has
  /// left Available in every case but one (a missed-offer status of Available, which only the
  /// Swift API can set), so the chat goes to another agent or waits.
  case returned(ChatID, agent: Int)
  /// Every agent, in this order (DEC-1 after the chat limit changed).
  case agents([Int])
}

extension Center {
  /// Routes what a step changed (see ``RoutingChange``).
  mutating func settle(_ change: RoutingChange, _ events: inout [Event]) {
    switch change {
    case .none:
      break
    case .chat(let chat, let returning):
      route(chat, returning: returning, &events)
    case .agent(let slot):
      refreshRouting(of: slot, &events)
    case .returned(let chat, let slot):
      refreshRouting(of: slot, &events)
      route(chat, returning: true, &events)
    case .agents(let slots):
      for slot in slots { refreshRouting(of: slot, &events) }
    }
  }

  /// DEC-2 and CHAT-1: who may be offered a chat right now. Queue membership is checked per
  /// queue by the index.
  func isEligible(_ slot: Int) -> Bool {
    agentRecords[slot].session == .ready(.available) && agentRecords[slot].pendingOffer == nil
      && agentRecords[slot].chats.count < chatLimit(of: slot) && agentRecords[slot].servesQueues
  }

  /// Brings the index up to date after anything about the agent changed, and if the agent is
  /// eligible gives it the oldest chat waiting in its queues at once. That is what keeps a chat
  /// from waiting while an agent could take it, whatever made the agent eligible.
  ///
  /// By the fixpoint (no queue has both a waiting chat and an eligible agent), this agent is the
  /// only eligible one in any of its queues that has a waiting chat, so the oldest is its to take.
  ///
  /// An agent still eligible and registered with the same key is left where it is: by the
  /// fixpoint no chat waits in its queues, and taking it out and putting it back would only
  /// leave stale entries to clear (a Finish below the limit, most often).
  private mutating func refreshRouting(of slot: Int, _ events: inout [Event]) {
    let wait = agentRecords[slot].wait
    if routing.isRegistered(slot, with: wait), isEligible(slot) { return }
    routing.unregister(slot)
    guard isEligible(slot) else { return }
    if let chat = routing.takeOldestWaiting(forAgent: slot) {
      offer(chat, to: slot, &events)
    } else {
      routing.register(slot, with: wait, names: agentIDs)
    }
  }

  /// CAP-4: a chat entering (or coming back to) its queue goes to the eligible agent who has
  /// waited the longest, or waits: at the tail when new, in order of arrival when coming back
  /// (CHAT-4), which is the head unless an older chat came back too.
  private mutating func route(_ chat: ChatID, returning: Bool, _ events: inout [Event]) {
    let origin = chatEntries[chat].origin
    let line = Int(chatEntries[chat].line)
    chatEntries[chat].state = .queued
    func arrived(at position: Int) -> Event {
      returning
        ? .chatReturned(chat, queue: origin.queue, position: position)
        : .chatQueued(chat, queue: origin.queue, visitor: chatEntries[chat].visitor)
    }
    if let slot = routing.longestWaitingAgent(inLine: line, names: agentIDs) {
      events.append(arrived(at: 1))
      offer(chat, to: slot, &events)
    } else {
      let toHead = returning && !faults.contains(.missedChatAtBack)
      events.append(arrived(at: routing.enqueue(chat, inLine: line, returning: toHead)))
    }
  }

  /// Choice and claim in one state change: the agent leaves the index and holds the offer.
  private mutating func offer(_ chat: ChatID, to slot: Int, _ events: inout [Event]) {
    if auditsRouting { auditOffer(chat, to: slot) }
    let agent = agentIDs[slot]
    let deadline = now + settings.acceptInterval
    offerSequence += 1
    chatEntries[chat].state = .offered(
      to: agent, offerNumber: offerSequence, at: now, deadline: deadline)
    chatEntries[chat].offers += 1
    agentRecords[slot].pendingOffer = chat
    agentRecords[slot].lastResolvedOffer = nil
    routing.unregister(slot)
    timers.insert(OfferTimer(deadline: deadline, offerNumber: offerSequence, chat: chat))
    statistics.decisions += 1
    events.append(.chatOffered(chat, to: agent, acceptWithin: settings.acceptInterval))
    if settings.screenPopMoment == .offer { popScreen(chat, for: agent, &events) }
  }

  /// POP-1..4: shows the record for the chat's customer, as the settings say, to the agent now
  /// handling the chat. What an earlier agent was shown does not carry over.
  mutating func popScreen(_ chat: ChatID, for agent: AgentID, _ events: inout [Event]) {
    chatEntries[chat].screenPop = nil
    guard let pop = screenPop(for: chat) else { return }
    chatEntries[chat].screenPop = pop
    let summary: CRMSummary
    switch pop {
    case .customerRecord(let customer):
      summary = CRMSummary(customerName: crm.customers[customer]?.name, caseSubject: nil)
    case .caseRecord(let caseID, let customer):
      summary = CRMSummary(
        customerName: crm.customers[customer]?.name, caseSubject: crm.cases[caseID]?.subject)
    case .newCustomerForm:
      summary = CRMSummary(customerName: nil, caseSubject: nil)
    }
    events.append(.screenPop(chat, for: agent, pop, summary))
  }

  /// Takes the agent's pending offer back without blaming the agent (status change, queue
  /// disabled, customer left, limit lowered) and returns the chat. Unless the customer left, the
  /// chat goes back to the head of its queue: the caller says so in its ``RoutingChange``.
  mutating func withdrawOffer(of slot: Int, reason: WithdrawalReason, _ events: inout [Event]) -> ChatID {
    guard let chat = agentRecords[slot].pendingOffer else {
      preconditionFailure("\(agentIDs[slot]) has no offer to withdraw")
    }
    agentRecords[slot].pendingOffer = nil
    agentRecords[slot].lastResolvedOffer = ResolvedOffer(chat: chat, ending: .withdrawn, at: now)
    statistics.withdrawn += 1
    events.append(.offerWithdrawn(chat, agent: agentIDs[slot], reason: reason))
    return chat
  }

  /// CHAT-4: after a reject or an expired accept interval the agent's status becomes the
  /// missed-offer status, and the chat goes back to the head of its queue for the next agent.
  mutating func missOffer(of chat: ChatID, slot: Int, ending: ResolvedOffer.Ending, _ events: inout [Event])
    -> RoutingChange
  {
    let agent = agentIDs[slot]
    agentRecords[slot].pendingOffer = nil
    agentRecords[slot].lastResolvedOffer = ResolvedOffer(chat: chat, ending: ending, at: now)
    events.append(ending == .rejected ? .chatRejected(chat, by: agent) : .offerExpired(chat, agent: agent))
    if agentRecords[slot].status != settings.missedOfferStatus {
      changeStatus(of: slot, to: settings.missedOfferStatus, &events)
    }
    if faults.contains(.missedChatDropped) {
      // The chat is lost: nobody holds it, and its customer can no longer reach it.
      chatEntries[chat].state = .abandoned(at: now)
      openChatOfVisitor[chatEntries[chat].visitor] = nil
      return .agent(slot)
    }
    return .returned(chat, agent: slot)
  }

  /// CHAT-4: an offer's accept interval ran out. A timer of an offer already resolved (accepted,
  /// rejected, withdrawn) finds the chat in another state, or offered again under a later
  /// number, and does nothing.
  mutating func fire(_ timer: OfferTimer, _ events: inout [Event]) -> RoutingChange {
    guard case .offered(let agent, let number, _, _) = chatEntries[timer.chat].state,
      number == timer.offerNumber, let slot = agentSlots[agent]
    else { return .none }
    statistics.expired += 1
    return missOffer(of: timer.chat, slot: slot, ending: .expired, &events)
  }

  /// POP-3: what the settings pop for this chat's customer, if anything.
  private func screenPop(for chat: ChatID) -> ScreenPop? {
    switch (settings.screenPop, chatEntries[chat].match) {
    case (.off, _): nil
    case (_, nil): .newCustomerForm
    case (.caseRecord, let match?):
      match.caseID.map { .caseRecord($0, customer: match.customer) } ?? .customerRecord(match.customer)
    case (.customerRecord, let match?): .customerRecord(match.customer)
    }
  }
}
