/// The chats an agent holds (accepted, not finished), in order of accept: at most six, stored in
/// the agent's record itself.
///
/// Why not an array: the count is read on every routing decision (is the agent under its
/// limit?), and an array keeps it in a buffer elsewhere in memory, which with ten thousand
/// agents is a cache miss each time. Six places inline cost 56 bytes and no allocation, and
/// the type itself cannot hold a seventh chat (CAP-1).
///
/// ```swift
/// var held: HeldChats = [ChatID(3), ChatID(7)]
/// held.remove(ChatID(3))
/// held.count  // 1
/// ```
public struct HeldChats: RandomAccessCollection, Hashable, Sendable, ExpressibleByArrayLiteral,
  CustomStringConvertible
{
  private var slots: (Int, Int, Int, Int, Int, Int) = (0, 0, 0, 0, 0, 0)

  /// Six, the page's limit (`Settings.maximumChatsPerAgent`, checked equal by a test): taken
  /// from the storage itself, so that no write can go past it.
  public static let capacity = MemoryLayout<(Int, Int, Int, Int, Int, Int)>.size / MemoryLayout<Int>.stride
  public private(set) var count = 0

  public init() {}

  public init(arrayLiteral chats: ChatID...) {
    for chat in chats { append(chat) }
  }

  public var startIndex: Int { 0 }
  public var endIndex: Int { count }

  /// The chat at `position`, which must be in `0..<count` (as for an array).
  public subscript(position: Int) -> ChatID {
    precondition(position >= 0 && position < count, "held chat \(position) out of 0..<\(count)")
    return withUnsafeBytes(of: slots) {
      ChatID($0.load(fromByteOffset: position * MemoryLayout<Int>.stride, as: Int.self))
    }
  }

  /// Adds a chat at the end. The engine offers nothing to an agent at its limit, so there is
  /// always room: a seventh chat is an inconsistency of the engine, and traps.
  mutating func append(_ chat: ChatID) {
    precondition(count < Self.capacity, "a seventh held chat: \(chat)")
    let position = count
    withUnsafeMutableBytes(of: &slots) {
      $0.storeBytes(of: chat.number, toByteOffset: position * MemoryLayout<Int>.stride, as: Int.self)
    }
    count += 1
  }

  /// Removes a chat, keeping the others in order. The engine removes only a chat the agent
  /// holds (it checked before): any other is an inconsistency, and traps.
  mutating func remove(_ chat: ChatID) {
    guard let position = firstIndex(of: chat) else { preconditionFailure("\(chat) is not held") }
    for index in position..<(count - 1) {
      let next = self[index + 1].number
      withUnsafeMutableBytes(of: &slots) {
        $0.storeBytes(of: next, toByteOffset: index * MemoryLayout<Int>.stride, as: Int.self)
      }
    }
    count -= 1
  }

  public static func == (lhs: HeldChats, rhs: HeldChats) -> Bool { lhs.elementsEqual(rhs) }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(count)
    for chat in self { hasher.combine(chat) }
  }

  public var description: String { Array(self).description }
}
