import Testing

@testable import Exploration

/// `clavard explore --time` bounds the whole exploration, the shrink included: through a pipe a
/// candidate can cost a request's timeout (a system that stops answering at some command), and
/// a shrink tries hundreds of candidates.
@Suite struct ShrinkTimeLimitTests {
  @Test("once keepGoing says stop, the shrink tries no more candidates and keeps the run it has")
  func keepGoingStopsTheShrink() throws {
    var found = false
    let explorer = Explorer(options: Explore.options(), system: ThirdAcceptSystem(), origin: "test")
    let exploration = try explorer.explore(keepGoing: { _ in !found }, found: { _ in found = true })
    let discovery = try #require(exploration.discovery)
    #expect(discovery.trials == 0)
    #expect(discovery.lengthAfter == discovery.lengthBefore)
    #expect(discovery.shrinkingStopped)
    #expect(
      discovery.shrinkSummary
        == "shrunk to \(discovery.lengthAfter) commands (0 candidates tried; --time ran out, it may shrink further)"
    )
    #expect(
      discovery.script.hasPrefix(
        "# Found by test: run 1 failed after \(discovery.lengthBefore) commands, shrunk to \(discovery.lengthAfter) (the time given ran out while shrinking: it may shrink further).\n"
      ))
  }
}
