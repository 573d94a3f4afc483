import Testing

@testable import ContactCenter

@Suite struct HeldChatsTests {
  @Test("CAP-1: held chats keep accept order through removals, and there is no room for a seventh")
  func orderAndCapacity() {
    var held: HeldChats = []
    for number in 1...7 { held.append(ChatID(number)) }
    #expect(Array(held) == (1...6).map { ChatID($0) })
    #expect(held.count == HeldChats.capacity && HeldChats.capacity == Settings.maximumChatsPerAgent)
    held.remove(ChatID(3))
    held.remove(ChatID(1))
    held.remove(ChatID(42))
    #expect(Array(held) == [ChatID(2), ChatID(4), ChatID(5), ChatID(6)])
    held.append(ChatID(9))
    #expect(held == [ChatID(2), ChatID(4), ChatID(5), ChatID(6), ChatID(9)])
    #expect(held.first == ChatID(2) && held.last == ChatID(9) && held.contains(ChatID(5)))
    #expect(held.description == "[chat-2, chat-4, chat-5, chat-6, chat-9]")
  }

  @Test("equal held chats hash alike; a position out of range names no chat")
  func equalityAndBounds() {
    let first: HeldChats = [ChatID(1), ChatID(2)]
    var second: HeldChats = [ChatID(1), ChatID(2), ChatID(3)]
    second.remove(ChatID(3))
    #expect(first == second && first.hashValue == second.hashValue)
    #expect(first != [ChatID(2), ChatID(1)])
    #expect(first[5] == ChatID(0) && first[-1] == ChatID(0))
  }
}
