import ContactCenter

extension Report {
  /// The run as JUnit XML (`--junit FILE`): one `<testsuite>` for the run, one `<testcase>` per
  /// script with its `covers` ids and tags as `<properties>`, its steps and their verdicts in
  /// `<system-out>`, and a `<failure>` (script failed), an `<error>` (file cannot be read or
  /// parsed) or a `<skipped>` (left out when the run stopped at its first failure).
  ///
  /// Text is escaped for XML 1.0; characters XML cannot hold at all (most C0 controls, C1
  /// controls, DEL, U+FFFE, U+FFFF) are written as visible `\u{…}` escapes.
  public func junit(name: String = "clavard run") -> String {
    let failures = entries.count(where: { !$0.passed && !$0.isBroken })
    let counts =
      "tests=\"\(planned)\" failures=\"\(failures)\" errors=\"\(broken)\" skipped=\"\(notRun.count)\""
    let measured = entries.compactMap(\.seconds)
    let time = measured.isEmpty ? "" : " time=\"\(Self.junitSeconds(measured.reduce(0, +)))\""
    var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    xml += "<testsuites name=\"\(Self.xml(name, attribute: true))\" \(counts)\(time)>\n"
    xml += "  <testsuite name=\"\(Self.xml(name, attribute: true))\" \(counts)\(time)>\n"
    for entry in entries { xml += Self.junitCase(entry) }
    for path in notRun {
      xml += "    <testcase \(Self.junitNames(path))>\n"
      xml += "      <skipped message=\"not run: the run stopped at the first failing script\"/>\n"
      xml += "    </testcase>\n"
    }
    xml += "  </testsuite>\n"
    xml += "</testsuites>\n"
    return xml
  }

  private static func junitCase(_ entry: ReportEntry) -> String {
    let time = entry.seconds.map { " time=\"\(junitSeconds($0))\"" } ?? ""
    var xml = "    <testcase \(junitNames(entry.path))\(time)>\n"
    var properties: [(String, [String])] = []
    if !entry.covers.isEmpty { properties.append(("covers", entry.covers)) }
    if !entry.tags.isEmpty { properties.append(("tags", entry.tags)) }
    if !properties.isEmpty {
      xml += "      <properties>\n"
      for (name, values) in properties {
        xml +=
          "        <property name=\"\(name)\" value=\"\(Self.xml(values.joined(separator: " "), attribute: true))\"/>\n"
      }
      xml += "      </properties>\n"
    }
    switch entry.outcome {
    case .broken(let error):
      let text = Self.xml(error.description, attribute: false)
      xml +=
        "      <error message=\"\(Self.xml(error.description, attribute: true))\" type=\"parse error\">\(text)</error>\n"
    case .ran(let result):
      if let failure = result.failure {
        let first =
          failure.description.split(separator: "\n", maxSplits: 1).first.map(String.init) ?? failure.message
        xml += "      <failure message=\"\(Self.xml(first, attribute: true))\" type=\"script failed\">"
        xml += Self.xml(failure.description, attribute: false) + "</failure>\n"
      }
      var out = result.steps.isEmpty ? ["no steps"] : result.steps.map(\.reportLine)
      out.append("\(result.commandsRun) command\(result.commandsRun == 1 ? "" : "s") run")
      xml +=
        "      <system-out>" + Self.xml(out.joined(separator: "\n") + "\n", attribute: false)
        + "</system-out>\n"
    }
    xml += "    </testcase>\n"
    return xml
  }

  /// `name` is the script's path; `classname` its folder (`.` at the top), as CI tools group by.
  private static func junitNames(_ path: String) -> String {
    let folder = path.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(
      separator: "/")
    return
      "name=\"\(xml(path, attribute: true))\" classname=\"\(xml(folder.isEmpty ? "." : folder, attribute: true))\""
  }

  /// Seconds with three decimals, without Foundation.
  static func junitSeconds(_ seconds: Double) -> String {
    let milliseconds = Int((max(0, seconds) * 1000).rounded())
    let fraction = String(milliseconds % 1000)
    return "\(milliseconds / 1000).\(String(repeating: "0", count: 3 - fraction.count))\(fraction)"
  }

  /// Escapes text for XML 1.0 content or a double-quoted attribute. Characters XML cannot hold
  /// (most C0 controls, C1 controls, DEL, U+FFFE, U+FFFF), carriage returns (which XML readers
  /// turn into line breaks) and the other characters no terminal or CI page should get raw
  /// (line separators, bidirectional controls) are written as visible `\u{…}` or `\r`.
  public static func xml(_ text: String, attribute: Bool) -> String {
    Escaping.replacingScalars(in: text) { scalar in
      switch scalar {
      case "&": return "&amp;"
      case "<": return "&lt;"
      case ">": return "&gt;"
      case "\"" where attribute: return "&quot;"
      case "'" where attribute: return "&apos;"
      // Attribute values lose raw tabs and line breaks to normalization.
      case "\t" where attribute: return "&#9;"
      case "\n" where attribute: return "&#10;"
      case "\t", "\n": return nil
      case "\r": return "\\r"
      default:
        return Escaping.isUnsafe(scalar) || scalar.value == 0xFFFE || scalar.value == 0xFFFF
          ? Escaping.braced(scalar) : nil
      }
    }
  }
}
