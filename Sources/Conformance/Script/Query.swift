import ContactCenter

/// What `expect` can ask about the state. Each query has the answer it must have; the runner
/// compares the actual answer, rendered the same way.
public enum Query: Hashable, Sendable {
  /// `expect alice status on-break` (also `logged-out`, `not-ready`).
  case agentStatus(AgentID, String)
  /// `expect alice chats 2`
  case agentChats(AgentID, Int)
  /// `expect alice offer chat-3` or `expect alice offer none`
  case agentOffer(AgentID, ChatID?)
  /// `expect alice queues support,sales` or `expect alice queues none`: the enabled queues.
  case agentQueues(AgentID, [QueueID])
  /// `expect queue support waiting 2`
  case queueWaiting(QueueID, Int)
  /// `expect chat-1 state wrap-up`
  case chatState(ChatID, String)
  /// `expect chat-1 agent alice`: who holds it (or was offered it, or finished it).
  case chatAgent(ChatID, AgentID)
  /// `expect chat-1 log view|edit|draft|saved|none`
  case chatLog(ChatID, String)
  /// `expect chat-1 disposition resolved` (confirmed or not) or `none`
  case chatDisposition(ChatID, String)
  /// `expect chat-1 wrap-up 45s`
  case chatWrapUp(ChatID, Interval)
  /// `expect chat-1 messages 3`
  case chatMessages(ChatID, Int)
  /// `expect marie sees "Bonjour"`: for a customer, a message from the agent in their latest
  /// chat; for an agent, a message from the customer in one of the chats it holds.
  case sees(String, String)
  /// `expect case case-1 customer c-100 state closed`
  case caseRecord(CaseID, customer: CustomerID, state: CaseState)
  /// `expect customer customer-1 name "Marie" email marie@example.com`
  case customerRecord(CustomerID, name: String, email: String)
  /// `expect setting accept-interval 45s`
  case setting(key: String, value: String)
  /// `expect clock 00:01:30`
  case clock(Instant)
}
