import Testing

@testable import ContactCenter

/// DEC-5: time is virtual. One clock, moved only by the caller; timers fire in order of
/// (deadline, sequence); the same commands give the same events.
@Suite struct ClockTests {
  /// support and sales, with alice (and bob, if asked) Available.
  static func desk(agents: [AgentID] = ["alice"]) -> Harness {
    var harness = Harness.wrapUpDesk(agents: agents)
    for agent in agents { harness.bringDeskAgentOnline(agent) }
    return harness
  }

  @Test("DEC-5: the clock never goes back")
  func clockNeverGoesBack() throws {
    var harness = Self.desk()
    harness.openDeskChat("marie", in: "support")
    #expect(harness.moveClock(to: .at(seconds: 20)) == [])
    #expect(
      harness.refusedClockMove(to: .at(seconds: 10)) == "the clock cannot go back from 00:00:20 to 00:00:10")
    #expect(
      harness.refusedClockMove(to: Instant(milliseconds: 19_999))
        == "the clock cannot go back from 00:00:20 to 00:00:19.999")
    #expect(harness.refusedClockMove(to: .start) == "the clock cannot go back from 00:00:20 to 00:00:00")
    // Staying put is allowed and does nothing.
    #expect(harness.moveClock(to: .at(seconds: 20)) == [])
    #expect(harness.center.now == .at(seconds: 20))
    // Moving by a negative interval does not move the clock either.
    let before = harness.center
    #expect(try harness.center.advance(by: .seconds(-15)) == [])
    #expect(harness.center == before)
    #expect(harness.center.now == .at(seconds: 20))
  }

  @Test("DEC-5: a timer fires exactly at its deadline, not a millisecond before")
  func timerFiresAtItsDeadline() {
    var harness = Self.desk()
    harness.openDeskChat("marie", in: "support")
    #expect(harness.center.nextDeadline == .at(seconds: 30))
    #expect(harness.moveClock(to: Instant(milliseconds: 29_999)) == [])
    #expect(harness.center.agent("alice")?.pendingOffer == ChatID(1))
    #expect(
      harness.moveClock(to: .at(seconds: 30)) == [
        "chat-1 offer to alice expired",
        "alice is now Working Offline",
        "chat-1 back at the head of support",
      ])
    #expect(harness.center.nextDeadline == nil)
    #expect(
      harness.refusal(.agent("alice", .accept(nil)))
        == "the offer of chat-1 to alice expired at 00:00:30")
  }

  @Test("DEC-5: a timer whose offer was accepted is ignored when it fires")
  func staleTimerIsIgnored() {
    var harness = Self.desk()
    harness.openDeskChat("marie", in: "support")
    harness.advance(seconds: 10)
    harness.agent("alice", .accept(nil))
    #expect(harness.moveClock(to: .at(seconds: 120)) == [])
    #expect(harness.center.chat(ChatID(1))?.state == .active(agent: "alice", acceptedAt: .at(seconds: 10)))
    #expect(harness.center.nextDeadline == nil)
  }

  @Test("DEC-5: timers fire in deadline order, whatever the order they were set in")
  func timersFireInDeadlineOrder() {
    var harness = Self.desk(agents: ["alice", "bob"])
    #expect(
      harness.openDeskChat("marie", in: "support").contains("chat-1 offered to alice (accept within 30s)"))
    harness.advance(seconds: 10)
    harness.run(.set(.acceptInterval(.seconds(10))))
    #expect(harness.openDeskChat("paul", in: "sales").contains("chat-2 offered to bob (accept within 10s)"))
    // chat-2's deadline (00:00:20) comes before chat-1's (00:00:30), though set later.
    #expect(harness.center.nextDeadline == .at(seconds: 20))
    #expect(
      harness.moveClock(to: .at(seconds: 100)) == [
        "chat-2 offer to bob expired",
        "bob is now Working Offline",
        "chat-2 back at the head of sales",
        "chat-1 offer to alice expired",
        "alice is now Working Offline",
        "chat-1 back at the head of support",
      ])
    #expect(
      harness.center.agent("bob")?.lastResolvedOffer
        == ResolvedOffer(chat: ChatID(2), ending: .expired, at: .at(seconds: 20)))
    #expect(
      harness.center.agent("alice")?.lastResolvedOffer
        == ResolvedOffer(chat: ChatID(1), ending: .expired, at: .at(seconds: 30)))
    #expect(harness.center.now == .at(seconds: 100))
  }

  @Test("DEC-5: timers with the same deadline fire in the order they were set")
  func sameDeadlineFiresInSequence() {
    var harness = Self.desk(agents: ["alice", "bob"])
    harness.openDeskChat("marie", in: "support")
    harness.openDeskChat("paul", in: "support")
    #expect(harness.center.agent("alice")?.pendingOffer == ChatID(1))
    #expect(harness.center.agent("bob")?.pendingOffer == ChatID(2))
    #expect(
      harness.advance(seconds: 30) == [
        "chat-1 offer to alice expired",
        "alice is now Working Offline",
        "chat-1 back at the head of support",
        "chat-2 offer to bob expired",
        "bob is now Working Offline",
        "chat-2 back in support at position 2",
      ])
    // Both came back at once; the line stays in arrival order.
    #expect(harness.center.waitingChats(in: "support") == [ChatID(1), ChatID(2)])
  }

  @Test("DEC-5: events of a timer happen at its deadline, and timers set by them fire in the same move")
  func cascadingTimersFireAtTheirOwnDeadlines() {
    var harness = Harness.wrapUpDesk(agents: ["alice", "bob"])
    harness.bringDeskAgentOnline("alice")
    harness.advance(seconds: 5)
    harness.bringDeskAgentOnline("bob")
    harness.advance(seconds: 5)
    #expect(
      harness.openDeskChat("marie", in: "support").contains("chat-1 offered to alice (accept within 30s)"))
    #expect(
      harness.moveClock(to: .at(seconds: 100)) == [
        "chat-1 offer to alice expired",
        "alice is now Working Offline",
        "chat-1 back at the head of support",
        "chat-1 offered to bob (accept within 30s)",
        "chat-1 screen pop for bob: new customer form",
        "chat-1 offer to bob expired",
        "bob is now Working Offline",
        "chat-1 back at the head of support",
      ])
    // bob's offer was made at 00:00:40, when alice's expired, so it expired at 00:01:10.
    #expect(
      harness.center.agent("bob")?.lastResolvedOffer
        == ResolvedOffer(chat: ChatID(1), ending: .expired, at: .at(seconds: 70)))
    #expect(harness.center.chat(ChatID(1))?.offers == 2)
    #expect(harness.center.waitingChats(in: "support") == [ChatID(1)])
  }

  @Test("DEC-5: the wrap-up timer reads the virtual clock only")
  func wrapUpTimerReadsTheVirtualClock() async throws {
    var harness = Self.desk()
    harness.openDeskChat("marie", in: "support")
    harness.agent("alice", .accept(nil))
    harness.agent("alice", .end(nil))
    try await Task.sleep(for: .milliseconds(30))
    #expect(harness.agent("alice", .showWrapUpTimer(nil)) == ["chat-1 wrap-up timer 00:00:00"])
    #expect(harness.center.wrapUpElapsed(ChatID(1)) == .zero)
    _ = try harness.center.advance(by: Interval(milliseconds: 1))
    #expect(harness.agent("alice", .showWrapUpTimer(nil)) == ["chat-1 wrap-up timer 00:00:00.001"])
  }

  /// A run touching every timed rule: offers that expire, a cascade, wrap-up, Finish bringing an
  /// offer, the chat log. With `pauses`, the run sleeps for real between commands.
  static func scenario(pauses: Bool) async throws -> (lines: [String], center: Center) {
    var settings = Settings()
    settings.automaticChatLog = true
    settings.disposition = .required
    var harness = Harness.wrapUpDesk(settings: settings, agents: ["alice", "bob"], maximumChats: 1)
    var lines: [String] = []
    func pause() async throws { if pauses { try await Task.sleep(for: .milliseconds(15)) } }
    harness.bringDeskAgentOnline("alice")
    try await pause()
    lines += harness.advance(seconds: 3)
    harness.bringDeskAgentOnline("bob")
    lines += harness.openDeskChat("marie", in: "support")
    try await pause()
    lines += harness.openDeskChat("paul", in: "support")
    lines += harness.advance(seconds: 31)
    lines += harness.agent("alice", .setStatus(.available))
    lines += harness.agent("alice", .accept(nil))
    try await pause()
    lines += harness.openDeskChat("rose", in: "sales")
    lines += harness.advance(seconds: 12)
    lines += harness.agent("alice", .end(nil))
    try await pause()
    lines += harness.advance(seconds: 7)
    lines += harness.agent("alice", .showWrapUpTimer(nil))
    lines += harness.agent("alice", .selectDisposition(nil, "resolved"))
    lines += harness.agent("alice", .continueDisposition(nil))
    lines += harness.agent("alice", .finish(nil))
    try await pause()
    lines += harness.moveClock(to: .at(seconds: 200))
    return (lines, harness.center)
  }

  @Test("DEC-5: the same commands give identical event lines, however long the run really takes")
  func runsAreDeterministic() async throws {
    let first = try await Self.scenario(pauses: false)
    let second = try await Self.scenario(pauses: true)
    #expect(first.lines == second.lines)
    #expect(first.center == second.center)
    #expect(first.center.now == .at(seconds: 200))
    // The run did exercise the timed rules.
    #expect(first.lines.contains { $0.hasSuffix(" wrap-up timer 00:00:07") })
    #expect(first.lines.contains { $0.hasSuffix(" finished by alice after 7s of wrap-up") })
    #expect(first.lines.filter { $0.hasSuffix("expired") }.count >= 2)
  }
}
