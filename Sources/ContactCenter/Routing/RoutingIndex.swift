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
///
/// Queues and agents are addressed by dense slots (positions in definition order) so that the
/// hot path does no hashing.
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

  private var lines: [Line] = []
  private var queueSlots: [QueueID: Int] = [:]
  private var stamps: [UInt32] = []
  /// Per agent slot: the queue slots it has enabled, in the order it enabled them.
  private var enabled: [[Int32]] = []
  /// Per agent slot: whether it is registered as eligible in the lines of its enabled queues.
  private var registered: [Bool] = []

  mutating func addQueue(_ queue: QueueID) {
    queueSlots[queue] = lines.count
    lines.append(Line())
  }

  mutating func addAgent() {
    stamps.append(0)
    enabled.append([])
    registered.append(false)
  }

  func isRegistered(_ slot: Int) -> Bool { registered[slot] }

  /// Records that an agent enabled or disabled a queue. The caller unregisters the agent first.
  mutating func setMember(_ slot: Int, of queue: QueueID, _ isMember: Bool) {
    guard let line = queueSlots[queue] else { return }
    if isMember {
      lines[line].members.insert(Int32(slot))
      if !enabled[slot].contains(Int32(line)) { enabled[slot].append(Int32(line)) }
    } else {
      lines[line].members.remove(Int32(slot))
      enabled[slot].removeAll { $0 == Int32(line) }
    }
  }

  // MARK: Eligible agents

  /// Takes the agent out of every queue's order (it is no longer eligible, or its key changes).
  mutating func unregister(_ slot: Int) {
    stamps[slot] &+= 1
    guard registered[slot] else { return }
    registered[slot] = false
    for line in enabled[slot] { lines[Int(line)].eligibleCount -= 1 }
  }

  /// Puts an eligible agent in the order of each queue it has enabled.
  mutating func register(_ slot: Int, agent: AgentID, waitingSince: Instant, availableSince: Instant) {
    let candidate = Candidate(
      waitingSince: waitingSince.milliseconds, availableSince: availableSince.milliseconds,
      agent: agent, slot: Int32(slot), stamp: stamps[slot])
    registered[slot] = true
    for line in enabled[slot] {
      let index = Int(line)
      lines[index].eligibleCount += 1
      lines[index].candidates.insert(candidate)
      if lines[index].candidates.count > 2 * lines[index].eligibleCount + 64 { compact(index) }
    }
  }

  /// The eligible agent of the queue at `index` who has waited the longest, if any.
  mutating func longestWaitingAgent(inLine index: Int) -> Int? {
    while let top = lines[index].candidates.min {
      if stamps[Int(top.slot)] == top.stamp { return Int(top.slot) }
      lines[index].candidates.removeMin()
    }
    return nil
  }

  private mutating func compact(_ index: Int) {
    let live = lines[index].candidates.unordered.filter { stamps[Int($0.slot)] == $0.stamp }
    lines[index].candidates = Heap(live)
  }

  // MARK: Waiting chats

  /// Adds a waiting chat and returns its position (1 is the head). A new chat goes to the tail;
  /// a chat coming back goes before the first newer chat, so the line stays in arrival order
  /// (chat numbers) even when several offers expire at the same instant.
  mutating func enqueue(_ chat: ChatID, inLine index: Int, returning: Bool) -> Int {
    lines[index].waitingCount += 1
    guard returning else {
      lines[index].waiting.append(chat)
      return lines[index].waitingCount
    }
    var insertAt = 0
    var position = 1
    for waiting in lines[index].waiting {
      if waiting > chat { break }
      insertAt += 1
      if !lines[index].departed.contains(waiting) { position += 1 }
    }
    lines[index].waiting.insert(chat, at: insertAt)
    return position
  }

  /// The oldest chat waiting in any of the agent's enabled queues, taken out of its line.
  /// Chat numbers follow arrival order, so the oldest is the smallest.
  mutating func takeOldestWaiting(forAgent slot: Int) -> ChatID? {
    var oldest: (chat: ChatID, line: Int)?
    for line in enabled[slot] {
      let index = Int(line)
      guard lines[index].waitingCount > 0 else { continue }
      if let head = head(index), head < (oldest?.chat ?? ChatID(Int.max)) { oldest = (head, index) }
    }
    guard let (chat, index) = oldest else { return nil }
    lines[index].waiting.removeFirst()
    lines[index].waitingCount -= 1
    return chat
  }

  /// The chat at the head of a line, dropping chats whose customer has left.
  private mutating func head(_ index: Int) -> ChatID? {
    while let first = lines[index].waiting.first {
      guard !lines[index].departed.isEmpty, lines[index].departed.remove(first) != nil else { return first }
      lines[index].waiting.removeFirst()
    }
    return nil
  }

  /// A waiting chat whose customer left: counted out now, dropped when it reaches the head.
  mutating func markDeparted(_ chat: ChatID, fromLine index: Int) {
    lines[index].departed.insert(chat)
    lines[index].waitingCount -= 1
  }

  func waitingCount(_ queue: QueueID) -> Int { queueSlots[queue].map { lines[$0].waitingCount } ?? 0 }

  /// The waiting chats of the queue in order, for queries and the invariant check.
  func waitingChats(_ queue: QueueID) -> [ChatID] {
    guard let index = queueSlots[queue] else { return [] }
    return lines[index].waiting.filter { !lines[index].departed.contains($0) }
  }

  func members(_ queue: QueueID) -> Set<Int32> { queueSlots[queue].map { lines[$0].members } ?? [] }
}
