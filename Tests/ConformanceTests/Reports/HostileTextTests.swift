import ContactCenter
import Testing

@testable import Conformance

/// Text from files (names, step ids and titles, expected lines, the words of a parse error,
/// the catalogue) goes through every report format; none lets a control character, a line
/// separator or a bidirectional override reach a terminal, a CI log or a page raw.
@Suite struct HostileTextTests {
  /// What a hostile file can hold: a title-setting OSC (`ESC ] 2 ; … BEL`), a CSI that clears
  /// the screen (7-bit and 8-bit), a right-to-left override, a C1 next line, and NUL.
  static let hostile = "\u{1B}]2;pwned\u{7}\u{1B}[2J\u{9B}2J\u{202E}\u{85}\u{0}"

  /// The scalars that must never appear raw in any output.
  static let forbidden: Set<UInt32> = [0x00, 0x07, 0x0D, 0x1B, 0x85, 0x9B, 0x202E]

  static let failing = "fail\(hostile).chat"
  static let broken = "broken\(hostile).chat"
  /// A `use` path cannot hold NUL (the runner refuses it), so the fragment's name has the rest.
  static let fragment = "setup/\(hostile.filter { $0 != "\u{0}" }).chat"

  static let files: [String: String] = [
    failing: """
    # covers: SES-3 X\(hostile)
    use "\(fragment)"
    step SES-3\(hostile) "title \(hostile)"
    alice> ready
    < alice is ready \(hostile)

    """,
    fragment: ReportFixtures.setup,
    broken: "bogus\(hostile) line\n",
  ]

  static let catalogue = """
    id\tgroup\trequirement
    SES-3\tSession\tReady \u{202E}to work\u{1B}[2J
    SES-9\tSession \u{85}\tNever covered\u{7}

    """

  /// The first forbidden scalar in `text`, if any, as `U+XXXX`.
  static func rawControl(in text: String) -> String? {
    text.unicodeScalars.first { forbidden.contains($0.value) }.map {
      "U+" + String($0.value, radix: 16, uppercase: true)
    }
  }

  static func report() async -> Report {
    let suite = SuiteRunner(runner: ScriptRunner(loader: ReportFixtures.loader(files)), measuresTime: false)
    return await suite.run(Selection().select(ReportFixtures.scriptFiles([failing, broken], in: files)))
  }

  @Test("the run fails where expected, so the hostile text really reaches every report")
  func hostileTextIsReported() async {
    let report = await Self.report()
    #expect(report.entries.map(\.passed) == [false, false])
    #expect(report.entries.map(\.isBroken) == [true, false])
    #expect(report.entries[1].result?.failure?.step?.contains("pwned") == true)
  }

  @Test("the text report, TAP, JUnit and GitHub annotations")
  func runReports() async {
    let report = await Self.report()
    var outputs: [(String, String)] = [
      ("text", report.text), ("tap", report.tap), ("junit", report.junit(name: Self.hostile)),
    ]
    for entry in report.entries {
      outputs.append(("text of an entry", Report.text(entry)))
      outputs.append(("annotation", Report.githubAnnotation(entry) ?? "no annotation"))
    }
    outputs.append(("parse error", report.entries.compactMap(Report.errorText).joined()))
    for (format, text) in outputs {
      #expect(text.contains("pwned"), "\(format) does not show the hostile text at all")
      #expect(Self.rawControl(in: text) == nil, "\(format) lets \(Self.rawControl(in: text) ?? "") through")
    }
  }

  @Test("the unified diff --update prints")
  func updateDiff() {
    let diff = UnifiedDiff.text(
      path: Self.failing, old: Self.files[Self.failing] ?? "", new: "< \(Self.hostile)\r\n",
      style: ReportStyle(colour: true))
    #expect(diff.contains("pwned"))
    // Colour adds ESC itself: what must not survive is the file's own text raw.
    let withoutColour = diff.replacing(/\u{1B}\[[0-9;]*m/, with: "")
    #expect(Self.rawControl(in: withoutColour) == nil, "\(Self.rawControl(in: withoutColour) ?? "")")
  }

  @Test("coverage as text, as Markdown, and its annotations")
  func coverageReports() async throws {
    let catalogue = try RequirementCatalogue.parse(Self.catalogue, path: "r\(Self.hostile).tsv")
    let coverage = Coverage(catalogue: catalogue, report: await Self.report())
    let outputs = [
      ("text", coverage.text), ("markdown", coverage.markdown),
      ("annotations", coverage.githubAnnotations().joined(separator: "\n")),
    ]
    for (format, text) in outputs {
      #expect(text.contains("SES-9"), "\(format) does not show the catalogue")
      #expect(Self.rawControl(in: text) == nil, "\(format) lets \(Self.rawControl(in: text) ?? "") through")
    }
  }
}
