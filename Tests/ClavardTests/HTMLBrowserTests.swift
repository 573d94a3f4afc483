import ClavardTestSupport
import Foundation
import Testing

/// The HTML report of the fixtures suite, with a failing script in it, opened in a real
/// browser: headless Chromium (Debian's `chromium`, which `scripts/test` installs) renders
/// it, and the test reads the rendered DOM (`--dump-dom`) and takes a screenshot.
///
/// Without Chromium the test fails, saying how to install it: a browser test that skips
/// itself would pass on every machine where it checks nothing.
@Suite struct HTMLBrowserTests {

  struct BrowserMissing: Error, CustomStringConvertible {
    var description: String {
      "Chromium was not found (chromium, chromium-browser, google-chrome on PATH, or CLAVARD_CHROMIUM); "
        + "scripts/test installs it with apt-get install chromium"
    }
  }

  /// Longer than any page takes; a browser that hangs fails the test instead of hanging it.
  static let timeout = 120.0

  static func chromium() throws -> String {
    if let path = ProcessInfo.processInfo.environment["CLAVARD_CHROMIUM"], !path.isEmpty { return path }
    let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
    for name in ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"] {
      for folder in folders where FileManager.default.isExecutableFile(atPath: "\(folder)/\(name)") {
        return "\(folder)/\(name)"
      }
    }
    throw BrowserMissing()
  }

  @Test("Chromium renders the fixtures' report: every script, the failing command marked, nothing fetched")
  func rendered() throws {
    let browser = try Self.chromium()
    let folder = try TemporaryFolder()
    // CHAT-4-missed-offer.chat with one expected line wrong: it fails at `clock +1s`.
    let original = try Repository.read("fixtures/conformance/CHAT-4-missed-offer.chat")
    let setup = Repository.path("fixtures/conformance/setup/two-agents.chat")
    let failing = original.replacingOccurrences(of: "use setup/two-agents.chat", with: "use \(setup)")
      .replacingOccurrences(of: "< alice is now On Break\n", with: "< alice is now Working Offline\n")
    try folder.write("missed-offer.chat", failing)
    let failingPath = folder.url.appendingPathComponent("missed-offer.chat").path
    let report = folder.url.appendingPathComponent("report.html").path
    let run = try ChildProcess.run(
      try BuiltProducts.clavard(), ["run", "--html", report, "fixtures", failingPath],
      in: Repository.root.path)
    #expect(run.status == 1)
    let html = try folder.read("report.html")

    let profile = folder.url.appendingPathComponent("profile").path
    let common = [
      "--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(profile)", "--hide-scrollbars",
    ]
    let page = "file://\(report)"
    let dump = try ChildProcess.run(browser, common + ["--dump-dom", page], timeout: Self.timeout)
    #expect(dump.status == 0)
    let dom = dump.stdout
    // Each check names what it looked for: a failing check does not print the whole page.
    func check(_ text: String, in page: String = dom, _ comment: Comment) {
      let found = page.contains(text)
      #expect(found, comment)
    }
    check("<h1>clavard run</h1>", "the page was not rendered")
    let scripts = try Repository.scripts(fragments: false)
    #expect(scripts.count > 50)
    for path in scripts + [failingPath] { check("data-path=\"\(path)\"", "\(path) is not on the page") }
    // The failing script comes first, open, and its failing command is marked on its timeline.
    let sections = dom.matches(
      of: /<section class="script ([a-z-]+)" id="(script-[0-9]+)" data-path="([^"]*)"/)
    #expect(sections.count == scripts.count + 1)
    let first = try #require(sections.first)
    #expect(first.output.1 == "failed")
    #expect(first.output.3 == failingPath)
    check(
      "<rect id=\"\(first.output.2)-failure-row\" class=\"failure-row\"", "the failing command is not marked")
    check(
      "<details open=\"\"><summary><span class=\"verdict failed\">FAIL</span>",
      "the failing script is not open")
    check(
      "<span class=\"del\">- alice is now Working Offline</span>\n<span class=\"add\">+ alice is now On Break</span>",
      "the diff is not shown")
    #expect(dom.ranges(of: "<svg class=\"body\"").count == scripts.count + 1)
    // Nothing to run or fetch, in the file or in what the browser built from it.
    for (name, text) in [("the file", html), ("the DOM", dom)] {
      let lowered = text.lowercased()
      for reference in ["<script", "http:", "https:", "//", "@import", "<link", "<img", "<iframe"] {
        let found = lowered.contains(reference)
        #expect(!found, "\(name) holds \(reference)")
      }
      let urls = lowered.components(separatedBy: "url(").dropFirst().allSatisfy { $0.hasPrefix("data:") }
      #expect(urls, "\(name) refers to a url( other than data:")
    }

    let screenshot = folder.url.appendingPathComponent("report.png").path
    let shot = try ChildProcess.run(
      browser, common + ["--window-size=1280,900", "--screenshot=\(screenshot)", page], timeout: Self.timeout)
    #expect(shot.status == 0)
    let png = try Data(contentsOf: URL(fileURLWithPath: screenshot))
    #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
    #expect(png.count > 20_000)
  }

  @Test("Chromium renders a REPL session's .timeline: its lanes drawn, a customer's markup shown as text")
  func replTimeline() throws {
    let browser = try Self.chromium()
    let folder = try TemporaryFolder()
    let session =
      SampleScripts.aliceAvailable + """
        marie> open support name="<b>Zoé</b>" email=m@example.com ip=192.0.2.1
        alice> accept
        alice> say "hi <i>there</i>"
        .timeline session.html

        """
    let repl = try folder.run("repl", input: .bytes(Array(session.utf8)))
    #expect(repl.status == 0, "\(repl.stdout)")
    let profile = folder.url.appendingPathComponent("profile").path
    let page = "file://" + folder.url.appendingPathComponent("session.html").path
    let dump = try ChildProcess.run(
      browser,
      ["--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(profile)", "--dump-dom", page],
      timeout: Self.timeout)
    #expect(dump.status == 0)
    let dom = dump.stdout
    #expect(dom.contains("<h1>clavard repl</h1>"), "the page was not rendered")
    #expect(dom.ranges(of: "<svg class=\"body\"").count == 1)
    // The customer's name and message are text on the page, never elements of it.
    #expect(dom.contains("&lt;b&gt;Zoé&lt;/b&gt;"))
    #expect(!dom.contains("<b>Zoé"))
    #expect(!dom.contains("<i>there"))
    #expect(!dom.lowercased().contains("<script"))
  }
}
