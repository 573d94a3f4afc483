/// A min-heap with four children per node, ordered by an ``ElementOrder`` given at each call.
///
/// Why not swift-collections' `Heap`: that is a min-max heap of `Comparable` elements, and a
/// queue's eligible agents need only the minimum; their order (DEC-1) ends with the agent's
/// name, which the elements do not carry (names live in the center, and an element stays 24
/// bytes without one). Four children per node halve the levels of a binary heap, and a node's
/// children sit side by side in memory: with a hundred thousand agents the heaps no longer fit
/// in the caches, and each level is a cache miss.
///
/// ```swift
/// struct Ascending: ElementOrder { func precedes(_ a: Int, _ b: Int) -> Bool { a < b } }
/// var heap = QuaternaryHeap<Int>()
/// for number in [5, 1, 4] { heap.insert(number, by: Ascending()) }
/// heap.min            // 1
/// heap.removeMin(by: Ascending())
/// heap.min            // 4
/// ```
struct QuaternaryHeap<Element: Sendable>: Sendable {
  private(set) var elements: [Element] = []

  init() {}

  /// A heap of these elements, in O(n).
  init(_ elements: [Element], by order: some ElementOrder<Element>) {
    self.elements = elements
    guard elements.count > 1 else { return }
    for index in stride(from: (elements.count - 2) / 4, through: 0, by: -1) {
      siftDown(from: index, by: order)
    }
  }

  var count: Int { elements.count }
  var min: Element? { elements.first }

  mutating func insert(_ element: Element, by order: some ElementOrder<Element>) {
    elements.append(element)
    var child = elements.count - 1
    while child > 0 {
      let parent = (child - 1) / 4
      guard order.precedes(element, elements[parent]) else { break }
      elements[child] = elements[parent]
      child = parent
    }
    elements[child] = element
  }

  mutating func removeMin(by order: some ElementOrder<Element>) {
    guard let last = elements.popLast(), !elements.isEmpty else { return }
    elements[0] = last
    siftDown(from: 0, by: order)
  }

  private mutating func siftDown(from start: Int, by order: some ElementOrder<Element>) {
    let count = elements.count
    let element = elements[start]
    var parent = start
    while true {
      let first = 4 * parent + 1
      guard first < count else { break }
      var smallest = first
      var child = first + 1
      while child < Swift.min(first + 4, count) {
        if order.precedes(elements[child], elements[smallest]) { smallest = child }
        child += 1
      }
      guard order.precedes(elements[smallest], element) else { break }
      elements[parent] = elements[smallest]
      parent = smallest
    }
    elements[parent] = element
  }
}

/// How a ``QuaternaryHeap`` orders its elements: a value rather than a closure, so that each use
/// is specialised and its comparisons inlined.
protocol ElementOrder<Element> {
  associatedtype Element
  func precedes(_ lhs: Element, _ rhs: Element) -> Bool
}
