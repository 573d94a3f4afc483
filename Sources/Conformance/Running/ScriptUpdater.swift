/// `clavard run --update`: rewrites the `<` and `!` lines under each command with what the
/// command actually did, and leaves every other byte of the file as it was (comments, blank
/// lines, indentation, line endings, the commands themselves).
///
/// ```swift
/// let outcomes = ScriptUpdater.record(script, loader: loader)
/// let updated = try ScriptUpdater.rewrite(text, path: script.path, outcomes: outcomes)
/// ```
///
/// A command whose outcome is `.failed` (an `expect` that does not hold, an actor that cannot
/// do that) keeps its lines: there is nothing true to write, and the script keeps failing there.
public enum ScriptUpdater {
  /// Why `--update` would not touch anything: a file it would run cannot be read or parsed.
  public struct NothingUpdated: Error, Hashable, Sendable, CustomStringConvertible {
    public var errors: [ScriptProblem]

    public init(errors: [ScriptProblem]) {
      self.errors = errors
    }

    public init(errors: [ParseError]) {
      self.init(errors: errors.map(ScriptProblem.invalid))
    }

    public var description: String {
      (errors.map(\.description) + ["nothing was updated: fix these files first"]).joined(separator: "\n")
    }
  }

  /// One file the run touched: its text before and after.
  public struct FileUpdate: Hashable, Sendable {
    public var path: String
    public var original: String
    public var updated: String
    public var changed: Bool { original != updated }
  }

  /// The outcomes recorded for one file.
  public typealias FileOutcomes = (path: String, outcomes: [RecordedOutcome])

  // MARK: Updating a run

  /// Records every selected script (past mismatches, which `--update` is there to fix), then
  /// rewrites every file the scripts executed, each by its first execution in the order of
  /// `scripts`; the files come sorted by path. Refuses (changing nothing) when a file that
  /// would run, included ones too, cannot be read or parsed, and when two scripts run one
  /// file (a fragment they `use`) with different outcomes, so that they would rewrite it
  /// differently.
  public static func update(_ scripts: [Script], loader: @escaping ScriptRunner.Loader, jobs: Int = 1)
    async throws(NothingUpdated) -> [FileUpdate]
  {
    let includes = IncludeResolver(loader: loader)
    let includeErrors = includeErrors(of: scripts, includes: includes)
    guard includeErrors.isEmpty else {
      throw NothingUpdated(errors: includeErrors)
    }
    let recordings = await orderedConcurrentMap(scripts, jobs: jobs) { record($0, includes: includes) }
    let conflicts = conflicts(recordings, scripts: scripts.map(\.path))
    guard conflicts.isEmpty else { throw NothingUpdated(errors: conflicts) }
    var updates: [FileUpdate] = []
    var errors: [ScriptProblem] = []
    for (path, outcomes) in firstExecutions(recordings) {
      let text: String
      do {
        guard let decoded = String(validating: try loader(path), as: UTF8.self) else {
          errors.append(
            .invalid(
              ParseError(
                "this file is not valid UTF-8; save it as UTF-8", at: SourceLocation(file: path, line: 1))))
          continue
        }
        text = decoded
      } catch {
        errors.append(.unreadable(UnreadableFile(path: path, message: "cannot read this file: \(error)")))
        continue
      }
      do {
        updates.append(
          FileUpdate(path: path, original: text, updated: try rewrite(text, path: path, outcomes: outcomes)))
      } catch {
        errors.append(.invalid(error))
      }
    }
    guard errors.isEmpty else { throw NothingUpdated(errors: errors) }
    return updates.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
  }

  /// For each file the recordings touched, in the order first touched, the outcomes of its
  /// first execution: those of the first recording (script) that executed it.
  public static func firstExecutions(_ recordings: [[RecordedOutcome]]) -> [FileOutcomes] {
    var owner: [String: Int] = [:]
    var order: [String] = []
    var outcomes: [String: [RecordedOutcome]] = [:]
    for (index, recording) in recordings.enumerated() {
      for outcome in recording {
        let file = outcome.location.file
        if owner[file] == nil {
          owner[file] = index
          order.append(file)
        }
        if owner[file] == index { outcomes[file, default: []].append(outcome) }
      }
    }
    return order.map { ($0, outcomes[$0] ?? []) }
  }

  /// For each file that two scripts execute with different outcomes at a command (both
  /// reaching it), an error at the first such command naming the first two scripts that
  /// disagree; in the order the files were first executed. Each script counts by its first
  /// execution of a line, as the rewrite does.
  public static func conflicts(_ recordings: [[RecordedOutcome]], scripts: [String]) -> [ParseError] {
    var order: [String] = []
    var executions: [String: [(script: Int, outcomes: [Int: RecordedOutcome])]] = [:]
    for (index, recording) in recordings.enumerated() {
      var outcomes: [String: [Int: RecordedOutcome]] = [:]
      var files: [String] = []
      for outcome in recording where outcomes[outcome.location.file]?[outcome.location.line] == nil {
        if outcomes[outcome.location.file] == nil { files.append(outcome.location.file) }
        outcomes[outcome.location.file, default: [:]][outcome.location.line] = outcome
      }
      for file in files {
        if executions[file] == nil { order.append(file) }
        executions[file, default: []].append((index, outcomes[file] ?? [:]))
      }
    }
    var errors: [ParseError] = []
    for file in order {
      guard let runs = executions[file], let first = runs.first else { continue }
      for other in runs.dropFirst() {
        let shared = first.outcomes.keys.filter { other.outcomes[$0] != nil }.sorted()
        guard
          let line = shared.first(where: {
            !Expected.sameLines(
              expectation(for: first.outcomes[$0]?.outcome), expectation(for: other.outcomes[$0]?.outcome))
          }), let location = first.outcomes[line]?.location,
          scripts.indices.contains(first.script), scripts.indices.contains(other.script)
        else { continue }
        errors.append(
          ParseError(
            "\(scripts[first.script]) and \(scripts[other.script]) would write different lines under this "
              + "command: a fragment's lines must hold in every script that uses it", at: location))
        break
      }
    }
    return errors
  }

  // MARK: Recording

  /// What every command of a script actually did, in order, on a fresh session. Unlike
  /// ``ScriptRunner/run(_:)`` it does not stop at a command whose events differ from the
  /// script's; it stops only where a `use` cannot be carried out.
  public static func record(_ script: Script, loader: @escaping ScriptRunner.Loader) -> [RecordedOutcome] {
    record(script, includes: IncludeResolver(loader: loader))
  }

  static func record(_ script: Script, includes: IncludeResolver) -> [RecordedOutcome] {
    var session = Session()
    var outcomes: [RecordedOutcome] = []
    _ = record(script.statements, chain: [], session: &session, outcomes: &outcomes, includes: includes)
    return outcomes
  }

  /// Returns false where the recording must stop (an include that cannot be run).
  private static func record(
    _ statements: [Statement], chain: [String], session: inout Session, outcomes: inout [RecordedOutcome],
    includes: IncludeResolver
  ) -> Bool {
    for statement in statements {
      switch statement.kind {
      case .step:
        continue
      case .use(let path):
        guard
          case .success(let included) = includes.resolve(path, from: statement.location, including: chain),
          record(
            included.statements, chain: chain + [statement.location.file], session: &session,
            outcomes: &outcomes,
            includes: includes)
        else { return false }
      case .command(let command, _):
        outcomes.append(RecordedOutcome(location: statement.location, outcome: session.execute(command)))
      }
    }
    return true
  }

  /// Reads and parses every file the scripts include (directly or not): the parse errors, and
  /// the `use` lines whose file cannot be read.
  static func includeErrors(of scripts: [Script], includes: IncludeResolver) -> [ParseError] {
    var seen = Set(scripts.map(\.path))
    var errors: [ParseError] = []
    var pending = scripts
    while !pending.isEmpty {
      let script = pending.removeFirst()
      for statement in script.statements {
        guard case .use(let path) = statement.kind,
          seen.insert(Paths.resolve(path, relativeTo: statement.location.file)).inserted
        else { continue }
        switch includes.resolve(path, from: statement.location, including: []) {
        case .success(let included):
          pending.append(included)
        case .failure(.parse(let error)):
          errors.append(error)
        case .failure(.loop), .failure(.tooDeep):
          // Found when the scripts run, at the line that closes the loop.
          continue
        case .failure(let failure):
          errors.append(ParseError(failure.message, at: statement.location))
        }
      }
    }
    return errors
  }

  // MARK: Rewriting one file

  /// The text of the file at `path` with the `<` and `!` lines of each command replaced by its
  /// outcome in `outcomes` (the first one recorded at the command's line; outcomes of other
  /// files are ignored). Commands without an outcome, or whose outcome is `.failed`, and
  /// commands whose lines already say what happened, are left exactly as written.
  ///
  /// New lines go where the first old `<`/`!` line was (with its indentation and line ending),
  /// or right under the command (with the command's indentation) when it had none.
  public static func rewrite(_ text: String, path: String, outcomes: [RecordedOutcome]) throws(ParseError)
    -> String
  {
    let script = try ScriptParser.parse(text, path: path)
    var outcomeAt: [Int: Outcome] = [:]
    for recorded in outcomes where recorded.location.file == path && outcomeAt[recorded.location.line] == nil
    {
      outcomeAt[recorded.location.line] = recorded.outcome
    }
    let lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map {
      String(Substring($0))
    }
    var removed: Set<Int> = []
    var inserted: [Int: [String]] = [:]  // lines to put before the line at this index
    var intended: [Int: Expected] = [:]  // by command line, to check the result
    for statement in script.statements {
      guard case .command(_, let expected) = statement.kind, let outcome = outcomeAt[statement.location.line],
        let actual = expectation(for: outcome)
      else { continue }
      intended[statement.location.line] = actual
      // Scalar by scalar, as the runner compares: a line that is only canonically equivalent
      // (a precomposed é for a decomposed one) fails, so it is rewritten.
      if expected.hasExactlyTheLines(of: actual) { continue }
      let oldLines = (expected.events.map(\.line) + [expected.refusal?.line].compactMap { $0 }).sorted()
      let commandIndex = statement.location.line - 1
      let anchor = oldLines.first.map { $0 - 1 } ?? commandIndex
      guard lines.indices.contains(anchor) else { continue }
      let indent = String(lines[anchor].unicodeScalars.prefix { $0 == " " || $0 == "\t" })
      let ending = lines[anchor].unicodeScalars.last == "\r" ? "\r" : ""
      let new =
        actual.events.map { indent + ExpectedLine.written("<", $0.text) + ending }
        + [actual.refusal].compactMap { $0 }.map { indent + ExpectedLine.written("!", $0.text) + ending }
      for old in oldLines { removed.insert(old - 1) }
      inserted[oldLines.isEmpty ? commandIndex + 1 : anchor, default: []] += new
    }
    guard !inserted.isEmpty || !removed.isEmpty else { return text }
    var result: [String] = []
    result.reserveCapacity(lines.count + inserted.values.reduce(0) { $0 + $1.count })
    for index in 0...lines.count {
      result += inserted[index] ?? []
      if index < lines.count, !removed.contains(index) { result.append(lines[index]) }
    }
    let updated = result.joined(separator: "\n")
    try check(updated, path: path, against: script, intended: intended)
    return updated
  }

  /// The lines a command's outcome should have under it; nil for `.failed` (or no outcome).
  static func expectation(for outcome: Outcome?) -> Expected? {
    switch outcome {
    case nil: nil
    case .events(let events): Expected(events: events.map { ExpectedLine(text: $0, line: 0) })
    case .refused(let message): Expected(refusal: ExpectedLine(text: message, line: 0))
    case .failed: nil
    }
  }

  /// The rewritten file must hold the same statements as before, with the intended
  /// expectations; anything else is a bug here, reported rather than written.
  private static func check(
    _ updated: String, path: String, against original: Script, intended: [Int: Expected]
  ) throws(ParseError) {
    let rewritten = try ScriptParser.parse(updated, path: path)
    let problem = ParseError(
      "cannot rewrite this file safely; it was left as it is", at: SourceLocation(file: path, line: 1))
    guard rewritten.statements.count == original.statements.count else { throw problem }
    for (old, new) in zip(original.statements, rewritten.statements) {
      guard old.source.isExactly(new.source) else { throw problem }
      switch (old.kind, new.kind) {
      case (.command(let oldCommand, let oldExpected), .command(let newCommand, let newExpected)):
        guard oldCommand == newCommand else { throw problem }
        let wanted = intended[old.location.line] ?? oldExpected
        guard newExpected.hasExactlyTheLines(of: wanted) else { throw problem }
      default:
        guard old.kind == new.kind else { throw problem }
      }
    }
  }
}
