import ContactCenter

/// `clavard coverage`: each requirement of the catalogue with the scripts and steps that cover
/// it, and their verdicts. A script covers the ids of its `# covers:` line; a step covers its
/// id (in whichever script runs it, included files too).
public struct Coverage: Hashable, Sendable {
  /// A requirement's verdict: every cover passed, one failed, or nothing covers it.
  public enum RequirementVerdict: String, Hashable, Sendable {
    case passed
    case failed = "FAILED"
    case notCovered = "NOT COVERED"
  }

  /// One script or step that covers a requirement.
  public struct Cover: Hashable, Sendable {
    /// The script that ran.
    public var script: String
    /// The step, when the cover is a step; nil for the script's `# covers:` line.
    public var step: StepResult?
    /// The script's verdict (passed or failed), or the step's (or not run).
    public var verdict: Verdict

    public var passed: Bool { verdict == .passed }

    /// `script fixtures/a.chat` or `step fixtures/a.chat:12:1 CHAT-4 "title"` (and
    /// `via fixtures/b.chat` for a step of an included file).
    public var label: String {
      guard let step else { return "script \(script)" }
      let via = step.location.file == script ? "" : " via \(script)"
      return "step \(step.location) \(step.id)\(Escaping.quotedForReport(step.title))\(via)"
    }
  }

  public struct Row: Hashable, Sendable {
    public var requirement: Requirement
    public var covers: [Cover]
    public var verdict: RequirementVerdict {
      if covers.isEmpty { return .notCovered }
      return covers.allSatisfy(\.passed) ? .passed : .failed
    }
  }

  /// An id that scripts name but the catalogue does not have (a typo, or a missing row).
  public struct UnknownID: Hashable, Sendable {
    public var id: String
    public var scripts: [String]
  }

  public var catalogue: RequirementCatalogue
  public var rows: [Row]
  public var unknown: [UnknownID]
  /// Files that could not be read or parsed (they cover nothing).
  public var broken: [ScriptProblem]
  /// Scripts that failed, covering something or not.
  public var failedScripts: [String]

  public init(catalogue: RequirementCatalogue, report: Report) {
    self.catalogue = catalogue
    var covers: [String: [Cover]] = [:]
    var unknownScripts: [String: [String]] = [:]
    var unknownOrder: [String] = []
    let known = Set(catalogue.requirements.map(\.id))
    func add(_ id: String, _ cover: Cover) {
      covers[id, default: []].append(cover)
      guard !known.contains(id) else { return }
      if unknownScripts[id] == nil { unknownOrder.append(id) }
      if unknownScripts[id]?.contains(cover.script) != true {
        unknownScripts[id, default: []].append(cover.script)
      }
    }
    var broken: [ScriptProblem] = []
    var failedScripts: [String] = []
    for entry in report.entries {
      switch entry.outcome {
      case .broken(let error):
        broken.append(error)
      case .ran(let result):
        // Not run against the system under test: it covers nothing for it.
        if result.skipped != nil { continue }
        if !result.passed { failedScripts.append(entry.path) }
        let verdict: Verdict = result.passed ? .passed : .failed
        for id in Self.unique(result.covers) {
          add(id, Cover(script: entry.path, step: nil, verdict: verdict))
        }
        for step in result.steps {
          add(step.id, Cover(script: entry.path, step: step, verdict: step.verdict))
        }
      }
    }
    rows = catalogue.requirements.map { Row(requirement: $0, covers: covers[$0.id] ?? []) }
    unknown = unknownOrder.map { UnknownID(id: $0, scripts: unknownScripts[$0] ?? []) }
    self.broken = broken
    self.failedScripts = failedScripts
  }

  private static func unique(_ ids: [String]) -> [String] {
    var seen: Set<String> = []
    return ids.filter { seen.insert($0).inserted }
  }

  public func count(_ verdict: RequirementVerdict) -> Int { rows.count(where: { $0.verdict == verdict }) }

  /// `41 requirements: 30 passed, 1 failed, 10 not covered`
  public var summary: String {
    "\(rows.count) requirement\(rows.count == 1 ? "" : "s"): \(count(.passed)) passed, \(count(.failed)) failed, "
      + "\(count(.notCovered)) not covered"
  }

  /// True when every requirement passed and no script failed: nothing is missing or wrong.
  public var isComplete: Bool {
    broken.isEmpty && failedScripts.isEmpty && rows.allSatisfy { $0.verdict == .passed }
  }

  // MARK: Text

  /// Each requirement with its verdict, then what covers it, then ids the catalogue lacks, and
  /// the summary.
  public var text: String {
    var lines: [String] = []
    for row in rows {
      let requirement = row.requirement
      let group = requirement.group.isEmpty ? "" : "(\(requirement.group)) "
      lines.append("\(row.verdict.rawValue.padding(to: 11)) \(requirement.id) \(group)\(requirement.text)")
      for cover in row.covers { lines.append("  \(cover.verdict.rawValue.padding(to: 7)) \(cover.label)") }
    }
    for unknown in unknown {
      lines.append("not in the catalogue: \(unknown.id), named by \(unknown.scripts.joined(separator: ", "))")
    }
    for script in failedScripts where !rows.contains(where: { $0.covers.contains { $0.script == script } }) {
      lines.append("FAILED \(script) (covers no requirement of the catalogue)")
    }
    lines.append(summary)
    // Ids, titles and paths come from files: never let a control character through.
    return lines.map(Escaping.controlsEscaped).joined(separator: "\n") + "\n"
  }

  /// A Markdown table for a CI summary (GitHub's `$GITHUB_STEP_SUMMARY`), then the summary.
  public var markdown: String {
    var lines = [
      "| ID | Group | Requirement | Verdict | Covered by |",
      "|---|---|---|---|---|",
    ]
    for row in rows {
      let verdict: String =
        switch row.verdict {
        case .passed: "✅ passed"
        case .failed: "❌ failed"
        case .notCovered: "⚠️ not covered"
        }
      let covers = row.covers.map { "\(Self.markdownCell($0.label)) (\($0.verdict.rawValue))" }.joined(
        separator: "<br>")
      let cells = [row.requirement.id, row.requirement.group, row.requirement.text].map(Self.markdownCell)
      lines.append("| " + (cells + [verdict, covers.isEmpty ? "—" : covers]).joined(separator: " | ") + " |")
    }
    lines.append("")
    for unknown in unknown {
      let scripts = unknown.scripts.map(Self.markdownCell).joined(separator: ", ")
      lines += ["Not in the catalogue: \(Self.markdownCell(unknown.id)), named by \(scripts)", ""]
    }
    lines.append("**\(summary)**")
    return lines.joined(separator: "\n") + "\n"
  }

  /// Text safe in a table cell: one line, `|` and Markdown punctuation escaped, HTML escaped,
  /// controls, line separators and bidirectional controls shown as `\u{…}`.
  static func markdownCell(_ text: String) -> String {
    Escaping.replacingScalars(in: text) { scalar in
      switch scalar {
      case "&": "&amp;"
      case "<": "&lt;"
      case ">": "&gt;"
      case "\\", "|", "`", "*", "_", "[", "]", "#": "\\" + String(scalar)
      case "\n", "\r", "\t": " "
      default: Escaping.isUnsafe(scalar) ? Escaping.braced(scalar) : nil
      }
    }
  }

  /// Under GitHub Actions: one annotation per requirement that is not covered (at its line of
  /// the catalogue) or failed, with the catalogue's path relative to `directory` when under it.
  public func githubAnnotations(relativeTo directory: String? = nil) -> [String] {
    rows.compactMap { row in
      var location = row.requirement.location
      location.file = Paths.relative(location.file, to: directory)
      switch row.verdict {
      case .passed: return nil
      case .notCovered:
        return GitHubAnnotation.error(
          file: location.file, line: location.line,
          message: "requirement \(row.requirement.id) is covered by no script or step")
      case .failed:
        let failing = row.covers.filter { !$0.passed }.map(\.label)
        return GitHubAnnotation.error(
          file: location.file, line: location.line,
          message: "requirement \(row.requirement.id) failed in: " + failing.joined(separator: "; "))
      }
    }
  }
}
