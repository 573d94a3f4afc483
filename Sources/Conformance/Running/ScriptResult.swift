import ContactCenter

/// The result of running one script.
public struct ScriptResult: Hashable, Sendable {
  public var path: String
  public var covers: [String]
  public var tags: [String]
  public var steps: [StepResult] = []
  public var failure: RunFailure?
  public var commandsRun = 0
  /// True when the run was asked to stop (Ctrl-C in the REPL) before its end: `failure` says
  /// where, and the commands before it ran.
  public var wasInterrupted = false
  /// What each command actually did, by where it was written: what `--update` writes back.
  public var outcomes: [RecordedOutcome] = []
  /// Each command with its instant and typed events, in the order they ran: kept only by a
  /// runner that records a timeline (for `--html`), empty otherwise.
  public var timeline: [TimedCommand] = []
  /// Why the script was not run against a system under test (it needs a command the system
  /// does not support): reported apart, never counted as passed.
  public var skipped: String?

  public var passed: Bool { failure == nil && skipped == nil }

  public init(path: String, covers: [String] = [], tags: [String] = []) {
    self.path = path
    self.covers = covers
    self.tags = tags
  }
}

/// The verdict of a step, or of a script: it passed, it failed, or it never ran (a step after
/// the failure; a script left out when a run stops at its first failure). Its raw value is how
/// reports write it.
public enum Verdict: String, Hashable, Sendable {
  case passed, failed
  case notRun = "not run"
}

public struct StepResult: Hashable, Sendable {
  public var id: String
  public var title: String
  public var location: SourceLocation
  public var verdict: Verdict
}

/// A command's actual outcome, at the line where the command was written.
public struct RecordedOutcome: Hashable, Sendable {
  public var location: SourceLocation
  public var outcome: Outcome
}

/// Why a script failed: where (with the chain of `use` lines that led there), in which step,
/// what went wrong, and for events a `-expected +actual` diff.
public struct RunFailure: Error, Hashable, Sendable, CustomStringConvertible {
  public var location: SourceLocation
  /// The `use` lines that led to the failing file, outermost first.
  public var includedFrom: [SourceLocation]
  public var step: String?
  public var message: String
  public var diff: [String]

  public init(
    location: SourceLocation, includedFrom: [SourceLocation] = [], step: String? = nil, message: String,
    diff: [String] = []
  ) {
    self.location = location
    self.includedFrom = includedFrom
    self.step = step
    self.message = message
    self.diff = diff
  }

  public var description: String {
    var lines = ["\(location): \(step.map { "in step \($0): " } ?? "")\(message)"]
    lines += diff.map { "  " + $0 }
    lines += includedFrom.reversed().map { "  included from \($0)" }
    // Line by line, so the message's own line breaks stay line breaks.
    return lines.map(Escaping.controlsEscaped).joined(separator: "\n")
  }
}

/// A line diff of expected against actual: `-` only expected, `+` only actual, ` ` both.
public enum LineDiff {
  /// A line that looks like one on the other side but differs in its scalars is shown with
  /// its non-ASCII scalars as `\u{…}`, so that the diff does not show two identical lines.
  private static func shown(_ line: String, among others: [String]) -> String {
    others.first { $0 == line && !$0.isExactly(line) }.map { line.showingScalars(against: $0) } ?? line
  }

  public static func lines(expected: [String], actual: [String]) -> [String] {
    let n = expected.count
    let m = actual.count
    // The table is n × m: for very long event lists show everything removed, then added.
    guard n * m <= 1_000_000 else { return expected.map { "- " + $0 } + actual.map { "+ " + $0 } }
    // Longest common subsequence table, from the ends; event lists are short.
    var table = [[Int]](repeating: [Int](repeating: 0, count: m + 1), count: n + 1)
    for i in stride(from: n - 1, through: 0, by: -1) {
      for j in stride(from: m - 1, through: 0, by: -1) {
        table[i][j] =
          expected[i].isExactly(actual[j]) ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
      }
    }
    var result: [String] = []
    var i = 0
    var j = 0
    while i < n || j < m {
      if i < n, j < m, expected[i].isExactly(actual[j]) {
        result.append("  " + expected[i])
        i += 1
        j += 1
      } else if j < m, i == n || table[i][j + 1] > table[i + 1][j] {
        result.append("+ " + shown(actual[j], among: expected))
        j += 1
      } else {
        result.append("- " + shown(expected[i], among: actual))
        i += 1
      }
    }
    return result
  }
}

extension Escaping {
  /// A step title in quotes, for failure messages.
  static func quotedForReport(_ text: String) -> String { text.isEmpty ? "" : " " + quoted(text) }
}
