import ContactCenter
import Testing

@testable import Conformance

/// The HTML report: one page that needs nothing else, failures first and open at the failing
/// command, skipped and not-run scripts told apart, links that land somewhere.
@Suite struct ReportHTMLTests {
  static func report(
    _ paths: [String] = ["pass.chat", "fail.chat", "broken.chat"],
    files: [String: String] = ReportFixtures.files,
    bail: Bool = false
  ) async -> Report {
    let runner = ScriptRunner(loader: ReportFixtures.loader(files), recordsTimeline: true)
    let suite = SuiteRunner(runner: runner, bail: bail, measuresTime: false)
    return await suite.run(Selection().select(ReportFixtures.scriptFiles(paths, in: files)))
  }

  /// Every tag the page may hold: anything else came from text that was not escaped.
  static let tags: Set<String> = [
    "!DOCTYPE", "html", "head", "meta", "title", "style", "body", "h1", "h2", "p", "code", "a", "table",
    "thead", "tbody", "tr", "th", "td", "span", "section", "details", "summary", "div", "pre", "ol", "li",
    "i", "b", "svg", "g", "text", "rect", "line", "path", "circle",
  ]

  /// The names of the tags in a page, opening and closing.
  static func tagNames(_ page: String) -> [String] {
    page.matches(of: /<\/?([!A-Za-z][A-Za-z0-9-]*)/).map { String($0.output.1) }
  }

  /// What would make the browser fetch or run something: the page must hold none of it (tags
  /// that fetch, such as `<img src>`, are ruled out by ``tags``).
  static func externalReferences(_ page: String) -> [String] {
    let lowered = page.lowercased()
    var found = ["http:", "https:", "//", "@import", "<script", "<link", "<iframe", "<object"]
      .filter { lowered.contains($0) }
    found += lowered.matches(of: /url\((?!data:)/).map { _ in "url(" }
    return found
  }

  @Test("one page, nothing to fetch or run: no script, link, font, import or address")
  func selfContained() async {
    let page = await Self.report().html()
    #expect(page.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
    #expect(Self.externalReferences(page) == [])
    #expect(Set(Self.tagNames(page)).subtracting(Self.tags) == [])
    #expect(page.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'"))
    #expect(page.contains("<title>clavard run: 1 passed, 2 failed</title>"))
  }

  @Test("a failing script comes first, open, at its failing command, with the diff beside it")
  func failureFirst() async throws {
    let page = await Self.report().html()
    let failing = try #require(page.firstRange(of: "<section class=\"script failed\" id=\"script-2\""))
    let passing = try #require(page.firstRange(of: "<section class=\"script passed\" id=\"script-3\""))
    #expect(failing.lowerBound < passing.lowerBound)
    #expect(page.contains("data-path=\"fail.chat\" data-verdict=\"failed\">\n<details open>"))
    #expect(page.contains("data-path=\"pass.chat\" data-verdict=\"passed\">\n<details>"))
    #expect(page.contains("<div class=\"timeline at-end\">"))
    #expect(page.contains("<rect id=\"script-2-failure-row\" class=\"failure-row\""))
    #expect(
      page.contains(
        "<pre><span class=\"del\">- alice is ready to work (Available)</span>\n"
          + "<span class=\"add\">+ alice is ready to work (Working Offline)</span>\n</pre>"))
    #expect(page.contains("<text class=\"diff del\""))
    // Hovering a command shows its events, a line each.
    #expect(
      page.contains(
        "<title>fail.chat:5:1  alice&gt; ready&#10;&lt; alice is ready to work (Working Offline)&#10;"
          + "✗ the events of `alice&gt; ready` differ</title>"))
    #expect(page.contains("<a href=\"#script-2-failure-row\">The failing command on the timeline</a>"))
    #expect(page.contains("class=\"not-run\">SES-4 “never reached” — not run"))
    // A file that cannot be parsed: its error, no timeline.
    #expect(page.contains("<p>This file cannot be run:</p><pre>broken.chat:3:1: unknown command"))
  }

  @Test("every link lands on something in the page")
  func linksResolve() async {
    let page = await Self.report().html()
    let links = Set(page.matches(of: /href="#([^"]+)"/).map { String($0.output.1) })
    let ids = Set(page.matches(of: /\sid="([^"]+)"/).map { String($0.output.1) })
    #expect(!links.isEmpty)
    #expect(links.subtracting(ids) == [])
  }

  @Test("a skipped script is neither passed nor failed; scripts left out by --bail are listed")
  func skippedAndNotRun() async {
    var report = await Self.report(["pass.chat", "fail.chat"], bail: true)
    #expect(report.notRun == ["pass.chat"])
    if case .ran(var result) = report.entries[0].outcome {
      result.skipped = "the system under test has no <preview>"
      result.failure = nil
      report.entries[0].outcome = .ran(result)
    }
    let page = report.html()
    #expect(page.contains("<p class=\"summary\">0 passed, 0 failed, 1 skipped, 1 not run</p>"))
    #expect(page.contains("data-verdict=\"skipped\""))
    #expect(page.contains("<span class=\"verdict skipped\">SKIP</span>"))
    #expect(
      page.contains("Skipped (neither passed nor failed): the system under test has no &lt;preview&gt;"))
    #expect(page.contains("<span class=\"verdict not-run\">not run</span></td><td><code>pass.chat</code>"))
    #expect(page.contains("stopped after the first failing script: 1 not run"))
  }

  @Test("a run without a recorded timeline still shows its scripts and says why there is no picture")
  func unrecorded() async {
    let page = await ReportFixtures.report(["pass.chat"]).html()
    #expect(page.contains("<p class=\"note\">The timeline was not recorded.</p>"))
    #expect(!page.contains("<svg"))
  }

  @Test("the coverage page links each cover to its script's section and step on the same page")
  func coverage() async throws {
    let report = await Self.report()
    let catalogue = try RequirementCatalogue.parse(
      "id\tgroup\trequirement\nSES-2\tSession\tLog in\nSES-3\tSession\tReady\nSES-9\tSession\tNever\n",
      path: "requirements.tsv")
    let page = Coverage(catalogue: catalogue, report: report).html(report: report)
    #expect(Self.externalReferences(page) == [])
    #expect(page.contains("<p class=\"summary\">3 requirements: 1 passed, 1 failed, 1 not covered</p>"))
    #expect(page.contains("<span class=\"verdict not-covered\">NOT COVERED</span></td><td>—</td>"))
    // A line per script: its verdict and section, then its steps, each linked with its verdict.
    #expect(
      page.contains(
        "<span class=\"verdict passed\">passed</span> <a href=\"#script-3\"><code>pass.chat</code></a> steps "
          + "<a class=\"step-link passed\" href=\"#script-3-step-item-0\" "
          + "title=\"step pass.chat:9:1 SES-2 &quot;alice logs in&quot;\">9✓</a></div>"))
    #expect(
      page.contains(
        "<span class=\"verdict failed\">failed</span> <a href=\"#script-2\"><code>fail.chat</code></a> steps "
          + "<a class=\"step-link failed\" href=\"#script-2-step-item-0\""))
    let links = Set(page.matches(of: /href="#([^"]+)"/).map { String($0.output.1) })
    let ids = Set(page.matches(of: /\sid="([^"]+)"/).map { String($0.output.1) })
    #expect(links.subtracting(ids) == [])
  }
}
