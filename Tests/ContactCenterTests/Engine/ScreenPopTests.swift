import Testing

@testable import ContactCenter

/// POP-1..4: which record the workspace finds for a chat, what it pops and when, and the
/// new-customer form.
@Suite struct ScreenPopTests {
  /// One pre-chat form and what the CRM makes of it.
  struct Lookup: Sendable, CustomTestStringConvertible {
    let label: String
    var email = "marie@example.com"
    var account: String?
    var caseNumber: String?
    /// The end of the preview line, after `record: `.
    let record: String
    /// The screen pop with `customer-record`, then with `case-record`.
    let customerPop: String
    let casePop: String

    var testDescription: String { label }

    var request: ChatRequest {
      ChatRequest(
        name: "Marie Tremblay", email: email, ipAddress: "203.0.113.7", account: account,
        caseNumber: caseNumber)
    }

    /// The preview line the agent gets for this form.
    var preview: String {
      var text = #"chat-1 preview for alice: "Marie Tremblay" <\#(email)>, ip 203.0.113.7"#
      if let account { text += #", account "\#(account)""# }
      if let caseNumber { text += #", case "\#(caseNumber)""# }
      return text + "; record: " + record
    }
  }

  static let jeanByCustomer = #"customer cust-1 "Jean Roy""#
  static let jeanByCase = #"case case-7 "Broken router" of customer cust-1"#
  static let paul = #"customer cust-2 "Paul Côté""#
  static let form = "new customer form"

  static let lookups: [Lookup] = [
    Lookup(
      label: "known case", caseNumber: "case-7", record: "customer cust-1, case case-7 (matched by case)",
      customerPop: jeanByCustomer, casePop: jeanByCase),
    Lookup(
      label: "known case wins over another customer's account", account: "B-200", caseNumber: "case-7",
      record: "customer cust-1, case case-7 (matched by case)", customerPop: jeanByCustomer,
      casePop: jeanByCase),
    Lookup(
      label: "known account", account: "B-200", record: "customer cust-2 (matched by account)",
      customerPop: paul, casePop: paul),
    Lookup(
      label: "account wins over another customer's e-mail", email: "jean.roy@example.com", account: "B-200",
      record: "customer cust-2 (matched by account)", customerPop: paul, casePop: paul),
    Lookup(
      label: "e-mail in another letter case", email: "JEAN.ROY@example.COM",
      record: "customer cust-1 (matched by e-mail)", customerPop: jeanByCustomer, casePop: jeanByCustomer),
    Lookup(
      label: "unknown case falls through to the account", account: "B-200", caseNumber: "case-99",
      record: "customer cust-2 (matched by account)", customerPop: paul, casePop: paul),
    Lookup(
      label: "unknown case and account fall through to the e-mail", email: "Paul@EXAMPLE.com",
      account: "Z-999", caseNumber: "case-99", record: "customer cust-2 (matched by e-mail)",
      customerPop: paul, casePop: paul),
    Lookup(
      label: "nothing known", email: "new@example.com", account: "Z-999", caseNumber: "case-99",
      record: "none (new customer)", customerPop: form, casePop: form),
    Lookup(label: "no details", record: "none (new customer)", customerPop: form, casePop: form),
  ]

  /// The CRM of these tests and one available agent, `alice`; the second agent `bob` is defined
  /// but not logged in.
  static func withCRM(_ settings: [Setting] = []) -> Harness {
    var harness = Harness()
    for setting in settings { harness.run(.set(setting)) }
    harness.defineSupport(agents: ["alice", "bob"])
    #expect(
      harness.run(
        .defineCustomer("cust-1", name: "Jean Roy", email: "Jean.Roy@Example.com", account: "A-100"))
        == [#"customer cust-1 defined: "Jean Roy" <Jean.Roy@Example.com>, account "A-100""#])
    harness.run(.defineCustomer("cust-2", name: "Paul Côté", email: "paul@example.com", account: "B-200"))
    #expect(
      harness.run(.defineCase("case-7", customer: "cust-1", subject: "Broken router", state: .open))
        == [#"case case-7 defined for customer cust-1: "Broken router" (open)"#])
    harness.makeAvailable("alice")
    return harness
  }

  // MARK: POP-1, POP-2: finding the record

  @Test("POP-2: the workspace finds the record from the case, the account or the e-mail", arguments: lookups)
  func previewShowsTheMatch(lookup: Lookup) {
    var harness = Self.withCRM()
    harness.open("marie", request: lookup.request)
    #expect(harness.agent("alice", .preview(nil)) == [lookup.preview])
  }

  @Test(
    "POP-1: the screen pop shows the customer or case record, or the new-customer form",
    arguments: lookups, [ScreenPopMode.customerRecord, .caseRecord])
  func popAtOffer(lookup: Lookup, mode: ScreenPopMode) {
    var harness = Self.withCRM([.screenPop(mode)])
    let pop = mode == .caseRecord ? lookup.casePop : lookup.customerPop
    #expect(
      harness.open("marie", request: lookup.request) == [
        "chat-1 queued in support for marie",
        "chat-1 offered to alice (accept within 30s)",
        "chat-1 screen pop for alice: \(pop)",
      ])
    #expect(harness.agent("alice", .accept(nil)) == ["chat-1 accepted by alice"])
  }

  // MARK: POP-3: settings

  @Test(
    "POP-3: the settings change with an event line",
    arguments: [
      (Setting.screenPop(.off), "setting screen-pop is now off"),
      (.screenPop(.customerRecord), "setting screen-pop is now customer-record"),
      (.screenPop(.caseRecord), "setting screen-pop is now case-record"),
      (.screenPopMoment(.accept), "setting screen-pop-moment is now accept"),
      (.screenPopMoment(.offer), "setting screen-pop-moment is now offer"),
    ])
  func settingLines(setting: Setting, line: String) {
    var harness = Harness()
    #expect(harness.run(.set(setting)) == [line])
  }

  @Test("POP-3: the default pops the case record at offer time")
  func defaults() {
    #expect(Settings().screenPop == .caseRecord)
    #expect(Settings().screenPopMoment == .offer)
  }

  @Test("POP-3: with the screen pop off nothing pops, not even the new-customer form", arguments: lookups)
  func popOff(lookup: Lookup) {
    var harness = Self.withCRM([.screenPop(.off)])
    #expect(
      harness.open("marie", request: lookup.request) == [
        "chat-1 queued in support for marie",
        "chat-1 offered to alice (accept within 30s)",
      ])
    #expect(harness.agent("alice", .preview(nil)) == [lookup.preview])
    #expect(harness.agent("alice", .accept(nil)) == ["chat-1 accepted by alice"])
    #expect(harness.center.chat(ChatID(1))?.screenPop == nil)
  }

  @Test(
    "POP-3: with the moment set to accept, the record pops after the accept, not with the offer",
    arguments: lookups, [ScreenPopMode.customerRecord, .caseRecord])
  func popAtAccept(lookup: Lookup, mode: ScreenPopMode) {
    var harness = Self.withCRM([.screenPop(mode), .screenPopMoment(.accept)])
    let pop = mode == .caseRecord ? lookup.casePop : lookup.customerPop
    #expect(
      harness.open("marie", request: lookup.request) == [
        "chat-1 queued in support for marie",
        "chat-1 offered to alice (accept within 30s)",
      ])
    #expect(harness.center.chat(ChatID(1))?.screenPop == nil)
    #expect(
      harness.agent("alice", .accept(nil)) == [
        "chat-1 accepted by alice",
        "chat-1 screen pop for alice: \(pop)",
      ])
  }

  @Test("POP-3: at offer time, each agent the chat is offered to gets the screen pop")
  func popForEachOffer() {
    var harness = Self.withCRM([.rejectPermission(true)])
    harness.advance(seconds: 1)
    harness.makeAvailable("bob")
    harness.open(
      "marie",
      request: ChatRequest(name: "Marie", email: "m@example.com", ipAddress: "::1", caseNumber: "case-7"))
    #expect(
      harness.agent("alice", .reject(nil)) == [
        "chat-1 rejected by alice",
        "alice is now Working Offline",
        "chat-1 back at the head of support",
        "chat-1 offered to bob (accept within 30s)",
        #"chat-1 screen pop for bob: case case-7 "Broken router" of customer cust-1"#,
      ])
  }

  // MARK: POP-4: the new-customer form

  @Test(
    "POP-4: the agent saves the new-customer form as a customer record",
    arguments: [
      (String?.none, #"customer customer-1 created from chat-1: "Marie Tremblay" <marie@example.com>"#),
      (
        "M-1",
        #"customer customer-1 created from chat-1: "Marie Tremblay" <marie@example.com>, account "M-1""#
      ),
    ])
  func saveNewCustomer(account: String?, line: String) {
    var harness = Self.withCRM()
    harness.open("marie")
    harness.agent("alice", .accept(nil))
    #expect(
      harness.agent(
        "alice", .saveNewCustomer(nil, name: "Marie Tremblay", email: "marie@example.com", account: account))
        == [line])
    #expect(
      harness.center.crm.customers["customer-1"]
        == CustomerRecord(
          id: "customer-1", name: "Marie Tremblay", email: "marie@example.com", account: account))
    #expect(harness.center.chat(ChatID(1))?.createdCustomer == "customer-1")
    #expect(
      harness.agentRefusal(
        "alice", .saveNewCustomer(nil, name: "Marie T", email: "mt@example.com", account: nil))
        == "the new customer of chat-1 is already saved as customer-1")
    #expect(
      harness.agentRefusal(
        "alice", .saveNewCustomer(ChatID(1), name: "Marie", email: "marie@example.com", account: nil))
        == "the new customer of chat-1 is already saved as customer-1")
  }

  @Test("POP-4: the saved customer is found by the next chat with that e-mail")
  func savedCustomerIsFoundLater() {
    var harness = Self.withCRM()
    harness.run(.defineCustomer("customer-1", name: "Taken Id", email: "taken@example.com", account: nil))
    harness.open("marie")
    harness.agent("alice", .accept(nil))
    #expect(
      harness.agent(
        "alice", .saveNewCustomer(nil, name: "Marie Tremblay", email: "Marie@Example.com", account: "M-1"))
        == [#"customer customer-2 created from chat-1: "Marie Tremblay" <Marie@Example.com>, account "M-1""#])
    harness.agent("alice", .end(nil))
    harness.open("sophie", email: "marie@example.com")
    #expect(
      harness.agent("alice", .preview(nil)) == [
        #"chat-2 preview for alice: "Marie Tremblay" <marie@example.com>, ip 203.0.113.7; record: customer customer-2 (matched by e-mail)"#
      ])
  }

  @Test(
    "POP-4: the form is saved only with valid details",
    arguments: [
      ("", "marie@example.com", String?.none, "a customer name cannot be empty"),
      ("", "not an address", nil, "a customer name cannot be empty"),
      ("Marie", "marie@example", nil, #""marie@example" is not a well-formed e-mail address"#),
      ("Marie", "", nil, #""" is not a well-formed e-mail address"#),
      ("Marie", "ma rie@example.com", nil, #""ma rie@example.com" is not a well-formed e-mail address"#),
      ("Marie", "marie@example.com", "", "an account number cannot be empty"),
      ("Marie", "marie@example.com", "A-100", #"account "A-100" already belongs to customer cust-1"#),
      ("Marie", "marie@example.com", "B-200", #"account "B-200" already belongs to customer cust-2"#),
    ])
  func formValidation(name: String, email: String, account: String?, message: String) {
    var harness = Self.withCRM()
    harness.open("marie")
    harness.agent("alice", .accept(nil))
    #expect(
      harness.agentRefusal("alice", .saveNewCustomer(nil, name: name, email: email, account: account))
        == message)
    #expect(
      harness.agentRefusal("alice", .saveNewCustomer(ChatID(1), name: name, email: email, account: account))
        == message)
    // The form is still there and saves once the details are right.
    #expect(
      harness.agent("alice", .saveNewCustomer(nil, name: "Marie", email: "marie@example.com", account: nil))
        == [#"customer customer-1 created from chat-1: "Marie" <marie@example.com>"#])
  }

  @Test(
    "POP-4: an existing customer's chat, or a tenant with the screen pop off, shows no form",
    arguments: [
      ScreenPopMode.caseRecord, .customerRecord, .off,
    ])
  func noFormShown(mode: ScreenPopMode) {
    var harness = Self.withCRM([.screenPop(mode)])
    harness.open("marie", account: mode == .off ? nil : "A-100")
    harness.agent("alice", .accept(nil))
    #expect(
      harness.agentRefusal(
        "alice", .saveNewCustomer(nil, name: "Marie", email: "marie@example.com", account: nil))
        == "chat-1 shows no new customer form")
  }

  @Test("POP-4: an agent who was never shown the new-customer form cannot save it")
  func formNotShownToTheAcceptingAgent() {
    var harness = Self.withCRM([.rejectPermission(true)])
    harness.advance(seconds: 1)
    harness.makeAvailable("bob")
    #expect(harness.open("marie").last == "chat-1 screen pop for alice: new customer form")
    harness.run(.set(.screenPop(.off)))
    #expect(
      harness.agent("alice", .reject(nil)) == [
        "chat-1 rejected by alice",
        "alice is now Working Offline",
        "chat-1 back at the head of support",
        "chat-1 offered to bob (accept within 30s)",
      ])
    #expect(harness.agent("bob", .accept(nil)) == ["chat-1 accepted by bob"])
    // bob's workspace never showed a form, yet the engine creates customer-1 from it.
    #expect(
      harness.agentRefusal(
        "bob", .saveNewCustomer(nil, name: "Marie", email: "marie@example.com", account: nil))
        == "chat-1 shows no new customer form")
  }

  @Test("POP-4: the form cannot be saved before the chat is accepted")
  func formBeforeAccept() {
    var harness = Self.withCRM()
    let save = { (chat: ChatID?) in
      AgentAction.saveNewCustomer(chat, name: "Marie", email: "marie@example.com", account: nil)
    }
    #expect(harness.agentRefusal("alice", save(nil)) == "alice has no chat")
    harness.open("marie")
    #expect(harness.agentRefusal("alice", save(nil)) == "alice has no chat")
    #expect(harness.agentRefusal("alice", save(ChatID(1))) == "chat-1 has not been accepted by an agent yet")
    #expect(harness.agentRefusal("bob", save(ChatID(1))) == "bob is not logged in")
    #expect(harness.agentRefusal("alice", save(ChatID(3))) == "chat-3 does not exist")
  }
}
