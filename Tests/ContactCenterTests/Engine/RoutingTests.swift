import Testing

@testable import ContactCenter

/// CAP-1, CAP-4, CHAT-2, DEC-1, DEC-2 and DEC-5: who is offered a chat, how many, and when.
@Suite struct RoutingTests {
  /// Screen pop off, so event lines show routing only; `support` and `phone` with the agents.
  static func quiet(agents: [AgentID], _ configure: (inout Settings) -> Void = { _ in }) -> Harness {
    var settings = Settings()
    settings.screenPop = .off
    configure(&settings)
    var h = Harness(settings: settings)
    h.defineSupport(agents: agents)
    return h
  }

  /// Opens chats for visitors v1...vN (chat-N is vN's).
  static func openChats(_ h: inout Harness, _ numbers: ClosedRange<Int>) {
    for number in numbers { h.open(VisitorID("v\(number)")) }
  }

  // MARK: CAP-1

  @Test("CAP-1: an agent holds at most six chats; a seventh is never offered until Finish")
  func sixChatsAtMost() {
    var h = Self.quiet(agents: ["alice"])
    h.makeAvailable("alice")
    Self.openChats(&h, 1...7)
    #expect(
      h.agent("alice", .accept(nil)) == [
        "chat-1 accepted by alice", "chat-2 offered to alice (accept within 30s)",
      ])
    for number in 2...5 {
      #expect(
        h.agent("alice", .accept(nil)) == [
          "chat-\(number) accepted by alice",
          "chat-\(number + 1) offered to alice (accept within 30s)",
        ])
    }
    #expect(h.agent("alice", .accept(nil)) == ["chat-6 accepted by alice"])
    #expect(h.center.agent("alice")?.chats.count == 6)
    #expect(h.center.waitingChats(in: "support") == [ChatID(7)])
    #expect(h.center.eligibleAgents(in: "support") == [])
    // Time passing does not change it, nor does wrap-up: an ended chat still counts.
    #expect(h.advance(seconds: 120) == [])
    #expect(h.agent("alice", .end(ChatID(3))) == ["chat-3 ended by alice; wrap-up started"])
    #expect(h.center.agent("alice")?.pendingOffer == nil)
    #expect(
      h.agent("alice", .finish(ChatID(3))) == [
        "chat-3 finished by alice after 0s of wrap-up",
        "chat-7 offered to alice (accept within 30s)",
      ])
  }

  @Test("CAP-1: an agent's own lower cap holds; the chat goes to another agent")
  func agentCap() {
    var h = Self.quiet(agents: [])
    #expect(
      h.run(.defineAgent("alice", queues: ["support"], maximumChats: 2))
        == ["agent alice defined: queues support, at most 2 chats"])
    h.run(.defineAgent("bob", queues: ["support"], maximumChats: nil))
    #expect(h.center.chatLimit(of: "alice") == 2)
    #expect(h.center.chatLimit(of: "bob") == 6)
    h.makeAvailable("alice")
    h.advance(seconds: 1)
    Self.openChats(&h, 1...2)
    h.agent("alice", .accept(nil))
    h.agent("alice", .accept(nil))
    h.advance(seconds: 1)
    #expect(
      h.agent("bob", .login) == ["bob logged in"])
    h.agent("bob", .readyToWork)
    h.agent("bob", .selectQueue("support", enabled: true))
    h.agent("bob", .confirmSelections)
    #expect(h.open("v3") == ["chat-3 queued in support for v3"])
    #expect(
      h.agent("bob", .setStatus(.available)) == [
        "bob is now Available", "chat-3 offered to bob (accept within 30s)",
      ])
    #expect(h.center.agent("alice")?.chats.count == 2)
  }

  @Test("CAP-1: the tenant may lower the cap for everyone; the lower of the two applies")
  func tenantCap() {
    var h = Self.quiet(agents: [])
    h.run(.defineAgent("alice", queues: ["support"], maximumChats: 5))
    h.run(.defineAgent("bob", queues: ["support"], maximumChats: 2))
    #expect(h.run(.set(.chatsPerAgent(3))) == ["setting chats-per-agent is now 3"])
    #expect(h.center.chatLimit(of: "alice") == 3)
    #expect(h.center.chatLimit(of: "bob") == 2)
    h.makeAvailable("alice")
    Self.openChats(&h, 1...4)
    h.agent("alice", .accept(nil))
    h.agent("alice", .accept(nil))
    #expect(h.agent("alice", .accept(nil)) == ["chat-3 accepted by alice"])
    #expect(h.center.waitingChats(in: "support") == [ChatID(4)])
  }

  @Test("CAP-1: a cap above six, or below one, is refused")
  func capOutOfRange() {
    var h = Self.quiet(agents: [])
    #expect(
      h.refusal(.defineAgent("alice", queues: ["support"], maximumChats: 7))
        == "an agent's chat limit must be from 1 to 6, not 7")
    #expect(
      h.refusal(.defineAgent("alice", queues: ["support"], maximumChats: 0))
        == "an agent's chat limit must be from 1 to 6, not 0")
    #expect(
      h.refusal(.set(.chatsPerAgent(7)))
        == #""7" is not a value of chats-per-agent; expected 1, 2, 3, 4, 5, 6"#)
    #expect(
      h.refusal(.set(.chatsPerAgent(0)))
        == #""0" is not a value of chats-per-agent; expected 1, 2, 3, 4, 5, 6"#)
    #expect(
      throws: Refusal.invalidSettingValue(key: "chats-per-agent", value: "7", expected: "1, 2, 3, 4, 5, 6")
    ) {
      try Setting.parse(key: "chats-per-agent", value: "7")
    }
    #expect(
      Refusal.invalidSettingValue(key: "chats-per-agent", value: "7", expected: "1, 2, 3, 4, 5, 6")
        .description
        == #""7" is not a value of chats-per-agent; expected 1, 2, 3, 4, 5, 6"#)
    #expect((try? Setting.parse(key: "chats-per-agent", value: "6")) == .chatsPerAgent(6))
  }

  // MARK: CAP-4 and DEC-1

  @Test("CAP-4: the chat goes to the Available agent who has waited the longest")
  func longestWaitingAgent() {
    var h = Self.quiet(agents: ["carol", "bob", "alice"])
    h.makeAvailable("carol")
    h.advance(seconds: 5)
    h.makeAvailable("bob")
    h.advance(seconds: 5)
    h.makeAvailable("alice")
    #expect(h.center.eligibleAgents(in: "support") == ["carol", "bob", "alice"])
    #expect(
      h.open("v1") == ["chat-1 queued in support for v1", "chat-1 offered to carol (accept within 30s)"])
    #expect(h.open("v2") == ["chat-2 queued in support for v2", "chat-2 offered to bob (accept within 30s)"])
    h.advance(seconds: 1)
    // carol's wait starts again at her accept: alice has now waited the longest.
    h.agent("carol", .accept(nil))
    h.advance(seconds: 1)
    h.agent("bob", .accept(nil))
    #expect(h.center.eligibleAgents(in: "support") == ["alice", "carol", "bob"])
    #expect(
      h.open("v3") == ["chat-3 queued in support for v3", "chat-3 offered to alice (accept within 30s)"])
    #expect(
      h.open("v4") == ["chat-4 queued in support for v4", "chat-4 offered to carol (accept within 30s)"])
    #expect(h.open("v5") == ["chat-5 queued in support for v5", "chat-5 offered to bob (accept within 30s)"])
  }

  @Test("CAP-4: an agent who waited longer but is not Available is passed over")
  func unavailableAgentPassedOver() {
    var h = Self.quiet(agents: ["alice", "bob"])
    h.makeAvailable("alice")
    h.advance(seconds: 5)
    h.makeAvailable("bob")
    h.advance(seconds: 5)
    h.agent("alice", .setStatus(.onBreak))
    #expect(h.open("v1") == ["chat-1 queued in support for v1", "chat-1 offered to bob (accept within 30s)"])
  }

  @Test("DEC-1: the wait starts again when the agent becomes Available again, not at Finish")
  func waitStartsAtAvailableAndAccept() {
    var h = Self.quiet(agents: ["alice", "bob"])
    h.makeAvailable("alice")  // 00:00:00
    h.advance(seconds: 5)
    h.makeAvailable("bob")  // 00:00:05
    h.advance(seconds: 5)
    h.agent("alice", .setStatus(.workingOffline))
    h.agent("alice", .setStatus(.available))  // 00:00:10: a new wait
    #expect(h.open("v1") == ["chat-1 queued in support for v1", "chat-1 offered to bob (accept within 30s)"])
    h.advance(seconds: 1)
    h.agent("bob", .accept(nil))  // bob waits from 00:00:11
    #expect(
      h.open("v2") == ["chat-2 queued in support for v2", "chat-2 offered to alice (accept within 30s)"])
    h.advance(seconds: 1)
    h.agent("alice", .accept(nil))  // alice waits from 00:00:12
    h.advance(seconds: 1)
    // Finishing does not start the wait again: bob (00:00:11) still comes before alice.
    h.agent("bob", .end(nil))
    h.agent("bob", .finish(nil))
    #expect(h.center.agent("bob")?.waitingSince == Instant(milliseconds: 11_000))
    #expect(h.open("v3") == ["chat-3 queued in support for v3", "chat-3 offered to bob (accept within 30s)"])
  }

  @Test("DEC-1: at the same instant, ties go by agent id, whatever the order of definition")
  func tieByAgentID() {
    var h = Self.quiet(agents: ["zoe", "amy", "max"])
    h.makeAvailable("zoe")
    h.makeAvailable("max")
    h.makeAvailable("amy")
    #expect(h.center.eligibleAgents(in: "support") == ["amy", "max", "zoe"])
    #expect(h.open("v1") == ["chat-1 queued in support for v1", "chat-1 offered to amy (accept within 30s)"])
    #expect(h.open("v2") == ["chat-2 queued in support for v2", "chat-2 offered to max (accept within 30s)"])
    #expect(h.open("v3") == ["chat-3 queued in support for v3", "chat-3 offered to zoe (accept within 30s)"])
  }

  @Test("DEC-1: equal waits go to the agent who became Available first, before the id")
  func tieByAvailableSince() {
    var h = Self.quiet(agents: ["zoe", "amy"])
    h.makeAvailable("zoe")  // Available at 00:00:00
    h.open("v1")
    h.advance(seconds: 10)
    h.makeAvailable("amy")  // Available at 00:00:10, waits from 00:00:10
    h.agent("zoe", .accept(nil))  // zoe waits from 00:00:10 too, Available since 00:00:00
    #expect(h.center.eligibleAgents(in: "support") == ["zoe", "amy"])
    #expect(h.open("v2") == ["chat-2 queued in support for v2", "chat-2 offered to zoe (accept within 30s)"])
  }

  // MARK: CHAT-2

  @Test("CHAT-2: the offer reaches the agent with its accept interval")
  func offerEvent() {
    var h = Self.quiet(agents: ["alice"])
    h.makeAvailable("alice")
    h.advance(seconds: 2)
    #expect(
      h.open("marie") == [
        "chat-1 queued in support for marie", "chat-1 offered to alice (accept within 30s)",
      ])
    #expect(h.center.agent("alice")?.pendingOffer == ChatID(1))
    #expect(
      h.center.chat(ChatID(1))?.state
        == .offered(
          to: "alice", offerNumber: 1, at: Instant(milliseconds: 2000),
          deadline: Instant(milliseconds: 32_000)))
    #expect(h.center.nextDeadline == Instant(milliseconds: 32_000))
    #expect(h.run(.set(.acceptInterval(.seconds(90)))) == ["setting accept-interval is now 1m30s"])
    h.agent("alice", .accept(nil))
    #expect(
      h.open("paul") == [
        "chat-2 queued in support for paul", "chat-2 offered to alice (accept within 1m30s)",
      ])
  }

  @Test("CHAT-2: with the default screen pop the notice comes with the offer")
  func offerWithDefaultScreenPop() {
    var h = Harness()
    h.defineSupport(agents: ["alice"])
    h.makeAvailable("alice")
    #expect(
      h.open("marie") == [
        "chat-1 queued in support for marie",
        "chat-1 offered to alice (accept within 30s)",
        "chat-1 screen pop for alice: new customer form",
      ])
  }

  // MARK: DEC-2

  @Test("DEC-2: one pending offer at a time; the next chat waits, then follows the accept")
  func onePendingOffer() {
    var h = Self.quiet(agents: ["alice"])
    h.makeAvailable("alice")
    #expect(
      h.open("v1") == ["chat-1 queued in support for v1", "chat-1 offered to alice (accept within 30s)"])
    #expect(h.open("v2") == ["chat-2 queued in support for v2"])
    #expect(h.center.agent("alice")?.pendingOffer == ChatID(1))
    #expect(
      h.agent("alice", .accept(nil)) == [
        "chat-1 accepted by alice", "chat-2 offered to alice (accept within 30s)",
      ])
  }

  @Test("DEC-2: meanwhile the waiting chat is offered to the next eligible agent")
  func nextEligibleAgentMeanwhile() {
    var h = Self.quiet(agents: ["alice", "bob"])
    h.makeAvailable("alice")
    h.advance(seconds: 1)
    h.makeAvailable("bob")
    #expect(
      h.open("v1") == ["chat-1 queued in support for v1", "chat-1 offered to alice (accept within 30s)"])
    #expect(h.open("v2") == ["chat-2 queued in support for v2", "chat-2 offered to bob (accept within 30s)"])
    #expect(h.open("v3") == ["chat-3 queued in support for v3"])
    #expect(
      h.agent("bob", .accept(nil)) == ["chat-2 accepted by bob", "chat-3 offered to bob (accept within 30s)"])
  }

  // MARK: DEC-5 (and the wall-clock row of peer-failures.md)

  @Test("DEC-5: an accept interval of an hour passes at once when the clock is advanced")
  func hourPassesAtOnce() {
    var h = Self.quiet(agents: ["alice"]) { $0.acceptInterval = .seconds(3600) }
    h.makeAvailable("alice")
    #expect(
      h.open("v1") == ["chat-1 queued in support for v1", "chat-1 offered to alice (accept within 1h)"])
    #expect(
      h.refusal(.set(.acceptInterval(.seconds(3601))))
        == #""1h1s" is not a value of accept-interval; expected a duration from 1s to 1h, such as 30s or 1m30s"#
    )
    #expect(
      h.refusal(.set(.acceptInterval(Interval(milliseconds: 500))))
        == #""500ms" is not a value of accept-interval; expected a duration from 1s to 1h, such as 30s or 1m30s"#
    )
    #expect(h.advance(seconds: 3599) == [])
    #expect(
      h.advance(seconds: 1) == [
        "chat-1 offer to alice expired", "alice is now Working Offline", "chat-1 back at the head of support",
      ])
    #expect(h.center.now == Instant(milliseconds: 3_600_000))
  }

  @Test("DEC-5: nothing expires until the clock is advanced, and then exactly at the deadline")
  func timeMovesOnlyWhenAdvanced() throws {
    var h = Self.quiet(agents: ["alice"])
    h.makeAvailable("alice")
    h.open("v1")
    #expect(h.center.now == .start)
    #expect(try h.center.advance(by: .init(milliseconds: 29_999)).isEmpty)
    #expect(h.center.agent("alice")?.pendingOffer == ChatID(1))
    #expect(
      try h.center.advance(by: .init(milliseconds: 1)).map(\.description) == [
        "chat-1 offer to alice expired",
        "alice is now Working Offline",
        "chat-1 back at the head of support",
      ])
    #expect(h.center.now == Instant(milliseconds: 30_000))
    h.checkInvariants()
  }

  @Test("DEC-5: one long advance fires each timer at its own deadline, in order")
  func timersFireAtTheirDeadlines() {
    var h = Self.quiet(agents: ["alice", "bob"])
    h.makeAvailable("alice")
    h.makeAvailable("bob")
    h.open("v1")
    #expect(
      h.advance(seconds: 75) == [
        "chat-1 offer to alice expired",
        "alice is now Working Offline",
        "chat-1 back at the head of support",
        "chat-1 offered to bob (accept within 30s)",
        "chat-1 offer to bob expired",
        "bob is now Working Offline",
        "chat-1 back at the head of support",
      ])
    #expect(h.center.now == Instant(milliseconds: 75_000))
    #expect(
      h.refusal(.agent("alice", .accept(ChatID(1))))
        == "the offer of chat-1 to alice expired at 00:00:30")
    #expect(
      h.refusal(.agent("bob", .accept(ChatID(1))))
        == "the offer of chat-1 to bob expired at 00:01:00")
  }

  @Test("DEC-5: the clock never goes back, and a refused move changes nothing")
  func clockNeverGoesBack() throws {
    var h = Self.quiet(agents: ["alice"])
    h.makeAvailable("alice")
    h.open("v1")
    h.advance(seconds: 10)
    let before = h.center
    #expect(
      throws: Refusal.clockCannotGoBack(from: Instant(milliseconds: 10_000), to: Instant(milliseconds: 5000))
    ) {
      try h.center.advance(to: Instant(milliseconds: 5000))
    }
    #expect(h.center == before)
    #expect(
      Refusal.clockCannotGoBack(from: Instant(milliseconds: 10_000), to: Instant(milliseconds: 5000))
        .description
        == "the clock cannot go back from 00:00:10 to 00:00:05")
    #expect(try h.center.advance(by: .seconds(-5)).isEmpty)
    #expect(h.center == before)
  }
}
