import ContactCenter

/// Runs scripts against a fresh session each, checking every command's events (exhaustive and
/// ordered), refusals and `expect` lines, and the engine's invariants after every command.
/// A script stops at its first failure; the steps after it are reported as not run.
public struct ScriptRunner: Sendable {
  /// Reads the file at a path (for `use`); the executable passes the file system, tests a
  /// dictionary.
  public typealias Loader = IncludeResolver.Loader

  /// How deep `use` may nest.
  public static let maximumIncludeDepth = IncludeResolver.maximumDepth
  /// How many `use` lines one script may run in all: a file that includes the next one twice,
  /// 32 deep, would otherwise run billions of times.
  public static let maximumIncludes = 10_000

  /// Asked before each command whether to stop there (the REPL's Ctrl-C); never, by default.
  public typealias Interruption = @Sendable () -> Bool

  private let includes: IncludeResolver
  private let isInterrupted: Interruption
  /// Whether each command's instant and typed events are kept (``ScriptResult/timeline``), for
  /// an HTML report; off, a run keeps only its outcomes.
  public let recordsTimeline: Bool

  /// A runner whose `use` lines read files with `loader`, each file once.
  public init(
    loader: @escaping Loader, recordsTimeline: Bool = false, isInterrupted: @escaping Interruption = { false }
  ) {
    self.init(
      includes: IncludeResolver(loader: loader), recordsTimeline: recordsTimeline,
      isInterrupted: isInterrupted)
  }

  /// A runner that shares its included files with others (the jobs of a run, the REPL).
  public init(
    includes: IncludeResolver, recordsTimeline: Bool = false,
    isInterrupted: @escaping Interruption = { false }
  ) {
    self.includes = includes
    self.recordsTimeline = recordsTimeline
    self.isInterrupted = isInterrupted
  }

  /// Runs a script in a fresh session; with a mirror, each command also on the other side.
  public func run(_ script: Script, mirror: (any Mirror)? = nil) -> ScriptResult {
    var session = Session()
    return run(script, in: &session, mirror: mirror)
  }

  /// Runs a script against a session that may already hold state (the REPL's `.read`): the
  /// same checks, stopping at the first failure; the session keeps what the script did.
  public func run(_ script: Script, in session: inout Session, mirror: (any Mirror)? = nil) -> ScriptResult {
    var context = RunContext(
      result: ScriptResult(path: script.path, covers: script.covers, tags: script.tags), mirror: mirror)
    if let mirror, let reason = unsupported(script, by: mirror) {
      context.result.skipped = reason
      return context.result
    }
    do throws(RunFailure) {
      try run(script.statements, in: &session, context: &context, chain: [])
      // After every command only what it touched was checked; at the end, everything.
      let violations = session.center.invariantViolations()
      if !violations.isEmpty {
        throw RunFailure(
          location: script.statements.last?.location ?? SourceLocation(file: script.path, line: 1),
          message: "at the end of the script the engine broke its invariants: "
            + violations.joined(separator: "; "))
      }
    } catch {
      context.result.failure = error
      if let index = context.result.steps.indices.last, context.currentStepIndex == index {
        context.result.steps[index].verdict = .failed
      }
      // Steps of the top-level script that were never reached.
      let reached = Set(context.result.steps.map(\.location))
      for statement in script.statements {
        if case .step(let id, let title) = statement.kind, !reached.contains(statement.location) {
          context.result.steps.append(
            StepResult(id: id, title: title, location: statement.location, verdict: .notRun))
        }
      }
    }
    return context.result
  }

  private struct RunContext {
    var result: ScriptResult
    var mirror: (any Mirror)?
    var currentStepIndex: Int?
    var includesRun = 0
    /// The command just recorded is the one the script fails at.
    mutating func markFailure() {
      if let last = result.timeline.indices.last { result.timeline[last].isFailure = true }
    }
    var currentStepName: String? {
      currentStepIndex.map { "\(result.steps[$0].id)\(Escaping.quotedForReport(result.steps[$0].title))" }
    }
  }

  private func run(
    _ statements: [Statement], in session: inout Session, context: inout RunContext, chain: [SourceLocation]
  ) throws(RunFailure) {
    for statement in statements {
      switch statement.kind {
      case .step(let id, let title):
        context.result.steps.append(
          StepResult(id: id, title: title, location: statement.location, verdict: .passed))
        context.currentStepIndex = context.result.steps.count - 1
      case .use(let path):
        context.includesRun += 1
        guard context.includesRun <= Self.maximumIncludes else {
          throw RunFailure(
            location: statement.location, includedFrom: chain, step: context.currentStepName,
            message: "this script runs more than \(Self.maximumIncludes) 'use' lines")
        }
        let included = try load(path, from: statement.location, chain: chain, step: context.currentStepName)
        try run(included.statements, in: &session, context: &context, chain: chain + [statement.location])
      case .command(let command, let expected):
        if isInterrupted() {
          context.result.wasInterrupted = true
          throw RunFailure(
            location: statement.location, includedFrom: chain, step: context.currentStepName,
            message: "interrupted before this command; the commands before it ran")
        }
        let start = session.center.now
        let execution = session.run(command)
        let outcome = execution.outcome
        context.result.commandsRun += 1
        context.result.outcomes.append(RecordedOutcome(location: statement.location, outcome: outcome))
        if recordsTimeline {
          context.result.timeline.append(
            TimedCommand(
              statement, command, execution, outcome: outcome, step: context.currentStepIndex, start: start,
              end: session.center.now))
        }
        if let problem = Self.mismatch(outcome, expected, source: statement.source) {
          context.markFailure()
          throw RunFailure(
            location: statement.location, includedFrom: chain, step: context.currentStepName,
            message: problem.message, diff: problem.diff)
        }
        if let divergence = context.mirror?.mirror(execution, in: session) {
          context.markFailure()
          throw RunFailure(
            location: statement.location, includedFrom: chain, step: context.currentStepName,
            message: "`\(statement.source)`: \(divergence.message)", diff: divergence.diff)
        }
        let violations = session.invariantViolationsOfLastCommand()
        if !violations.isEmpty {
          context.markFailure()
          throw RunFailure(
            location: statement.location, includedFrom: chain, step: context.currentStepName,
            message: "the engine broke its invariants: " + violations.joined(separator: "; "))
        }
      }
    }
  }

  /// How an outcome differs from what was written after its command (`source`): the message
  /// and the `-expected +actual` lines; nil when it matches. The one comparison of scripts and
  /// of the REPL's piped input.
  public static func mismatch(_ outcome: Outcome, _ expected: Expected, source: String) -> (
    message: String, diff: [String]
  )? {
    let command = "`\(source)`"
    switch outcome {
    case .failed(let message):
      return (message, [])
    case .refused(let message):
      guard let refusal = expected.refusal else {
        return (
          "\(command) was refused: \(message)",
          LineDiff.lines(expected: expected.events.map(\.text), actual: ["! " + message])
        )
      }
      guard refusal.text.isExactly(message) else {
        return (
          "\(command) was refused with another message",
          [
            "- ! " + refusal.text.showingScalars(against: message),
            "+ ! " + message.showingScalars(against: refusal.text),
          ]
        )
      }
      return nil
    case .events(let events):
      if let refusal = expected.refusal {
        return (
          "\(command) was expected to be refused, but it was carried out",
          ["- ! " + refusal.text] + events.map { "+ " + $0 }
        )
      }
      let expectedLines = expected.events.map(\.text)
      guard
        expectedLines.count != events.count
          || zip(expectedLines, events).contains(where: { !$0.isExactly($1) })
      else { return nil }
      return ("the events of \(command) differ", LineDiff.lines(expected: expectedLines, actual: events))
    }
  }

  /// The first command of the script, or of a file it uses, that the mirror cannot run: why it
  /// is skipped, with where the command is written.
  private func unsupported(_ script: Script, by mirror: any Mirror) -> String? {
    var pending: [(Script, [String])] = [(script, [])]
    var seen: Set<String> = [script.path]
    while let (current, chain) = pending.popLast() {
      for statement in current.statements {
        switch statement.kind {
        case .command(let command, _):
          if let reason = mirror.unsupported(command) { return "\(reason) (\(statement.location))" }
        case .use(let path):
          guard
            case .success(let included) = includes.resolve(path, from: statement.location, including: chain),
            seen.insert(included.path).inserted
          else { continue }
          pending.append((included, chain + [current.path]))
        case .step:
          continue
        }
      }
    }
    return nil
  }

  /// Reads and parses an included script, relative to the including file.
  private func load(_ path: String, from location: SourceLocation, chain: [SourceLocation], step: String?)
    throws(RunFailure) -> Script
  {
    switch includes.resolve(path, from: location, including: chain.map(\.file)) {
    case .success(let script):
      return script
    case .failure(.parse(let error)):
      throw RunFailure(
        location: error.location, includedFrom: chain + [location], step: step, message: error.message)
    case .failure(let failure):
      throw RunFailure(location: location, includedFrom: chain, step: step, message: failure.message)
    }
  }
}
