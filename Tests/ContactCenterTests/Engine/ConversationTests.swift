import Testing

@testable import ContactCenter

/// MSG-1..4, CAP-5 and DEC-3 after the accept: messages, typing, FAQ answers, the 1940-character
/// window, the customer info, and the customer leaving.
@Suite struct ConversationTests {
  /// Who sends a message in a test that runs for both sides.
  enum Side: String, CaseIterable, CustomTestStringConvertible {
    case agent, customer
    var testDescription: String { rawValue }

    var name: String { self == .agent ? "alice" : "marie" }

    func say(_ text: String) -> Command {
      self == .agent ? .agent("alice", .say(nil, text)) : .customer("marie", .say(text))
    }

    func typing(_ isTyping: Bool) -> Command {
      self == .agent ? .agent("alice", .typing(nil, isTyping)) : .customer("marie", .typing(isTyping))
    }
  }

  // MARK: MSG-1

  @Test("MSG-1: each side sees the other's messages, in order")
  func messagesInOrder() {
    var harness = Harness.withAcceptedChat()
    #expect(
      harness.customer("marie", .say("Bonjour, ma commande n'est pas arrivée")) == [
        #"chat-1 marie says "Bonjour, ma commande n'est pas arrivée""#
      ])
    harness.advance(seconds: 4)
    #expect(harness.agent("alice", .say(nil, "Je regarde")) == [#"chat-1 alice says "Je regarde""#])
    #expect(harness.agent("alice", .say(ChatID(1), "Un instant")) == [#"chat-1 alice says "Un instant""#])
    #expect(harness.customer("marie", .say("Merci")) == [#"chat-1 marie says "Merci""#])
    #expect(
      harness.transcript(1) == [
        "marie: Bonjour, ma commande n'est pas arrivée", "alice: Je regarde", "alice: Un instant",
        "marie: Merci",
      ])
    let messages = harness.center.chat(ChatID(1))?.messages ?? []
    #expect(
      messages.map(\.author) == [.customer("marie"), .agent("alice"), .agent("alice"), .customer("marie")])
    #expect(messages.map(\.at.milliseconds) == [0, 4_000, 4_000, 4_000])
  }

  @Test("MSG-1: messages are refused outside an accepted chat")
  func messageRefusals() {
    var harness = Harness()
    harness.defineSupport(agents: ["alice", "bob"])
    harness.makeAvailable("alice")
    #expect(harness.agentRefusal("alice", .say(nil, "Bonjour")) == "alice has no chat")
    #expect(harness.customerRefusal("marie", .say("Bonjour")) == "marie has no open chat")
    harness.open("marie")
    #expect(harness.customerRefusal("marie", .say("Allô?")) == "chat-1 has not been accepted by an agent yet")
    #expect(
      harness.agentRefusal("alice", .say(ChatID(1), "Bonjour"))
        == "chat-1 has not been accepted by an agent yet")
    #expect(harness.agentRefusal("alice", .say(ChatID(5), "Bonjour")) == "chat-5 does not exist")
    #expect(harness.agentRefusal("bob", .say(ChatID(1), "Bonjour")) == "bob is not logged in")
    harness.makeAvailable("bob")
    harness.advance(seconds: 1)
    harness.agent("alice", .accept(nil))  // alice's wait starts again: bob is next in line (DEC-1).
    #expect(harness.agentRefusal("bob", .say(ChatID(1), "Bonjour")) == "bob does not hold chat-1")
    harness.open("paul")
    harness.agent("bob", .accept(ChatID(2)))
    #expect(harness.agentRefusal("alice", .say(ChatID(2), "Bonjour")) == "alice does not hold chat-2")
    harness.open("sophie")
    harness.agent("alice", .accept(nil))
    #expect(
      harness.agentRefusal("alice", .say(nil, "Bonjour"))
        == "alice holds several chats (chat-1, chat-3): name one")
    harness.agent("alice", .end(ChatID(1)))
    #expect(harness.agentRefusal("alice", .say(ChatID(1), "Au revoir")) == "chat-1 has already ended")
    #expect(harness.customerRefusal("marie", .say("Au revoir")) == "marie has no open chat")
    // With one chat active and one in wrap-up, a message without a chat goes to the active one.
    #expect(harness.agent("alice", .say(nil, "Bonjour Sophie")) == [#"chat-3 alice says "Bonjour Sophie""#])
  }

  // MARK: MSG-2

  @Test(
    "MSG-2: each side is told when the other starts and stops typing; repeats emit nothing",
    arguments: Side.allCases)
  func typingIndicator(side: Side) {
    var harness = Harness.withAcceptedChat()
    #expect(harness.run(side.typing(false)) == [])
    #expect(harness.run(side.typing(true)) == ["chat-1 \(side.name) is typing"])
    #expect(harness.run(side.typing(true)) == [])
    #expect(
      side == .agent
        ? harness.center.chat(ChatID(1))?.agentTyping == true
        : harness.center.chat(ChatID(1))?.customerTyping == true)
    #expect(harness.run(side.typing(false)) == ["chat-1 \(side.name) stopped typing"])
    #expect(harness.run(side.typing(false)) == [])
    #expect(harness.center.chat(ChatID(1))?.agentTyping == false)
    #expect(harness.center.chat(ChatID(1))?.customerTyping == false)
  }

  @Test(
    "MSG-2: sending a message clears the sender's indicator, not the other side's", arguments: Side.allCases)
  func sendingClearsTyping(side: Side) {
    var harness = Harness.withAcceptedChat()
    let other: Side = side == .agent ? .customer : .agent
    harness.run(side.typing(true))
    harness.run(other.typing(true))
    #expect(harness.run(side.say("Voilà")) == [#"chat-1 \#(side.name) says "Voilà""#])
    let record = harness.center.chat(ChatID(1))
    #expect((side == .agent ? record?.agentTyping : record?.customerTyping) == false)
    #expect((side == .agent ? record?.customerTyping : record?.agentTyping) == true)
    // The indicator is already off: stopping says nothing; typing again is news again.
    #expect(harness.run(side.typing(false)) == [])
    #expect(harness.run(side.typing(true)) == ["chat-1 \(side.name) is typing"])
  }

  @Test(
    "MSG-2: the end of the chat clears both indicators; typing after the end is refused",
    arguments: Side.allCases)
  func endClearsTyping(endedBy side: Side) {
    var harness = Harness.withAcceptedChat()
    harness.agent("alice", .typing(nil, true))
    harness.customer("marie", .typing(true))
    let ended =
      side == .agent ? "chat-1 ended by alice; wrap-up started" : "chat-1 ended: marie left; wrap-up started"
    #expect(harness.run(side == .agent ? .agent("alice", .end(nil)) : .customer("marie", .leave)) == [ended])
    #expect(harness.center.chat(ChatID(1))?.agentTyping == false)
    #expect(harness.center.chat(ChatID(1))?.customerTyping == false)
    #expect(harness.agentRefusal("alice", .typing(nil, true)) == "chat-1 has already ended")
    #expect(harness.customerRefusal("marie", .typing(true)) == "marie has no open chat")
  }

  @Test("MSG-2: typing is refused before the chat is accepted")
  func typingBeforeAccept() {
    var harness = Harness()
    harness.defineSupport(agents: ["alice"])
    harness.makeAvailable("alice")
    #expect(harness.customerRefusal("marie", .typing(true)) == "marie has no open chat")
    #expect(harness.agentRefusal("alice", .typing(nil, true)) == "alice has no chat")
    harness.open("marie")
    #expect(harness.customerRefusal("marie", .typing(true)) == "chat-1 has not been accepted by an agent yet")
    #expect(
      harness.agentRefusal("alice", .typing(ChatID(1), true))
        == "chat-1 has not been accepted by an agent yet")
  }

  // MARK: MSG-3

  @Test("MSG-3: the agent inserts FAQ answers into the draft and sends it")
  func faqIntoDraft() {
    var harness = Harness.withAcceptedChat()
    #expect(
      harness.run(.defineFAQ("hours", answer: "Nous sommes ouverts de 9 h à 17 h.")) == [
        "faq hours defined (34 characters)"
      ])
    harness.run(.defineFAQ("thanks", answer: "Merci de votre patience 🙏🏽"))
    #expect(
      harness.agentRefusal("alice", .sendDraft(nil))
        == "the draft of chat-1 is empty; there is nothing to send")
    #expect(
      harness.agent("alice", .insertFAQ(nil, "hours")) == [
        "chat-1 faq hours inserted in alice's draft (34 of 1940 characters)"
      ])
    #expect(
      harness.agent("alice", .insertFAQ(ChatID(1), "thanks")) == [
        "chat-1 faq thanks inserted in alice's draft (60 of 1940 characters)"
      ])
    #expect(harness.transcript(1) == [])
    #expect(
      harness.agent("alice", .sendDraft(nil)) == [
        #"chat-1 alice says "Nous sommes ouverts de 9 h à 17 h. Merci de votre patience 🙏🏽""#
      ])
    #expect(harness.transcript(1) == ["alice: Nous sommes ouverts de 9 h à 17 h. Merci de votre patience 🙏🏽"])
    #expect(harness.center.chat(ChatID(1))?.agentDraft == "")
    #expect(
      harness.agentRefusal("alice", .sendDraft(nil))
        == "the draft of chat-1 is empty; there is nothing to send")
    #expect(harness.agentRefusal("alice", .insertFAQ(nil, "nope")) == "there is no FAQ entry named nope")
  }

  @Test("MSG-3: an FAQ insertion that would make the draft exceed 1940 characters is refused")
  func faqDraftLimit() {
    var harness = Harness.withAcceptedChat()
    harness.run(.defineFAQ("long", answer: String(repeating: "a", count: 970)))
    harness.run(.defineFAQ("rest", answer: String(repeating: "é", count: 969)))
    harness.run(.defineFAQ("one", answer: "x"))
    harness.agent("alice", .insertFAQ(nil, "long"))
    #expect(
      harness.agentRefusal("alice", .insertFAQ(nil, "long"))
        == "inserting faq long would make the draft of chat-1 1941 characters; the chat window holds 1940")
    #expect(
      harness.agent("alice", .insertFAQ(nil, "rest")) == [
        "chat-1 faq rest inserted in alice's draft (1940 of 1940 characters)"
      ])
    #expect(
      harness.agentRefusal("alice", .insertFAQ(nil, "one"))
        == "inserting faq one would make the draft of chat-1 1942 characters; the chat window holds 1940")
    let sent = harness.agent("alice", .sendDraft(nil))
    #expect(sent == [#"chat-1 alice says ""# + String(repeating: "a", count: 60) + #"…" (1940 characters)"#])
    #expect(harness.center.chat(ChatID(1))?.messages.last?.text.count == 1940)
  }

  @Test("MSG-3: FAQ commands are refused outside an active chat")
  func faqRefusals() {
    var harness = Harness.withAcceptedChat()
    harness.run(.defineFAQ("hours", answer: "9-17"))
    harness.agent("alice", .end(nil))
    #expect(harness.agentRefusal("alice", .insertFAQ(nil, "hours")) == "chat-1 has already ended")
    #expect(harness.agentRefusal("alice", .sendDraft(nil)) == "chat-1 has already ended")
  }

  // MARK: MSG-4

  /// Texts of exactly 1940 user-perceived characters, and the same plus one.
  static let units: [(label: String, unit: String)] = [
    ("ASCII", "x"),
    ("composed é", "\u{E9}"),
    ("decomposed é", "e\u{301}"),
    ("thumbs up with skin tone", "👍🏽"),
    ("ZWJ family", "👨‍👩‍👧‍👦"),
    ("flag", "🇫🇷"),
  ]

  @Test(
    "MSG-4: 1940 characters fit the window; 1941 are refused and nothing is sent",
    arguments: units.map(\.unit), Side.allCases)
  func capacity(unit: String, side: Side) {
    var harness = Harness.withAcceptedChat()
    let full = String(repeating: unit, count: 1940)
    #expect(
      harness.run(side.say(full))
        == ["chat-1 \(side.name) says \"" + String(repeating: unit, count: 60) + "…\" (1940 characters)"])
    #expect(harness.center.chat(ChatID(1))?.messages.last?.text == full)
    #expect(
      harness.refusal(side.say(full + unit))
        == "a message holds at most 1940 characters; this one has 1941 and was not sent")
    #expect(
      harness.refusal(side.say(String(repeating: unit, count: 2500)))
        == "a message holds at most 1940 characters; this one has 2500 and was not sent")
    #expect(harness.center.chat(ChatID(1))?.messages.count == 1)
  }

  @Test("MSG-4: an empty message is refused", arguments: Side.allCases)
  func emptyMessage(side: Side) {
    var harness = Harness.withAcceptedChat()
    #expect(harness.refusal(side.say("")) == "a message cannot be empty")
    #expect(harness.transcript(1) == [])
  }

  @Test(
    "MSG-4: a message of only spaces or invisible characters is refused as blank",
    arguments: ["   ", "\n", "\t \r\n", "\u{200B}", "\u{2028}\u{00A0}", "\u{1}"])
  func blankMessage(text: String) {
    var harness = Harness.withAcceptedChat()
    #expect(
      harness.refusal(Side.customer.say(text)) == "a message cannot be only spaces or invisible characters")
    #expect(
      harness.refusal(Side.agent.say(text)) == "a message cannot be only spaces or invisible characters")
    #expect(harness.transcript(1) == [])
  }

  @Test(
    "MSG-4: a message with one visible character among spaces is sent", arguments: [" é ", "\n👍\n", " . "])
  func visibleAmongSpaces(text: String) {
    var harness = Harness.withAcceptedChat()
    #expect(harness.customer("marie", .say(text)).count == 1)
  }

  @Test(
    "MSG-4: a message of 60 characters is shown whole; from 61 it is shortened",
    arguments: [
      (59, "chat-1 marie says \"" + String(repeating: "e\u{301}", count: 59) + "\""),
      (60, "chat-1 marie says \"" + String(repeating: "e\u{301}", count: 60) + "\""),
      (61, "chat-1 marie says \"" + String(repeating: "e\u{301}", count: 60) + "…\" (61 characters)"),
    ])
  func shortenedLines(count: Int, line: String) {
    var harness = Harness.withAcceptedChat()
    #expect(harness.customer("marie", .say(String(repeating: "e\u{301}", count: count))) == [line])
  }

  // MARK: CAP-5

  @Test("CAP-5: the agent holding the chat sees the customer's name, e-mail and IP address")
  func customerInfo() {
    var harness = Harness()
    harness.defineSupport(agents: ["alice", "bob"])
    harness.makeAvailable("alice")
    harness.open(
      "marie",
      request: ChatRequest(name: "Marie Tremblay", email: "marie@example.com", ipAddress: "2001:db8::7"))
    #expect(harness.agentRefusal("alice", .showCustomerInfo(nil)) == "alice has no chat")
    #expect(
      harness.agentRefusal("alice", .showCustomerInfo(ChatID(1)))
        == "chat-1 has not been accepted by an agent yet")
    harness.agent("alice", .accept(nil))
    let line = #"chat-1 customer info for alice: "Marie Tremblay" <marie@example.com>, ip 2001:db8::7"#
    #expect(harness.agent("alice", .showCustomerInfo(nil)) == [line])
    #expect(harness.agent("alice", .showCustomerInfo(ChatID(1))) == [line])
    #expect(harness.agentRefusal("bob", .showCustomerInfo(ChatID(1))) == "bob is not logged in")
    harness.makeAvailable("bob")
    #expect(harness.agentRefusal("bob", .showCustomerInfo(ChatID(1))) == "bob does not hold chat-1")
    #expect(harness.agentRefusal("bob", .showCustomerInfo(nil)) == "bob has no chat")
    #expect(harness.agentRefusal("bob", .showCustomerInfo(ChatID(4))) == "chat-4 does not exist")
    // Still visible during wrap-up, not after Finish.
    harness.agent("alice", .end(nil))
    #expect(harness.agent("alice", .showCustomerInfo(nil)) == [line])
    harness.agent("alice", .finish(nil))
    #expect(harness.agentRefusal("alice", .showCustomerInfo(ChatID(1))) == "alice does not hold chat-1")
  }

  static let validAddresses = [
    "203.0.113.7", "0.0.0.0", "255.255.255.255", "10.0.0.1", "::", "::1", "2001:db8::7", "fe80::1:2:3:4",
    "2001:0DB8:0000:0000:0000:FF00:0042:8329", "1:2:3:4:5:6:7:8", "1::", "1:2:3:4:5:6:7::",
    "::ffff:192.0.2.1",
    "64:ff9b::198.51.100.7", "1:2:3:4:5:6:1.2.3.4",
  ]

  static let invalidAddresses = [
    "", "1.2.3", "1.2.3.4.5", "256.1.1.1", "1.2.3.256", "01.2.3.4", "1.2.3.04", "1..2.3", "1.2.3.-4",
    "+1.2.3.4",
    " 1.2.3.4", "1.2.3.4 ", "1.2.3.4/24", "localhost", "١.٢.٣.٤", ":", ":::", "1::2::3", "1:2:3:4:5:6:7",
    "1:2:3:4:5:6:7:8:9", "::1:2:3:4:5:6:7:8", "12345::1", "g::1", ":1::2", "1::2:", ":1:2:3:4:5:6:7:8",
    "fe80::1%eth0", "::ffff:256.1.1.1", "1:2:3:4:5:6:7:1.2.3.4", "1.2.3.4::", "[::1]",
  ]

  @Test(
    "CAP-5: a valid IPv4 or IPv6 address is accepted at open and shown to the agent",
    arguments: validAddresses)
  func validAddressAtOpen(address: String) {
    var harness = Harness()
    harness.defineSupport(agents: ["alice"])
    harness.makeAvailable("alice")
    harness.open("marie", request: ChatRequest(name: "Marie", email: "marie@example.com", ipAddress: address))
    harness.agent("alice", .accept(nil))
    #expect(
      harness.agent("alice", .showCustomerInfo(nil))
        == [#"chat-1 customer info for alice: "Marie" <marie@example.com>, ip "# + address])
  }

  @Test("CAP-5: an invalid IP address is refused at open", arguments: invalidAddresses)
  func invalidAddressAtOpen(address: String) {
    var harness = Harness()
    harness.defineSupport(agents: ["alice"])
    harness.makeAvailable("alice")
    let request = ChatRequest(name: "Marie", email: "marie@example.com", ipAddress: address)
    #expect(
      harness.customerRefusal("marie", .open("support", request))
        == "\"\(address)\" is not a valid IPv4 or IPv6 address")
    #expect(harness.center.chats.isEmpty)
  }

  @Test(
    "CAP-5: the pre-chat form is checked at open, with exact messages",
    arguments: [
      (
        ChatRequest(name: "", email: "marie@example.com", ipAddress: "1.2.3.4"),
        "a customer name cannot be empty"
      ),
      (ChatRequest(name: "", email: "bad", ipAddress: "bad"), "a customer name cannot be empty"),
      (
        ChatRequest(name: "Marie", email: "marie@example", ipAddress: "1.2.3.4"),
        #""marie@example" is not a well-formed e-mail address"#
      ),
      (
        ChatRequest(name: "Marie", email: "marie", ipAddress: "999.1.1.1"),
        #""marie" is not a well-formed e-mail address"#
      ),
      (
        ChatRequest(name: "Marie", email: "marie@example.com", ipAddress: "1.2.3.4\n"),
        #""1.2.3.4\n" is not a valid IPv4 or IPv6 address"#
      ),
      (
        ChatRequest(name: "Marie", email: "marie@example.com", ipAddress: "::1", account: ""),
        "an account number cannot be empty"
      ),
      (
        ChatRequest(name: "Marie", email: "marie@example.com", ipAddress: "::1", caseNumber: ""),
        "a case number cannot be empty"
      ),
    ])
  func preChatFormChecks(request: ChatRequest, message: String) {
    var harness = Harness()
    harness.defineSupport(agents: ["alice"])
    harness.makeAvailable("alice")
    #expect(harness.customerRefusal("marie", .open("support", request)) == message)
    #expect(harness.center.chats.isEmpty)
  }

  @Test("DEC-3: a chat opens only for a well-named visitor in a chat queue")
  func openRefusals() {
    var harness = Harness()
    harness.defineSupport(agents: ["alice"])
    let request = ChatRequest(name: "Marie", email: "marie@example.com", ipAddress: "1.2.3.4")
    #expect(
      harness.customerRefusal(VisitorID("marie tremblay"), .open("support", request))
        == #""marie tremblay" is not a valid customer name: use 1 to 64 letters, digits, '-', '_' or '.', starting with a letter or digit"#
    )
    #expect(harness.customerRefusal("marie", .open("sales", request)) == "queue sales is not defined")
    #expect(
      harness.customerRefusal("marie", .open("phone", request))
        == "phone is an inbound phone queue; chats arrive only in chat queues")
    #expect(harness.center.chats.isEmpty)
  }

  // MARK: DEC-3 after the accept

  @Test("DEC-3: a customer who leaves during the chat ends it; the agent still wraps it up")
  func leaveDuringTheChat() {
    var harness = Harness.withAcceptedChat()
    harness.customer("marie", .say("Je dois partir"))
    harness.advance(seconds: 3)
    #expect(harness.customer("marie", .leave) == ["chat-1 ended: marie left; wrap-up started"])
    #expect(
      harness.center.chat(ChatID(1))?.state
        == .wrapUp(agent: "alice", endedAt: Instant(milliseconds: 3_000), endedBy: .customer("marie")))
    #expect(harness.center.agent("alice")?.chats == [ChatID(1)])
    #expect(harness.center.openChat(of: "marie") == nil)
    #expect(harness.customerRefusal("marie", .leave) == "marie has no open chat")
    #expect(harness.agentRefusal("alice", .say(nil, "Au revoir")) == "chat-1 has already ended")
    #expect(harness.agentRefusal("alice", .end(nil)) == "chat-1 has already ended")
    harness.advance(seconds: 7)
    #expect(harness.agent("alice", .showWrapUpTimer(nil)) == ["chat-1 wrap-up timer 00:00:07"])
    #expect(harness.agent("alice", .finish(nil)) == ["chat-1 finished by alice after 7s of wrap-up"])
    #expect(harness.transcript(1) == ["marie: Je dois partir"])
  }

  @Test("DEC-3: a visitor has one open chat at a time")
  func oneOpenChatPerVisitor() {
    var harness = Harness()
    harness.defineSupport(agents: ["alice"])
    harness.open("marie")
    #expect(
      harness.refusal(
        .customer(
          "marie", .open("support", ChatRequest(name: "Marie", email: "m@example.com", ipAddress: "1.2.3.4")))
      )
        == "marie already has chat-1 open")
    harness.makeAvailable("alice")
    #expect(
      harness.customerRefusal(
        "marie", .open("support", ChatRequest(name: "M", email: "m@example.com", ipAddress: "::1")))
        == "marie already has chat-1 open")
    harness.agent("alice", .accept(nil))
    #expect(
      harness.customerRefusal(
        "marie", .open("support", ChatRequest(name: "M", email: "m@example.com", ipAddress: "::1")))
        == "marie already has chat-1 open")
    // Once the chat has ended, on either side, the visitor may open another.
    harness.agent("alice", .end(nil))
    #expect(
      harness.open("marie") == [
        "chat-2 queued in support for marie",
        "chat-2 offered to alice (accept within 30s)",
        "chat-2 screen pop for alice: new customer form",
      ])
    harness.agent("alice", .accept(nil))
    harness.customer("marie", .leave)
    #expect(harness.open("marie").first == "chat-3 queued in support for marie")
    harness.customer("marie", .leave)
    #expect(harness.open("marie").first == "chat-4 queued in support for marie")
    #expect(harness.center.openChat(of: "marie") == ChatID(4))
  }
}
