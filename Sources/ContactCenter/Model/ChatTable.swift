/// Every chat's entry, in order of arrival: the one place that knows where a chat is stored
/// (`chat-N` at position N - 1). Everything else reads and writes a chat through its id.
///
/// The subscript hands out the entry in place (`_read` and `_modify`), so that changing a field
/// copies nothing: a command on a chat costs what the field costs, whatever else the entry holds.
///
/// ```swift
/// var table = ChatTable()
/// let chat = table.nextID                 // chat-1
/// table.append(entry)                     // an entry whose id is `chat`
/// table[chat].state = .abandoned(at: now)
/// ```
struct ChatTable: Hashable, Sendable {
  private var entries: [ChatEntry] = []

  /// How many chats were ever opened.
  var count: Int { entries.count }

  /// The id the next chat opened gets: chats are numbered in order of arrival.
  var nextID: ChatID { ChatID(entries.count + 1) }

  /// Whether the id names a chat that was opened.
  func contains(_ chat: ChatID) -> Bool { chat.number >= 1 && chat.number <= entries.count }

  /// The entry of a chat that exists. Commands check ids that come from users with ``contains(_:)``
  /// first, so an id that names no chat here is an internal inconsistency, and traps.
  subscript(chat: ChatID) -> ChatEntry {
    _read { yield entries[chat.number - 1] }
    _modify { yield &entries[chat.number - 1] }
  }

  /// Stores the next chat; its id must be ``nextID``.
  mutating func append(_ entry: ChatEntry) {
    precondition(entry.id == nextID, "\(entry.id) stored where \(nextID) belongs")
    entries.append(entry)
  }

  /// Makes room for this many chats in all.
  mutating func reserveCapacity(_ chats: Int) { entries.reserveCapacity(max(0, chats)) }

  /// Every entry, oldest first.
  var inOrder: [ChatEntry] { entries }
}
