import ContactCenter
import Testing

@testable import Exploration

/// What `clavard explore` prints, from what the library found and the times the command
/// measured (given here, not measured).
@Suite struct SummaryTests {
  static let timing = ExplorationTiming(elapsedMilliseconds: 1500)

  @Test("Stopped before its last run (--time): the summary and --json say so; not otherwise")
  func stoppedEarly() throws {
    let explorer = Explorer(options: Explore.options(runs: 10), system: nil, origin: "test")
    let stopped = try explorer.explore { $0.runs < 3 }
    #expect(stopped.stoppedEarly)
    #expect(stopped.progress == ExplorationProgress(runs: 3, commands: 300))
    // The time out inside the last run (here the only one) stops it too, and says so.
    let long = Explorer(options: Explore.options(runs: 1, commands: 2500), system: nil, origin: "test")
    let cut = try long.explore { $0.commands < 1000 }
    #expect(cut.stoppedEarly)
    #expect(cut.progress == ExplorationProgress(runs: 1, commands: 1000))
    #expect(
      stopped.summary(seed: 1, timing: Self.timing, out: "x.chat", written: false, system: "sut")
        == "explore: no failure in 3 runs (stopped by --time): 300 commands, 200 commands/s, 1.5 s, seed 1")
    #expect(
      stopped.json(seed: 1, faults: [], timing: Self.timing, out: "x.chat", written: false).text
        == #"{"seed":1,"runs":3,"commands":300,"elapsed_ms":1500,"commands_per_second":200,"faults":[],"stopped_early":true,"left_out":[],"found":false}"#
    )
    let whole = try Explorer(options: Explore.options(runs: 3), system: nil, origin: "test").explore { _ in
      true
    }
    #expect(!whole.stoppedEarly)
    #expect(
      whole.summary(seed: 1, timing: Self.timing, out: "x.chat", written: false, system: "sut")
        == "explore: no failure in 3 runs: 300 commands, 200 commands/s, 1.5 s, seed 1")
    #expect(
      whole.json(seed: 1, faults: [.seventhChat], timing: Self.timing, out: "x.chat", written: false).text
        == #"{"seed":1,"runs":3,"commands":300,"elapsed_ms":1500,"commands_per_second":200,"faults":["seventh-chat"],"stopped_early":false,"left_out":[],"found":false}"#
    )
  }

  @Test(
    "Commands the system under test does not support are left out of the runs, and the summary names them")
  func leftOut() throws {
    let exploration = try Explore.run(Explore.options(runs: 5), system: ThinSystem())
    #expect(exploration.discovery == nil)
    #expect(exploration.leftOut == ["ready", "status"])
    #expect(exploration.leftOutSummary(system: "thin") == "left out: ready, status (not supported by thin)")
    let summary = exploration.summary(
      seed: 1, timing: Self.timing, out: "x.chat", written: false, system: "thin")
    #expect(summary.hasSuffix(" s, seed 1\nleft out: ready, status (not supported by thin)"))
    let json = exploration.json(seed: 1, faults: [], timing: Self.timing, out: "x.chat", written: false).text
    #expect(json.contains(#""stopped_early":false,"left_out":["ready","status"],"found":false}"#))
    // A system that supports everything has nothing left out.
    let planted = try Explore.run(Explore.options(runs: 5), system: ThirdAcceptSystem())
    #expect(planted.leftOut == [])
    #expect(planted.leftOutSummary(system: "planted") == nil)
  }

  @Test(
    "A shrunk run that does not fail again on the system just reset is not kept: the unshrunk run is written, and the summary and header say why"
  )
  func notReproduced() throws {
    let explorer = Explorer(
      options: Explore.options(), system: WornOutSystem(limit: 170), origin: "test",
      check: #"clavard run --sut "worn" x.chat"#)
    let exploration = try explorer.explore { _ in true }
    let discovery = try #require(exploration.discovery)
    // The 170th command is the 70th of the second run; a candidate of the shrink happened to be
    // given the 170th command since the system started again at the same `status`.
    #expect(discovery.run == 2 && discovery.lengthBefore == 70)
    #expect(discovery.failure.command == "status")
    let shrunk = try #require(discovery.notReproduced)
    #expect(shrunk < discovery.lengthBefore)
    #expect(discovery.lengthAfter == discovery.lengthBefore)
    #expect(discovery.shrunk == discovery.failure)
    #expect(
      discovery.shrinkSummary
        == "shrunk to \(shrunk) commands (\(discovery.trials) candidates tried), but it did not fail again on a fresh system: the failure depends on what ran before it; the unshrunk run of 70 commands is kept"
    )
    #expect(ShrinkerTests.commands(discovery.script).count == 70)
    #expect(
      discovery.script.hasPrefix(
        """
        # Found by test: run 2 failed after 70 commands, shrunk to \(shrunk), but it did not fail again on a fresh system: the failure depends on what ran before it; the unshrunk run is kept.
        # The reference passes this script; the system under test failed at the last command, after other runs (alone it may pass):
        #   it stopped after 170 commands
        # It may pass alone with: clavard run --sut "worn" x.chat

        """))
    let lines = exploration.summary(
      seed: 1, timing: Self.timing, out: "x.chat", written: true, system: "worn"
    )
    .split(separator: "\n")
    #expect(lines.last.map(String.init) == discovery.shrinkSummary + "; wrote x.chat")
    #expect(
      exploration.json(seed: 1, faults: [], timing: Self.timing, out: "x.chat", written: true).text.contains(
        #""length_before":70,"length_after":70,"#))
    #expect(
      exploration.json(seed: 1, faults: [], timing: Self.timing, out: "x.chat", written: true).text.contains(
        #""shrinking_stopped":false,"fails_again":false,"#))
  }
}
