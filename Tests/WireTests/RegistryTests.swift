import Glibc
import Testing
import Wire

@testable import Subprocesses

/// The systems under test of a program that a signal ends: each started one is killed, and none
/// starts afterwards.
@Suite struct RegistryTests {
  @Test("after endAll, a system is not started: said, and its spawn never runs")
  func noStartAfterTheEnd() {
    let registry = Registry()
    var spawned = false
    registry.endAll()
    #expect(throws: TransportFailure.cannotStart("the program is ending")) {
      try registry.start { () throws(TransportFailure) -> pid_t in
        spawned = true
        return 0
      }
    }
    #expect(!spawned)
  }
}
