import ContactCenter
import Testing

@testable import Exploration

/// Without a system under test, exploring checks the reference's own invariants after every
/// command and on the whole state at the end of each run. The shipped reference breaks none, so
/// these tests make it get something wrong (``Explorer/referenceFaults``) to reach that path.
@Suite struct ReferenceInvariantTests {
  static func explore(_ fault: Fault) throws -> Discovery {
    var explorer = Explorer(options: Explore.options(), system: nil, origin: "test")
    explorer.referenceFaults = [fault]
    return try #require(try explorer.explore { _ in true }.discovery)
  }

  @Test(
    "A reference that keeps an offer on break breaks an invariant at that command: shrunk, and the header says so"
  )
  func brokenAtACommand() throws {
    let discovery = try Self.explore(.offerKeptOnBreak)
    #expect(discovery.failure.kind == .invariant)
    #expect(discovery.shrunk.kind == .invariant)
    #expect(discovery.failure.command == "status")
    #expect(
      discovery.shrunk.message
        == "the reference broke its invariants: a1 has an offer pending while not Available")
    #expect(discovery.lengthBefore > discovery.lengthAfter)
    // A queue, an agent who logs in, is ready, switches the queue on and confirms, a customer,
    // Available (the offer) and On Break: 9.
    #expect(discovery.lengthAfter == 9)
    #expect(discovery.notReproduced == nil)
    #expect(
      discovery.script.hasPrefix(
        """
        # Found by test: run 1 failed after \(discovery.lengthBefore) commands, shrunk to 9.
        # The reference breaks its invariants at the last command:
        #   the reference broke its invariants: a1 has an offer pending while not Available
        queue q1

        """))
    #expect(discovery.script.hasSuffix("a1> status on-break\n< a1 is now On Break\n"))
  }

  @Test(
    "A reference whose offers outlive their deadline breaks an invariant found only on the whole state at the end of the run"
  )
  func brokenByTheEnd() throws {
    let discovery = try Self.explore(.acceptAtExpiry)
    #expect(discovery.failure.kind == .invariant)
    #expect(discovery.failure.command == Trial.endOfRun)
    #expect(discovery.shrunk.command == "end of run")
    #expect(discovery.lengthBefore > discovery.lengthAfter)
    #expect(discovery.lengthAfter <= 11)
    let header = discovery.script.split(separator: "\n").prefix(3).map(String.init)
    #expect(
      header == [
        "# Found by test: run \(discovery.run) failed after \(discovery.lengthBefore) commands, shrunk to \(discovery.lengthAfter).",
        "# The reference breaks its invariants by the end of this script:",
        "#   " + discovery.shrunk.message,
      ])
    #expect(
      discovery.shrunk.message.hasPrefix(
        "the reference broke its invariants: chat-1 is still offered to a1 after its deadline "))
  }

}
