import ContactCenter

extension Report {
  /// The run as JUnit XML, valid against the Jenkins xUnit plugin's `junit-10.xsd` and read by
  /// GitLab and `junitparser`: `<testsuites>` for the run, and for each script a `<testsuite>`
  /// (its `file`, its `covers` ids and tags as `<properties>`, the only place the schema allows
  /// them) holding its one `<testcase>`: its steps and their verdicts in `<system-out>`, and a
  /// `<failure>` (script failed), an `<error>` (file cannot be read or parsed) or a `<skipped>`
  /// (left out when the run stopped at its first failure).
  ///
  /// A test case is named by the script's path; its `classname` is the script's folder, or
  /// `name` (the run's name) for a script at the top, as lit does. Times are the measured
  /// seconds, to the microsecond.
  ///
  /// Text is escaped for XML 1.0 (see ``xml(_:attribute:)``).
  public func junit(name: String = "clavard run") -> String {
    let failures = entries.count(where: { $0.failed && !$0.isBroken })
    let measured = entries.compactMap(\.seconds)
    let time = measured.isEmpty ? "" : " time=\"\(Self.junitSeconds(measured.reduce(0, +)))\""
    var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    xml +=
      "<testsuites name=\"\(Self.xml(name, attribute: true))\" tests=\"\(planned)\" failures=\"\(failures)\""
    xml += " errors=\"\(broken)\"\(time)>\n"
    for entry in entries { xml += Self.junitSuite(entry, run: name) }
    for path in notRun {
      xml += Self.junitSuiteHead(path: path, counts: (0, 0, 1), seconds: nil)
      xml += "    <testcase \(Self.junitNames(path, run: name))>\n"
      xml += "      <skipped message=\"not run: the run stopped at the first failing script\"/>\n"
      xml += "    </testcase>\n"
      xml += "  </testsuite>\n"
    }
    xml += "</testsuites>\n"
    return xml
  }

  /// `<testsuite name=PATH tests="1" failures=… errors=… skipped=… file=PATH time=…>`.
  private static func junitSuiteHead(
    path: String, counts: (failures: Int, errors: Int, skipped: Int), seconds: Double?
  ) -> String {
    let name = xml(path, attribute: true)
    let time = seconds.map { " time=\"\(junitSeconds($0))\"" } ?? ""
    return
      "  <testsuite name=\"\(name)\" tests=\"1\" failures=\"\(counts.failures)\" errors=\"\(counts.errors)\""
      + " skipped=\"\(counts.skipped)\" file=\"\(name)\"\(time)>\n"
  }

  private static func junitSuite(_ entry: ReportEntry, run: String) -> String {
    let failed = entry.failed && !entry.isBroken
    var xml = junitSuiteHead(
      path: entry.path, counts: (failed ? 1 : 0, entry.isBroken ? 1 : 0, entry.isSkipped ? 1 : 0),
      seconds: entry.seconds)
    var properties: [(String, [String])] = []
    if !entry.covers.isEmpty { properties.append(("covers", entry.covers)) }
    if !entry.tags.isEmpty { properties.append(("tags", entry.tags)) }
    if !properties.isEmpty {
      xml += "    <properties>\n"
      for (name, values) in properties {
        xml +=
          "      <property name=\"\(name)\" value=\"\(Self.xml(values.joined(separator: " "), attribute: true))\"/>\n"
      }
      xml += "    </properties>\n"
    }
    let time = entry.seconds.map { " time=\"\(junitSeconds($0))\"" } ?? ""
    xml += "    <testcase \(junitNames(entry.path, run: run))\(time)>\n"
    switch entry.outcome {
    case .broken(let error):
      let text = Self.xml(error.description, attribute: false)
      xml +=
        "      <error message=\"\(Self.xml(error.description, attribute: true))\" type=\"parse error\">\(text)</error>\n"
    case .ran(let result):
      if let reason = result.skipped {
        xml += "      <skipped message=\"\(Self.xml(reason, attribute: true))\"/>\n"
      }
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
    xml += "  </testsuite>\n"
    return xml
  }

  /// `name` is the script's path; `classname` its folder, or the run's name at the top (a
  /// class named `.` reads as nothing in CI tools).
  private static func junitNames(_ path: String, run: String) -> String {
    let folder = path.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(
      separator: "/")
    return
      "name=\"\(xml(path, attribute: true))\" classname=\"\(xml(folder.isEmpty ? run : folder, attribute: true))\""
  }

  /// Seconds with six decimals (a script often runs in less than a millisecond), without
  /// Foundation.
  static func junitSeconds(_ seconds: Double) -> String {
    let bounded = seconds.isFinite ? min(max(0, seconds), 1e9) : 0
    let microseconds = Int((bounded * 1_000_000).rounded())
    let fraction = String(microseconds % 1_000_000)
    return "\(microseconds / 1_000_000).\(String(repeating: "0", count: 6 - fraction.count))\(fraction)"
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
