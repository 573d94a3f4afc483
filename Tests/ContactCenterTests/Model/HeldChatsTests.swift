import Testing

@testable import ContactCenter

@Suite struct HeldChatsTests {
  @Test("CAP-1: held chats keep accept order through removals; six is the capacity")
  func orderAndCapacity() {
    var held: HeldChats = []
    for number in 1...6 { held.append(ChatID(number)) }
    #expect(Array(held) == (1...6).map { ChatID($0) })
    #expect(held.count == HeldChats.capacity && HeldChats.capacity == Settings.maximumChatsPerAgent)
    held.remove(ChatID(3))
    held.remove(ChatID(1))
    #expect(Array(held) == [ChatID(2), ChatID(4), ChatID(5), ChatID(6)])
    held.append(ChatID(9))
    #expect(held == [ChatID(2), ChatID(4), ChatID(5), ChatID(6), ChatID(9)])
    #expect(held.first == ChatID(2) && held.last == ChatID(9) && held.contains(ChatID(5)))
    #expect(held.description == "[chat-2, chat-4, chat-5, chat-6, chat-9]")
  }

  @Test("equal held chats hash alike")
  func equality() {
    let first: HeldChats = [ChatID(1), ChatID(2)]
    var second: HeldChats = [ChatID(1), ChatID(2), ChatID(3)]
    second.remove(ChatID(3))
    #expect(first == second && first.hashValue == second.hashValue)
    #expect(first != [ChatID(2), ChatID(1)])
  }

  // The engine never asks any of these (no input can make it): each is a bug, and stops the
  // program rather than going on with a chat lost or a chat that is no chat.

  @Test("a seventh chat traps instead of being dropped")
  func seventhChatTraps() async {
    await #expect(processExitsWith: .failure) {
      var held: HeldChats = []
      for number in 1...7 { held.append(ChatID(number)) }
    }
  }

  @Test("a position out of range traps instead of naming chat-0")
  func outOfRangeTraps() async {
    await #expect(processExitsWith: .failure) {
      let held: HeldChats = [ChatID(1), ChatID(2)]
      _ = held[2]
    }
    await #expect(processExitsWith: .failure) {
      let held: HeldChats = [ChatID(1)]
      _ = held[-1]
    }
  }

  @Test("removing a chat that is not held traps instead of doing nothing")
  func removingAnotherChatTraps() async {
    await #expect(processExitsWith: .failure) {
      var held: HeldChats = [ChatID(1)]
      held.remove(ChatID(42))
    }
  }
}
