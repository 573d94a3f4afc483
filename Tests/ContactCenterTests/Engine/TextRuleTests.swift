import Testing

@testable import ContactCenter

/// One rule of "blank" and one bound on a character for every text, wherever it is typed.
@Suite struct TextRuleTests {
  static let blanks = [
    "   ", "\u{200B}", " \u{200B}\u{2060} ", "\t", "\u{3000}",
    // Letters by category that show nothing (default-ignorable): Hangul fillers.
    "\u{3164}", "\u{115F}\u{1160}",
  ]

  @Test(
    "a customer name of only spaces or invisible characters is refused, as a message is", arguments: blanks)
  func blankCustomerName(name: String) {
    var harness = Harness()
    harness.defineSupport(agents: [])
    let request = ChatRequest(name: name, email: "marie@example.com", ipAddress: "203.0.113.7")
    #expect(
      harness.refusal(.customer("marie", .open("support", request)))
        == "a customer name cannot be only spaces or invisible characters")
    #expect(
      harness.refusal(.defineCustomer("c-1", name: name, email: "marie@example.com", account: nil))
        == "a customer name cannot be only spaces or invisible characters")
  }

  @Test("POP-4: the new-customer form refuses a blank name, and keeps the form open")
  func blankFormName() {
    var harness = Harness()
    harness.defineSupport(agents: ["alice"])
    harness.makeAvailable("alice")
    harness.open("marie")
    harness.agent("alice", .accept(nil))
    #expect(
      harness.refusal(
        .agent("alice", .saveNewCustomer(nil, name: "\u{200B} ", email: "marie@example.com", account: nil)))
        == "a customer name cannot be only spaces or invisible characters")
    #expect(
      harness.agent("alice", .saveNewCustomer(nil, name: "Marie", email: "marie@example.com", account: nil))
        == [#"customer customer-1 created from chat-1: "Marie" <marie@example.com>"#])
  }

  @Test("every other text follows the same rule: account and case numbers, case subjects, log text")
  func blankOtherTexts() {
    var harness = Harness()
    harness.defineSupport(agents: [])
    #expect(
      harness.refusal(.defineCustomer("c-1", name: "Marie", email: "marie@example.com", account: " "))
        == "an account number cannot be only spaces or invisible characters")
    harness.run(.defineCustomer("c-1", name: "Marie", email: "marie@example.com", account: nil))
    #expect(
      harness.refusal(.defineCase("k-1", customer: "c-1", subject: "\u{200B}", state: .open))
        == "a case subject cannot be only spaces or invisible characters")
    let request = ChatRequest(
      name: "Marie", email: "marie@example.com", ipAddress: "203.0.113.7", account: nil, caseNumber: "  ")
    #expect(
      harness.refusal(.customer("marie", .open("support", request)))
        == "a case number cannot be only spaces or invisible characters")
    #expect(harness.refusal(.defineFAQ("hours", answer: "")) == "an FAQ answer cannot be empty")
  }

  @Test("MSG-4: a character holds at most 31 code points; the message says which and how many")
  func overlongCharacter() {
    var harness = Harness()
    harness.defineSupport(agents: ["alice"])
    harness.makeAvailable("alice")
    harness.open("marie")
    harness.agent("alice", .accept(nil))
    let marks = "a" + String(repeating: "\u{0301}", count: 5000)
    #expect(
      harness.refusal(.agent("alice", .say(nil, "Bonjour " + marks)))
        == "a message cannot hold a character of more than 31 code points (a letter and 30 marks or modifiers); character 9 has 5001"
    )
    let modifiers = String(repeating: "\u{1F3FD}", count: 1941)
    #expect(
      harness.refusal(.customer("marie", .say(modifiers)))
        == "a message cannot hold a character of more than 31 code points (a letter and 30 marks or modifiers); character 1 has 1941"
    )
    // At the bound, and the longest real characters, are fine.
    let atBound = "a" + String(repeating: "\u{0301}", count: 30)
    #expect(harness.agent("alice", .say(nil, atBound)).count == 1)
    let family = "👨‍👩‍👧‍👦🏴󠁧󠁢󠁥󠁮󠁧󠁿👍🏽"
    #expect(harness.customer("marie", .say(String(repeating: family, count: 100))).count == 1)
    #expect(
      harness.refusal(.defineCustomer("c-1", name: "Marie" + marks, email: "m@example.com", account: nil))
        == "a customer name cannot hold a character of more than 31 code points (a letter and 30 marks or modifiers); character 6 has 5001"
    )
  }

  @Test("the bound counts code points per user-perceived character, not in the whole text")
  func boundIsPerCharacter() {
    #expect(Validation.firstOverlongCharacter(in: String(repeating: "e\u{0301}", count: 2000)) == nil)
    #expect(Validation.firstOverlongCharacter(in: String(repeating: "\r\n", count: 2000)) == nil)
    let overlong = "é" + String(repeating: "\u{0300}", count: 31)
    #expect(Validation.firstOverlongCharacter(in: "ab" + overlong)! == (3, 32))
    #expect(Validation.isBlank(" \u{200B}\u{FEFF}\n"))
    #expect(!Validation.isBlank(" .") && !Validation.isBlank("\u{200B}é"))
  }
}

/// DEC-5: the clock has a documented end.
@Suite struct ClockMaximumTests {
  @Test("DEC-5: the clock goes up to 999999:59:59.999 and no further; a move past it is refused")
  func maximum() throws {
    #expect(Instant.maximum.description == "999999:59:59.999")
    #expect(Instant(parsing: "999999:59:59.999") == Instant.maximum)
    var harness = Harness()
    let before = harness.center
    #expect(throws: Refusal.clockPastMaximum(from: .start)) {
      try harness.center.advance(to: Instant(milliseconds: .max))
    }
    #expect(throws: Refusal.clockPastMaximum(from: .start)) {
      try harness.center.advance(by: Interval(milliseconds: 9_223_372_036_854_765_807))
    }
    #expect(harness.center == before)
    #expect(
      Refusal.clockPastMaximum(from: .start).description
        == "the clock cannot go past its maximum, 999999:59:59.999; it is at 00:00:00")
    _ = try harness.center.advance(to: .maximum)
    #expect(harness.center.now == .maximum)
  }

  @Test("CHAT-4: an offer made at the last instant still expires an accept interval later, not saturated")
  func offerAtTheEnd() throws {
    var harness = Harness()
    harness.defineSupport(agents: ["alice"])
    harness.makeAvailable("alice")
    _ = try harness.center.advance(to: .maximum)
    harness.open("marie")
    guard case .offered(_, _, _, let deadline)? = harness.center.state(of: ChatID(1)) else {
      Issue.record("chat-1 is not offered")
      return
    }
    #expect(deadline == Instant.maximum + .seconds(30))
    #expect(deadline.description == "1000000:00:29.999")
  }
}
