import ClavardTestSupport
import Testing

@testable import ContactCenter

@Suite struct EligibleAgentsTests {
  /// Agents a0...a49 by slot; the tie-break is by name.
  static let names = (0..<50).map { AgentID("a\($0)") }

  @Test("DEC-1: the front is always the longest-waiting live agent, whether entries came in order or not")
  func frontMatchesBruteForce() {
    var random = SplitMix64(state: 99)
    let order = RoutingIndex.Candidate.Order(names: Self.names)
    var eligible = EligibleAgents()
    var stamps = [UInt32](repeating: 0, count: Self.names.count)
    var live: [Int: RoutingIndex.Candidate] = [:]
    var clock: Int64 = 0
    var outOfOrder = 0
    for step in 0..<6000 {
      let slot = random.below(Self.names.count)
      switch random.below(10) {
      case 0...4:
        // Mostly "now" (in order), sometimes an older wait (out of order), sometimes a tie.
        clock += Int64(random.below(3))
        let waitingSince = random.below(4) == 0 ? clock - Int64(random.below(50)) : clock
        if waitingSince < clock { outOfOrder += 1 }
        stamps[slot] &+= 1
        let wait = WaitingOrder.Wait(
          waitingSince: Instant(milliseconds: waitingSince),
          availableSince: Instant(milliseconds: Int64(random.below(3))))
        let candidate = RoutingIndex.Candidate(wait: wait, slot: Int32(slot), stamp: stamps[slot])
        eligible.insert(candidate, by: order)
        live[slot] = candidate
      case 5...7:
        stamps[slot] &+= 1  // The agent is no longer eligible: its entries go stale.
        live[slot] = nil
      case 8:
        eligible.compact(isLive: { stamps[Int($0.slot)] == $0.stamp }, by: order)
        #expect(eligible.count == live.count, "step \(step)")
      default:
        break
      }
      let expected = live.values.min(by: order.precedes)
      let front = eligible.front(isLive: { stamps[Int($0.slot)] == $0.stamp }, by: order)
      #expect(front == expected, "step \(step)")
      if front != expected { break }
    }
    #expect(outOfOrder > 500, "the run did put entries out of order")
  }
}
