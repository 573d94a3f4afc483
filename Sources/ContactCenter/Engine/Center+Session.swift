extension Center {
  /// SES-2: only defined agents log in, once.
  mutating func login(_ slot: Int, _ events: inout [Event]) throws(Refusal) {
    let agent = agentRecords[slot]
    guard agent.session == .loggedOut else { throw .alreadyLoggedIn(agent.id) }
    agentRecords[slot].session = .loggedIn
    events.append(.loggedIn(agent.id))
  }

  /// SES-3: Ready to Work starts the session, in Working Offline until the agent picks Available.
  mutating func readyToWork(_ slot: Int, _ events: inout [Event]) throws(Refusal) {
    let agent = agentRecords[slot]
    switch agent.session {
    case .loggedOut: throw .notLoggedIn(agent.id)
    case .ready: throw .alreadyReady(agent.id)
    case .loggedIn: break
    }
    agentRecords[slot].session = .ready(.workingOffline)
    events.append(.readyToWork(agent.id, status: .workingOffline))
  }

  /// CHAT-1, DEC-1, DEC-4: the Status menu. Becoming Available starts the agent's wait; leaving
  /// Available withdraws a pending offer (it goes back to the head of its queue) and keeps the
  /// chats the agent holds.
  mutating func setStatus(_ slot: Int, _ status: AgentStatus, _ events: inout [Event]) throws(Refusal)
    -> RoutingChange
  {
    // Fields one by one: a copy of the record would retain every collection in it.
    let session = agentRecords[slot].session
    guard session.isLoggedIn else { throw .notLoggedIn(agentIDs[slot]) }
    guard let current = session.status else { throw .notReady(agentIDs[slot]) }
    guard current != status else { throw .alreadyInStatus(agentIDs[slot], status) }
    let hasOffer = agentRecords[slot].pendingOffer != nil
    changeStatus(of: slot, to: status, &events)
    guard hasOffer, !faults.contains(.offerKeptOnBreak) else { return .agent(slot) }
    let offered = withdrawOffer(of: slot, reason: .statusChanged(status), &events)
    return .returned(offered, agent: slot)
  }

  /// Records a status change (no checks, no routing): shared by the menu and missed offers.
  mutating func changeStatus(of slot: Int, to status: AgentStatus, _ events: inout [Event]) {
    agentRecords[slot].session = .ready(status)
    if status == .available {
      // Fault.tieBreakByName: with every "available since" the same, names break the ties.
      agentRecords[slot].availableSince = faults.contains(.tieBreakByName) ? .start : now
      agentRecords[slot].waitingSince = now
    }
    events.append(.statusChanged(agentIDs[slot], to: status))
  }

  /// DEC-4: no logout while holding chats (wrap-up included) or a pending offer.
  mutating func logout(_ slot: Int, _ events: inout [Event]) throws(Refusal) -> RoutingChange {
    let agent = agentRecords[slot]
    guard agent.session.isLoggedIn else { throw .notLoggedIn(agent.id) }
    guard agent.chats.isEmpty || faults.contains(.logoutWhileHolding), agent.pendingOffer == nil else {
      throw .logoutWhileHolding(agent.id, chats: Array(agent.chats), offer: agent.pendingOffer)
    }
    agentRecords[slot].session = .loggedOut
    agentRecords[slot].pendingSelections = [:]
    agentRecords[slot].pendingProfileQueues = [:]
    events.append(.loggedOut(agent.id))
    return .agent(slot)
  }
}
