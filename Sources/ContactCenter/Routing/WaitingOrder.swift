/// DEC-1: the order in which eligible agents are offered chats. The longest wait comes first
/// (the earliest *waiting since*: becoming Available, or the last accept), then the earliest
/// *available since*, then the smallest agent id.
///
/// The one definition of that order: the routing index, the routing audit, the invariants, the
/// queries and a change of the chat limit all compare agents with it. An agent's comes from its
/// record (``AgentRecord/waitingOrder``).
///
/// ```swift
/// let alice = WaitingOrder(wait: .init(waitingSince: .start, availableSince: .start), agent: "alice")
/// let bob = WaitingOrder(wait: .init(waitingSince: .start, availableSince: .start), agent: "bob")
/// alice < bob  // true: same times, smaller id
/// ```
public struct WaitingOrder: Comparable, Hashable, Sendable {
  /// The two times of DEC-1. The routing index keeps only these in its entries (16 bytes, no
  /// reference to count) and asks for the agents' ids only when two waits are equal.
  public struct Wait: Comparable, Hashable, Sendable {
    public let waitingSince: Instant
    public let availableSince: Instant

    public static func < (lhs: Wait, rhs: Wait) -> Bool {
      (lhs.waitingSince, lhs.availableSince) < (rhs.waitingSince, rhs.availableSince)
    }
  }

  public let wait: Wait
  public let agent: AgentID

  public static func < (lhs: WaitingOrder, rhs: WaitingOrder) -> Bool {
    precedes(lhs.wait, rhs.wait) { (lhs.agent, rhs.agent) }
  }

  /// The order itself, with the two agents' ids asked of `ids` only when their waits are equal,
  /// which is rare: the routing index looks ids up by position instead of storing them.
  @inline(__always)
  static func precedes(_ lhs: Wait, _ rhs: Wait, ids: () -> (AgentID, AgentID)) -> Bool {
    guard lhs == rhs else { return lhs < rhs }
    let (left, right) = ids()
    return left < right
  }
}

extension AgentRecord {
  /// DEC-1: the agent's two times.
  public var wait: WaitingOrder.Wait { .init(waitingSince: waitingSince, availableSince: availableSince) }

  /// DEC-1: the agent's place in the order of who gets a chat first.
  public var waitingOrder: WaitingOrder { WaitingOrder(wait: wait, agent: id) }
}
