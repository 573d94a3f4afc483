import DequeModule

/// The routing index: for each queue, its waiting chats in order and its eligible agents ordered
/// by how long they have waited (DEC-1), so that every routing decision is O(log n) in the
/// number of agents and never a scan.
///
/// Eligible agents sit in an ``EligibleAgents`` order per queue (a FIFO for the agents who join
/// at the back, which is nearly all, and a heap for the others). An agent's entries are not
/// removed one by one when it stops being eligible (that would need a search); instead each
/// agent carries a stamp, bumped on every change, and an entry whose stamp is old is dropped when
/// it reaches the front. When stale entries outnumber live ones the order is rebuilt, which keeps
/// memory bounded and the cost amortised O(log n). An agent still eligible with the same key is
/// not touched at all (see `Center.refreshRouting`).
///
/// Queues and agents are addressed by dense slots (positions in definition order) so that the
/// hot path does no hashing.
struct RoutingIndex: Equatable, Sendable {
  /// An agent's place in one queue's order: its wait, and its position, by which the order
  /// looks its id up when two waits are equal (see ``WaitingOrder``). 24 bytes.
  struct Candidate: Comparable, Hashable, Sendable {
    let wait: WaitingOrder.Wait
    let slot: Int32
    let stamp: UInt32

    /// DEC-1 (``WaitingOrder``), given the agents' names by slot.
    struct Order: ElementOrder {
      let names: [AgentID]

      func precedes(_ lhs: Candidate, _ rhs: Candidate) -> Bool {
        WaitingOrder.precedes(lhs.wait, rhs.wait) { (names[Int(lhs.slot)], names[Int(rhs.slot)]) }
      }
    }

    /// Any total order, for comparing heaps as sets of entries.
    static func < (lhs: Candidate, rhs: Candidate) -> Bool {
      (lhs.wait, lhs.slot, lhs.stamp) < (rhs.wait, rhs.slot, rhs.stamp)
    }
  }

  struct Line: Equatable, Sendable {
    /// Waiting chats, oldest first. Chats whose customer left stay here until they reach the
    /// head (see `departed`), so leaving is O(1).
    var waiting: Deque<ChatID> = []
    var waitingCount = 0
    var departed: Set<ChatID> = []
    var candidates = EligibleAgents()
    var eligibleCount = 0
    /// Agents (by slot) with this queue enabled, eligible or not: the audit compares the
    /// index's choice against a brute-force search over these.
    var members: Set<Int32> = []

    /// Heaps have no equality of their own; two lines are equal when they hold the same entries.
    static func == (lhs: Line, rhs: Line) -> Bool {
      lhs.waiting == rhs.waiting && lhs.waitingCount == rhs.waitingCount && lhs.departed == rhs.departed
        && lhs.eligibleCount == rhs.eligibleCount && lhs.members == rhs.members
        && lhs.candidates.elements.sorted() == rhs.candidates.elements.sorted()
    }
  }

  private var lines: [Line] = []
  /// What the index knows of each agent, by slot.
  private var agents: [AgentPlace] = []
  /// Every agent's enabled lines in one flat array: an agent owns as many places as it has
  /// assigned queues (only those can be enabled), from `AgentPlace.start`. One array rather than
  /// one per agent: the lines are read on every routing decision, and ten thousand small arrays
  /// cost a cache miss each time where this one stays in the caches.
  private var enabledLines: [Int32] = []

  struct AgentPlace: Equatable, Sendable {
    /// Bumped on every change, so that the agent's older heap entries are known to be stale.
    var stamp: UInt32 = 0
    /// Whether the agent is registered as eligible in the lines of its enabled queues, and
    /// with which wait.
    var registered = false
    var wait = WaitingOrder.Wait(waitingSince: .start, availableSince: .start)
    /// Its places in `enabledLines`: the first `count` of `capacity` are the lines it has
    /// enabled, in the order it enabled them.
    let start: Int
    var count = 0
    let capacity: Int
  }

  /// Adds the line of the next queue defined: lines are numbered as the center's queues are.
  mutating func addQueue() {
    lines.append(Line())
  }

  /// Adds an agent with room for as many enabled queues as it has assigned.
  mutating func addAgent(assignedQueues: Int) {
    agents.append(AgentPlace(start: enabledLines.count, capacity: assignedQueues))
    enabledLines.append(contentsOf: repeatElement(-1, count: assignedQueues))
  }

  func isRegistered(_ slot: Int) -> Bool { agents[slot].registered }

  /// The wait the agent is registered with, if registered: for the invariant check.
  func registeredWait(of slot: Int) -> WaitingOrder.Wait? {
    agents[slot].registered ? agents[slot].wait : nil
  }

  /// Whether the agent is registered with exactly this wait, so that its entries are where they
  /// would be put again.
  func isRegistered(_ slot: Int, with wait: WaitingOrder.Wait) -> Bool {
    agents[slot].registered && agents[slot].wait == wait
  }

  /// The lines the index routes to the agent, for the invariant check.
  func enabledLines(of slot: Int) -> [Int] { enabled(slot).map(Int.init) }

  /// The lines of the queues the agent has enabled.
  private func enabled(_ slot: Int) -> ArraySlice<Int32> {
    let start = agents[slot].start
    return enabledLines[start..<(start + agents[slot].count)]
  }

  /// Records that an agent enabled or disabled a queue. The agent leaves every queue's order
  /// first: its entries are per enabled queue, and the center registers it again once it has
  /// settled the change.
  ///
  /// Enabling costs O(1) and disabling O(queues the agent has enabled). Only an assigned queue
  /// is switched, and only when its state changes, so the agent always has a place for it and
  /// never enables it twice: anything else is an inconsistency of the center, and traps.
  mutating func setMember(_ slot: Int, ofLine line: Int, _ isMember: Bool) {
    unregister(slot)
    let place = agents[slot]
    if isMember {
      let (inserted, _) = lines[line].members.insert(Int32(slot))
      precondition(
        inserted && place.count < place.capacity,
        "agent \(slot) enables line \(line) twice or past its queues")
      enabledLines[place.start + place.count] = Int32(line)
      agents[slot].count += 1
    } else {
      let removed = lines[line].members.remove(Int32(slot))
      let position = enabled(slot).firstIndex(of: Int32(line))
      guard removed != nil, let position else {
        preconditionFailure("agent \(slot) disables line \(line), not enabled")
      }
      let end = place.start + place.count
      enabledLines[position..<(end - 1)] = enabledLines[(position + 1)..<end]
      enabledLines[end - 1] = -1
      agents[slot].count -= 1
    }
  }

  // MARK: Eligible agents

  /// Takes the agent out of every queue's order (it is no longer eligible, or its key changes).
  mutating func unregister(_ slot: Int) {
    agents[slot].stamp &+= 1
    guard agents[slot].registered else { return }
    agents[slot].registered = false
    for line in enabled(slot) { lines[Int(line)].eligibleCount -= 1 }
  }

  /// Puts an eligible agent in the order of each queue it has enabled.
  /// `names` are the agents' names by slot, for DEC-1's last tie-break.
  mutating func register(_ slot: Int, with wait: WaitingOrder.Wait, names: [AgentID]) {
    let candidate = Candidate(wait: wait, slot: Int32(slot), stamp: agents[slot].stamp)
    let order = Candidate.Order(names: names)
    agents[slot].registered = true
    agents[slot].wait = wait
    for line in enabled(slot) {
      let index = Int(line)
      lines[index].eligibleCount += 1
      lines[index].candidates.insert(candidate, by: order)
      if lines[index].candidates.count > 2 * lines[index].eligibleCount + 64 {
        lines[index].candidates.compact(isLive: { agents[Int($0.slot)].stamp == $0.stamp }, by: order)
      }
    }
  }

  /// The eligible agent of the queue at `index` who has waited the longest, if any.
  mutating func longestWaitingAgent(inLine index: Int, names: [AgentID]) -> Int? {
    let stamps = agents
    let front = lines[index].candidates.front(
      isLive: { stamps[Int($0.slot)].stamp == $0.stamp }, by: Candidate.Order(names: names))
    return front.map { Int($0.slot) }
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
    for line in enabled(slot) {
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

  func waitingCount(inLine index: Int) -> Int { lines[index].waitingCount }

  /// The waiting chats of a line in order, for queries and the invariant check.
  func waitingChats(inLine index: Int) -> [ChatID] {
    lines[index].waiting.filter { !lines[index].departed.contains($0) }
  }

  func members(ofLine index: Int) -> Set<Int32> { lines[index].members }
}
