import Conformance
import ContactCenter

/// What must hold for any bytes that `clavard run` reads as a script, in one place for the
/// random fuzz tests (`swift test`) and the coverage-guided fuzzer (`scripts/fuzz`). Each check
/// returns what is wrong, empty when everything holds; none traps on its own account.
public enum ScriptChecks {
  /// Every check below, in the order `clavard run` and `clavard run --update` go: the bytes
  /// parsed as a file's; a script run, its reports written, and rewritten by `--update`; a
  /// refusal's reports written.
  public static func all(_ bytes: [UInt8], path: String, loader: @escaping ScriptRunner.Loader) -> [String] {
    let (file, problems) = parse(bytes, path: path)
    switch file.script {
    case .failure(let error):
      return problems + reports(ReportEntry(path: path, outcome: .broken(error)))
    case .success(let script):
      let (result, runProblems) = run(script, loader: loader)
      return problems + runProblems + reports(ReportEntry(path: path, outcome: .ran(result)))
        + update(script, bytes: bytes, loader: loader)
    }
  }

  // MARK: Parsing

  /// Parses `bytes` as `clavard run` parses a file it has read (``ScriptFile/init(path:bytes:)``):
  /// a refusal has a message, is located inside the input (for invalid UTF-8, at the first bad
  /// byte, which its message names) and is described with what it quotes escaped; a script's
  /// statements are located inside the input.
  public static func parse(_ bytes: [UInt8], path: String) -> (file: ScriptFile, problems: [String]) {
    let file = ScriptFile(path: path, bytes: bytes)
    let lines = InputLines(bytes, path: path)
    var problems: [String] = []
    switch file.script {
    case .success(let script):
      for statement in script.statements {
        if let problem = lines.problem(statement.location, message: "") {
          problems.append("statement " + problem)
        }
      }
    case .failure(.invalid(let error)):
      if error.message.isEmpty { problems.append("empty message at \(error.location)") }
      if error.description != Escaping.invisiblesEscaped("\(error.location): \(error.message)") {
        problems.append("description \(error.description)")
      }
      if let problem = lines.problem(error.location, message: error.message) {
        problems.append(problem + " — " + error.message)
      }
    case .failure(let other):
      problems.append("bytes in memory reported as a file that cannot be read: \(other)")
    }
    return (file, problems)
  }

  // MARK: Running

  /// Runs a parsed script as `clavard run` does, and every command of it with a bare session:
  /// the result is consistent (passed exactly when there is no failure, one failed step at
  /// most, a failure located at a line and column), and the engine keeps its invariants.
  public static func run(_ script: Script, loader: @escaping ScriptRunner.Loader) -> (
    result: ScriptResult, problems: [String]
  ) {
    var problems: [String] = []
    let result = ScriptRunner(loader: loader).run(script)
    if result.passed != (result.failure == nil) { problems.append("passed disagrees with failure") }
    if result.steps.count(where: { $0.verdict == .failed }) > 1 { problems.append("several failed steps") }
    if let failure = result.failure {
      if failure.message.contains("broke its invariants") { problems.append(failure.description) }
      if failure.location.line < 1 || failure.location.column < 1 {
        problems.append("failure location \(failure.location)")
      }
    }
    var session = Session()
    for statement in script.statements {
      guard case .command(let command, _) = statement.kind else { continue }
      _ = session.execute(command)
      let violations = session.center.invariantViolations()
      if !violations.isEmpty {
        problems.append("after \(statement.source): \(violations)")
        break
      }
    }
    return (result, problems)
  }

  // MARK: Reports

  /// The reports of one script's entry (plain text, TAP, GitHub annotation, JUnit) hold no
  /// control, line-separator or bidirectional character raw but the newlines between lines:
  /// whatever the file held reaches a terminal, a CI log or an XML reader escaped.
  public static func reports(_ entry: ReportEntry) -> [String] {
    let reports = [
      ("text", Report.text(entry)), ("TAP", Report.tap(entry, number: 1)),
      ("GitHub", Report.githubAnnotation(entry) ?? ""), ("JUnit", Report(entries: [entry]).junit()),
    ]
    return reports.compactMap { name, text in rawUnsafe(text).map { "the \(name) report holds \($0) raw" } }
  }

  /// The first unsafe scalar of `text` other than a newline, as `U+1B`.
  static func rawUnsafe(_ text: String) -> String? {
    text.unicodeScalars.first { $0 != "\n" && Escaping.isUnsafe($0) }.map {
      "U+" + String($0.value, radix: 16, uppercase: true)
    }
  }

  // MARK: Updating

  /// `clavard run --update` on the script's own file, twice: the first rewrite is refused only
  /// for a reason (never for a file it parsed), keeps every statement, and writes under each
  /// command it recorded what that command did, so that the command then passes; its diff
  /// holds nothing raw; the second rewrite changes nothing.
  public static func update(_ script: Script, bytes: [UInt8], loader: @escaping ScriptRunner.Loader)
    -> [String]
  {
    guard let text = String(validating: bytes, as: UTF8.self) else {
      return ["a script parsed from bytes that are not UTF-8"]
    }
    let path = script.path
    let outcomes = ScriptUpdater.record(script, loader: loader)
    let updated: String
    let rewritten: Script
    do {
      updated = try ScriptUpdater.rewrite(text, path: path, outcomes: outcomes)
      rewritten = try ScriptParser.parse(updated, path: path)
    } catch {
      return ["--update: \(error)"]
    }
    var problems: [String] = []
    if let raw = rawUnsafe(UnifiedDiff.text(path: path, old: text, new: updated)) {
      problems.append("--update's diff holds \(raw) raw")
    }
    let outcomesAgain = ScriptUpdater.record(rewritten, loader: loader)
    guard outcomesAgain.map(\.outcome) == outcomes.map(\.outcome) else {
      return problems + ["the updated script's commands did other things than the original's"]
    }
    var firstOutcome: [Int: Outcome] = [:]
    for recorded in outcomesAgain where recorded.location.file == path {
      firstOutcome[recorded.location.line] = firstOutcome[recorded.location.line] ?? recorded.outcome
    }
    for statement in rewritten.statements {
      guard case .command(_, let expected) = statement.kind,
        let outcome = firstOutcome[statement.location.line]
      else { continue }
      if case .failed = outcome { continue }
      if let mismatch = ScriptRunner.mismatch(outcome, expected, source: statement.source) {
        problems.append("after --update, line \(statement.location.line) still fails: \(mismatch.message)")
      }
    }
    do {
      let twice = try ScriptUpdater.rewrite(updated, path: path, outcomes: outcomesAgain)
      if twice != updated { problems.append("a second --update changed the file again") }
    } catch {
      problems.append("a second --update: \(error)")
    }
    return problems
  }
}
