import Testing

@testable import ContactCenter

@Suite struct ChatTableTests {
  static func entry(_ number: Int, visitor: VisitorID = "marie") -> ChatEntry {
    ChatEntry(
      id: ChatID(number), visitor: visitor, queue: "support", line: 0,
      request: ChatRequest(name: "Marie", email: "marie@example.com", ipAddress: "203.0.113.7"),
      openedAt: .start, match: nil)
  }

  @Test("chats are found by id, in order of arrival; ids that name no chat are not there")
  func byID() {
    var table = ChatTable()
    #expect(table.nextID == ChatID(1) && !table.contains(ChatID(1)))
    table.append(Self.entry(1))
    table.append(Self.entry(2, visitor: "paul"))
    #expect(table.count == 2 && table.nextID == ChatID(3))
    #expect(table.contains(ChatID(2)) && !table.contains(ChatID(0)) && !table.contains(ChatID(3)))
    #expect(table[ChatID(2)].visitor == "paul")
    table[ChatID(1)].state = .abandoned(at: .start)
    #expect(table[ChatID(1)].state == .abandoned(at: .start) && table[ChatID(2)].state == .queued)
    #expect(table.inOrder.map(\.id) == [ChatID(1), ChatID(2)])
  }

  @Test("a chat stored out of turn is an inconsistency, and traps")
  func outOfTurnTraps() async {
    await #expect(processExitsWith: .failure) {
      var table = ChatTable()
      table.append(ChatTableTests.entry(2))
    }
  }

  @Test("the engine reads no chat it has not stored: an unknown id is refused before it is read")
  func unknownChatIsRefused() {
    var harness = Harness()
    harness.defineSupport(agents: ["alice"])
    harness.makeAvailable("alice")
    #expect(harness.refusal(.agent("alice", .accept(ChatID(7)))) == "chat-7 does not exist")
    #expect(harness.center.chat(ChatID(7)) == nil && harness.center.state(of: ChatID(0)) == nil)
    #expect(harness.center.messages(of: ChatID(7)).isEmpty)
  }
}
