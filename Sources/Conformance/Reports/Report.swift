import ContactCenter

/// A script file found by the runner: its path, and the parsed script or why it cannot be run.
///
/// A file that cannot be read or parsed is kept (never dropped, never counted as passed): it
/// is reported with `file:line:column` and counted as failed.
public struct ScriptFile: Hashable, Sendable {
  public var path: String
  public var script: Result<Script, ScriptProblem>

  public init(path: String, script: Result<Script, ScriptProblem>) {
    self.path = path
    self.script = script
  }

  /// Parses a file's bytes.
  public init(path: String, bytes: [UInt8]) {
    do {
      self.init(path: path, script: .success(try ScriptParser.parse(bytes: bytes, path: path)))
    } catch {
      self.init(path: path, script: .failure(.invalid(error)))
    }
  }

  /// A file that could not be read: `reason` is what the system said.
  public init(path: String, unreadable reason: String) {
    self.init(
      path: path,
      script: .failure(.unreadable(UnreadableFile(path: path, message: "cannot read this file: \(reason)"))))
  }

  /// A folder that could not be read (its scripts cannot be found, so they cannot pass).
  public init(path: String, unreadableFolder reason: String) {
    self.init(
      path: path,
      script: .failure(.unreadable(UnreadableFile(path: path, message: "cannot read this folder: \(reason)")))
    )
  }

  /// The folders that hold fragments: shared set-ups that scripts `use` and that are not tests
  /// of their own (as lit's `Inputs` folders).
  public static let fragmentFolder = "setup"

  /// Whether a `.chat` file found at `relativePath` while searching a folder is a fragment: it
  /// lies in a folder named `setup` below the folder searched (`setup/one-agent.chat`,
  /// `a/setup/b/c.chat`). A run of a folder leaves fragments out; a file named on the command
  /// line runs, wherever it is, and so does the content of a `setup` folder named itself.
  public static func isFragment(relativePath: String) -> Bool {
    relativePath.split(separator: "/").dropLast().contains { $0 == fragmentFolder }
  }

  /// The path as `use` lines resolve it (`./a/../b.chat` is `b.chat`), so that a file run
  /// directly and the same file included by another script have the same name.
  public static func normalized(_ path: String) -> String {
    let normalized = Paths.normalize(path)
    return normalized.isEmpty ? path : normalized
  }
}

/// What became of one script of a run: it ran (and passed or failed), or it could not.
public enum ScriptOutcome: Hashable, Sendable {
  case ran(ScriptResult)
  /// The file could not be read or parsed.
  case broken(ScriptProblem)
}

/// One script of a run: what it did, or why it could not run.
public struct ReportEntry: Hashable, Sendable {
  public var path: String
  public var outcome: ScriptOutcome
  /// Wall-clock seconds the script took, when measured (JUnit's `time`).
  public var seconds: Double?

  public init(path: String, outcome: ScriptOutcome, seconds: Double? = nil) {
    self.path = path
    self.outcome = outcome
    self.seconds = seconds
  }

  public var passed: Bool {
    if case .ran(let result) = outcome { return result.passed }
    return false
  }

  public var isBroken: Bool {
    if case .broken = outcome { return true }
    return false
  }

  /// Why the script was not run against the system under test, when it was skipped.
  public var skipReason: String? { result?.skipped }

  public var isSkipped: Bool { skipReason != nil }

  /// It ran and failed, or could not be read or parsed (a skipped script did neither).
  public var failed: Bool { !passed && !isSkipped }

  public var result: ScriptResult? {
    if case .ran(let result) = outcome { return result }
    return nil
  }

  public var covers: [String] { result?.covers ?? [] }
  public var tags: [String] { result?.tags ?? [] }
}

/// The results of one run of scripts, in the order of the files, and how to print them.
public struct Report: Hashable, Sendable {
  public var entries: [ReportEntry]
  /// The selected scripts that did not run because the run stopped at its first failure, in order.
  public var notRun: [String]

  public init(entries: [ReportEntry], notRun: [String] = []) {
    self.entries = entries
    self.notRun = notRun
  }

  /// How many scripts were selected.
  public var planned: Int { entries.count + notRun.count }

  public var passed: Int { entries.count(where: \.passed) }
  /// Scripts that failed, and files that could not be read or parsed.
  public var failed: Int { entries.count(where: \.failed) }
  public var broken: Int { entries.count(where: \.isBroken) }
  /// Scripts not run against a system under test that lacks what they need: never passed.
  public var skipped: Int { entries.count(where: \.isSkipped) }

  /// `N passed, N failed` (`, N skipped` when some were): the line that closes every run.
  public var summary: String {
    "\(passed) passed, \(failed) failed" + (skipped > 0 ? ", \(skipped) skipped" : "")
  }

  /// What was left out when the run stopped at its first failing script, if it did.
  public var bailNote: String? {
    guard !notRun.isEmpty else { return nil }
    return "stopped after the first failing script: \(notRun.count) not run"
  }
}

extension StepResult {
  /// `passed  CHAT-4 "title" (file:line:column)`, as reports list steps.
  var reportLine: String {
    let verdictText = verdict.rawValue.padding(to: 7)
    return "\(verdictText) \(id)\(Escaping.quotedForReport(title)) (\(location))"
  }
}

extension RunFailure {
  /// The failure without its location: the step, the message, the diff and the `use` chain.
  var detail: String {
    var lines = ["\(step.map { "in step \($0): " } ?? "")\(message)"]
    lines += diff.map { "  " + $0 }
    lines += includedFrom.reversed().map { "  included from \($0)" }
    return lines.joined(separator: "\n")
  }
}

extension String {
  func padding(to width: Int) -> String {
    count >= width ? self : self + String(repeating: " ", count: width - count)
  }
}
