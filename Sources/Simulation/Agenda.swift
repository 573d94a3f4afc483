import ContactCenter

/// The simulation's to-do list: actions ordered by (time, order of scheduling).
///
/// A calendar queue rather than a heap: in a million-chat run this list holds about a hundred
/// thousand actions and is popped as often as the engine is called, and a heap's pointer-chasing
/// through memory cost as much as the engine itself. Here actions due in the next
/// `wheelSize` seconds go into one-second buckets by appending (memory-friendly), and a bucket is
/// sorted once when its second comes. Later actions wait in an overflow list. Ties keep the
/// order of scheduling: the key packs the time in milliseconds above a 24-bit sequence number.
struct Agenda: Sendable {
  private struct Entry: Sendable {
    let key: UInt64
    let action: Action
  }

  private static let bucketMilliseconds: Int64 = 1000
  private static let wheelSize = 1024

  private var buckets = [[Entry]](repeating: [], count: Agenda.wheelSize)
  /// The bucket being worked through, sorted with the next action last.
  private var current: [Entry] = []
  private var currentBucket: Int64 = 0
  private var overflow: [Entry] = []
  private var waitingInWheel = 0
  private var sequence: UInt64 = 0

  var isEmpty: Bool { current.isEmpty && waitingInWheel == 0 && overflow.isEmpty }

  mutating func insert(_ action: Action, at time: Instant) {
    sequence &+= 1
    let milliseconds = max(0, time.milliseconds)
    let entry = Entry(key: UInt64(milliseconds) << 24 | (sequence & 0xFF_FFFF), action: action)
    let bucket = milliseconds / Self.bucketMilliseconds
    if bucket <= currentBucket {
      // Due within the second being worked through: keep `current` sorted (next last).
      let index = insertionIndex(for: entry.key)
      current.insert(entry, at: index)
    } else if bucket - currentBucket < Int64(Self.wheelSize) {
      buckets[Int(bucket % Int64(Self.wheelSize))].append(entry)
      waitingInWheel += 1
    } else {
      overflow.append(entry)
    }
  }

  /// The next action and when it is due.
  mutating func popMin() -> (time: Instant, action: Action)? {
    if current.isEmpty { advanceToNextBucket() }
    guard let next = current.popLast() else { return nil }
    return (Instant(milliseconds: Int64(next.key >> 24)), next.action)
  }

  /// Position in `current` (sorted by descending key) where a key goes.
  private func insertionIndex(for key: UInt64) -> Int {
    var low = 0
    var high = current.count
    while low < high {
      let middle = (low + high) / 2
      if current[middle].key > key { low = middle + 1 } else { high = middle }
    }
    return low
  }

  private mutating func advanceToNextBucket() {
    guard waitingInWheel > 0 || !overflow.isEmpty else { return }
    if waitingInWheel == 0, let earliest = overflow.map(\.key).min() {
      // Nothing in the wheel: jump to the overflow's first second.
      currentBucket = Int64(earliest >> 24) / Self.bucketMilliseconds - 1
    }
    repeat {
      currentBucket += 1
      let slot = Int(currentBucket % Int64(Self.wheelSize))
      current = buckets[slot]
      buckets[slot] = []
      waitingInWheel -= current.count
      pullFromOverflow()
    } while current.isEmpty && (waitingInWheel > 0 || !overflow.isEmpty)
    sortCurrent()
  }

  /// Sorts the bucket's entries by key with the next one last. A bucket holds thousands of
  /// entries spread over a thousand milliseconds: counting them into their millisecond takes two
  /// passes and no comparisons, and leaves a handful per millisecond to sort by key. A general
  /// sort of the whole bucket cost as much as a twentieth of a simulation.
  private mutating func sortCurrent() {
    let count = current.count
    let span = Int(Self.bucketMilliseconds)
    let base = UInt64(max(0, currentBucket)) * UInt64(span)
    func millisecond(_ entry: Entry) -> Int { Int(truncatingIfNeeded: (entry.key >> 24) &- base) }
    guard count > 1, current.allSatisfy({ (0..<span).contains(millisecond($0)) }) else {
      current.sort { $0.key > $1.key }
      return
    }
    // ends[m]: how many entries fall in milliseconds up to m; they fill `current` from its end,
    // since the next action is taken from the end.
    var ends = [Int](repeating: 0, count: span + 1)
    for entry in current { ends[millisecond(entry) + 1] += 1 }
    for index in 1...span { ends[index] += ends[index - 1] }
    var next = ends
    let sorted = [Entry](unsafeUninitializedCapacity: count) { buffer, initialized in
      for entry in current {
        let slot = millisecond(entry)
        buffer.initializeElement(at: count - 1 - next[slot], to: entry)
        next[slot] += 1
      }
      initialized = count
    }
    current = sorted
    for millisecond in 0..<span where ends[millisecond + 1] - ends[millisecond] > 1 {
      current[(count - ends[millisecond + 1])..<(count - ends[millisecond])].sort { $0.key > $1.key }
    }
  }

  /// Moves overflow actions that now fit in the wheel into their buckets (or `current`).
  private mutating func pullFromOverflow() {
    guard !overflow.isEmpty else { return }
    var remaining: [Entry] = []
    for entry in overflow {
      let bucket = Int64(entry.key >> 24) / Self.bucketMilliseconds
      if bucket <= currentBucket {
        current.append(entry)
      } else if bucket - currentBucket < Int64(Self.wheelSize) {
        buckets[Int(bucket % Int64(Self.wheelSize))].append(entry)
        waitingInWheel += 1
      } else {
        remaining.append(entry)
      }
    }
    overflow = remaining
  }
}
