import ContactCenter
import Testing

@testable import Conformance

/// How a long run's timeline stays small: repetitions collapsed, a budget of drawn commands,
/// customers sharing lanes.
@Suite struct TimelineLimitsTests {
  /// alice Available in support, then `chats` chats one after another; the customer of chat
  /// N says `words(N)`.
  static func chats(_ chats: Int, words: (Int) -> String = { _ in "Merci" }) -> String {
    var lines: [String] = []
    for n in 1...chats {
      lines += [
        "v\(n)> open support name=\"Visitor \(n)\" email=v\(n)@example.com ip=192.0.2.1",
        "< chat-\(n) queued in support for v\(n)", "< chat-\(n) offered to alice (accept within 30s)",
        "< chat-\(n) screen pop for alice: new customer form",
        "alice> accept", "< chat-\(n) accepted by alice",
        "v\(n)> say \"\(words(n))\"", "< chat-\(n) v\(n) says \"\(words(n))\"",
        "alice> end", "< chat-\(n) ended by alice; wrap-up started",
        "alice> finish", "< chat-\(n) finished by alice after 0s of wrap-up",
      ]
    }
    return aliceSetup + lines.joined(separator: "\n") + "\n"
  }

  static func result(_ text: String) throws -> ScriptResult {
    let script = try ScriptParser.parse(text, path: "long.chat")
    return ScriptRunner(loader: inMemoryLoader([:]), recordsTimeline: true).run(script)
  }

  /// Letters only (digits are not part of what makes a command repeat): a, b, ..., z, ba, ...
  static func letters(_ number: Int) -> String {
    var number = number
    var text = ""
    repeat {
      text = String(UnicodeScalar(UInt8(97 + number % 26))) + text
      number /= 26
    } while number > 0
    return text
  }

  @Test("a repeated block keeps its first two and last repetitions; the row says what it stands for")
  func repetitionsCollapse() throws {
    let result = try Self.result(Self.chats(100))
    #expect(result.passed)
    let timeline = Timeline(result: result)
    // 7 set-up commands, then 5 per chat: chats 1, 2 and 100 are drawn.
    #expect(timeline.drawnCommands == 7 + 3 * 5)
    let collapsed = timeline.rows.compactMap { row -> Timeline.Collapse? in
      if case .collapsed(let collapse) = row.kind { return collapse }
      return nil
    }
    #expect(collapsed.count == 1)
    #expect(collapsed.first?.commands == 97 * 5)
    #expect(
      collapsed.first?.description
        == "⋯ 485 commands not drawn (at 00:00:00): the same 5 commands as above, 97 more times")
    let customers = timeline.lanes.filter { $0.kind == .customer }.map(\.name)
    #expect(customers == ["v1", "v2", "v100"])
  }

  @Test("without repetitions, the first and last halves of the budget are drawn")
  func budget() throws {
    let result = try Self.result(Self.chats(60, words: Self.letters))
    var limits = Timeline.Limits()
    limits.drawnRows = 40
    let timeline = Timeline(result: result, limits: limits)
    #expect(result.timeline.count == 7 + 60 * 5)
    #expect(timeline.drawnCommands == 40)
    let collapsed = timeline.rows.compactMap { row -> Timeline.Collapse? in
      if case .collapsed(let collapse) = row.kind { return collapse }
      return nil
    }
    #expect(collapsed.map(\.commands) == [307 - 40])
    #expect(
      collapsed.first?.description
        == "⋯ 267 commands not drawn (at 00:00:00): only the first and last commands of a long script are drawn"
    )
  }

  @Test("the command a script failed at is drawn, wherever it is")
  func failureDrawn() throws {
    var text = Self.chats(60, words: Self.letters)
    text = text.replacingOccurrences("< chat-60 v60 says", "< chat-60 v60 shouts")
    let result = try Self.result(text)
    #expect(!result.passed)
    var limits = Timeline.Limits()
    limits.drawnRows = 10
    let timeline = Timeline(result: result, limits: limits)
    let row = try #require(timeline.failureRow)
    guard case .moment(let command, _) = timeline.rows[row].kind else {
      Issue.record("the failure's row is not a command")
      return
    }
    #expect(timeline.commands[command].source == "v60> say \"ci\"")
    #expect(Timeline.hiddenCommands(result.timeline, limits: limits)[command] == nil)
  }

  @Test("a clock over many expiries takes a bounded number of rows; a row draws a bounded number of marks")
  func longClock() {
    // 300 offers a tenth of a second apart, then one clock over all their expiries.
    let offers = (1...300).map { number in
      TimedCommand(
        location: SourceLocation(file: "t.chat", line: number), source: "v\(number)> open support",
        kind: .actor("v\(number)"), start: Instant(milliseconds: Int64(number) * 100),
        end: Instant(milliseconds: Int64(number) * 100),
        events: [
          .chatQueued(ChatID(number), queue: "support", visitor: VisitorID("v\(number)")),
          .chatOffered(ChatID(number), to: AgentID("a\(number)"), acceptWithin: .seconds(30)),
        ])
    }
    let clock = TimedCommand(
      location: SourceLocation(file: "t.chat", line: 301), source: "clock +1h", kind: .clock,
      start: Instant(milliseconds: 30_000), end: Instant(milliseconds: 3_630_000),
      events: (1...300).map { .offerExpired(ChatID($0), agent: AgentID("a\($0)")) })
    let moments = Timeline.moments(of: offers + [clock]).filter { $0.command == 300 }
    #expect(moments.count == Timeline.momentsPerCommand)
    #expect(moments.first?.instant == Instant(milliseconds: 30_100))
    // The first 98 expiries have a row each; the other 202 share one, at the last instant.
    #expect(moments[Timeline.momentsPerCommand - 2].events.count == 202)
    #expect(moments[Timeline.momentsPerCommand - 2].instant == Instant(milliseconds: 60_000))
    #expect(moments.last?.instant == Instant(milliseconds: 3_630_000))
    #expect(moments.map(\.events.count).reduce(0, +) == 300)
    // The drawing budget counts rows: the clock's 100 do not fit in 50.
    var limits = Timeline.Limits()
    limits.drawnRows = 50
    let rows = [Int](repeating: 1, count: 300) + [Timeline.momentsPerCommand]
    let hidden = Timeline.hiddenCommands(offers + [clock], rows: rows, limits: limits)
    #expect(hidden.last == .budget)
    #expect(hidden.count(where: { $0 == nil }) == 3)
    // Every expiry is followed; the marks of the crowded row stop at the limit.
    var result = ScriptResult(path: "t.chat")
    result.timeline = offers + [clock]
    let timeline = Timeline(result: result)
    let crowded = timeline.rows.firstIndex { $0.events.count == 202 }
    let marks = timeline.marks.filter { if case .point(crowded, _, _, _, _) = $0 { true } else { false } }
    #expect(marks.count == Timeline.marksPerRow)
  }

  @Test("past the limit, customers share lanes, one after another")
  func sharedCustomerLanes() {
    let spans = [("a", 0, 5), ("b", 3, 8), ("c", 6, 9), ("d", 9, 12)]
    let separate = Timeline.customerColumns(spans.map { ($0.0, $0.1, $0.2) }, limit: 4)
    #expect(separate == ["a": 0, "b": 1, "c": 2, "d": 3])
    let shared = Timeline.customerColumns(spans.map { ($0.0, $0.1, $0.2) }, limit: 3)
    #expect(shared == ["a": 0, "b": 1, "c": 0, "d": 1])
  }

  @Test("a long run's page stays small")
  func pageSize() throws {
    let result = try Self.result(Self.chats(2_000, words: Self.letters))
    let page = Report(entries: [ReportEntry(path: "long.chat", outcome: .ran(result))]).html()
    #expect(result.timeline.count == 10_007)
    #expect(page.utf8.count < 1_000_000)
    #expect(page.contains("1,200 of 10,007 commands drawn"))
  }
}
