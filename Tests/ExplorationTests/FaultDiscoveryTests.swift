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

  @Test(
    "The system under test is connected once and reset between runs and candidates; the shrunk run is replayed on a new one"
  )
  func resetBetweenRuns() throws {
    let started = Explore.Started()
    let exploration = try Explore.run(
      Explore.options(runs: 20), system: Explore.faulty([.acceptAtExpiry], started: started))
    #expect(exploration.discovery != nil)
    #expect(exploration.discovery?.notReproduced == nil)
    #expect(started.total == 2)
  }
}

/// A faulty center is a system under test that runs in this process (`explore --fault`): it must
/// never stop on a precondition, whatever its mistake led to.
@Suite struct FaultyCenterTests {
  static let runs = 100

  @Test(
    "A center with a fault, or all of them, takes generated runs from its own state without stopping",
    arguments: Fault.allCases.map { FaultSet([$0]) } + [FaultSet(Fault.allCases)])
  func neverStops(_ faults: FaultSet) {
    var commands = 0
    for run in 1...Self.runs {
      var center = Center(faults: faults)
      var generator = Generator(seed: UInt64(run) &* 7919, agents: 1 + run % 3, queues: 1 + run % 2)
      for _ in 0..<100 {
        let step = generator.next(in: center)
        var events: [Event] = []
        switch step.command(in: center) {
        case .engine(let command)?: try? center.perform(command, into: &events)
        case .clock(.forward(let interval))?: events = (try? center.advance(by: interval)) ?? []
        case .clock(.to(let instant))?: events = (try? center.advance(to: instant)) ?? []
        default: continue
        }
        generator.observe(events)
        commands += 1
      }
    }
    #expect(commands > Self.runs * 90)
  }
}
