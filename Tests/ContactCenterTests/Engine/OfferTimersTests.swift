import ClavardTestSupport
import Testing

@testable import ContactCenter

@Suite struct OfferTimersTests {
  @Test("CHAT-4: timers fire soonest first, also after the accept interval was shortened")
  func soonestFirst() {
    var random = SplitMix64(state: 12)
    var timers = OfferTimers()
    var all: [OfferTimer] = []
    var now: Int64 = 0
    var interval: Int64 = 30_000
    for sequence in 1...3000 {
      now += Int64(random.below(500))
      if random.below(100) == 0 { interval = Int64(1000 * (1 + random.below(60))) }  // set accept-interval
      let timer = OfferTimer(
        deadline: Instant(milliseconds: now + interval), offerNumber: sequence, chat: ChatID(sequence))
      timers.insert(timer)
      all.append(timer)
      if random.below(3) == 0, let next = timers.min {
        #expect(next == all.min())
        timers.removeMin()
        all.removeAll { $0 == next }
      }
    }
    #expect(timers.sorted == all.sorted())
    var fired: [OfferTimer] = []
    while let next = timers.min {
      fired.append(next)
      timers.removeMin()
    }
    #expect(fired == all.sorted())
    timers.removeMin()
    #expect(timers.min == nil)
  }
}
