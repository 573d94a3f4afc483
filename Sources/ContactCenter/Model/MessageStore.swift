/// Every message of every chat, in the order sent, each chat's messages chained from its last
/// back to its first.
///
/// Why not an array per chat: with tens of thousands of chats in progress, each message went to
/// a buffer of its own that was cold in the cache, and grew by reallocation. Here a message is
/// appended where the previous one (of any chat) went, in fixed-size chunks that are never
/// copied as the store grows. Reading a chat's messages (for a log or an expectation) follows
/// the chain, which is rare next to sending.
///
/// ```swift
/// var store = MessageStore()
/// let first = store.append(message, after: MessageStore.none)
/// let second = store.append(reply, after: first)
/// store.messages(endingAt: second)  // [message, reply]
/// ```
struct MessageStore: Hashable, Sendable {
  /// The position before a chat's first message.
  static let none = -1

  private struct Line: Hashable, Sendable {
    let message: ChatMessage
    let previous: Int
  }

  private static let chunkSize = 1 << 14
  private var chunks: [[Line]] = []
  private(set) var count = 0

  /// Stores a message whose chat's previous message is at `previous`, and returns its position.
  mutating func append(_ message: ChatMessage, after previous: Int) -> Int {
    if count % Self.chunkSize == 0 {
      chunks.append([])
      chunks[chunks.count - 1].reserveCapacity(Self.chunkSize)
    }
    chunks[chunks.count - 1].append(Line(message: message, previous: previous))
    count += 1
    return count - 1
  }

  /// The messages of the chat whose last message is at `last`, first to last.
  func messages(endingAt last: Int) -> [ChatMessage] {
    var messages: [ChatMessage] = []
    var position = last
    while position >= 0, position < count {
      let line = chunks[position / Self.chunkSize][position % Self.chunkSize]
      messages.append(line.message)
      position = line.previous
    }
    return messages.reversed()
  }
}
