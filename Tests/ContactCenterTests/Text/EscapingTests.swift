import Testing

@testable import ContactCenter

/// Customer text is never printed raw: the pure escaping helper, then the event lines and
/// refusals that carry customer text (MSG-1, CAP-5, CHAT-3, POP-1, POP-4).
@Suite struct EscapingTests {
  // MARK: The helper

  @Test(
    "MSG-1: control, separator and bidirectional characters are escaped",
    arguments: [
      ("\u{1B}[2J", #"\u{1B}[2J"#),
      ("\n", #"\n"#),
      ("\r", #"\r"#),
      ("\t", #"\t"#),
      ("\r\n", #"\r\n"#),
      ("\"", #"\""#),
      ("\\", #"\\"#),
      ("\\n", #"\\n"#),
      ("\u{0}", #"\u{0}"#),
      ("\u{7}", #"\u{7}"#),
      ("\u{1F}", #"\u{1F}"#),
      ("\u{7F}", #"\u{7F}"#),
      ("\u{80}", #"\u{80}"#),
      ("\u{85}", #"\u{85}"#),
      ("\u{9B}2J", #"\u{9B}2J"#),
      ("\u{9F}", #"\u{9F}"#),
      ("\u{2028}", #"\u{2028}"#),
      ("\u{2029}", #"\u{2029}"#),
      ("\u{200E}", #"\u{200E}"#),
      ("\u{200F}", #"\u{200F}"#),
      ("\u{202A}", #"\u{202A}"#),
      ("\u{202E}gnp.exe", #"\u{202E}gnp.exe"#),
      ("\u{2066}", #"\u{2066}"#),
      ("\u{2069}", #"\u{2069}"#),
      ("\u{061C}", #"\u{61C}"#),
      ("Bonjour\n\u{1B}[2J", #"Bonjour\n\u{1B}[2J"#),
      ("il a dit \"non\" \\ oui", #"il a dit \"non\" \\ oui"#),
    ])
  func escapes(text: String, escaped: String) {
    #expect(Escaping.escaped(text) == escaped)
    #expect(Escaping.quoted(text) == "\"" + escaped + "\"")
  }

  @Test(
    "MSG-1: accents, emoji and other printable text stay as typed",
    arguments: [
      "", "Bonjour", "Ça va ? À bientôt", "e\u{301}", "👍🏽", "👨‍👩‍👧‍👦", "🇫🇷", "日本語", "مرحبا", "\u{A0}", "\u{202F}",
      "\u{200D}", "'single' `back`", " leading and trailing ",
    ])
  func printableStays(text: String) {
    #expect(Escaping.escaped(text) == text)
    #expect(Escaping.quoted(text) == "\"" + text + "\"")
  }

  @Test(
    "MSG-1: the unsafe ranges end exactly where documented",
    arguments: [
      (UInt32(0x1F), true), (0x20, false), (0x7E, false), (0x7F, true), (0x9F, true), (0xA0, false),
      (0x61B, false), (0x61C, true), (0x61D, false), (0x200D, false), (0x200E, true), (0x200F, true),
      (0x2010, false), (0x2027, false), (0x2028, true), (0x2029, true), (0x202A, true), (0x202E, true),
      (0x202F, false), (0x2065, false), (0x2066, true), (0x2069, true), (0x206A, false),
    ])
  func unsafeBoundaries(value: UInt32, unsafe: Bool) throws {
    let scalar = try #require(Unicode.Scalar(value))
    #expect(Escaping.isUnsafe(scalar) == unsafe)
  }

  @Test("MSG-1: no escaped text contains an unsafe character")
  func escapedIsSafe() {
    for value in UInt32(0)...0x2100 {
      guard let scalar = Unicode.Scalar(value) else { continue }
      let escaped = Escaping.escaped("a" + String(Character(scalar)) + "b")
      #expect(!escaped.unicodeScalars.contains(where: Escaping.isUnsafe), "U+\(String(value, radix: 16))")
    }
  }

  // MARK: Event lines

  @Test(
    "MSG-1: customer and agent messages with control characters are escaped in event lines",
    arguments: [
      ("\u{1B}[2J", #"chat-1 marie says "\u{1B}[2J""#),
      ("ligne 1\nligne 2", #"chat-1 marie says "ligne 1\nligne 2""#),
      ("\u{202E}gnp.exe", #"chat-1 marie says "\u{202E}gnp.exe""#),
      ("ok\nchat-1 alice says \"forged\"", #"chat-1 marie says "ok\nchat-1 alice says \"forged\"""#),
      ("tab\there\r", #"chat-1 marie says "tab\there\r""#),
    ])
  func messageLines(text: String, line: String) {
    var harness = Harness.withAcceptedChat()
    let events = harness.customer("marie", .say(text))
    #expect(events == [line])
    #expect(events.allSatisfy { !$0.contains("\n") && !$0.contains("\u{1B}") && !$0.contains("\u{202E}") })
    #expect(
      harness.agent("alice", .say(nil, text)) == [
        "chat-1 alice says " + line.dropFirst("chat-1 marie says ".count)
      ])
    #expect(harness.transcript(1) == ["marie: " + text, "alice: " + text])
  }

  @Test("MSG-4: a shortened long message is escaped too")
  func shortenedLineIsEscaped() {
    var harness = Harness.withAcceptedChat()
    let text = "\u{1B}[2J" + String(repeating: "x", count: 1936)
    #expect(
      harness.customer("marie", .say(text))
        == [#"chat-1 marie says "\u{1B}[2J"# + String(repeating: "x", count: 56) + #"…" (1940 characters)"#])
  }

  @Test("CAP-5: the customer's name is escaped in the customer info and the preview")
  func nameInInfoAndPreview() {
    var harness = Harness()
    harness.defineSupport(agents: ["alice"])
    harness.makeAvailable("alice")
    let request = ChatRequest(
      name: "Marie\u{202E}\n\"M\"", email: "marie@example.com", ipAddress: "::1",
      account: "A\u{1B}1", caseNumber: "c\t1")
    harness.open("marie", request: request)
    #expect(
      harness.agent("alice", .preview(nil)) == [
        #"chat-1 preview for alice: "Marie\u{202E}\n\"M\"" <marie@example.com>, ip ::1, account "A\u{1B}1", case "c\t1"; record: none (new customer)"#
      ])
    harness.agent("alice", .accept(nil))
    #expect(
      harness.agent("alice", .showCustomerInfo(nil)) == [
        #"chat-1 customer info for alice: "Marie\u{202E}\n\"M\"" <marie@example.com>, ip ::1"#
      ])
  }

  @Test("POP-1: record names and case subjects are escaped in the screen pop")
  func screenPopLines() {
    var harness = Harness()
    harness.defineSupport(agents: ["alice"])
    #expect(
      harness.run(.defineCustomer("cust-1", name: "Jean\nRoy", email: "jean@example.com", account: "A\u{7}"))
        == [#"customer cust-1 defined: "Jean\nRoy" <jean@example.com>, account "A\u{7}""#])
    harness.run(.defineCase("case-7", customer: "cust-1", subject: "Routeur \u{202E}cassé", state: .open))
    harness.makeAvailable("alice")
    #expect(
      harness.open("marie", caseNumber: "case-7").last
        == #"chat-1 screen pop for alice: case case-7 "Routeur \u{202E}cassé" of customer cust-1"#)
    harness.agent("alice", .accept(nil))
    harness.run(.set(.screenPop(.customerRecord)))
    #expect(
      harness.open("paul", email: "JEAN@example.com").last
        == #"chat-2 screen pop for alice: customer cust-1 "Jean\nRoy""#)
  }

  @Test("POP-4: the saved customer's name and account are escaped; so are refused addresses")
  func createdCustomerAndRefusals() {
    var harness = Harness.withAcceptedChat()
    #expect(
      harness.agent(
        "alice", .saveNewCustomer(nil, name: "Marie \"la\" \u{1B}", email: "m@example.com", account: "M\n1"))
        == [
          #"customer customer-1 created from chat-1: "Marie \"la\" \u{1B}" <m@example.com>, account "M\n1""#
        ])
    let request = ChatRequest(name: "Paul", email: "paul@example.com", ipAddress: "1.2.3.4\u{1B}[2J")
    #expect(
      harness.customerRefusal("paul", .open("support", request))
        == #""1.2.3.4\u{1B}[2J" is not a valid IPv4 or IPv6 address"#)
    let email = ChatRequest(name: "Paul", email: "paul\n@example.com", ipAddress: "1.2.3.4")
    #expect(
      harness.customerRefusal("paul", .open("support", email))
        == #""paul\n@example.com" is not a well-formed e-mail address"#)
    #expect(
      harness.refusal(
        .agent("alice", .saveNewCustomer(nil, name: "X", email: "x@example.com", account: "M\n1")))
        == "the new customer of chat-1 is already saved as customer-1")
  }
}
