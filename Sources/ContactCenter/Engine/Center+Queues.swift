extension Center {
  /// Lists the agent's assigned queues with their switches and what is pending.
  mutating func listQueues(_ slot: Int, _ events: inout [Event]) throws(Refusal) {
    let agent = agentRecords[slot]
    guard agent.session.isLoggedIn else { throw .notLoggedIn(agent.id) }
    for queue in agent.assignedQueues {
      let pending: PendingSwitch? =
        if let enabled = agent.pendingSelections[queue] {
          PendingSwitch(enabled: enabled, path: .assignedQueues)
        } else if let enabled = agent.pendingProfileQueues[queue] {
          PendingSwitch(enabled: enabled, path: .profile)
        } else {
          nil
        }
      events.append(
        .queueListed(
          agent.id, queue, media: queues[queue]?.media ?? .chat,
          enabled: agent.enabledQueues.contains(queue), pending: pending))
    }
  }

  /// SES-4 / SES-5: switches a queue on one of the two paths. Nothing is applied yet: the switch
  /// is pending until Confirm selections (SES-4) or Save queues (SES-5). Switching back to the
  /// applied state cancels the pending switch.
  mutating func switchQueue(
    _ slot: Int, _ queue: QueueID, _ enabled: Bool, path: QueuePath, _ events: inout [Event]
  ) throws(Refusal) -> RoutingChange {
    // Fields are read one by one, never the whole record: a copy of it would make the write
    // below copy the whole dictionary of pending switches, and switching n queues O(n²).
    try checkQueueChange(slot, queue)
    let applied = agentRecords[slot].enabledQueues.contains(queue)
    let pending =
      path == .assignedQueues
      ? agentRecords[slot].pendingSelections[queue] : agentRecords[slot].pendingProfileQueues[queue]
    guard (pending ?? applied) != enabled else {
      throw .queueAlreadySwitched(agentIDs[slot], queue, enabled: enabled)
    }
    let newValue: Bool? = enabled == applied ? nil : enabled
    switch path {
    case .assignedQueues: agentRecords[slot].pendingSelections[queue] = newValue
    case .profile: agentRecords[slot].pendingProfileQueues[queue] = newValue
    }
    events.append(.queueSwitched(agentIDs[slot], queue, enabled: enabled, path: path))
    guard path == .assignedQueues, faults.contains(.queueSwitchBeforeConfirm) else { return .none }
    agentRecords[slot].pendingSelections[queue] = nil
    settle(applySwitch(slot, queue, enabled, &events), &events)
    return .agent(slot)
  }

  /// SES-4 Confirm selections / SES-5 Save queues: applies the pending switches of that path all
  /// at once. Disabling a queue withdraws a pending offer that came from it.
  mutating func applySwitches(_ slot: Int, path: QueuePath, _ events: inout [Event]) throws(Refusal)
    -> RoutingChange
  {
    let agent = agentRecords[slot]
    guard agent.session.isLoggedIn else { throw .notLoggedIn(agent.id) }
    guard settings.queueEditPermission else { throw .queueChangeNotPermitted(agent.id) }
    let pending = path == .assignedQueues ? agent.pendingSelections : agent.pendingProfileQueues
    guard !pending.isEmpty else { throw .nothingToApply(agent.id, path) }
    switch path {
    case .assignedQueues: agentRecords[slot].pendingSelections = [:]
    case .profile: agentRecords[slot].pendingProfileQueues = [:]
    }
    // One switch at a time, each settled before the next: an offer withdrawn because its
    // queue was switched off goes back to its queue before the next switch is applied.
    for (queue, enabled) in pending {
      settle(applySwitch(slot, queue, enabled, &events), &events)
    }
    return .agent(slot)
  }

  /// Applies one switch. Pending switches come only from assigned (so defined) queues, and
  /// only differ from the applied state.
  private mutating func applySwitch(_ slot: Int, _ queue: QueueID, _ enabled: Bool, _ events: inout [Event])
    -> RoutingChange
  {
    guard let line = line(of: queue) else { preconditionFailure("\(queue) is switched but not defined") }
    routing.setMember(slot, ofLine: line, enabled)
    var change = RoutingChange.none
    if enabled {
      agentRecords[slot].enabledQueues.append(queue)
      events.append(.queueEnabled(agentIDs[slot], queue))
    } else {
      agentRecords[slot].enabledQueues.remove(queue)
      events.append(.queueDisabled(agentIDs[slot], queue))
      if let offered = agentRecords[slot].pendingOffer, chatEntries[offered].queue == queue {
        change = .chat(withdrawOffer(of: slot, reason: .queueDisabled(queue), &events), returning: true)
      }
    }
    // The other path's switch for this queue is now either applied or moot. (Fields are read
    // one by one: a copy of the record would make each write below copy a whole dictionary.)
    if agentRecords[slot].pendingSelections[queue] == enabled {
      agentRecords[slot].pendingSelections[queue] = nil
    }
    if agentRecords[slot].pendingProfileQueues[queue] == enabled {
      agentRecords[slot].pendingProfileQueues[queue] = nil
    }
    return change
  }

  /// SES-6, SES-7: a logged-in agent, allowed by the tenant, and a queue assigned to it.
  private func checkQueueChange(_ slot: Int, _ queue: QueueID) throws(Refusal) {
    guard agentRecords[slot].session.isLoggedIn else { throw .notLoggedIn(agentIDs[slot]) }
    guard queues[queue] != nil else { throw .unknownQueue(queue) }
    guard agentRecords[slot].assignedQueues.contains(queue) else {
      throw .queueNotAssigned(agentIDs[slot], queue, assigned: Array(agentRecords[slot].assignedQueues))
    }
    guard settings.queueEditPermission else { throw .queueChangeNotPermitted(agentIDs[slot]) }
  }
}
