import ClavardTestSupport
import Testing

@testable import ContactCenter

@Suite struct QuaternaryHeapTests {
  struct Ascending: ElementOrder {
    func precedes(_ lhs: Int, _ rhs: Int) -> Bool { lhs < rhs }
  }

  @Test("DEC-1: the heap gives its elements back smallest first, whatever the order of inserts and removals")
  func matchesSorting() {
    var random = SplitMix64(state: 77)
    var heap = QuaternaryHeap<Int>()
    var reference: [Int] = []
    for _ in 0..<5000 {
      if random.below(3) > 0 || reference.isEmpty {
        let value = random.below(1000)
        heap.insert(value, by: Ascending())
        reference.append(value)
      } else {
        #expect(heap.min == reference.min())
        heap.removeMin(by: Ascending())
        if let smallest = reference.indices.min(by: { reference[$0] < reference[$1] }) {
          reference.remove(at: smallest)
        }
      }
      #expect(heap.count == reference.count)
    }
    var drained: [Int] = []
    while let smallest = heap.min {
      drained.append(smallest)
      heap.removeMin(by: Ascending())
    }
    #expect(drained == reference.sorted())
    heap.removeMin(by: Ascending())
    #expect(heap.count == 0 && heap.min == nil)
  }

  @Test("a heap built from an array at once orders like one built by inserts")
  func heapify() {
    var random = SplitMix64(state: 5)
    let values = (0..<1001).map { _ in random.below(50) }
    var heap = QuaternaryHeap(values, by: Ascending())
    var drained: [Int] = []
    while let smallest = heap.min {
      drained.append(smallest)
      heap.removeMin(by: Ascending())
    }
    #expect(drained == values.sorted())
  }
}
