extension Center {
  /// END-1: the agent ends the chat; the wrap-up timer starts.
  mutating func end(_ slot: Int, _ chat: ChatID?, _ events: inout [Event]) throws(Refusal) {
    let chat = try activeChat(of: slot, named: chat)
    openChatOfVisitor[chatEntries[chat].visitor] = nil
    endChat(chat, agent: agentIDs[slot], by: .agent(agentIDs[slot]), &events)
  }

  /// Ends an accepted chat, by either side: typing indicators clear, wrap-up begins.
  mutating func endChat(_ chat: ChatID, agent: AgentID, by party: Party, _ events: inout [Event]) {
    chatEntries[chat].state = .wrapUp(agent: agent, endedAt: now, endedBy: party)
    chatEntries[chat].agentTyping = false
    chatEntries[chat].customerTyping = false
    events.append(.chatEnded(chat, by: party))
  }

  /// END-1: the timer shows the time since the end.
  mutating func showWrapUpTimer(_ slot: Int, _ chat: ChatID?, _ events: inout [Event]) throws(Refusal) {
    let (chat, endedAt) = try wrapUpChat(of: slot, named: chat)
    events.append(.wrapUpTimer(chat, elapsed: now - endedAt))
  }

  /// END-2: a disposition from the queue's list.
  mutating func selectDisposition(
    _ slot: Int, _ chat: ChatID?, _ code: DispositionCode, _ events: inout [Event]
  ) throws(Refusal) {
    guard settings.disposition != .off else { throw .dispositionsOff }
    let (chat, _) = try wrapUpChat(of: slot, named: chat)
    let codes = dispositions(of: chat)
    guard !codes.isEmpty else { throw .queueHasNoDispositions(chatEntries[chat].queue) }
    guard codes.contains(code) else {
      throw .unknownDisposition(code, queue: chatEntries[chat].queue, codes: codes)
    }
    chatEntries[chat].disposition = code
    chatEntries[chat].dispositionConfirmed = false
    events.append(.dispositionSelected(chat, code))
  }

  /// END-2: Continue confirms the chosen disposition.
  mutating func continueDisposition(_ slot: Int, _ chat: ChatID?, _ events: inout [Event]) throws(Refusal) {
    guard settings.disposition != .off else { throw .dispositionsOff }
    let (chat, _) = try wrapUpChat(of: slot, named: chat)
    guard !dispositions(of: chat).isEmpty else {
      throw .queueHasNoDispositions(chatEntries[chat].queue)
    }
    guard let code = chatEntries[chat].disposition else { throw .noDispositionSelected(chat) }
    guard !chatEntries[chat].dispositionConfirmed else { return }
    chatEntries[chat].dispositionConfirmed = true
    events.append(.dispositionConfirmed(chat, code))
  }

  /// END-3: Finish frees the agent's place (which may bring the next offer at once) and, with
  /// automatic logging, opens the chat log (LOG-1).
  mutating func finish(_ slot: Int, _ chat: ChatID?, _ events: inout [Event]) throws(Refusal) -> RoutingChange
  {
    let (chat, endedAt) = try wrapUpChat(of: slot, named: chat)
    let codes = dispositions(of: chat)
    let confirmed = chatEntries[chat].dispositionConfirmed
    if settings.disposition != .off, !codes.isEmpty {
      if let code = chatEntries[chat].disposition, !confirmed {
        throw .dispositionNotConfirmed(chat, code)
      }
      if settings.disposition == .required, !confirmed, !faults.contains(.dispositionNotRequired) {
        throw .dispositionRequired(chat, codes: codes)
      }
    }
    let agent = agentIDs[slot]
    chatEntries[chat].state = .finished(agent: agent, endedAt: endedAt, finishedAt: now)
    agentRecords[slot].chats.remove(chat)
    agentRecords[slot].lastFinishedChat = chat
    statistics.finished += 1
    events.append(.chatFinished(chat, by: agent, wrapUp: now - endedAt))
    if settings.automaticChatLog { openChatLog(chat, slot: slot, &events) }
    guard faults.isEmpty else { return finishedWithFaults(slot) }
    return .agent(slot)
  }

  /// END-2: the disposition codes of the chat's queue. Queues are never removed, so the chat's
  /// line is also the queue's position in `queues`: no look-up by name.
  private func dispositions(of chat: ChatID) -> [DispositionCode] {
    queues.values[Int(chatEntries[chat].line)].dispositions
  }

  private func wrapUpChat(of slot: Int, named chat: ChatID?) throws(Refusal) -> (ChatID, endedAt: Instant) {
    let chat = try heldChat(of: slot, named: chat) {
      if case .wrapUp = $0 { true } else { false }
    }
    guard case .wrapUp(_, let endedAt, _) = chatEntries[chat].state else {
      throw .notInWrapUp(chat)
    }
    return (chat, endedAt)
  }

  /// What Finish changes for routing under ``Fault/idleSinceFinish`` (the wait starts again now)
  /// and ``Fault/waitingChatStuck`` (nothing: the freed agent is not offered what waits).
  private mutating func finishedWithFaults(_ slot: Int) -> RoutingChange {
    if faults.contains(.idleSinceFinish) { agentRecords[slot].waitingSince = now }
    return faults.contains(.waitingChatStuck) ? .none : .agent(slot)
  }
}
