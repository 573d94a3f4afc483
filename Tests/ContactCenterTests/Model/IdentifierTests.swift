import Testing

@testable import ContactCenter

/// Names the tenant and scripts give (`Identifier.isValid`) and chat ids (`ChatID(parsing:)`).
@Suite struct IdentifierTests {
  @Test(
    "SES-2: names of 1 to 64 letters, digits, '-', '_' or '.', starting with a letter or digit, are valid",
    arguments: [
      "a", "Z", "7", "alice", "cust-1", "a_b", "a.b", "a-", "a.", "0-_.x", "Chat-Queue.2",
      String(repeating: "x", count: 64),
    ])
  func validNames(text: String) {
    #expect(AgentID.isValid(text))
    #expect(QueueID.isValid(text))
    #expect(CustomerID.isValid(text))
  }

  @Test(
    "SES-2: other names are invalid",
    arguments: [
      "", "-a", "_a", ".a", "a b", " a", "a ", "é", "ré", "e\u{301}", "a/b", "a@b", "a:b", "a\n", "a\u{0}",
      "ａ", "١", "a\u{200E}", String(repeating: "x", count: 65),
    ])
  func invalidNames(text: String) {
    #expect(!AgentID.isValid(text))
  }

  @Test("SES-2: identifiers print raw and order by their text")
  func identifierBasics() {
    let alice: AgentID = "alice"
    #expect(alice.description == "alice")
    #expect(alice.rawValue == "alice")
    #expect(AgentID("alice") == alice)
    #expect(AgentID("alice") < AgentID("bob"))
    #expect(AgentID("Bob") < AgentID("alice"))
    #expect([QueueID("b"), "a", "c"].sorted() == ["a", "b", "c"])
  }

  @Test(
    "CHAT-2: chat ids parse as chat-N with N from 1 to Int32.max",
    arguments: [
      ("chat-1", 1),
      ("chat-42", 42),
      ("chat-2147483647", 2_147_483_647),
    ])
  func chatIDParses(text: String, number: Int) {
    #expect(ChatID(parsing: text) == ChatID(number))
    #expect(ChatID(number).description == text)
  }

  @Test("CHAT-2: a chat id with leading zeros is not a chat id (chat-007 would name chat-7)")
  func chatIDLeadingZeros() {
    #expect(ChatID(parsing: "chat-007") == nil)
    #expect(ChatID(parsing: "chat-0") == nil)
  }

  @Test(
    "CHAT-2: malformed or overflowing chat ids are refused",
    arguments: [
      "", "chat-", "chat-0", "chat-00", "chat--1", "chat-+1", "Chat-1", "CHAT-1", "chat1", "1", "chat-1x",
      "chat-1 ", " chat-1", "chat-١", "chat-１", "chat-2147483648", "chat-99999999999999999999",
      "chat-9223372036854775808", "chat-1.0",
    ])
  func chatIDRefusesMalformed(text: String) {
    #expect(ChatID(parsing: text) == nil)
  }

  @Test("CHAT-2: chat ids order by number, not by text")
  func chatIDOrder() {
    #expect(ChatID(2) < ChatID(10))
    #expect([ChatID(10), ChatID(2), ChatID(1)].sorted() == [ChatID(1), ChatID(2), ChatID(10)])
  }
}
