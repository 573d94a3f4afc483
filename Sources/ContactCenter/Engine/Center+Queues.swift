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
  ) throws(Refusal) {
    let agent = agentRecords[slot]
    try checkQueueChange(agent, queue)
    let pending = path == .assignedQueues ? agent.pendingSelections : agent.pendingProfileQueues
    let shown = pending[queue] ?? agent.enabledQueues.contains(queue)
    guard shown != enabled else { throw .queueAlreadySwitched(agent.id, queue, enabled: enabled) }
    let newValue: Bool? = enabled == agent.enabledQueues.contains(queue) ? nil : enabled
    switch path {
    case .assignedQueues: agentRecords[slot].pendingSelections[queue] = newValue
    case .profile: agentRecords[slot].pendingProfileQueues[queue] = newValue
    }
    events.append(.queueSwitched(agent.id, queue, enabled: enabled, path: path))
  }

  /// SES-4 Confirm selections / SES-5 Save queues: applies the pending switches of that path all
  /// at once. Disabling a queue withdraws a pending offer that came from it.
  mutating func applySwitches(_ slot: Int, path: QueuePath, _ events: inout [Event]) throws(Refusal) {
    let agent = agentRecords[slot]
    guard agent.session.isLoggedIn else { throw .notLoggedIn(agent.id) }
    guard settings.queueEditPermission else { throw .queueChangeNotPermitted(agent.id) }
    let pending = path == .assignedQueues ? agent.pendingSelections : agent.pendingProfileQueues
    guard !pending.isEmpty else { throw .nothingToApply(agent.id, path) }
    switch path {
    case .assignedQueues: agentRecords[slot].pendingSelections = [:]
    case .profile: agentRecords[slot].pendingProfileQueues = [:]
    }
    // Out of the index before its queues change; `refreshRouting` puts it back.
    routing.unregister(slot)
    for (queue, enabled) in pending {
      // Membership changes before a withdrawn offer is routed again, so that routing (and its
      // audit) no longer counts this agent for the queue.
      if let line = line(of: queue) { routing.setMember(slot, ofLine: line, enabled) }
      if enabled {
        agentRecords[slot].enabledQueues.append(queue)
        events.append(.queueEnabled(agent.id, queue))
      } else {
        agentRecords[slot].enabledQueues.remove(queue)
        events.append(.queueDisabled(agent.id, queue))
        if let offered = agentRecords[slot].pendingOffer, chatEntries[offered.number - 1].queue == queue {
          withdrawOffer(of: offered, reason: .queueDisabled(queue), &events)
        }
      }
      // The other path's switch for this queue is now either applied or moot.
      let other = agentRecords[slot]
      if other.pendingSelections[queue] == enabled { agentRecords[slot].pendingSelections[queue] = nil }
      if other.pendingProfileQueues[queue] == enabled { agentRecords[slot].pendingProfileQueues[queue] = nil }
    }
    refreshRouting(of: slot, &events)
  }

  /// SES-6, SES-7: a logged-in agent, allowed by the tenant, and a queue assigned to it.
  private func checkQueueChange(_ agent: AgentRecord, _ queue: QueueID) throws(Refusal) {
    guard agent.session.isLoggedIn else { throw .notLoggedIn(agent.id) }
    guard queues[queue] != nil else { throw .unknownQueue(queue) }
    guard agent.assignedQueues.contains(queue) else {
      throw .queueNotAssigned(agent.id, queue, assigned: agent.assignedQueues)
    }
    guard settings.queueEditPermission else { throw .queueChangeNotPermitted(agent.id) }
  }
}
