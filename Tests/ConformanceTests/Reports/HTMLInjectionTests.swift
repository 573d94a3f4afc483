import ContactCenter
import Testing

@testable import Conformance

/// Text from files and customers (a file name, a step title, a customer's name, a message, an
/// expected line, the catalogue) reaches the HTML page as text, never as markup: no tag, no
/// attribute, no end of the style sheet, no control character or bidirectional override raw.
@Suite struct HTMLInjectionTests {
  static let markup = "\"><img src=x onerror=alert(1)><script>alert(2)</script></style>'"
  /// Raw controls and a right-to-left override, as a file can hold them.
  static let raw = "\u{1B}[2J\u{202E}\u{85}"

  static let path = "x\(markup)\(raw).chat"
  /// As a quoted text of a script writes it.
  static let quoted = markup.replacingOccurrences("\"", "\\\"")

  static let files: [String: String] = [
    path: """
    # covers: SES-3 X\(markup)
    # tags: t\(markup)
    \(aliceSetup)step SES-3</style><script> "title \(quoted)\(raw)"
    marie> open support name="\(quoted)\\u{202E}\\u{7}" email=m@example.com ip=192.0.2.1
    < chat-1 queued in support for marie
    < chat-1 offered to alice (accept within 30s)
    < chat-1 screen pop for alice: new customer form
    alice> accept
    < chat-1 accepted by alice
    marie> say "<script>alert(3)</script> \\u{202E}\\u{1B}[2J </style>"
    < chat-1 marie says "<script>alert(4)</script> \(raw) </style>"

    """
  ]

  static func page() async -> (report: String, coverage: String) {
    let runner = ScriptRunner(loader: ReportFixtures.loader(files), recordsTimeline: true)
    let suite = SuiteRunner(runner: runner, measuresTime: false)
    let report = await suite.run(Selection().select(ReportFixtures.scriptFiles([path], in: files)))
    let catalogue =
      (try? RequirementCatalogue.parse(HostileTextTests.catalogue, path: "r\(markup).tsv"))
      ?? RequirementCatalogue(path: "none", requirements: [])
    return (
      report.html(title: "run \(markup)"), Coverage(catalogue: catalogue, report: report).html(report: report)
    )
  }

  @Test("the hostile run fails where expected, so every text reaches the page")
  func reachesThePage() async {
    let runner = ScriptRunner(loader: ReportFixtures.loader(Self.files), recordsTimeline: true)
    let script = try? ScriptParser.parse(Self.files[Self.path] ?? "", path: Self.path)
    let result = script.map { runner.run($0) }
    #expect(
      result?.failure?.message
        == "the events of `marie> say \"<script>alert(3)</script> \\u{202E}\\u{1B}[2J </style>\"` differ")
    #expect(result?.timeline.count == 10)
    #expect(result?.tags == ["t\"><img", "src=x", "onerror=alert(1)><script>alert(2)</script></style>'"])
  }

  @Test("no tag, attribute or end of style from text; every text shown escaped", arguments: [false, true])
  func escaped(coverage: Bool) async {
    let pages = await Self.page()
    let page = coverage ? pages.coverage : pages.report
    #expect(Set(ReportHTMLTests.tagNames(page)).subtracting(ReportHTMLTests.tags) == [])
    #expect(page.ranges(of: "</style>").count == 1)
    #expect(!page.contains("<script"))
    #expect(!page.contains("<img"))
    #expect(ReportHTMLTests.externalReferences(page) == [])
    #expect(HostileTextTests.rawControl(in: page) == nil)
    #expect(!page.contains("\u{202E}"))
    // Shown as text: the markup escaped, the controls as escapes.
    #expect(
      page.contains(
        "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;&lt;script&gt;alert(2)&lt;/script&gt;&lt;/style&gt;&apos;"
      ))
    #expect(page.contains("\\u{1B}[2J\\u{202E}\\u{85}"))
    #expect(page.contains("data-path=\"x&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"))
  }

  @Test("the message, the customer's name and the diff in the report")
  func conversation() async {
    let page = await Self.page().report
    // The message's first words on hover, and the diff beside the failing command.
    #expect(
      page.contains(
        "chat-1 marie says &quot;&lt;script&gt;alert(3)&lt;/script&gt; \\u{202E}\\u{1B}[2J &lt;/style&gt;&quot;"
      ))
    #expect(
      page.contains(
        "<span class=\"del\">- chat-1 marie says &quot;&lt;script&gt;alert(4)&lt;/script&gt; \\u{1B}[2J\\u{202E}\\u{85}"
      ))
    #expect(page.contains("&lt;script&gt;alert(2)&lt;/script&gt;&lt;/style&gt;&apos;\\u{202E}\\u{7}"))
  }
}
