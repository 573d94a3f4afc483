import ContactCenter

/// The simulation's to-do list: a binary min-heap of scheduled actions.
///
/// In a million-chat run this loop is as hot as the engine, so the heap holds only 16-byte
/// entries (an ordering key and the position of the action in a side table with a free list)
/// rather than the actions themselves, and compares one integer. The key packs the virtual time
/// in milliseconds above a 24-bit sequence number, so actions due at the same instant run in the
/// order they were scheduled (modulo 2^24, far more than can be due at one instant).
struct Agenda: Sendable {
  private struct Entry: Sendable {
    let key: UInt64
    let action: Int32
  }

  private var heap: [Entry] = []
  private var actions: [Action?] = []
  private var free: [Int32] = []
  private var sequence: UInt64 = 0

  var isEmpty: Bool { heap.isEmpty }

  mutating func insert(_ action: Action, at time: Instant) {
    sequence &+= 1
    let key = UInt64(max(0, time.milliseconds)) << 24 | (sequence & 0xFF_FFFF)
    let position: Int32
    if let reused = free.popLast() {
      position = reused
      actions[Int(reused)] = action
    } else {
      position = Int32(actions.count)
      actions.append(action)
    }
    heap.append(Entry(key: key, action: position))
    var child = heap.count - 1
    let entry = heap[child]
    while child > 0 {
      let parent = (child - 1) / 2
      guard entry.key < heap[parent].key else { break }
      heap[child] = heap[parent]
      child = parent
    }
    heap[child] = entry
  }

  /// The next action and when it is due.
  mutating func popMin() -> (time: Instant, action: Action)? {
    guard let last = heap.popLast() else { return nil }
    var top = last
    if !heap.isEmpty {
      top = heap[0]
      var parent = 0
      let count = heap.count
      while true {
        let left = 2 * parent + 1
        guard left < count else { break }
        let right = left + 1
        let smaller = right < count && heap[right].key < heap[left].key ? right : left
        guard heap[smaller].key < last.key else { break }
        heap[parent] = heap[smaller]
        parent = smaller
      }
      heap[parent] = last
    }
    let index = Int(top.action)
    guard let action = actions[index] else { return nil }
    actions[index] = nil
    free.append(top.action)
    return (Instant(milliseconds: Int64(top.key >> 24)), action)
  }
}
