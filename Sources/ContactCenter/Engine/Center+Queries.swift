/// Read-only views of the state, for expectations, the REPL's `.state` and tests.
extension Center {
  public var agents: [AgentRecord] { agentRecords }

  public func agent(_ id: AgentID) -> AgentRecord? { agentSlots[id].map { agentRecords[$0] } }

  /// All chats, in order of arrival.
  public var chats: [ChatRecord] { chatEntries.inOrder.map { ChatRecord(entry: $0, store: messageStore) } }

  /// MSG-1: what both sides of the chat said, in order.
  public func messages(of chat: ChatID) -> [ChatMessage] {
    chatEntries.contains(chat) ? messageStore.messages(endingAt: chatEntries[chat].lastMessage) : []
  }

  public func chat(_ id: ChatID) -> ChatRecord? {
    chatEntries.contains(id) ? ChatRecord(entry: chatEntries[id], store: messageStore) : nil
  }

  /// The chat limit that applies to an agent now (CAP-1): the tenant's, or the agent's own if lower.
  public func chatLimit(of agent: AgentID) -> Int? { agentSlots[agent].map { chatLimit(of: $0) } }

  /// The chats waiting in a queue, head first.
  public func waitingChats(in queue: QueueID) -> [ChatID] {
    line(of: queue).map(routing.waitingChats(inLine:)) ?? []
  }

  /// A queue's position in definition order, which is also its line in the routing index.
  func line(of queue: QueueID) -> Int? { queues.index(forKey: queue) }

  /// The visitor's chat that has not ended yet, if any.
  public func openChat(of visitor: VisitorID) -> ChatID? { openChatOfVisitor[visitor] }

  /// The chat a visitor opened last, ended or not: what `expect marie sees ...` reads.
  public func latestChat(of visitor: VisitorID) -> ChatID? {
    if let open = openChatOfVisitor[visitor] { return open }
    return chatEntries.inOrder.last { $0.visitor == visitor }?.id
  }

  /// END-1: the time since the chat ended, while it is in wrap-up.
  public func wrapUpElapsed(_ chat: ChatID) -> Interval? {
    guard case .wrapUp(_, let endedAt, _)? = self.chat(chat)?.state else { return nil }
    return now - endedAt
  }

  /// DEC-1: the agents who could be offered a chat of this queue now, longest-waiting first,
  /// found by brute force (not through the index).
  public func eligibleAgents(in queue: QueueID) -> [AgentID] {
    agentRecords.indices
      .filter { isEligible($0) && agentRecords[$0].enabledQueues.contains(queue) }
      .map { agentRecords[$0] }
      .map(\.waitingOrder).sorted().map(\.agent)
  }
}
