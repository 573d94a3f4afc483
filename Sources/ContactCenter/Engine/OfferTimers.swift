import DequeModule
import HeapModule

/// The pending offer timers (CHAT-4), soonest first.
///
/// Every offer sets a timer at now + the accept interval, and the interval rarely changes, so
/// timers nearly always come in the order they fire: those go to a FIFO, at no cost, and leave
/// it from the front. A timer that would fire before the last one queued (the tenant shortened
/// the interval) goes to a heap. The next timer is the sooner of the two fronts.
///
/// ```swift
/// var timers = OfferTimers()
/// timers.insert(timer)
/// while let next = timers.min, next.deadline <= now { timers.removeMin() }
/// ```
struct OfferTimers: Equatable, Sendable {
  private var inOrder: Deque<OfferTimer> = []
  private var outOfOrder = Heap<OfferTimer>()

  mutating func insert(_ timer: OfferTimer) {
    if let last = inOrder.last, timer < last {
      outOfOrder.insert(timer)
    } else {
      inOrder.append(timer)
    }
  }

  /// The timer that fires next, if any.
  var min: OfferTimer? {
    switch (inOrder.first, outOfOrder.min) {
    case (let first?, let top?): Swift.min(first, top)
    case (let first?, nil): first
    case (nil, let top): top
    }
  }

  mutating func removeMin() {
    switch (inOrder.first, outOfOrder.min) {
    case (let first?, let top?): if top < first { outOfOrder.removeMin() } else { inOrder.removeFirst() }
    case (.some, nil): inOrder.removeFirst()
    case (nil, .some): outOfOrder.removeMin()
    case (nil, nil): break
    }
  }

  /// Every timer, in order.
  var sorted: [OfferTimer] { (Array(inOrder) + outOfOrder.unordered).sorted() }

  /// The same timers, whichever container holds each: that depends on the order they came in,
  /// which is history, not state.
  static func == (lhs: OfferTimers, rhs: OfferTimers) -> Bool { lhs.sorted == rhs.sorted }
}
