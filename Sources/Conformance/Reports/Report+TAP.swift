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
  /// and controls and other non-printable characters as `\x..`/`\u....`.
  public static func yamlQuoted(_ text: String) -> String {
    let escaped = Escaping.replacingScalars(in: text) { scalar in
      switch scalar {
      case "\\": return "\\\\"
      case "\"": return "\\\""
      case "\n": return "\\n"
      case "\r": return "\\r"
      case "\t": return "\\t"
      default:
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F:
          let hex = String(scalar.value, radix: 16, uppercase: true)
          return "\\x" + (hex.count == 1 ? "0" : "") + hex
        case 0x2028, 0x2029, 0xFEFF, 0xFFFE, 0xFFFF:
          return "\\u" + String(scalar.value, radix: 16, uppercase: true)
        default:
          return nil
        }
      }
    }
    return "\"" + escaped + "\""
  }

  /// A test description stays on its line, and `#` (which would start a directive) is escaped.
  static func tapDescription(_ path: String) -> String {
    Escaping.replacingScalars(in: path) { scalar in
      switch scalar {
      case "#": "\\#"
      case "\\": "\\\\"
      case "\n": "\\n"
      case "\r": "\\r"
      default: nil
      }
    }
  }
}
