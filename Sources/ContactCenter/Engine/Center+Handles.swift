/// Addressing agents and chats without their names, for drivers that send millions of commands
/// (a load simulation, a server holding sessions). A name costs a hash-table look-up on every
/// command; a handle is resolved once. Each call here behaves exactly as the same command by
/// name: same events, same refusals, same state.
///
/// ```swift
/// guard let alice = center.handle(of: "alice") else { return }
/// var events: [Event] = []
/// try center.perform(.accept(nil), by: alice, into: &events)
/// try center.perform(.say("Merci"), inChat: ChatID(1), into: &events)
/// ```
extension Center {
  /// An agent's handle, if the agent is defined.
  public func handle(of agent: AgentID) -> AgentHandle? {
    agentSlots[agent].map { AgentHandle(agent: agent, slot: $0) }
  }

  /// The agent's status (nil before Ready to Work), without copying its record.
  public func status(of handle: AgentHandle) -> AgentStatus? {
    guard handle.slot < agentIDs.count, agentIDs[handle.slot] == handle.agent else {
      return agent(handle.agent)?.status
    }
    return agentRecords[handle.slot].status
  }

  /// Same as `perform(.agent(handle.agent, action), into: &events)`.
  public mutating func perform(_ action: AgentAction, by handle: AgentHandle, into events: inout [Event])
    throws(Refusal)
  {
    // A handle from another center may point at another agent or nowhere: then the name decides.
    guard handle.slot < agentIDs.count, agentIDs[handle.slot] == handle.agent else {
      return try perform(.agent(handle.agent, action), into: &events)
    }
    try carryOut(into: &events) { center, events throws(Refusal) in
      try center.perform(action, agent: handle.slot, &events)
    }
  }

  /// Same as `perform(.customer(visitor, action), into: &events)` where `visitor` is the customer
  /// who opened `chat`. While the chat is open (waiting, offered or accepted) it is that
  /// visitor's open chat, which is all the engine would look up by name; once it has ended, the
  /// command is performed by name, so it concerns whatever chat the visitor has open then.
  public mutating func perform(_ action: CustomerAction, inChat chat: ChatID, into events: inout [Event])
    throws(Refusal)
  {
    try checkExists(chat)
    let visitor = chatEntries[chat].visitor
    switch chatEntries[chat].state {
    case .queued, .offered, .active: break
    case .wrapUp, .finished, .abandoned: return try perform(.customer(visitor, action), into: &events)
    }
    try carryOut(into: &events) { center, events throws(Refusal) in
      try center.perform(action, visitor: visitor, openChat: chat, &events)
    }
  }
}

/// An agent resolved once: see ``Center/handle(of:)``.
public struct AgentHandle: Hashable, Sendable {
  public let agent: AgentID
  /// The agent's position in definition order.
  let slot: Int
}
