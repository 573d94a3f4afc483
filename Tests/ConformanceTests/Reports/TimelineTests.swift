import ContactCenter
import Testing

@testable import Conformance

/// The timeline of the HTML report: what the runner records, the instants of what happens
/// during a `clock`, the marks, and how long runs are shortened.
@Suite struct TimelineTests {
  /// support with alice and bob Available (alice first): marie's chat is offered to alice, then
  /// to bob, and neither accepts in time (both go On Break); alice comes back and accepts it,
  /// ends it, and finishes it 2 hours later.
  static let missedOffers =
    aliceSetup + """
      # covers: CHAT-4
      agent bob queues=support
      < agent bob defined: queues support
      set missed-offer-status on-break
      < setting missed-offer-status is now on-break
      clock +1s
      bob> login
      < bob logged in
      bob> ready
      < bob is ready to work (Working Offline)
      bob> queues enable support
      < bob switched support on (pending Confirm selections)
      bob> queues confirm
      < bob enabled support
      bob> status available
      < bob is now Available
      step CHAT-4 "nobody accepts"
      marie> open support name="Marie" email=marie@example.com ip=203.0.113.7
      < chat-1 queued in support for marie
      < chat-1 offered to alice (accept within 30s)
      < chat-1 screen pop for alice: new customer form
      clock +65s
      < chat-1 offer to alice expired
      < alice is now On Break
      < chat-1 back at the head of support
      < chat-1 offered to bob (accept within 30s)
      < chat-1 screen pop for bob: new customer form
      < chat-1 offer to bob expired
      < bob is now On Break
      < chat-1 back at the head of support
      alice> status available
      < alice is now Available
      < chat-1 offered to alice (accept within 30s)
      < chat-1 screen pop for alice: new customer form
      alice> accept
      < chat-1 accepted by alice
      alice> say "Bonjour Marie, how can I help you today with your order?"
      < chat-1 alice says "Bonjour Marie, how can I help you today with your order?"
      alice> end
      < chat-1 ended by alice; wrap-up started
      clock +2h
      alice> finish
      < chat-1 finished by alice after 2h of wrap-up

      """

  static func result(_ text: String, path: String = "t.chat", recording: Bool = true) throws -> ScriptResult {
    let script = try ScriptParser.parse(text, path: path)
    return ScriptRunner(loader: inMemoryLoader([:]), recordsTimeline: recording).run(script)
  }

  @Test("the runner records each command's instants and typed events only when asked")
  func recording() throws {
    let plain = try Self.result(Self.missedOffers, recording: false)
    #expect(plain.passed)
    #expect(plain.timeline.isEmpty)
    let recorded = try Self.result(Self.missedOffers)
    #expect(recorded.timeline.count == recorded.commandsRun)
    #expect(recorded.outcomes == plain.outcomes)
    let clock = try #require(recorded.timeline.first { $0.source == "clock +65s" })
    #expect(clock.kind == .clock)
    #expect(clock.start == Instant(milliseconds: 1_000))
    #expect(clock.end == Instant(milliseconds: 66_000))
    #expect(clock.events.first == .offerExpired(ChatID(1), agent: "alice"))
    #expect(recorded.timeline.allSatisfy { !$0.isFailure })
  }

  @Test("the command a script fails at is marked, with its refusal")
  func failureMarked() throws {
    let text = Self.missedOffers.replacingOccurrences("< chat-1 accepted by alice", "! no")
    let result = try Self.result(text)
    #expect(!result.passed)
    let last = try #require(result.timeline.last)
    #expect(last.source == "alice> accept")
    #expect(last.isFailure)
    #expect(last.refusal == nil)
    #expect(result.timeline.filter(\.isFailure).count == 1)
  }

  @Test("events during a clock are placed where the engine fires them, one timer at a time")
  func momentsMatchTheEngine() throws {
    let result = try Self.result(Self.missedOffers)
    let moments = Timeline.moments(of: result.timeline)
    let clock = try #require(result.timeline.firstIndex { $0.source == "clock +65s" })
    let during = moments.filter { $0.command == clock }
    // The same session on a bare engine, moved one deadline at a time.
    var session = Session()
    for command in result.timeline[..<clock] {
      _ = session.execute(try TimelineTests.command(command.source))
    }
    var center = session.center
    var expected: [(Instant, [Event])] = []
    let end = Instant(milliseconds: 66_000)
    while let next = center.nextDeadline, next <= end {
      let events = try center.advance(to: next)
      if !events.isEmpty { expected.append((next, events)) }
    }
    expected.append((end, try center.advance(to: end)))
    #expect(during.map(\.instant) == expected.map(\.0))
    #expect(during.map(\.events) == expected.map(\.1))
    #expect(during.map(\.instant) == [31_000, 61_000, 66_000].map { Instant(milliseconds: $0) })
    #expect(during.map(\.events.count) == [5, 3, 0])
    #expect(during.map(\.continued) == [false, true, true])
    // A command that does not move the clock is one moment, even with no events.
    #expect(moments.filter { $0.command == 0 }.count == 1)
  }

  private static func command(_ line: String) throws -> ScriptCommand {
    let script = try ScriptParser.parse(line, path: "t.chat")
    guard case .command(let command, _) = script.statements.first?.kind else {
      throw NotACommand(description: line)
    }
    return command
  }

  @Test("lanes, offers, the return to the queue, statuses and messages")
  func marks() throws {
    let timeline = Timeline(result: try Self.result(Self.missedOffers))
    #expect(
      timeline.lanes.map { "\($0.kind.rawValue) \($0.name)" } == [
        "queue support", "agent alice", "agent bob", "customer marie",
      ])
    let support = Timeline.Lane(kind: .queue, name: "support")
    let alice = Timeline.Lane(kind: .agent, name: "alice")
    let bob = Timeline.Lane(kind: .agent, name: "bob")
    var offers: [String] = []
    var returns: [String] = []
    var points: [String] = []
    var statuses: [String] = []
    var messages: [String] = []
    for mark in timeline.marks {
      switch mark {
      case .arrow(_, let from, _, let to, _, .offer, _):
        offers.append("\(from.name)→\(to.name)")
        #expect(from == support)
      case .arrow(_, let from, _, let to, _, .returned, _):
        returns.append("\(from.name)→\(to.name)")
      case .arrow(_, _, _, _, _, .message, let title):
        messages.append(title)
      case .point(_, let lane, _, let style, _) where [.missed, .accepted].contains(style):
        points.append("\(style.rawValue) \(lane.name)")
      case .bar(_, _, let lane, nil, let style, _, _) where lane == alice || lane == bob:
        statuses.append("\(lane.name) \(style.rawValue)")
      default:
        break
      }
    }
    #expect(offers == ["support→alice", "support→bob", "support→alice"])
    #expect(returns == ["alice→support", "bob→support"])
    #expect(points == ["missed alice", "missed bob", "accepted alice"])
    // Statuses still going at the end are open; the one that ended is not.
    #expect(
      timeline.marks.contains { if case .bar(_, _, bob, nil, .onBreak, _, true) = $0 { true } else { false } }
    )
    #expect(
      statuses == [
        "alice logged-in", "alice working-offline", "bob logged-in", "bob working-offline",
        "alice available", "bob available", "alice on-break", "alice available", "bob on-break",
      ])
    #expect(messages == ["chat-1 alice says \"Bonjour Marie, how can I help you today with your order?\""])
    // The chat's offer to alice, pending until it expired, in red; accepted later.
    #expect(
      timeline.marks.contains { if case .bar(_, _, alice, _, .missed, _, false) = $0 { true } else { false } }
    )
    #expect(
      timeline.marks.contains { if case .bar(_, _, alice, _, .wrapUp, _, false) = $0 { true } else { false } }
    )
  }

  @Test("a gap in virtual time takes space by its logarithm, within bounds")
  func gaps() {
    #expect(Timeline.Geometry.gap(.zero) == 0)
    #expect(Timeline.Geometry.gap(.seconds(1)) == 8)
    #expect(Timeline.Geometry.gap(.seconds(30)) == 40)
    #expect(Timeline.Geometry.gap(.seconds(7_200)) == 103)
    #expect(Timeline.Geometry.gap(.seconds(86_400 * 365)) == 120)
    #expect(Timeline.Geometry.gap(Interval(milliseconds: -5)) == 0)
  }
}

extension String {
  /// The text with the first occurrence of `target` replaced.
  func replacingOccurrences(_ target: String, _ replacement: String) -> String {
    guard let range = range(of: target) else { return self }
    return replacingCharacters(in: range, with: replacement)
  }
}
