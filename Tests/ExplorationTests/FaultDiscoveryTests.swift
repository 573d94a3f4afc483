import Conformance
import ContactCenter
import Testing
import Wire

@testable import Exploration

@Suite struct FaultDiscoveryTests {
  @Test(
    "Each fault is found by exploring with seed 1, shrunk to at most 25 commands, and written as a script that passes on the reference and fails on the faulty system",
    arguments: Fault.allCases)
  func found(_ fault: Fault) throws {
    let exploration = try Explore.run(Explore.options(runs: 200), system: Explore.faulty([fault]))
    let discovery = try #require(exploration.discovery, "\(fault) was not found")
    #expect(discovery.shrunk.kind == .divergence)
    #expect(discovery.lengthAfter <= 25)
    #expect(
      discovery.script.hasPrefix(
        "# Found by test: run \(discovery.run) failed after \(discovery.lengthBefore)"))
    #expect(try Explore.result(of: discovery.script).passed)
    let lockstep = try Lockstep(transport: InProcessTransport(faults: [fault]))
    let failed = try Explore.result(of: discovery.script, mirror: lockstep)
    #expect(failed.failure != nil && failed.skipped == nil)
  }

  @Test("The reference has no failure of its own, alone or compared with itself through the protocol")
  func referenceAgrees() throws {
    #expect(try Explore.run(Explore.options(runs: 100), system: nil).discovery == nil)
    let itself = try Explore.run(Explore.options(runs: 30), system: Explore.faulty([]))
    #expect(itself.discovery == nil)
    #expect(itself.progress == ExplorationProgress(runs: 30, commands: 3000))
  }

  @Test("The system under test is connected once and reset between runs and candidates")
  func resetBetweenRuns() throws {
    let started = Explore.Started()
    let exploration = try Explore.run(
      Explore.options(runs: 20), system: Explore.faulty([.acceptAtExpiry], started: started))
    #expect(exploration.discovery != nil)
    #expect(started.total == 1)
  }
}
