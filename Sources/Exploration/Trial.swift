import Conformance
import ContactCenter

/// What went wrong in a run: the reference broke an invariant (or its routing audit), or the
/// system under test did not do what the reference did.
public struct Failure: Hashable, Sendable {
  public enum Kind: String, Hashable, Sendable {
    case invariant
    case divergence
  }

  public var kind: Kind
  /// The failing command's words (`accept`, `queues enable`), `set` or `clock`; `end of run`
  /// for the invariants checked on the whole state at the end.
  public var command: String
  public var message: String
  /// `-reference +sut` lines, for a divergence.
  public var diff: [String]
  /// What a smaller run must fail with to count as the same failure (``Trial``).
  let signature: String
}

/// One run of steps on a fresh reference, and on a system under test beside it when there is
/// one: each step is resolved in the reference's state (or left out), run, and checked, and
/// the run stops at the first failure. The explorer drives one step at a time; the shrinker
/// replays whole candidate runs.
struct Trial {
  /// The reference, with every offer audited.
  private(set) var session = Session()
  private let mirror: (any Mirror)?
  /// The steps that meant something and ran, in order (the failing one last).
  private(set) var kept: [Step] = []
  /// The events of the last step run.
  private(set) var lastEvents: [Event] = []
  private(set) var failure: Failure?

  init(mirror: (any Mirror)?) {
    self.mirror = mirror
  }

  /// Runs one step; returns whether it ran (it is left out when it means nothing in this state,
  /// or the system under test does not support it). Nothing runs after a failure.
  @discardableResult
  mutating func perform(_ step: Step) -> Bool {
    guard failure == nil, let resolved = step.resolved(in: session) else { return false }
    if let mirror, mirror.unsupported(resolved.command) != nil { return false }
    let execution = session.run(resolved.command)
    kept.append(step)
    lastEvents = execution.events
    if let mirror, let divergence = mirror.mirror(execution, in: session) {
      // The reference's refusal, if any, tells one divergence of a command from another.
      let detail = execution.refusal?.kind.rawValue ?? "carried out"
      failure = Failure(
        kind: .divergence, command: step.words, message: divergence.message, diff: divergence.diff,
        signature: "divergence \(step.words) \(detail)")
      return true
    }
    let violations = session.invariantViolationsOfLastCommand()
    if !violations.isEmpty { failure = Self.invariants(violations, command: step.words) }
    return true
  }

  /// The invariants of the whole state, once the run's steps are done.
  mutating func finish() {
    guard failure == nil else { return }
    let violations = session.center.invariantViolations()
    if !violations.isEmpty { failure = Self.invariants(violations, command: "end of run") }
  }

  /// Runs steps from the start; the run stops at its first failure.
  static func replay(_ steps: [Step], mirror: (any Mirror)?) -> Trial {
    var trial = Trial(mirror: mirror)
    for step in steps where trial.failure == nil { trial.perform(step) }
    trial.finish()
    return trial
  }

  /// The first violation tells this failure from another, its numbers left out (chat numbers
  /// change as the shrinker removes chats).
  private static func invariants(_ violations: [String], command: String) -> Failure {
    let first = violations.first ?? ""
    let shape = String(first.map { $0.isNumber ? "#" : $0 })
    return Failure(
      kind: .invariant, command: command,
      message: "the reference broke its invariants: " + violations.joined(separator: "; "), diff: [],
      signature: "invariant \(command) \(shape)")
  }
}
