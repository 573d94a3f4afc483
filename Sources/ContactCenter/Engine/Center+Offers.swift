extension Center {
  /// CHAT-3: the record details of the pending offer, before accepting it.
  mutating func preview(_ slot: Int, _ chat: ChatID?, _ events: inout [Event]) throws(Refusal) {
    let chat = try pendingOffer(of: slot, named: chat)
    let origin = chatEntries[chat].origin
    events.append(.offerPreview(chat, for: agentIDs[slot], origin.request, match: origin.match))
  }

  /// CAP-2, CHAT-3: accepting the offer. The agent's wait starts again (DEC-1).
  mutating func accept(_ slot: Int, _ chat: ChatID?, _ events: inout [Event]) throws(Refusal) -> RoutingChange
  {
    let chat = try pendingOffer(of: slot, named: chat)
    let agent = agentIDs[slot]
    // Only Fault.seventhChat offers a chat to an agent with no room for it; the accept fails.
    guard agentRecords[slot].chats.count < HeldChats.capacity else { throw .offerNotForAgent(agent, chat) }
    chatEntries[chat].state = .active(agent: agent, acceptedAt: now)
    agentRecords[slot].pendingOffer = nil
    agentRecords[slot].chats.append(chat)
    if !faults.contains(.idleSinceFinish) { agentRecords[slot].waitingSince = now }
    statistics.accepted += 1
    statistics.maximumChatsHeld = max(statistics.maximumChatsHeld, agentRecords[slot].chats.count)
    events.append(.chatAccepted(chat, by: agent))
    if settings.screenPopMoment == .accept { popScreen(chat, for: agent, &events) }
    return .agent(slot)
  }

  /// CAP-3, CHAT-4: rejecting needs the administrator's permission.
  mutating func reject(_ slot: Int, _ chat: ChatID?, _ events: inout [Event]) throws(Refusal) -> RoutingChange
  {
    let chat = try pendingOffer(of: slot, named: chat)
    guard settings.rejectPermission || faults.contains(.rejectWithoutPermission) else {
      throw .rejectNotPermitted(agentIDs[slot], chat)
    }
    statistics.rejected += 1
    return missOffer(of: chat, slot: slot, ending: .rejected, &events)
  }

  /// The agent's pending offer, checked against the chat the command named. A late accept is
  /// told that the offer expired, rather than that there never was one.
  private func pendingOffer(of slot: Int, named chat: ChatID?) throws(Refusal) -> ChatID {
    // Fields are read one by one: copying the whole record would retain every collection in it.
    guard agentRecords[slot].session.isLoggedIn else { throw .notLoggedIn(agentIDs[slot]) }
    if let chat { try checkExists(chat) }
    if let pending = agentRecords[slot].pendingOffer, chat == nil || chat == pending { return pending }
    let agent = agentIDs[slot]
    if let resolved = agentRecords[slot].lastResolvedOffer, chat == nil || chat == resolved.chat,
      chatEntries[resolved.chat].state.holder != agent
    {
      throw .offerAlreadyResolved(agent, resolved)
    }
    if let chat { throw .offerNotForAgent(agent, chat) }
    throw .noPendingOffer(agent)
  }

  /// Refuses a chat id that names no chat.
  func checkExists(_ chat: ChatID) throws(Refusal) {
    guard chatEntries.contains(chat) else { throw .unknownChat(chat) }
  }

  /// The state of a chat, without copying the rest of its record.
  public func state(of chat: ChatID) -> ChatState? {
    chatEntries.contains(chat) ? chatEntries[chat].state : nil
  }
}
