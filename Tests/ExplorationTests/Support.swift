import Conformance
import ContactCenter
import Synchronization
import Wire

@testable import Exploration

/// A system under test that agrees with the reference in everything but one planted mistake:
/// it tells apart an accept that gives an agent its third chat. The shrinker must bring any run
/// that reaches one down to the shortest way there.
final class ThirdAcceptSystem: MirrorSource {
  final class Planted: Mirror {
    func unsupported(_ command: ScriptCommand) -> String? { nil }

    func mirror(_ execution: Execution, in session: Session) -> Divergence? {
      for case .chatAccepted(_, let agent) in execution.events
      where session.center.agent(agent)?.chats.count == 3 {
        return Divergence(message: "\(agent) accepted a third chat", diff: ["+ planted"])
      }
      return nil
    }
  }

  func take() -> Result<any Mirror, Divergence> { .success(Planted()) }
  func giveBack(_ mirror: any Mirror) {}
}

/// Written scripts use no other file.
struct NoFiles: Error {}

enum Explore {
  /// Options for the tests: small runs, as many as it takes.
  static func options(seed: UInt64 = 1, runs: Int = 300, commands: Int = 100) -> ExplorationOptions {
    var options = ExplorationOptions()
    options.seed = seed
    options.runs = runs
    options.commands = commands
    return options
  }

  /// Explores to the end (no time limit).
  static func run(_ options: ExplorationOptions, system: (any MirrorSource)?) throws -> Exploration {
    try Explorer(options: options, system: system, origin: "test").explore { _ in true }
  }

  /// A faulty reference in memory.
  static func faulty(_ faults: FaultSet, started: Started? = nil) -> LockstepPool {
    LockstepPool {
      started?.count()
      return InProcessTransport(faults: faults)
    }
  }

  /// Counts the systems started.
  final class Started: Sendable {
    private let started = Mutex(0)
    var total: Int { started.withLock { $0 } }
    func count() { started.withLock { $0 += 1 } }
  }

  /// A script's text parsed, then run on the reference, and beside a mirror when one is given.
  static func result(of text: String, mirror: (any Mirror)? = nil) throws -> ScriptResult {
    let script = try ScriptParser.parse(text, path: "explore-failure.chat")
    return ScriptRunner(loader: { _ in throw NoFiles() }).run(script, mirror: mirror)
  }
}

/// A system under test that agrees with the reference except where `differs` says so (given
/// what the reference did and its state after it): a failure planted to see what it shrinks to.
final class PlantedSystem: MirrorSource, Mirror {
  let differs: @Sendable (Execution, Session) -> Bool

  init(differs: @escaping @Sendable (Execution, Session) -> Bool) { self.differs = differs }

  func unsupported(_ command: ScriptCommand) -> String? { nil }

  func mirror(_ execution: Execution, in session: Session) -> Divergence? {
    differs(execution, session) ? Divergence(message: "planted", diff: ["+ planted"]) : nil
  }

  func take() -> Result<any Mirror, Divergence> { .success(self) }
  func giveBack(_ mirror: any Mirror) {}
}

/// A system under test without `ready` and `status`, agreeing with the reference in the rest.
final class ThinSystem: MirrorSource, Mirror {
  func unsupported(_ command: ScriptCommand) -> String? {
    switch command {
    case .engine(.agent(_, .readyToWork)): "needs `ready`, which thin does not support"
    case .engine(.agent(_, .setStatus)): "needs `status`, which thin does not support"
    default: nil
    }
  }

  func mirror(_ execution: Execution, in session: Session) -> Divergence? { nil }
  func take() -> Result<any Mirror, Divergence> { .success(self) }
  func giveBack(_ mirror: any Mirror) {}
}

/// The third-accept mistake in a system without settings and typing: the run that finds it
/// leaves those out, and so must the run made again to shrink it.
final class ThinThirdAcceptSystem: MirrorSource, Mirror {
  func unsupported(_ command: ScriptCommand) -> String? {
    switch command {
    case .engine(.set): "needs `set`, which thin does not support"
    case .engine(.agent(_, .typing)), .engine(.customer(_, .typing)):
      "needs `typing`, which thin does not support"
    default: nil
    }
  }

  func mirror(_ execution: Execution, in session: Session) -> Divergence? {
    ThirdAcceptSystem.Planted().mirror(execution, in: session)
  }

  func take() -> Result<any Mirror, Divergence> { .success(self) }
  func giveBack(_ mirror: any Mirror) {}
}

/// A system whose failure depends on its whole history, like a proxy that stops after so many
/// requests in total: it fails at the `limit`th command it is given since it started, in
/// whatever run that falls, then starts again. A reset between runs does not clear the count.
final class WornOutSystem: MirrorSource, Mirror {
  let limit: Int
  private let given = Mutex(0)

  init(limit: Int) { self.limit = limit }

  func unsupported(_ command: ScriptCommand) -> String? { nil }

  func mirror(_ execution: Execution, in session: Session) -> Divergence? {
    let wornOut = given.withLock { given in
      given += 1
      guard given == limit else { return false }
      given = 0
      return true
    }
    return wornOut ? Divergence(message: "it stopped after \(limit) commands") : nil
  }

  func take() -> Result<any Mirror, Divergence> { .success(self) }
  func giveBack(_ mirror: any Mirror) {}
}
