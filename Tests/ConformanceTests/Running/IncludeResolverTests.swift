import Synchronization
import Testing

@testable import Conformance

/// `use` files: each parsed once per resolver, a parse stopped by Ctrl-C never kept.
@Suite struct IncludeResolverTests {
  @Test(
    "a parse stopped by the interruption is refused at the use line, not kept: the next use reads it again")
  func interruptedParseIsNotKept() throws {
    let stop = Mutex(true)
    let reads = Mutex(0)
    let text = "queue a\n" + String(repeating: "< x\n", count: 20_000)
    let resolver = IncludeResolver(
      loader: { _ in
        reads.withLock { $0 += 1 }
        return Array(text.utf8)
      },
      isInterrupted: { stop.withLock { $0 } })
    let location = SourceLocation(file: "main.chat", line: 3, column: 1)
    guard case .failure(.parse(let error)) = resolver.resolve("big.chat", from: location, including: [])
    else {
      Issue.record("the interrupted parse was not refused")
      return
    }
    #expect(error.message == ScriptParser.interrupted)
    #expect(error.location == SourceLocation(file: "big.chat", line: 16_384, column: 1))
    stop.withLock { $0 = false }
    #expect(try resolver.resolve("big.chat", from: location, including: []).get().statements.count == 1)
    _ = resolver.resolve("big.chat", from: location, including: [])
    #expect(reads.withLock { $0 } == 2)
  }
}
