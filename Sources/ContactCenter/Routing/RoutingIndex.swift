import DequeModule
import HeapModule

/// The routing index: for each queue, its waiting chats in order and its eligible agents ordered
/// by how long they have waited (DEC-1), so that every routing decision is O(log n) in the
/// number of agents and never a scan.
///
/// Eligible agents sit in a min-heap per queue. An agent's entries are not removed one by one
/// when it stops being eligible (that would need a search); instead each agent carries a stamp,
/// bumped on every change, and an entry whose stamp is old is dropped when it reaches the top.
/// When stale entries outnumber live ones the heap is rebuilt, which keeps memory bounded and
/// the cost amortised O(log n).
struct RoutingIndex: Equatable, Sendable {
  /// An agent's place in one queue's order: earlier wait first, then earlier Available, then id.
  struct Candidate: Comparable, Hashable, Sendable {
    let waitingSince: Int64
    let availableSince: Int64
    let agent: AgentID
    let slot: Int32
    let stamp: UInt32

    static func < (lhs: Candidate, rhs: Candidate) -> Bool {
      if lhs.waitingSince != rhs.waitingSince { return lhs.waitingSince < rhs.waitingSince }
      if lhs.availableSince != rhs.availableSince { return lhs.availableSince < rhs.availableSince }
      return lhs.agent < rhs.agent
    }
  }

  struct Line: Equatable, Sendable {
    /// Waiting chats, oldest first. Chats whose customer left stay here until they reach the
    /// head (see `departed`), so leaving is O(1).
    var waiting: Deque<ChatID> = []
    var waitingCount = 0
    var departed: Set<ChatID> = []
    var candidates: Heap<Candidate> = []
    var eligibleCount = 0
    /// Agents (by slot) with this queue enabled, eligible or not: the audit compares the
    /// index's choice against a brute-force search over these.
    var members: Set<Int32> = []

    /// Heaps have no equality of their own; two lines are equal when they hold the same entries.
    static func == (lhs: Line, rhs: Line) -> Bool {
      lhs.waiting == rhs.waiting && lhs.waitingCount == rhs.waitingCount && lhs.departed == rhs.departed
        && lhs.eligibleCount == rhs.eligibleCount && lhs.members == rhs.members
        && lhs.candidates.unordered.sorted() == rhs.candidates.unordered.sorted()
    }
  }

  private(set) var lines: [QueueID: Line] = [:]
  private var stamps: [UInt32] = []
  /// Per agent slot: the queues it is currently registered in as eligible (empty if not).
  private var registered: [[QueueID]] = []

  mutating func addQueue(_ queue: QueueID) { lines[queue] = Line() }

  mutating func addAgent() {
    stamps.append(0)
    registered.append([])
  }

  func isRegistered(_ slot: Int) -> Bool { !registered[slot].isEmpty }

  func registeredQueues(_ slot: Int) -> [QueueID] { registered[slot] }

  mutating func setMember(_ slot: Int, of queue: QueueID, _ isMember: Bool) {
    if isMember {
      lines[queue]?.members.insert(Int32(slot))
    } else {
      lines[queue]?.members.remove(Int32(slot))
    }
  }

  // MARK: Eligible agents

  /// Takes the agent out of every queue's order (it is no longer eligible, or its key changes).
  mutating func unregister(_ slot: Int) {
    stamps[slot] &+= 1
    for queue in registered[slot] { lines[queue]?.eligibleCount -= 1 }
    registered[slot].removeAll(keepingCapacity: true)
  }

  /// Puts an eligible agent in the order of each of its queues.
  mutating func register(_ slot: Int, agent: AgentID, waitingSince: Instant, availableSince: Instant, queues: some Sequence<QueueID>) {
    let candidate = Candidate(
      waitingSince: waitingSince.milliseconds, availableSince: availableSince.milliseconds,
      agent: agent, slot: Int32(slot), stamp: stamps[slot])
    for queue in queues {
      guard lines[queue] != nil else { continue }
      registered[slot].append(queue)
      lines[queue]?.eligibleCount += 1
      lines[queue]?.candidates.insert(candidate)
      compactIfNeeded(queue)
    }
  }

  /// The eligible agent of `queue` who has waited the longest, if any.
  mutating func longestWaitingAgent(in queue: QueueID) -> Int? {
    while let top = lines[queue]?.candidates.min {
      if stamps[Int(top.slot)] == top.stamp { return Int(top.slot) }
      lines[queue]?.candidates.removeMin()
    }
    return nil
  }

  private mutating func compactIfNeeded(_ queue: QueueID) {
    guard let line = lines[queue], line.candidates.count > 2 * line.eligibleCount + 64 else { return }
    let live = line.candidates.unordered.filter { stamps[Int($0.slot)] == $0.stamp }
    lines[queue]?.candidates = Heap(live)
  }

  // MARK: Waiting chats

  mutating func enqueue(_ chat: ChatID, in queue: QueueID, atHead: Bool) {
    if atHead {
      lines[queue]?.waiting.prepend(chat)
    } else {
      lines[queue]?.waiting.append(chat)
    }
    lines[queue]?.waitingCount += 1
  }

  /// The chat at the head of the queue, skipping chats whose customer has left.
  mutating func head(of queue: QueueID) -> ChatID? {
    while let first = lines[queue]?.waiting.first {
      guard lines[queue]?.departed.remove(first) != nil else { return first }
      lines[queue]?.waiting.removeFirst()
    }
    return nil
  }

  /// Removes the head returned by ``head(of:)``.
  mutating func removeHead(of queue: QueueID) {
    guard lines[queue]?.waiting.isEmpty == false else { return }
    lines[queue]?.waiting.removeFirst()
    lines[queue]?.waitingCount -= 1
  }

  /// A waiting chat whose customer left: counted out now, dropped when it reaches the head.
  mutating func markDeparted(_ chat: ChatID, from queue: QueueID) {
    lines[queue]?.departed.insert(chat)
    lines[queue]?.waitingCount -= 1
  }

  func waitingCount(_ queue: QueueID) -> Int { lines[queue]?.waitingCount ?? 0 }

  func eligibleCount(_ queue: QueueID) -> Int { lines[queue]?.eligibleCount ?? 0 }

  /// The waiting chats of the queue in order, for queries and the invariant check.
  func waitingChats(_ queue: QueueID) -> [ChatID] {
    guard let line = lines[queue] else { return [] }
    return line.waiting.filter { !line.departed.contains($0) }
  }

  func members(_ queue: QueueID) -> Set<Int32> { lines[queue]?.members ?? [] }
}
