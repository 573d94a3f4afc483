import ClavardTestSupport
import Testing

@testable import ContactCenter

@Suite struct WaitingOrderTests {
  static func order(_ waiting: Int64, _ available: Int64, _ agent: AgentID) -> WaitingOrder {
    WaitingOrder(
      wait: .init(
        waitingSince: Instant(milliseconds: waiting), availableSince: Instant(milliseconds: available)),
      agent: agent)
  }

  @Test("DEC-1: waiting since first, then available since, then the agent id")
  func dec1() {
    let shuffled = [
      Self.order(5, 0, "a"), Self.order(1, 9, "z"), Self.order(1, 2, "m"), Self.order(1, 2, "b"),
      Self.order(0, 7, "y"),
    ]
    #expect(
      shuffled.sorted().map(\.agent) == ["y", "b", "m", "z", "a"])
  }

  @Test("DEC-1: the routing index's order is the same order, with ids looked up only on a tie")
  func indexAgrees() {
    var random = SplitMix64(state: 5)
    let names: [AgentID] = (0..<20).map { AgentID("agent-\(19 - $0)") }
    let order = RoutingIndex.Candidate.Order(names: names)
    for _ in 0..<2000 {
      let (left, right) = (random.below(20), random.below(20))
      let leftOrder = Self.order(Int64(random.below(3)), Int64(random.below(3)), names[left])
      let rightOrder = Self.order(Int64(random.below(3)), Int64(random.below(3)), names[right])
      let leftCandidate = RoutingIndex.Candidate(wait: leftOrder.wait, slot: Int32(left), stamp: 0)
      let rightCandidate = RoutingIndex.Candidate(wait: rightOrder.wait, slot: Int32(right), stamp: 0)
      #expect(order.precedes(leftCandidate, rightCandidate) == (leftOrder < rightOrder))
    }
  }

  @Test("DEC-1: the query lists eligible agents in that order")
  func query() {
    var harness = Harness()
    harness.defineSupport(agents: ["carol", "bob", "alice"])
    harness.makeAvailable("carol")
    harness.makeAvailable("bob")
    harness.makeAvailable("alice")
    #expect(harness.center.eligibleAgents(in: "support") == ["alice", "bob", "carol"])
    _ = harness.advance(seconds: 5)
    harness.agent("alice", .setStatus(.onBreak))
    harness.agent("alice", .setStatus(.available))
    #expect(harness.center.eligibleAgents(in: "support") == ["bob", "carol", "alice"])
    #expect(
      harness.center.agents.map(\.waitingOrder).sorted().map(\.agent) == ["bob", "carol", "alice"])
  }
}
