import DequeModule

/// One queue's eligible agents in DEC-1 order, with lazy deletion: entries whose agent changed
/// since (an old stamp) are dropped when they reach the front.
///
/// Why two containers: nearly every agent enters the order at its back. Accepting a chat or
/// becoming Available sets the agent's wait to *now*, later than everyone already waiting, so
/// those entries are appended to a FIFO (`recent`) in order, for free, and leave it from the
/// front for free too. Only an agent coming back with an older wait (a Finish that brings it
/// back under its limit) goes into the heap. The front of the order is the smaller of the two
/// fronts. With a hundred thousand agents, the heap's lower levels are out of the caches, so
/// each entry kept out of it saves a walk through main memory.
///
/// ```swift
/// var order = EligibleAgents()
/// order.insert(candidate, by: dec1)
/// order.front(isLive: { stamps[$0.slot] == $0.stamp }, by: dec1)  // the longest-waiting live agent
/// ```
struct EligibleAgents: Sendable {
  typealias Candidate = RoutingIndex.Candidate

  /// Entries in order, each no earlier than the one before.
  private var recent: Deque<Candidate> = []
  /// Entries that came in out of order.
  private var heap = QuaternaryHeap<Candidate>()

  /// Entries held, live or stale.
  var count: Int { recent.count + heap.count }

  /// Every entry, in no particular order.
  var elements: [Candidate] { Array(recent) + heap.elements }

  mutating func insert(_ candidate: Candidate, by order: Candidate.Order) {
    if let last = recent.last, order.precedes(candidate, last) {
      heap.insert(candidate, by: order)
    } else {
      recent.append(candidate)
    }
  }

  /// The first live entry in the order, dropping stale ones on the way.
  mutating func front(isLive: (Candidate) -> Bool, by order: Candidate.Order) -> Candidate? {
    while let first = recent.first, !isLive(first) { recent.removeFirst() }
    while let top = heap.min, !isLive(top) { heap.removeMin(by: order) }
    switch (recent.first, heap.min) {
    case (let first?, let top?): return order.precedes(top, first) ? top : first
    case (let first?, nil): return first
    case (nil, let top): return top
    }
  }

  /// Keeps the live entries only.
  mutating func compact(isLive: (Candidate) -> Bool, by order: Candidate.Order) {
    recent = Deque(recent.filter(isLive))
    heap = QuaternaryHeap(heap.elements.filter(isLive), by: order)
  }
}
