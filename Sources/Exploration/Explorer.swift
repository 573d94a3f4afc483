import Conformance
import ContactCenter
import Simulation

/// What `clavard explore` explores.
public struct ExplorationOptions: Hashable, Sendable {
  /// The most commands one run may have: a failing run is replayed many times over while it
  /// shrinks, and every replay starts from the beginning.
  public static let maximumCommands = 10_000
  /// The most agents and queues a run may define.
  public static let maximumAgents = 50
  public static let maximumQueues = 20

  public var seed: UInt64 = 1
  /// Runs to make (in this shard).
  public var runs = 1000
  /// Commands in each run.
  public var commands = 100
  /// Each run has from one to this many agents, and as many queues.
  public var agents = 3
  public var queues = 2
  /// This shard's share of the runs: run numbers `index - 1`, `index - 1 + count`, ….
  public var shard: Shard?

  public init() {}
}

/// How far exploring has gone: what progress lines show.
public struct ExplorationProgress: Hashable, Sendable {
  public var runs = 0
  public var commands = 0
}

/// A failure found, and the shortest run that fails the same way, as a script.
public struct Discovery: Sendable {
  /// The run's number (from 1), which with the seed names it.
  public var run: Int
  /// The failure as first found, after `lengthBefore` commands.
  public var failure: Failure
  public var lengthBefore: Int
  /// The failure of the shrunk run, after `lengthAfter` commands.
  public var shrunk: Failure
  public var lengthAfter: Int
  /// Candidate runs the shrinker tried.
  public var trials: Int
  /// The time given to the exploration (`--time`) ran out while shrinking: the script is the
  /// shortest found by then, not as short as it could be.
  public var shrinkingStopped: Bool
  /// The length of the shrunk run when, replayed once more on the system under test just
  /// reset (or started again), it did not fail the same way: the failure depends on what ran
  /// before it (Hypothesis calls such a test flaky), so the script is the unshrunk run and
  /// `lengthAfter` its length. Nil when it failed again, and without a system under test (the
  /// reference alone is deterministic).
  public var notReproduced: Int?
  /// The `.chat` script of the shrunk run, with the reference's `<` and `!` lines.
  public var script: String

  /// How the shrink went, as the summary says it: `shrunk to 9 commands (116 candidates tried)`.
  public var shrinkSummary: String {
    let stopped = shrinkingStopped ? "; --time ran out, it may shrink further" : ""
    guard let shrunkLength = notReproduced else {
      return "shrunk to \(lengthAfter) commands (\(trials) candidates tried\(stopped))"
    }
    return
      "shrunk to \(shrunkLength) commands (\(trials) candidates tried\(stopped)), but \(Self.notReproducedReason)"
      + "; the unshrunk run of \(lengthAfter) commands is kept"
  }

  /// Why a shrunk run was not kept.
  static let notReproducedReason =
    "it did not fail again on a fresh system: the failure depends on what ran before it"
}

/// What exploring found.
public struct Exploration: Sendable {
  public var progress = ExplorationProgress()
  public var discovery: Discovery?
  /// Stopped before its last run (`keepGoing` said to stop: the time was up).
  public var stoppedEarly = false
  /// The commands generated that the system under test does not support (`ready`,
  /// `set reject-permission`), in alphabetical order: they were left out of every run.
  public var leftOut: [String] = []
}

/// Runs of commands generated from the reference's state, checked after every command (the
/// reference's invariants and routing audit, and with a system under test the comparison of
/// every outcome); the first failure is shrunk to the shortest run that fails the same way and
/// written as a script. Deterministic: the same options give the same runs.
public struct Explorer {
  public let options: ExplorationOptions
  public let system: (any MirrorSource)?
  /// How the script's header says it was found: `clavard explore --seed 1 --sut "…"`.
  public let origin: String
  /// The command the header says fails with the script: `clavard run --sut "…" FILE`.
  public let check: String?
  /// What the reference gets wrong on purpose, in tests only: a reference that breaks its own
  /// invariants is how they show that exploring reports such a failure (the shipped reference
  /// has none to find).
  var referenceFaults: FaultSet = []

  public init(options: ExplorationOptions, system: (any MirrorSource)?, origin: String, check: String? = nil)
  {
    self.options = options
    self.system = system
    self.origin = origin
    self.check = check
  }

  /// Explores, asking `keepGoing` with the progress so far before each run and every thousand
  /// commands; `found` is told the run that failed, before it is shrunk. Throws when the
  /// system under test cannot be had at all.
  public func explore(keepGoing: (ExplorationProgress) -> Bool, found: (Int) -> Void = { _ in })
    throws(Divergence)
    -> Exploration
  {
    var result = Exploration()
    for k in 0..<options.runs {
      let run = runNumber(k)
      guard keepGoing(result.progress) else {
        result.stoppedEarly = true
        break
      }
      let mirror = try system.map { source throws(Divergence) in try source.take().get() }
      var trial = Trial(mirror: mirror, faults: referenceFaults, keepsSteps: false)
      let commandsBefore = result.progress.commands
      var cutShort = false
      play(run, in: &trial, commands: options.commands) {
        result.progress.commands += 1
        cutShort = result.progress.commands % 1000 == 0 && !keepGoing(result.progress)
        return !cutShort
      }
      trial.finish()
      // Steps sent to the system after the one that diverged were taken back.
      result.progress.commands = commandsBefore + trial.ran
      if let mirror { system?.giveBack(mirror) }
      for name in trial.unsupported where !result.leftOut.contains(name) {
        result.leftOut.append(name)
        result.leftOut.sort()
      }
      result.progress.runs += 1
      if let failure = trial.failure {
        found(run)
        // The run is made again without the system: it leaves out what the system would not run.
        let skipping = mirror.map { mirror in
          { @Sendable (command: ScriptCommand) in mirror.unsupported(command) }
        }
        let progress = result.progress
        let shrinkGoesOn = { keepGoing(progress) }
        result.discovery = withoutActuallyEscaping(shrinkGoesOn) { shrinkGoesOn in
          discover(
            failure, in: steps(ofRun: run, commands: trial.ran, skipping: skipping), run: run,
            keepGoing: shrinkGoesOn)
        }
        break
      }
      // The time ran out inside the run (the last one too): it is the last.
      if cutShort {
        result.stoppedEarly = true
        break
      }
    }
    return result
  }

  /// The number (from 1) of this shard's `k`th run (from 0): `index`, `index + count`, ….
  func runNumber(_ k: Int) -> Int {
    (options.shard.map { $0.index - 1 + k * $0.count } ?? k) + 1
  }

  /// The generator of one run, seeded from the seed and the run's number: any run can be made
  /// again alone, and shards make different runs.
  func generator(run: Int) -> Generator {
    var random = RandomSource(seed: options.seed &* 0x9E37_79B9_7F4A_7C15 &+ UInt64(run))
    let agents = Int(random.next() % UInt64(max(1, options.agents))) + 1
    let queues = Int(random.next() % UInt64(max(1, options.queues))) + 1
    return Generator(seed: random.next(), agents: agents, queues: queues)
  }

  /// Runs the generator of a run on a trial until `commands` steps ran, one failed, or
  /// `afterEach` (told of each step that ran) says to stop. A step may mean nothing in the
  /// state it meets (it is left out): the tries are bounded.
  private func play(_ run: Int, in trial: inout Trial, commands: Int, afterEach: () -> Bool = { true }) {
    var generator = generator(run: run)
    var attempts = 0
    while trial.ran < commands, trial.failure == nil, attempts < options.commands * 4 {
      attempts += 1
      if trial.performNext(from: &generator), !afterEach() { return }
    }
  }

  /// The first steps of a run that ran, made again: the same seed and the same reference give
  /// the same steps, so exploring need not keep them; `skipping` leaves out what the system
  /// under test of that run did not support, as the run did.
  func steps(
    ofRun run: Int, commands: Int? = nil, skipping: (@Sendable (ScriptCommand) -> String?)? = nil
  ) -> [Step] {
    var trial = Trial(mirror: nil, faults: referenceFaults)
    trial.skipping = skipping
    play(run, in: &trial, commands: commands ?? options.commands)
    return trial.kept
  }

  private func discover(_ failure: Failure, in steps: [Step], run: Int, keepGoing: @escaping () -> Bool)
    -> Discovery
  {
    var shrinker = Shrinker(
      system: system, signature: failure.signature, faults: referenceFaults, keepGoing: keepGoing)
    var shrunk = shrinker.shrink(steps, failure: failure)
    var notReproduced: Int?
    // Not replayed when nothing was shrunk (the run itself is kept either way), nor once the
    // time given is up.
    if !shrinker.wasStopped, shrunk.steps.count < steps.count,
      !failsAgain(shrunk.steps, signature: failure.signature)
    {
      notReproduced = shrunk.steps.count
      shrunk = (steps, failure)
    }
    let header = header(
      failure: shrunk.failure, run: run, before: steps.count, after: notReproduced ?? shrunk.steps.count,
      stopped: shrinker.wasStopped, reproduced: notReproduced == nil)
    let script: String
    do {
      script = try ScriptWriter.script(shrunk.steps, header: header, faults: referenceFaults)
    } catch {
      script =
        (header + ["This run could not be written as a script: \(error)"]).map(ScriptWriter.comment)
        .joined(separator: "\n") + "\n"
    }
    return Discovery(
      run: run, failure: failure, lengthBefore: steps.count, shrunk: shrunk.failure,
      lengthAfter: shrunk.steps.count,
      trials: shrinker.trials, shrinkingStopped: shrinker.wasStopped, notReproduced: notReproduced,
      script: script)
  }

  /// Whether the shrunk run, replayed once more on a system just started (as `clavard run
  /// --sut FILE` would run it), fails the same way: the shrinker keeps any candidate that
  /// fails, and a system whose failure depends on everything it ran before, resets included
  /// (a proxy that stops after so many requests), can fail a candidate by coincidence. The
  /// reference alone always does. A system that can no longer be had is not taken to disprove
  /// the shrink.
  private func failsAgain(_ steps: [Step], signature: String) -> Bool {
    guard let system, case .success(let mirror) = system.takeFresh() else { return true }
    let trial = Trial.replay(steps, mirror: mirror, faults: referenceFaults)
    system.giveBack(mirror)
    return trial.failure?.signature == signature
  }

  private func header(failure: Failure, run: Int, before: Int, after: Int, stopped: Bool, reproduced: Bool)
    -> [String]
  {
    let what: String
    switch (failure.kind, failure.command) {
    case (.invariant, Trial.endOfRun): what = "The reference breaks its invariants by the end of this script:"
    case (.invariant, _): what = "The reference breaks its invariants at the last command:"
    case (.divergence, _) where !reproduced:
      what =
        "The reference passes this script; the system under test failed at the last command, after other runs (alone it may pass):"
    case (.divergence, _):
      what = "The reference passes this script; the system under test fails at the last command:"
    }
    let found = "Found by \(origin): run \(run) failed after \(before) commands"
    let shrunk =
      reproduced
      ? ", shrunk to \(after)"
      : ", shrunk to \(after), but \(Discovery.notReproducedReason); the unshrunk run is kept"
    return [
      found + shrunk + (stopped ? " (the time given ran out while shrinking: it may shrink further)." : "."),
      what,
      "  " + failure.message,
    ] + failure.diff.map { "    " + $0 }
      + (check.map { [(reproduced ? "It fails with: " : "It may pass alone with: ") + $0] } ?? [])
  }
}
