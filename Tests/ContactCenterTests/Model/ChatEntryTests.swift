import Testing

@testable import ContactCenter

@Suite struct ChatEntryTests {
  static func entry() -> ChatEntry {
    ChatEntry(
      id: ChatID(1), visitor: "marie", queue: "support", line: 0,
      request: ChatRequest(name: "Marie", email: "marie@example.com", ipAddress: "192.0.2.1"),
      openedAt: .start,
      match: nil)
  }

  @Test(
    "MSG-3, LOG-1: a draft, a created customer and a log are kept; once all are cleared the chat equals one that never had them"
  )
  func extrasRoundTrip() {
    let fresh = Self.entry()
    var entry = fresh
    entry.agentDraft = "Bonjour"
    entry.createdCustomer = "customer-1"
    entry.log = ChatLog(mode: .edit, notes: nil, customer: nil, savedCase: nil, isSaved: false)
    entry.log?.notes = "edited"
    #expect(
      entry.agentDraft == "Bonjour" && entry.createdCustomer == "customer-1" && entry.log?.notes == "edited")
    #expect(entry != fresh)
    let copy = entry
    entry.agentDraft = ""
    #expect(copy.agentDraft == "Bonjour", "a copy keeps its own extras")
    entry.createdCustomer = nil
    entry.log = nil
    #expect(entry == fresh && entry.hashValue == fresh.hashValue)
  }
}
