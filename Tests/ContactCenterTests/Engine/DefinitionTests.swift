import Testing

@testable import ContactCenter

/// What the tenant defines: queues, agents, customer records, cases, FAQ entries and settings,
/// with every refusal of a definition.
@Suite struct DefinitionTests {
  static let rule = "use 1 to 64 letters, digits, '-', '_' or '.', starting with a letter or digit"

  /// Names that no definition accepts, with how a refusal quotes them.
  static let badNames: [(name: String, quoted: String)] = [
    ("", #""""#),
    ("-support", #""-support""#),
    (".hidden", #"".hidden""#),
    ("two words", #""two words""#),
    ("café", #""café""#),
    ("a/b", #""a/b""#),
    ("line\nbreak", #""line\nbreak""#),
    (String(repeating: "q", count: 65), "\"" + String(repeating: "q", count: 65) + "\""),
  ]

  // MARK: Queues (SES-7, END-2)

  @Test("SES-7: queues are defined with a media type and their disposition codes")
  func queueDefinitions() {
    var harness = Harness()
    #expect(
      harness.run(.defineQueue("support", media: .chat, dispositions: ["resolved", "callback"]))
        == ["queue support defined: chat, dispositions resolved, callback"])
    #expect(
      harness.run(.defineQueue("phone", media: .phone, dispositions: [])) == [
        "queue phone defined: inbound phone, no dispositions"
      ])
    #expect(
      harness.run(.defineQueue("mail.box_2", media: .email, dispositions: [])) == [
        "queue mail.box_2 defined: e-mail, no dispositions"
      ])
    #expect(Array(harness.center.queues.keys) == ["support", "phone", "mail.box_2"])
    #expect(
      harness.center.queues["support"]
        == QueueDefinition(id: "support", media: .chat, dispositions: ["resolved", "callback"]))
  }

  @Test("SES-7: a queue with an invalid name is refused", arguments: badNames)
  func queueNameInvalid(name: String, quoted: String) {
    var harness = Harness()
    #expect(
      harness.refusal(.defineQueue(QueueID(name), media: .chat, dispositions: []))
        == "\(quoted) is not a valid queue name: \(Self.rule)")
  }

  @Test("END-2: a disposition code with an invalid name is refused", arguments: badNames)
  func dispositionNameInvalid(name: String, quoted: String) {
    var harness = Harness()
    #expect(
      harness.refusal(
        .defineQueue("support", media: .chat, dispositions: ["resolved", DispositionCode(name)]))
        == "\(quoted) is not a valid disposition name: \(Self.rule)")
  }

  @Test("SES-7: a queue defined twice, or a disposition listed twice, is refused")
  func queueDuplicates() {
    var harness = Harness()
    harness.run(.defineQueue("support", media: .chat, dispositions: []))
    #expect(
      harness.refusal(.defineQueue("support", media: .phone, dispositions: []))
        == "queue support is already defined")
    #expect(
      harness.refusal(.defineQueue("sales", media: .chat, dispositions: ["won", "lost", "won"]))
        == "disposition won is listed twice")
    #expect(harness.center.queues.count == 1)
  }

  // MARK: Agents (SES-1, CAP-1)

  @Test("SES-1: agents are defined with their assigned queues and an optional chat limit")
  func agentDefinitions() {
    var harness = Harness()
    harness.run(.defineQueue("support", media: .chat, dispositions: []))
    harness.run(.defineQueue("phone", media: .phone, dispositions: []))
    #expect(
      harness.run(.defineAgent("alice", queues: ["support", "phone"], maximumChats: nil))
        == ["agent alice defined: queues support, phone"])
    #expect(
      harness.run(.defineAgent("bob", queues: [], maximumChats: 1)) == [
        "agent bob defined: no queues, at most 1 chat"
      ])
    #expect(
      harness.run(.defineAgent("carol", queues: ["support"], maximumChats: 6))
        == ["agent carol defined: queues support, at most 6 chats"])
    #expect(harness.center.agent("alice")?.assignedQueues == ["support", "phone"])
    #expect(harness.center.agent("bob")?.maximumChats == 1)
    #expect(harness.center.agent("alice")?.session == .loggedOut)
    #expect(harness.center.chatLimit(of: "alice") == 6)
    #expect(harness.center.chatLimit(of: "bob") == 1)
  }

  @Test("SES-2: an agent with an invalid name is refused", arguments: badNames)
  func agentNameInvalid(name: String, quoted: String) {
    var harness = Harness()
    #expect(
      harness.refusal(.defineAgent(AgentID(name), queues: [], maximumChats: nil))
        == "\(quoted) is not a valid agent name: \(Self.rule)")
  }

  @Test("SES-1: an agent defined twice, an unknown queue, or a queue listed twice is refused")
  func agentRefusals() {
    var harness = Harness()
    harness.run(.defineQueue("support", media: .chat, dispositions: []))
    harness.run(.defineAgent("alice", queues: ["support"], maximumChats: nil))
    #expect(
      harness.refusal(.defineAgent("alice", queues: [], maximumChats: nil))
        == "agent alice is already defined")
    #expect(
      harness.refusal(.defineAgent("bob", queues: ["support", "nowhere"], maximumChats: nil))
        == "queue nowhere is not defined")
    #expect(
      harness.refusal(.defineAgent("bob", queues: ["support", "support"], maximumChats: nil))
        == "queue support is listed twice")
    #expect(harness.refusal(.agent("bob", .login)) == "no agent named bob is defined")
  }

  @Test("CAP-1: an agent's own chat limit must be from 1 to 6", arguments: [0, 7, -1, 100, Int.min])
  func agentLimitOutOfRange(cap: Int) {
    var harness = Harness()
    #expect(
      harness.refusal(.defineAgent("alice", queues: [], maximumChats: cap))
        == "an agent's chat limit must be from 1 to 6, not \(cap)")
  }

  // MARK: Customer records and cases (POP-2, LOG-3, LOG-4)

  @Test("LOG-3: customer records are defined with a name, a well-formed e-mail and an optional account")
  func customerDefinitions() {
    var harness = Harness()
    #expect(
      harness.run(
        .defineCustomer(
          "cust-1", name: "Marie \"Mimi\" Tremblay", email: "marie@example.com", account: "A-100"))
        == [#"customer cust-1 defined: "Marie \"Mimi\" Tremblay" <marie@example.com>, account "A-100""#])
    #expect(
      harness.run(
        .defineCustomer("cust-2", name: "Paul", email: "Paul.Martin+chat@mail.example.org", account: nil))
        == [#"customer cust-2 defined: "Paul" <Paul.Martin+chat@mail.example.org>"#])
    #expect(
      harness.center.crm.customers["cust-1"]
        == CustomerRecord(
          id: "cust-1", name: "Marie \"Mimi\" Tremblay", email: "marie@example.com", account: "A-100"))
    #expect(harness.center.crm.customer(withAccount: "A-100") == "cust-1")
  }

  @Test("LOG-3: a customer record with an invalid name is refused", arguments: badNames)
  func customerNameInvalid(name: String, quoted: String) {
    var harness = Harness()
    #expect(
      harness.refusal(
        .defineCustomer(CustomerID(name), name: "Marie", email: "marie@example.com", account: nil))
        == "\(quoted) is not a valid customer record name: \(Self.rule)")
  }

  @Test("LOG-3: customer record refusals: defined twice, empty name, account empty or taken")
  func customerRefusals() {
    var harness = Harness()
    harness.run(.defineCustomer("cust-1", name: "Marie", email: "marie@example.com", account: "A-100"))
    #expect(
      harness.refusal(.defineCustomer("cust-1", name: "Paul", email: "paul@example.com", account: nil))
        == "customer record cust-1 is already defined")
    #expect(
      harness.refusal(.defineCustomer("cust-2", name: "", email: "paul@example.com", account: nil))
        == "a customer name cannot be empty")
    #expect(
      harness.refusal(.defineCustomer("cust-2", name: "Paul", email: "paul@example.com", account: ""))
        == "an account number cannot be empty")
    #expect(
      harness.refusal(.defineCustomer("cust-2", name: "Paul", email: "paul@example.com", account: "A-100"))
        == #"account "A-100" already belongs to customer cust-1"#)
    // Another record may share an e-mail address: only accounts are unique.
    #expect(
      harness.run(.defineCustomer("cust-2", name: "Marie B", email: "marie@example.com", account: "a-100"))
        == [#"customer cust-2 defined: "Marie B" <marie@example.com>, account "a-100""#])
  }

  @Test(
    "LOG-3: a malformed e-mail address is refused",
    arguments: [
      ("marie@example", #""marie@example" is not a well-formed e-mail address"#),
      ("marie.example.com", #""marie.example.com" is not a well-formed e-mail address"#),
      ("", #""" is not a well-formed e-mail address"#),
      ("marie@@example.com", #""marie@@example.com" is not a well-formed e-mail address"#),
      ("ma rie@example.com", #""ma rie@example.com" is not a well-formed e-mail address"#),
      (".marie@example.com", #"".marie@example.com" is not a well-formed e-mail address"#),
      ("marie@-example.com", #""marie@-example.com" is not a well-formed e-mail address"#),
      ("marie@10.0.0.1", #""marie@10.0.0.1" is not a well-formed e-mail address"#),
      ("marie@example.com\n", #""marie@example.com\n" is not a well-formed e-mail address"#),
    ])
  func customerEmailMalformed(email: String, message: String) {
    var harness = Harness()
    #expect(harness.refusal(.defineCustomer("cust-1", name: "Marie", email: email, account: nil)) == message)
  }

  @Test(
    "LOG-4: cases are defined for a known customer, with a subject and a state", arguments: CaseState.allCases
  )
  func caseDefinitions(state: CaseState) {
    var harness = Harness()
    harness.run(.defineCustomer("cust-1", name: "Marie", email: "marie@example.com", account: nil))
    #expect(
      harness.run(.defineCase("case-7", customer: "cust-1", subject: "Lost \"parcel\"", state: state))
        == [#"case case-7 defined for customer cust-1: "Lost \"parcel\"" ("# + state.rawValue + ")"])
    #expect(
      harness.center.crm.cases["case-7"]
        == CaseRecord(id: "case-7", customer: "cust-1", subject: "Lost \"parcel\"", state: state, chat: nil))
  }

  @Test("LOG-4: case refusals: invalid name, defined twice, unknown customer, empty subject")
  func caseRefusals() {
    var harness = Harness()
    harness.run(.defineCustomer("cust-1", name: "Marie", email: "marie@example.com", account: nil))
    #expect(
      harness.refusal(.defineCase("case 1", customer: "cust-1", subject: "Billing", state: .open))
        == #""case 1" is not a valid case name: "# + Self.rule)
    harness.run(.defineCase("case-1", customer: "cust-1", subject: "Billing", state: .open))
    #expect(
      harness.refusal(.defineCase("case-1", customer: "cust-1", subject: "Other", state: .closed))
        == "case case-1 is already defined")
    #expect(
      harness.refusal(.defineCase("case-2", customer: "nobody", subject: "Billing", state: .open))
        == "customer record nobody is not defined")
    #expect(
      harness.refusal(.defineCase("case-2", customer: "cust-1", subject: "", state: .open))
        == "a case subject cannot be empty")
  }

  // MARK: FAQ entries (MSG-3)

  @Test("MSG-3: FAQ entries are defined with their length in user-perceived characters")
  func faqDefinitions() {
    var harness = Harness()
    #expect(harness.run(.defineFAQ("hours", answer: "Open 9 to 5")) == ["faq hours defined (11 characters)"])
    #expect(
      harness.run(.defineFAQ("thanks", answer: "Merci, e\u{301}quipe 👍🏽")) == [
        "faq thanks defined (15 characters)"
      ])
    #expect(harness.center.faqs["hours"] == "Open 9 to 5")
  }

  @Test("MSG-3: FAQ refusals: invalid name, defined twice, empty answer")
  func faqRefusals() {
    var harness = Harness()
    #expect(
      harness.refusal(.defineFAQ("_hours", answer: "Open")) == #""_hours" is not a valid FAQ entry name: "#
        + Self.rule)
    harness.run(.defineFAQ("hours", answer: "Open 9 to 5"))
    #expect(harness.refusal(.defineFAQ("hours", answer: "Closed")) == "FAQ entry hours is already defined")
    #expect(harness.refusal(.defineFAQ("holidays", answer: "")) == "an FAQ answer cannot be empty")
  }

  // MARK: Settings through the center (CAP-1, CHAT-4)

  @Test("CHAT-4: settings changed through the center report their new value")
  func settingsThroughTheCenter() {
    var harness = Harness()
    #expect(
      harness.run(.set(.acceptInterval(Interval(milliseconds: 90_500)))) == [
        "setting accept-interval is now 1m30s500ms"
      ])
    #expect(harness.run(.set(.rejectPermission(true))) == ["setting reject-permission is now granted"])
    #expect(
      harness.run(.set(.missedOfferStatus(.onBreak))) == ["setting missed-offer-status is now on-break"])
    #expect(harness.run(.set(.chatsPerAgent(3))) == ["setting chats-per-agent is now 3"])
    #expect(harness.run(.set(.automaticChatLog(true))) == ["setting chat-log is now automatic"])
    #expect(harness.center.settings.acceptInterval == Interval(milliseconds: 90_500))
    #expect(harness.center.settings.chatsPerAgent == 3)
  }

  @Test(
    "CHAT-4: an accept interval outside 1s...1h is refused by the center",
    arguments: [
      Interval(milliseconds: 999), .zero, Interval(milliseconds: -1000), Interval(milliseconds: 3_600_001),
    ])
  func acceptIntervalOutOfRange(interval: Interval) {
    var harness = Harness()
    #expect(
      harness.refusal(.set(.acceptInterval(interval)))
        == "\"\(interval)\" is not a value of accept-interval; expected a duration from 1s to 1h, such as 30s or 1m30s"
    )
  }

  @Test("CAP-1: a tenant chat limit outside 1...6 is refused by the center", arguments: [0, 7, -3])
  func chatsPerAgentOutOfRange(cap: Int) {
    var harness = Harness()
    #expect(
      harness.refusal(.set(.chatsPerAgent(cap)))
        == "\"\(cap)\" is not a value of chats-per-agent; expected 1, 2, 3, 4, 5, 6")
  }
}
