import Testing

@testable import ContactCenter

/// The one door: `perform(_:)` and `perform(_:into:)` behave the same.
@Suite struct CenterTests {
  @Test("DEC-5: perform(_:into:) appends a command's events after what the buffer holds")
  func appendsToTheBuffer() throws {
    var center = Center()
    var events: [Event] = []
    try center.perform(.defineQueue("support", media: .chat, dispositions: []), into: &events)
    try center.perform(.defineAgent("alice", queues: ["support"], maximumChats: nil), into: &events)
    #expect(
      events.map(\.description) == [
        "queue support defined: chat, no dispositions", "agent alice defined: queues support",
      ])
  }

  @Test("DEC-5: a refused command appends nothing and changes nothing")
  func refusalAppendsNothing() throws {
    var center = Center()
    var events: [Event] = []
    try center.perform(.defineQueue("support", media: .chat, dispositions: []), into: &events)
    let before = center
    #expect(throws: Refusal.alreadyDefined(kind: .queue, name: "support")) {
      try center.perform(.defineQueue("support", media: .chat, dispositions: []), into: &events)
    }
    #expect(events.map(\.description) == ["queue support defined: chat, no dispositions"])
    #expect(center == before)
  }

  @Test("DEC-5: both doors give the same events")
  func sameEvents() throws {
    var first = Center()
    var second = Center()
    let commands: [Command] = [
      .defineQueue("support", media: .chat, dispositions: ["resolved"]),
      .defineAgent("alice", queues: ["support"], maximumChats: nil),
      .agent("alice", .login), .agent("alice", .readyToWork),
      .agent("alice", .selectQueue("support", enabled: true)),
      .agent("alice", .confirmSelections), .agent("alice", .setStatus(.available)),
      .customer(
        "marie", .open("support", ChatRequest(name: "Marie", email: "marie@example.com", ipAddress: "::1"))),
    ]
    var buffered: [Event] = []
    var returned: [Event] = []
    for command in commands {
      returned += try first.perform(command)
      try second.perform(command, into: &buffered)
    }
    #expect(buffered == returned)
    #expect(first == second)
  }
}

/// What the review of the first version found.
@Suite struct SafetyTests {
  @Test("CAP-1: settings given at creation are brought into range: no seventh chat, no zero interval")
  func settingsAreClamped() {
    var settings = Settings()
    settings.chatsPerAgent = 10
    settings.acceptInterval = .zero
    let center = Center(settings: settings)
    #expect(center.settings.chatsPerAgent == 6)
    #expect(center.settings.acceptInterval == .seconds(1))
    settings.chatsPerAgent = 0
    #expect(Center(settings: settings).settings.chatsPerAgent == 1)
  }

  @Test("SES-7: a name typed with a control character is shown escaped in the refusal")
  func refusalEscapesNames() {
    var harness = Harness()
    #expect(
      harness.refusal(.defineAgent("bob", queues: ["x\ny\u{1B}"], maximumChats: nil))
        == "queue x\\ny\\u{1B} is not defined")
  }

  @Test("MSG-3, MSG-4: an FAQ answer of only spaces is refused as a message would be, so no draft is blank")
  func blankAnswer() {
    var harness = Harness()
    #expect(
      harness.refusal(.defineFAQ("blank", answer: "   "))
        == "an FAQ answer cannot be only spaces or invisible characters")
    #expect(
      harness.refusal(.defineFAQ("blank", answer: "\u{200B}\u{2060}"))
        == "an FAQ answer cannot be only spaces or invisible characters")
  }

  @Test("no state kept twice: offers and their timers share one sequence")
  func noDuplicateCounters() {
    var harness = Harness()
    harness.defineSupport(agents: ["alice"])
    harness.makeAvailable("alice")
    harness.open("marie")
    let fields = Mirror(reflecting: harness.center).children.compactMap(\.label)
    #expect(fields.contains("offerSequence") && !fields.contains("timerSequence"))
    #expect(harness.center.timers.min?.offerNumber == harness.center.offerSequence)
  }

  @Test("== sees a difference in any field, including the pending timers and the audit's findings")
  func equalityCoversTheState() {
    var harness = Harness()
    harness.defineSupport(agents: ["alice"])
    harness.makeAvailable("alice")
    let before = harness.center
    var audited = before
    audited.auditsRouting.toggle()
    #expect(audited != before)
    harness.open("marie")
    var withoutTimer = harness.center
    withoutTimer.timers.removeMin()
    #expect(withoutTimer != harness.center)
    var withFinding = harness.center
    withFinding.routingViolations.append("a finding")
    #expect(withFinding != harness.center)
  }
}
