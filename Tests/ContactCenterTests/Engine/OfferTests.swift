import Testing

@testable import ContactCenter

/// CAP-2, CAP-3, CHAT-3, CHAT-4 and DEC-3 before the accept: accepting, previewing, rejecting,
/// letting the accept interval run out, and the customer leaving before an agent accepts.
@Suite struct OfferTests {
  /// The missed-offer setting with the status it puts the agent in, as event lines print it.
  static let missedStatuses: [(AgentStatus, String)] = [
    (.workingOffline, "Working Offline"), (.onBreak, "On Break"),
  ]

  /// How an agent misses an offer (CHAT-4).
  enum Miss: String, CaseIterable, CustomTestStringConvertible {
    case reject, expire
    var testDescription: String { rawValue }
  }

  /// alice Available at 0s, bob at 1s, carol at 2s: the clock reads 2s, alice has waited
  /// longest, then bob, then carol.
  static func threeAgents(rejectPermission: Bool = false, missedStatus: AgentStatus? = nil) -> Harness {
    var harness = Harness()
    if rejectPermission { harness.run(.set(.rejectPermission(true))) }
    if let missedStatus { harness.run(.set(.missedOfferStatus(missedStatus))) }
    harness.defineSupport(agents: ["alice", "bob", "carol"])
    harness.makeAvailable("alice")
    harness.advance(seconds: 1)
    harness.makeAvailable("bob")
    harness.advance(seconds: 1)
    harness.makeAvailable("carol")
    return harness
  }

  /// Misses alice's pending offer of chat-1, made at 2s, and returns the event lines.
  static func miss(_ miss: Miss, _ harness: inout Harness) -> [String] {
    switch miss {
    case .reject: harness.agent("alice", .reject(nil))
    case .expire: harness.advance(toMilliseconds: 32_000)
    }
  }

  // MARK: CAP-2 and CHAT-3: preview and accept

  @Test(
    "CAP-2: the offered agent accepts the chat, by name or as its only offer", arguments: [nil, ChatID(1)])
  func acceptMakesTheChatActive(named chat: ChatID?) {
    var harness = Self.threeAgents()
    #expect(
      harness.open("marie") == [
        "chat-1 queued in support for marie",
        "chat-1 offered to alice (accept within 30s)",
        "chat-1 screen pop for alice: new customer form",
      ])
    harness.advance(seconds: 3)
    #expect(harness.agent("alice", .accept(chat)) == ["chat-1 accepted by alice"])
    #expect(
      harness.center.chat(ChatID(1))?.state
        == .active(agent: "alice", acceptedAt: Instant(milliseconds: 5_000)))
    #expect(harness.center.agent("alice")?.chats == [ChatID(1)])
    #expect(harness.center.agent("alice")?.pendingOffer == nil)
    #expect(harness.center.agent("alice")?.status == .available)
    // The accepted chat is nobody else's: the next chat goes to bob, who waited longest.
    #expect(
      harness.open("paul") == [
        "chat-2 queued in support for paul",
        "chat-2 offered to bob (accept within 30s)",
        "chat-2 screen pop for bob: new customer form",
      ])
    // The stale accept timer of chat-1 fires nothing once the chat is accepted.
    #expect(harness.advance(toMilliseconds: 32_000) == [])
    #expect(
      harness.center.chat(ChatID(1))?.state
        == .active(agent: "alice", acceptedAt: Instant(milliseconds: 5_000)))
  }

  @Test("CAP-2: accept is refused when there is nothing to accept")
  func acceptRefusals() {
    var harness = Self.threeAgents()
    harness.run(.defineAgent("dave", queues: ["support"], maximumChats: nil))
    #expect(harness.agentRefusal("alice", .accept(nil)) == "alice has no pending offer")
    harness.open("marie")
    harness.open("paul")
    #expect(harness.agentRefusal("dave", .accept(nil)) == "dave is not logged in")
    #expect(harness.agentRefusal("alice", .accept(ChatID(2))) == "alice has no offer for chat-2")
    #expect(harness.agentRefusal("alice", .accept(ChatID(9))) == "chat-9 does not exist")
    #expect(harness.agentRefusal("carol", .accept(nil)) == "carol has no pending offer")
    harness.agent("alice", .accept(nil))
    #expect(harness.agentRefusal("alice", .accept(nil)) == "alice has no pending offer")
    #expect(harness.agentRefusal("alice", .accept(ChatID(1))) == "alice has no offer for chat-1")
    #expect(harness.agentRefusal("bob", .accept(ChatID(1))) == "bob has no offer for chat-1")
  }

  @Test("CHAT-3: the agent previews the record details of the offer, then accepts")
  func previewThenAccept() {
    var harness = Self.threeAgents()
    #expect(harness.agentRefusal("alice", .preview(nil)) == "alice has no pending offer")
    #expect(harness.agentRefusal("alice", .preview(ChatID(1))) == "chat-1 does not exist")
    harness.open("marie")
    #expect(
      harness.agent("alice", .preview(nil)) == [
        #"chat-1 preview for alice: "Marie Tremblay" <marie@example.com>, ip 203.0.113.7; record: none (new customer)"#
      ])
    // Named, as accept and reject name it: the same, and another chat is refused.
    #expect(harness.agent("alice", .preview(ChatID(1))) == harness.agent("alice", .preview(nil)))
    harness.open("paul")
    #expect(harness.agentRefusal("alice", .preview(ChatID(2))) == "alice has no offer for chat-2")
    // Previewing changes nothing: the offer is still pending with the same deadline.
    #expect(
      harness.center.chat(ChatID(1))?.state
        == .offered(
          to: "alice", offerNumber: 1, at: Instant(milliseconds: 2_000),
          deadline: Instant(milliseconds: 32_000)))
    #expect(harness.agent("alice", .accept(nil)) == ["chat-1 accepted by alice"])
    #expect(harness.agentRefusal("alice", .preview(nil)) == "alice has no pending offer")
    harness.run(.defineAgent("dave", queues: ["support"], maximumChats: nil))
    #expect(harness.agentRefusal("dave", .preview(nil)) == "dave is not logged in")
  }

  // MARK: CAP-3: the reject permission

  @Test("CAP-3: reject without the permission is refused and changes nothing", arguments: [false, true])
  func rejectWithoutPermission(revoked: Bool) {
    var harness = Self.threeAgents(rejectPermission: revoked)
    if revoked {
      #expect(harness.run(.set(.rejectPermission(false))) == ["setting reject-permission is now denied"])
    }
    harness.open("marie")
    let message = "alice cannot reject chat-1: the administrator has not granted the reject permission"
    #expect(harness.agentRefusal("alice", .reject(nil)) == message)
    #expect(harness.agentRefusal("alice", .reject(ChatID(1))) == message)
    #expect(harness.center.agent("alice")?.pendingOffer == ChatID(1))
    #expect(harness.center.agent("alice")?.status == .available)
    #expect(harness.agent("alice", .accept(nil)) == ["chat-1 accepted by alice"])
  }

  @Test("CAP-2: with the permission the agent rejects; reject is refused when there is nothing to reject")
  func rejectRefusals() {
    var harness = Self.threeAgents(rejectPermission: true)
    #expect(harness.agentRefusal("alice", .reject(nil)) == "alice has no pending offer")
    harness.open("marie")
    harness.open("paul")
    #expect(harness.agentRefusal("alice", .reject(ChatID(2))) == "alice has no offer for chat-2")
    #expect(harness.agentRefusal("alice", .reject(ChatID(7))) == "chat-7 does not exist")
    #expect(
      harness.agent("alice", .reject(nil)) == [
        "chat-1 rejected by alice",
        "alice is now Working Offline",
        "chat-1 back at the head of support",
        "chat-1 offered to carol (accept within 30s)",
        "chat-1 screen pop for carol: new customer form",
      ])
    let rejected = "alice already rejected chat-1 at 00:00:02"
    #expect(harness.agentRefusal("alice", .reject(nil)) == rejected)
    #expect(harness.agentRefusal("alice", .accept(nil)) == rejected)
    #expect(harness.agentRefusal("alice", .accept(ChatID(1))) == rejected)
  }

  // MARK: CHAT-4: missed offers

  @Test(
    "CHAT-4: a rejected offer sets the missed-offer status and goes to the next longest-waiting agent",
    arguments: missedStatuses)
  func rejectSetsMissedStatus(status: AgentStatus, shown: String) {
    var harness = Self.threeAgents(rejectPermission: true, missedStatus: status)
    harness.open("marie")
    #expect(
      harness.agent("alice", .reject(nil)) == [
        "chat-1 rejected by alice",
        "alice is now \(shown)",
        "chat-1 back at the head of support",
        "chat-1 offered to bob (accept within 30s)",
        "chat-1 screen pop for bob: new customer form",
      ])
    #expect(harness.center.agent("alice")?.status == status)
    #expect(harness.center.agent("alice")?.pendingOffer == nil)
    #expect(harness.center.chat(ChatID(1))?.offers == 2)
    #expect(harness.agent("bob", .accept(nil)) == ["chat-1 accepted by bob"])
  }

  @Test("CHAT-4: the offer expires exactly at offer time + accept interval", arguments: missedStatuses)
  func expiryAtTheInstant(status: AgentStatus, shown: String) {
    var harness = Self.threeAgents(missedStatus: status)
    harness.open("marie")  // Offered at 00:00:02, so due at 00:00:32.
    #expect(harness.advance(toMilliseconds: 31_999) == [])
    #expect(harness.center.agent("alice")?.pendingOffer == ChatID(1))
    #expect(
      harness.advance(toMilliseconds: 32_000) == [
        "chat-1 offer to alice expired",
        "alice is now \(shown)",
        "chat-1 back at the head of support",
        "chat-1 offered to bob (accept within 30s)",
        "chat-1 screen pop for bob: new customer form",
      ])
    #expect(harness.center.agent("alice")?.status == status)
    #expect(
      harness.center.chat(ChatID(1))?.state
        == .offered(
          to: "bob", offerNumber: 2, at: Instant(milliseconds: 32_000),
          deadline: Instant(milliseconds: 62_000)))
  }

  @Test(
    "CHAT-4: an accept at the expiry instant or later is refused as expired",
    arguments: [Int64(0), 1, 45_000])
  func lateAcceptIsRefused(after delay: Int64) {
    var harness = Self.threeAgents()
    harness.open("marie")
    harness.advance(toMilliseconds: 32_000)
    harness.advance(byMilliseconds: delay)
    let expired = "the offer of chat-1 to alice expired at 00:00:32"
    #expect(harness.agentRefusal("alice", .accept(nil)) == expired)
    #expect(harness.agentRefusal("alice", .accept(ChatID(1))) == expired)
    #expect(harness.agentRefusal("alice", .preview(nil)) == expired)
  }

  @Test("CHAT-4: an accept one millisecond before the deadline is in time")
  func acceptJustInTime() {
    var harness = Self.threeAgents()
    harness.open("marie")
    harness.advance(toMilliseconds: 31_999)
    #expect(harness.agent("alice", .accept(nil)) == ["chat-1 accepted by alice"])
    #expect(harness.advance(toMilliseconds: 40_000) == [])
    #expect(harness.center.agent("alice")?.status == .available)
  }

  @Test(
    "CHAT-4: the missed chat goes back to the head of its queue, before later chats", arguments: Miss.allCases
  )
  func missedChatReturnsToTheHead(miss: Miss) {
    var harness = Harness()
    harness.run(.set(.rejectPermission(true)))
    harness.defineSupport(agents: ["alice", "bob"])
    harness.makeAvailable("alice")
    harness.advance(seconds: 2)
    harness.open("marie")
    #expect(harness.open("paul") == ["chat-2 queued in support for paul"])
    #expect(harness.center.waitingChats(in: "support") == [ChatID(2)])
    let first = miss == .reject ? "chat-1 rejected by alice" : "chat-1 offer to alice expired"
    #expect(
      Self.miss(miss, &harness) == [
        first, "alice is now Working Offline", "chat-1 back at the head of support",
      ])
    #expect(harness.center.waitingChats(in: "support") == [ChatID(1), ChatID(2)])
    #expect(harness.center.chat(ChatID(1))?.state == .queued)
    harness.makeAvailable("bob")
    #expect(harness.center.agent("bob")?.pendingOffer == ChatID(1))
    #expect(harness.center.waitingChats(in: "support") == [ChatID(2)])
  }

  @Test("CHAT-4: a chat every agent misses is never lost: it waits and is offered again")
  func missedByEveryone() {
    var harness = Harness()
    harness.run(.set(.rejectPermission(true)))
    harness.defineSupport(agents: ["alice", "bob"])
    harness.makeAvailable("alice")
    harness.advance(seconds: 1)
    harness.makeAvailable("bob")
    harness.open("marie")
    harness.agent("alice", .reject(nil))
    #expect(
      harness.advance(seconds: 30) == [
        "chat-1 offer to bob expired",
        "bob is now Working Offline",
        "chat-1 back at the head of support",
      ])
    #expect(harness.center.waitingChats(in: "support") == [ChatID(1)])
    #expect(
      harness.agent("alice", .setStatus(.available)) == [
        "alice is now Available",
        "chat-1 offered to alice (accept within 30s)",
        "chat-1 screen pop for alice: new customer form",
      ])
    #expect(harness.agent("alice", .accept(nil)) == ["chat-1 accepted by alice"])
    #expect(harness.center.chat(ChatID(1))?.offers == 3)
  }

  @Test("CHAT-4: a changed accept interval applies to later offers, not to the pending one")
  func changedAcceptInterval() {
    var harness = Self.threeAgents()
    harness.open("marie")  // Offered to alice at 00:00:02 with 30s.
    #expect(harness.run(.set(.acceptInterval(.seconds(10)))) == ["setting accept-interval is now 10s"])
    #expect(harness.advance(toMilliseconds: 31_999) == [])
    #expect(
      harness.advance(toMilliseconds: 32_000) == [
        "chat-1 offer to alice expired",
        "alice is now Working Offline",
        "chat-1 back at the head of support",
        "chat-1 offered to bob (accept within 10s)",
        "chat-1 screen pop for bob: new customer form",
      ])
    #expect(harness.advance(toMilliseconds: 41_999) == [])
    #expect(
      harness.advance(toMilliseconds: 42_000) == [
        "chat-1 offer to bob expired",
        "bob is now Working Offline",
        "chat-1 back at the head of support",
        "chat-1 offered to carol (accept within 10s)",
        "chat-1 screen pop for carol: new customer form",
      ])
    #expect(
      harness.agentRefusal("bob", .accept(nil))
        == "the offer of chat-1 to bob expired at 00:00:42")
  }

  @Test(
    "CHAT-4: the accept interval is set from 1s to 1h; other values are refused",
    arguments: [
      (
        Interval(milliseconds: 0),
        #""0s" is not a value of accept-interval; expected a duration from 1s to 1h, such as 30s or 1m30s"#
      ),
      (
        Interval(milliseconds: 999),
        #""999ms" is not a value of accept-interval; expected a duration from 1s to 1h, such as 30s or 1m30s"#
      ),
      (
        Interval(milliseconds: 3_600_001),
        #""1h1ms" is not a value of accept-interval; expected a duration from 1s to 1h, such as 30s or 1m30s"#
      ),
    ])
  func acceptIntervalRange(interval: Interval, message: String) {
    var harness = Self.threeAgents()
    #expect(harness.refusal(.set(.acceptInterval(interval))) == message)
    #expect(harness.run(.set(.acceptInterval(.seconds(1)))) == ["setting accept-interval is now 1s"])
    harness.open("marie")
    #expect(harness.advance(byMilliseconds: 999) == [])
    #expect(harness.advance(byMilliseconds: 1).first == "chat-1 offer to alice expired")
    #expect(harness.run(.set(.acceptInterval(.seconds(3600)))) == ["setting accept-interval is now 1h"])
  }

  @Test("CAP-2: after accepting a later offer, an accept with no offer pending is told there is none")
  func staleResolvedOffer() {
    var harness = Harness()
    harness.run(.set(.rejectPermission(true)))
    harness.defineSupport(agents: ["alice", "bob"])
    harness.makeAvailable("alice")
    harness.advance(seconds: 1)
    harness.makeAvailable("bob")
    harness.open("marie")
    harness.agent("alice", .reject(nil))  // chat-1 goes to bob.
    harness.agent("bob", .accept(nil))
    harness.agent("bob", .setStatus(.onBreak))
    harness.advance(seconds: 60)
    harness.agent("alice", .setStatus(.available))
    #expect(harness.open("paul").last == "chat-2 screen pop for alice: new customer form")
    #expect(harness.agent("alice", .accept(nil)) == ["chat-2 accepted by alice"])
    // alice has no offer at all; the engine answers "alice rejected chat-1 at 00:00:01; it can
    // no longer be accepted", about a chat she let go a minute earlier.
    #expect(harness.agentRefusal("alice", .accept(nil)) == "alice has no pending offer")
    #expect(harness.agentRefusal("alice", .preview(nil)) == "alice has no pending offer")
  }

  // MARK: DEC-3 before the accept

  @Test("DEC-3: a customer who leaves while queued abandons the chat; later agents do not get it")
  func leaveWhileQueued() {
    var harness = Harness()
    harness.defineSupport(agents: ["alice"])
    harness.open("marie")
    harness.open("paul")
    #expect(harness.center.waitingChats(in: "support") == [ChatID(1), ChatID(2)])
    #expect(harness.customer("marie", .leave) == ["chat-1 abandoned: marie left while waiting"])
    #expect(harness.center.waitingChats(in: "support") == [ChatID(2)])
    #expect(harness.center.routing.waitingCount(inLine: 0) == 1)  // support is the first queue defined
    #expect(harness.center.chat(ChatID(1))?.state == .abandoned(at: .start))
    #expect(harness.center.openChat(of: "marie") == nil)
    #expect(harness.customerRefusal("marie", .leave) == "marie has no open chat")
    harness.advance(seconds: 5)
    harness.agent("alice", .login)
    harness.agent("alice", .readyToWork)
    harness.agent("alice", .selectQueue("support", enabled: true))
    harness.agent("alice", .confirmSelections)
    #expect(
      harness.agent("alice", .setStatus(.available)) == [
        "alice is now Available",
        "chat-2 offered to alice (accept within 30s)",
        "chat-2 screen pop for alice: new customer form",
      ])
    #expect(harness.center.waitingChats(in: "support") == [])
    #expect(harness.center.chat(ChatID(1))?.state == .abandoned(at: .start))
  }

  @Test("DEC-3: a customer who leaves while offered withdraws the offer; the agent is free again")
  func leaveWhileOffered() {
    var harness = Self.threeAgents()
    harness.open("marie")
    #expect(
      harness.customer("marie", .leave) == [
        "chat-1 offer to alice withdrawn: marie left",
        "chat-1 abandoned: marie left while waiting",
      ])
    #expect(harness.center.agent("alice")?.pendingOffer == nil)
    #expect(harness.center.agent("alice")?.status == .available)
    #expect(harness.center.chat(ChatID(1))?.state == .abandoned(at: Instant(milliseconds: 2_000)))
    #expect(
      harness.agentRefusal("alice", .accept(nil))
        == "the offer of chat-1 to alice was withdrawn at 00:00:02")
    // The withdrawn offer's timer fires nothing, and alice is first in line again.
    #expect(harness.advance(toMilliseconds: 32_000) == [])
    #expect(
      harness.open("paul") == [
        "chat-2 queued in support for paul",
        "chat-2 offered to alice (accept within 30s)",
        "chat-2 screen pop for alice: new customer form",
      ])
  }

  @Test("DEC-3: an agent whose offer is withdrawn gets the next waiting chat at once")
  func leaveWhileOfferedWithAChatWaiting() {
    var harness = Harness()
    harness.defineSupport(agents: ["alice"])
    harness.makeAvailable("alice")
    harness.open("marie")
    harness.open("paul")
    #expect(
      harness.customer("marie", .leave) == [
        "chat-1 offer to alice withdrawn: marie left",
        "chat-1 abandoned: marie left while waiting",
        "chat-2 offered to alice (accept within 30s)",
        "chat-2 screen pop for alice: new customer form",
      ])
    #expect(harness.center.waitingChats(in: "support") == [])
    #expect(harness.agent("alice", .accept(nil)) == ["chat-2 accepted by alice"])
  }
}
