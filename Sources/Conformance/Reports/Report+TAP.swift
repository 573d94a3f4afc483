import ContactCenter

extension Report {
  /// The run as TAP version 13 (`--tap`): a plan, one test line per script, and for each
  /// failure a YAML block with the message, where, the step, the diff, the `use` chain and the
  /// script's steps with their verdicts. A run stopped at its first failure ends with `Bail out!`.
  ///
  /// The summary closes it as a TAP comment, `# N passed, N failed`: a bare line would be an
  /// "unknown line", tolerated by TAP 13 but an error for strict consumers; a comment is valid
  /// for every consumer and still reads (and greps) as the summary.
  public var tap: String {
    var text = Self.tapHeader(planned: planned)
    for (offset, entry) in entries.enumerated() { text += Self.tap(entry, number: offset + 1) }
    if !notRun.isEmpty { text += Self.tapBailOut }
    text += tapSummary
    return text
  }

  /// `TAP version 13` and the plan.
  public static func tapHeader(planned: Int) -> String {
    "TAP version 13\n1..\(planned)\n"
  }

  /// After the first failing script, when the run stops there.
  public static let tapBailOut = "Bail out! stopped after the first failing script\n"

  /// The summary, as a TAP comment.
  public var tapSummary: String { "# \(summary)\n" }

  /// The test line of one script (numbered from 1), and its YAML block when it failed.
  public static func tap(_ entry: ReportEntry, number: Int) -> String {
    let description = tapDescription(entry.path)
    if let reason = entry.skipReason {
      // A directive after `#`: the reason is one line, and a `#` in it would start another.
      return "ok \(number) - \(description) # SKIP \(tapDescription(reason))\n"
    }
    guard !entry.passed else { return "ok \(number) - \(description)\n" }
    var yaml: [String] = []
    switch entry.outcome {
    case .broken(let error):
      yaml.append("message: \(yamlQuoted(error.message))")
      yaml.append("severity: fail")
      yaml += yamlLocation(error.location)
    case .ran(let result):
      guard let failure = result.failure else { return "not ok \(number) - \(description)\n" }
      yaml.append("message: \(yamlQuoted(failure.message))")
      yaml.append("severity: fail")
      yaml += yamlLocation(failure.location)
      if let step = failure.step { yaml.append("step: \(yamlQuoted(step))") }
      yaml += yamlList("diff", failure.diff)
      yaml += yamlList("included_from", failure.includedFrom.reversed().map(\.description))
      yaml += yamlList("covers", result.covers)
      yaml += yamlList("tags", result.tags)
      yaml += yamlList("steps", result.steps.map(\.reportLine))
    }
    return "not ok \(number) - \(description)\n  ---\n" + yaml.map { "  " + $0 + "\n" }.joined() + "  ...\n"
  }

  private static func yamlLocation(_ location: SourceLocation) -> [String] {
    [
      "at:", "  file: \(yamlQuoted(location.file))", "  line: \(location.line)",
      "  column: \(location.column)",
    ]
  }

  private static func yamlList(_ key: String, _ values: [String]) -> [String] {
    values.isEmpty ? [] : ["\(key):"] + values.map { "  - " + yamlQuoted($0) }
  }

  /// A YAML double-quoted scalar: `\` and `"` escaped, line breaks as `\n`/`\r`, tabs as `\t`,
  /// and controls, line separators, bidirectional controls and non-characters as
  /// `\x..`/`\u....`: the block stays one scalar, and nothing reaches a terminal raw.
  public static func yamlQuoted(_ text: String) -> String {
    let escaped = Escaping.replacingScalars(in: text) { scalar in
      switch scalar {
      case "\\": return "\\\\"
      case "\"": return "\\\""
      case "\n": return "\\n"
      case "\r": return "\\r"
      case "\t": return "\\t"
      default:
        guard Escaping.isUnsafe(scalar) || [0xFEFF, 0xFFFE, 0xFFFF].contains(scalar.value) else { return nil }
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return scalar.value < 0x100
          ? "\\x" + String(repeating: "0", count: 2 - hex.count) + hex
          : "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      }
    }
    return "\"" + escaped + "\""
  }

  /// A test description stays on its line and shows no control character raw; `#` (which
  /// would start a directive) and `\` (which escapes it) are escaped as TAP says.
  static func tapDescription(_ path: String) -> String {
    let tapEscaped = Escaping.replacingScalars(in: path) { scalar in
      switch scalar {
      case "#": "\\#"
      case "\\": "\\\\"
      default: nil
      }
    }
    return Escaping.controlsEscaped(tapEscaped)
  }
}
