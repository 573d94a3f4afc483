import Testing

@testable import ContactCenter

@Suite struct MessageStoreTests {
  @Test("MSG-1: each chat's messages come back in the order sent, across the store's chunks")
  func chainsAcrossChunks() {
    var store = MessageStore()
    var last = [MessageStore.none, MessageStore.none, MessageStore.none]
    var sent: [[String]] = [[], [], []]
    // More than one chunk (16,384 lines), three chats interleaved unevenly.
    for number in 0..<40_000 {
      let chat = number % 7 == 0 ? 2 : number % 2
      let text = "m\(number)"
      last[chat] = store.append(
        ChatMessage(author: .customer("v"), text: text, at: .start), after: last[chat])
      sent[chat].append(text)
    }
    #expect(store.count == 40_000)
    for chat in 0..<3 {
      #expect(store.messages(endingAt: last[chat]).map(\.text) == sent[chat])
    }
    #expect(store.messages(endingAt: MessageStore.none).isEmpty)
  }

  @Test("MSG-1: a chat's record and messages(of:) show the same messages in order")
  func recordShowsMessages() {
    var harness = Harness.withAcceptedChat()
    harness.agent("alice", .say(nil, "Bonjour"))
    harness.customer("marie", .say("Salut"))
    harness.agent("alice", .say(nil, "Comment puis-je aider ?"))
    let expected = ["alice: Bonjour", "marie: Salut", "alice: Comment puis-je aider ?"]
    #expect(harness.center.messages(of: ChatID(1)).map { "\($0.author): \($0.text)" } == expected)
    #expect(harness.center.chat(ChatID(1))?.messages.map { "\($0.author): \($0.text)" } == expected)
    #expect(harness.center.messages(of: ChatID(2)).isEmpty)
  }
}
