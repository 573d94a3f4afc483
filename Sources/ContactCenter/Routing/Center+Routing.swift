extension Center {
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
  mutating func refreshRouting(of slot: Int, _ events: inout [Event]) {
    let waitingSince = agentRecords[slot].waitingSince
    let availableSince = agentRecords[slot].availableSince
    if routing.isRegistered(slot, waitingSince: waitingSince, availableSince: availableSince),
      isEligible(slot)
    {
      return
    }
    routing.unregister(slot)
    guard isEligible(slot) else { return }
    if let chat = routing.takeOldestWaiting(forAgent: slot) {
      offer(chat, to: slot, &events)
    } else {
      routing.register(slot, waitingSince: waitingSince, availableSince: availableSince, names: agentIDs)
    }
  }

  /// CAP-4: a chat entering (or coming back to) its queue goes to the eligible agent who has
  /// waited the longest, or waits: at the tail when new, in order of arrival when coming back
  /// (CHAT-4), which is the head unless an older chat came back too.
  mutating func route(_ chat: ChatID, returning: Bool, _ events: inout [Event]) {
    let origin = chatEntries[chat.number - 1].origin
    let line = Int(chatEntries[chat.number - 1].line)
    chatEntries[chat.number - 1].state = .queued
    func arrived(at position: Int) -> Event {
      returning
        ? .chatReturned(chat, queue: origin.queue, position: position)
        : .chatQueued(chat, queue: origin.queue, visitor: chatEntries[chat.number - 1].visitor)
    }
    if let slot = routing.longestWaitingAgent(inLine: line, names: agentIDs) {
      events.append(arrived(at: 1))
      offer(chat, to: slot, &events)
    } else {
      events.append(arrived(at: routing.enqueue(chat, inLine: line, returning: returning)))
    }
  }

  /// Choice and claim in one state change: the agent leaves the index and holds the offer.
  private mutating func offer(_ chat: ChatID, to slot: Int, _ events: inout [Event]) {
    if auditsRouting { auditOffer(chat, to: slot) }
    let agent = agentIDs[slot]
    let deadline = now + settings.acceptInterval
    offerSequence += 1
    timerSequence += 1
    chatEntries[chat.number - 1].state = .offered(
      to: agent, offerNumber: offerSequence, at: now, deadline: deadline)
    chatEntries[chat.number - 1].offers += 1
    agentRecords[slot].pendingOffer = chat
    agentRecords[slot].lastResolvedOffer = nil
    routing.unregister(slot)
    timers.insert(
      OfferTimer(deadline: deadline, sequence: timerSequence, chat: chat, offerNumber: offerSequence))
    statistics.decisions += 1
    events.append(.chatOffered(chat, to: agent, acceptWithin: settings.acceptInterval))
    if settings.screenPopMoment == .offer { popScreen(chat, for: agent, &events) }
  }

  /// POP-1..4: shows the record for the chat's customer, as the settings say, to the agent now
  /// handling the chat. What an earlier agent was shown does not carry over.
  mutating func popScreen(_ chat: ChatID, for agent: AgentID, _ events: inout [Event]) {
    chatEntries[chat.number - 1].screenPop = nil
    guard let pop = screenPop(for: chat) else { return }
    chatEntries[chat.number - 1].screenPop = pop
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

  /// Takes a pending offer back without blaming the agent (status change, queue disabled,
  /// customer left, limit lowered). The chat returns to the head of its queue unless the
  /// customer left. The caller refreshes the agent's routing.
  mutating func withdrawOffer(of chat: ChatID, reason: WithdrawalReason, _ events: inout [Event]) {
    guard case .offered(let agent, _, _, _) = chatEntries[chat.number - 1].state, let slot = agentSlots[agent]
    else { return }
    agentRecords[slot].pendingOffer = nil
    agentRecords[slot].lastResolvedOffer = ResolvedOffer(chat: chat, outcome: .withdrawn, at: now)
    statistics.withdrawn += 1
    events.append(.offerWithdrawn(chat, agent: agent, reason: reason))
    if case .customerLeft = reason { return }
    route(chat, returning: true, &events)
  }

  /// CHAT-4: after a reject or an expired accept interval the agent's status becomes the
  /// missed-offer status, and the chat goes back to the head of its queue for the next agent.
  mutating func missOffer(of chat: ChatID, slot: Int, outcome: ResolvedOffer.Outcome, _ events: inout [Event])
  {
    let agent = agentIDs[slot]
    agentRecords[slot].pendingOffer = nil
    agentRecords[slot].lastResolvedOffer = ResolvedOffer(chat: chat, outcome: outcome, at: now)
    events.append(outcome == .rejected ? .chatRejected(chat, by: agent) : .offerExpired(chat, agent: agent))
    if agentRecords[slot].status != settings.missedOfferStatus {
      changeStatus(of: slot, to: settings.missedOfferStatus, &events)
    }
    refreshRouting(of: slot, &events)
    route(chat, returning: true, &events)
  }

  mutating func fire(_ timer: OfferTimer, _ events: inout [Event]) {
    guard case .offered(let agent, let number, _, _) = chatEntries[timer.chat.number - 1].state,
      number == timer.offerNumber, let slot = agentSlots[agent]
    else { return }
    statistics.expired += 1
    missOffer(of: timer.chat, slot: slot, outcome: .expired, &events)
  }

  /// POP-3: what the settings pop for this chat's customer, if anything.
  private func screenPop(for chat: ChatID) -> ScreenPop? {
    switch (settings.screenPop, chatEntries[chat.number - 1].match) {
    case (.off, _): nil
    case (_, nil): .newCustomerForm
    case (.caseRecord, let match?):
      match.caseID.map { .caseRecord($0, customer: match.customer) } ?? .customerRecord(match.customer)
    case (.customerRecord, let match?): .customerRecord(match.customer)
    }
  }
}
