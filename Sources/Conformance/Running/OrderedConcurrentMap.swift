/// The one bounded parallel map of the package: runs `transform` on `items` with at most `jobs`
/// transforms at once, and hands each value to `consume` in the order of `items`, as soon as it
/// and every value before it are known. Whatever the number of jobs, `consume` sees exactly
/// what a serial loop would give it, so reports stream in file order.
///
/// `consume` returns false to stop: no further item is started, the transforms still running
/// are cancelled and their values dropped. Values that finish ahead of their turn wait in a
/// dictionary; with one slow item they can be up to `items.count - 1` (the cost of keeping
/// every job busy).
func forEachConcurrently<Item: Sendable, Value: Sendable>(
  _ items: [Item], jobs: Int, _ transform: @escaping @Sendable (Item) -> Value,
  consume: (Value) -> Bool
) async {
  await withTaskGroup(of: (Int, Value).self) { group in
    var launched = 0
    var delivered = 0
    var waiting: [Int: Value] = [:]
    func launchNext() {
      guard launched < items.count else { return }
      let index = launched
      let item = items[index]
      group.addTask { (index, transform(item)) }
      launched += 1
    }
    while launched < min(max(1, jobs), items.count) { launchNext() }
    while let (index, value) = await group.next() {
      waiting[index] = value
      while let next = waiting.removeValue(forKey: delivered) {
        delivered += 1
        guard consume(next) else {
          group.cancelAll()
          return
        }
      }
      launchNext()
    }
  }
}

/// `transform` applied to every item, at most `jobs` at once; the results keep the order.
func orderedConcurrentMap<Item: Sendable, Value: Sendable>(
  _ items: [Item], jobs: Int, _ transform: @escaping @Sendable (Item) -> Value
) async -> [Value] {
  var results: [Value] = []
  results.reserveCapacity(items.count)
  await forEachConcurrently(items, jobs: jobs, transform) { value in
    results.append(value)
    return true
  }
  return results
}
