/// The invariants of the engine, checked from the state itself rather than trusted from the
/// code that maintains them. Tests, `clavard simulate --check` and random exploration call
/// these after events.
extension Center {
  /// Every violation in the whole state. O(agents + chats + queued chats).
  public func invariantViolations() -> [String] {
    var violations = routingViolations
    for slot in agentRecords.indices { checkAgent(slot, &violations) }
    for record in chatEntries.inOrder { checkChat(record, &violations) }
    for (queue, _) in queues { checkQueue(queue, &violations) }
    return violations
  }

  /// The violations concerning some agents and chats only: cheap enough to run after every
  /// command of a long simulation.
  public func invariantViolations(agents: some Sequence<AgentID>, chats: some Sequence<ChatID>) -> [String] {
    var violations: [String] = []
    for agent in agents { if let slot = agentSlots[agent] { checkAgent(slot, &violations) } }
    for chat in chats {
      if chatEntries.contains(chat) { checkChat(chatEntries[chat], &violations) }
    }
    return violations
  }

  private func checkAgent(_ slot: Int, _ violations: inout [String]) {
    let agent = agentRecords[slot]
    let name = agent.id
    if agentIDs[slot] != name { violations.append("\(name) is known by position as \(agentIDs[slot])") }
    if agent.servesQueues == agent.enabledQueues.isEmpty {
      violations.append(
        "\(name) is marked as serving \(agent.servesQueues ? "some" : "no") queues but has \(agent.enabledQueues.count) enabled"
      )
    }
    // The same lines on both sides (each side lists a line once): compared without building
    // sets, as this runs after every command of an exploration.
    let routed = routing.enabledLines(of: slot)
    var enabledLines = 0
    var routedAll = true
    for queue in agent.enabledQueues {
      guard let line = line(of: queue) else { continue }
      enabledLines += 1
      routedAll = routedAll && routed.contains(line)
    }
    if !routedAll || enabledLines != routed.count {
      violations.append(
        "\(name) has queues enabled that the routing index does not route to it, or the reverse")
    }
    if agent.chats.count > Settings.maximumChatsPerAgent {
      violations.append(
        "\(name) holds \(agent.chats.count) chats, more than \(Settings.maximumChatsPerAgent)")
    }
    for chat in agent.chats where chatEntries[chat].state.holder != name {
      violations.append("\(name) lists \(chat) but the chat is \(chatEntries[chat].state.keyword)")
    }
    if let offered = agent.pendingOffer {
      if case .offered(let to, _, _, _) = chatEntries[offered].state, to == name {
      } else {
        violations.append(
          "\(name) has \(offered) pending but the chat is \(chatEntries[offered].state.keyword)")
      }
      if agent.session != .ready(.available) {
        violations.append("\(name) has an offer pending while not Available")
      }
      if !agent.enabledQueues.contains(chatEntries[offered].queue) {
        violations.append("\(name) has an offer from a queue it has not enabled")
      }
      if agent.chats.count >= chatLimit(of: slot) {
        violations.append("\(name) has an offer pending while at its limit of \(chatLimit(of: slot)) chats")
      }
    }
    let eligible = isEligible(slot)
    if eligible != routing.isRegistered(slot) {
      violations.append("the routing index has \(name) \(eligible ? "missing" : "listed") as eligible")
    }
    if let wait = routing.registeredWait(of: slot), wait != agent.wait {
      violations.append("the routing index orders \(name) by a wait that is no longer its own")
    }
    if eligible {
      for queue in agent.enabledQueues where (line(of: queue).map(routing.waitingCount(inLine:)) ?? 0) > 0 {
        violations.append("\(queue) has a waiting chat while \(name) could take it")
      }
    }
  }

  private func checkChat(_ record: ChatEntry, _ violations: inout [String]) {
    let chat = record.id
    switch record.state {
    case .queued:
      let count = routing.waitingChats(inLine: Int(record.line)).lazy.filter { $0 == chat }.count
      if count != 1 { violations.append("\(chat) is queued but appears \(count) times in \(record.queue)") }
    case .offered(let agent, _, _, let deadline):
      // CHAT-4: the clock never passes a deadline without the offer expiring.
      if deadline <= now {
        violations.append("\(chat) is still offered to \(agent) after its deadline \(deadline)")
      }
      if agentSlots[agent].map({ agentRecords[$0].pendingOffer }) != chat {
        violations.append("\(chat) is offered to \(agent), who does not have it pending")
      }
      let holders = agentRecords.lazy.filter { $0.pendingOffer == chat }.count
      if holders != 1 { violations.append("\(chat) is pending with \(holders) agents") }
    case .active(let agent, _), .wrapUp(let agent, _, _):
      if agentSlots[agent].map({ agentRecords[$0].chats.contains(chat) }) != true {
        violations.append("\(chat) is held by \(agent), who does not list it")
      }
    case .finished, .abandoned:
      if openChatOfVisitor[record.visitor] == chat {
        violations.append("\(chat) is over but still open for \(record.visitor)")
      }
    }
  }

  private func checkQueue(_ queue: QueueID, _ violations: inout [String]) {
    let waiting = waitingChats(in: queue)
    let counted = line(of: queue).map(routing.waitingCount(inLine:)) ?? 0
    if waiting.count != counted {
      violations.append("\(queue) counts \(counted) waiting chats but holds \(waiting.count)")
    }
    for chat in waiting where chatEntries[chat].state != .queued {
      violations.append(
        "\(chat) is in the line of \(queue) but is \(chatEntries[chat].state.keyword)")
    }
  }

  /// CAP-4 / DEC-1, checked at the moment of an offer by brute force over the queue's members.
  mutating func auditOffer(_ chat: ChatID, to slot: Int) {
    let queue = chatEntries[chat].queue
    let agent = agentRecords[slot]
    guard isEligible(slot), agent.enabledQueues.contains(queue) else {
      routingViolations.append("\(chat) offered to \(agent.id), who is not eligible for \(queue)")
      return
    }
    for member in routing.members(ofLine: Int(chatEntries[chat].line))
    where Int(member) != slot && isEligible(Int(member)) {
      let other = agentRecords[Int(member)]
      if other.waitingOrder < agent.waitingOrder {
        routingViolations.append("\(chat) offered to \(agent.id) while \(other.id) had waited longer")
        return
      }
    }
  }
}
