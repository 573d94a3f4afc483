import Testing

@testable import ContactCenter

/// A command changes state, then routing acts on what changed, in one place (`settle`). These
/// pin the order of events where a command does several things, which routing must keep.
@Suite struct RoutingChangeTests {
  static func quiet(agents: [AgentID]) -> Harness { PeerFailureTests.quiet(agents: agents) }

  @Test("SES-4: Confirm with several switches: an offer withdrawn by one goes back before the next")
  func switchesOneAtATime() {
    var h = Self.quiet(agents: ["alice", "bob"])
    h.makeAvailable("alice")
    h.open("marie")
    h.agent("alice", .selectQueue("support", enabled: false))
    h.agent("alice", .selectQueue("phone", enabled: true))
    h.makeAvailable("bob")
    #expect(
      h.agent("alice", .confirmSelections) == [
        "alice disabled support",
        "chat-1 offer to alice withdrawn: alice disabled support",
        "chat-1 back at the head of support",
        "chat-1 offered to bob (accept within 30s)",
        "alice enabled phone",
      ])
  }

  @Test("CAP-1: a lowered limit withdraws each offer and returns its chat before the next, then routes")
  func limitLoweredForSeveral() {
    var h = Self.quiet(agents: ["alice", "bob"])
    h.makeAvailable("alice")
    h.makeAvailable("bob")
    for visitor: VisitorID in ["v1", "v2", "v3", "v4", "v5", "v6"] { h.open(visitor) }
    for _ in 1...2 {
      h.agent("alice", .accept(nil))
      h.agent("bob", .accept(nil))
    }
    #expect(h.center.agent("alice")?.pendingOffer != nil && h.center.agent("bob")?.pendingOffer != nil)
    #expect(
      h.run(.set(.chatsPerAgent(2))) == [
        "setting chats-per-agent is now 2",
        "chat-5 offer to alice withdrawn: chats per agent lowered to 2",
        "chat-5 back at the head of support",
        "chat-6 offer to bob withdrawn: chats per agent lowered to 2",
        "chat-6 back in support at position 2",
      ])
    #expect(
      h.run(.set(.chatsPerAgent(3))) == [
        "setting chats-per-agent is now 3",
        "chat-5 offered to alice (accept within 30s)",
        "chat-6 offered to bob (accept within 30s)",
      ])
  }

  @Test("DEC-4: the logout refusal's advice works: going On Break withdraws the offer, then logout")
  func logoutAdvice() {
    var h = Self.quiet(agents: ["alice"])
    h.makeAvailable("alice")
    h.open("marie")
    #expect(
      h.agent("alice", .setStatus(.onBreak)) == [
        "alice is now On Break",
        "chat-1 offer to alice withdrawn: alice went On Break",
        "chat-1 back at the head of support",
      ])
    #expect(h.agent("alice", .logout) == ["alice logged out"])
  }

  @Test("two timers due by one advance fire in order, each routed before the next fires")
  func timersOneAtATime() {
    var h = Self.quiet(agents: ["alice", "bob", "carol"])
    h.makeAvailable("alice")
    h.makeAvailable("bob")
    h.open("marie")
    h.open("paul")
    h.makeAvailable("carol")
    #expect(
      h.advance(seconds: 30) == [
        "chat-1 offer to alice expired",
        "alice is now Working Offline",
        "chat-1 back at the head of support",
        "chat-1 offered to carol (accept within 30s)",
        "chat-2 offer to bob expired",
        "bob is now Working Offline",
        "chat-2 back at the head of support",
      ])
  }
}
