import ContactCenter

/// One command as it ran, on the virtual clock: what the timeline of an HTML report draws.
///
/// Recorded only by a runner asked to (``ScriptRunner/init(loader:recordsTimeline:isInterrupted:)``):
/// a run without `--html` keeps nothing more than its outcomes. The events are the engine's
/// typed events, so a timeline never parses event lines back.
public struct TimedCommand: Hashable, Sendable {
  /// What kind of command it was: who did it, if anyone.
  public enum Kind: Hashable, Sendable {
    /// A definition or a setting.
    case definition
    /// `name> ...`: an agent's or a customer's command.
    case actor(String)
    case clock
    case expect
  }

  public var location: SourceLocation
  /// The line as written.
  public var source: String
  public var kind: Kind
  /// The step it ran in: an index into ``ScriptResult/steps``.
  public var step: Int?
  /// The clock before and after the command (they differ only for `clock`).
  public var start: Instant
  public var end: Instant
  public var events: [Event]
  /// The engine's refusal, when it refused.
  public var refusal: String?
  /// Why it could not be carried out as written (an `expect` that does not hold, a customer's
  /// command sent to an agent).
  public var problem: String?
  /// True for the command the script failed at (its events, refusal or the invariants after it).
  public var isFailure = false

  public init(
    location: SourceLocation, source: String, kind: Kind, step: Int? = nil, start: Instant, end: Instant,
    events: [Event] = [], refusal: String? = nil, problem: String? = nil
  ) {
    self.location = location
    self.source = source
    self.kind = kind
    self.step = step
    self.start = start
    self.end = end
    self.events = events
    self.refusal = refusal
    self.problem = problem
  }
}

extension TimedCommand.Kind {
  init(_ command: ScriptCommand) {
    switch command {
    case .engine: self = .definition
    case .actor(let name, _): self = .actor(name)
    case .clock: self = .clock
    case .expect: self = .expect
    }
  }
}

extension TimedCommand {
  /// A command just run, from `start` to `end` on the session's clock; `outcome` is the
  /// execution's, already made by the runner (making it again writes every event line again).
  init(
    _ statement: Statement, _ command: ScriptCommand, _ execution: Execution, outcome: Outcome, step: Int?,
    start: Instant, end: Instant
  ) {
    self.init(
      location: statement.location, source: statement.source, kind: Kind(command), step: step, start: start,
      end: end, events: execution.events)
    switch outcome {
    case .events: break
    case .refused(let message): refusal = message
    case .failed(let message): problem = message
    }
  }
}
