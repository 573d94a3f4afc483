import ContactCenter

/// How the HTML report shows a script: it passed, failed, could not be read or parsed, was
/// skipped (neither passed nor failed), or did not run (the run stopped at its first failure).
enum HTMLVerdict: String, Hashable, Sendable {
  case passed, failed, broken, skipped
  case notRun = "not-run"

  var label: String {
    switch self {
    case .passed: "ok"
    case .failed: "FAIL"
    case .broken: "ERROR"
    case .skipped: "SKIP"
    case .notRun: "not run"
    }
  }
}

extension ReportEntry {
  var htmlVerdict: HTMLVerdict {
    guard let result else { return .broken }
    if result.skipped != nil { return .skipped }
    return result.passed ? .passed : .failed
  }
}

extension Report {
  /// The run as one self-contained HTML page (no script, no font, no request: a style sheet
  /// and inline SVG): the summary, then each script with its verdict, steps, requirement ids,
  /// failure (with its `-expected +actual` diff) and timeline. Failing scripts come first and
  /// open at their failing command; the others are folded. Every text from a file is escaped.
  ///
  /// The timelines need the commands a runner recorded (`ScriptRunner(recordsTimeline: true)`);
  /// a script run without shows its steps and verdict only.
  public func html(title: String = "clavard run") -> String {
    HTML.page(title: "\(title): \(htmlSummary)", body: "<h1>\(HTML.escaped(title))</h1>\n" + htmlBody)
  }

  /// `54 passed, 1 failed, 1 skipped`.
  var htmlSummary: String {
    let verdicts = entries.map(\.htmlVerdict)
    var parts = [
      "\(verdicts.count(where: { $0 == .passed })) passed",
      "\(verdicts.count(where: { $0 == .failed || $0 == .broken })) failed",
    ]
    let skipped = verdicts.count(where: { $0 == .skipped })
    if skipped > 0 { parts.append("\(skipped) skipped") }
    if !notRun.isEmpty { parts.append("\(notRun.count) not run") }
    return parts.joined(separator: ", ")
  }

  /// The anchor of each script's section, by path (the first entry of a path).
  var anchors: [String: String] {
    var anchors: [String: String] = [:]
    for (index, entry) in entries.enumerated() where anchors[entry.path] == nil {
      anchors[entry.path] = "script-\(index + 1)"
    }
    return anchors
  }

  /// The summary; the failing scripts, open, so that the page opens on what went wrong; the
  /// table of every script; the other scripts, folded.
  var htmlBody: String {
    var html = "<p class=\"summary\">\(HTML.escaped(htmlSummary))</p>\n"
    if let bailNote { html += "<p class=\"note\">\(HTML.escaped(bailNote))</p>\n" }
    let failing = entries.indices.filter { [.failed, .broken].contains(entries[$0].htmlVerdict) }
    if !failing.isEmpty {
      html += "<h2>Failed scripts (\(failing.count))</h2>\n" + Self.timelineGuide
      for index in failing { html += section(entries[index], anchor: "script-\(index + 1)") }
    }
    html += "<h2>Scripts</h2>\n" + scriptTable
    let others = entries.indices.filter { !failing.contains($0) }
    if !others.isEmpty {
      html += failing.isEmpty ? "<h2>Timelines</h2>\n" + Self.timelineGuide : "<h2>Other scripts</h2>\n"
      for index in others { html += section(entries[index], anchor: "script-\(index + 1)") }
    }
    return html
  }

  private var scriptTable: String {
    var html = "<table class=\"scripts\"><thead><tr><th>Verdict</th><th>Script</th><th>Covers</th>"
    html += "<th>Steps</th><th>Commands</th><th>Time</th></tr></thead><tbody>\n"
    for (index, entry) in entries.enumerated() {
      let verdict = entry.htmlVerdict
      let steps = entry.result?.steps ?? []
      html += "<tr><td><span class=\"verdict \(verdict.rawValue)\">\(verdict.label)</span></td>"
      html += "<td><a href=\"#script-\(index + 1)\"><code>\(HTML.escaped(entry.path))</code></a></td>"
      html += "<td>\(HTML.escaped(entry.covers.joined(separator: " ")))</td>"
      html += "<td>\(steps.count(where: { $0.verdict == .passed }))/\(steps.count)</td>"
      html += "<td>\(HTML.grouped(entry.result?.commandsRun ?? 0))</td>"
      html += "<td>\(entry.seconds.map(Self.duration) ?? "")</td></tr>\n"
    }
    for path in notRun {
      html +=
        "<tr><td><span class=\"verdict not-run\">not run</span></td><td><code>\(HTML.escaped(path))</code></td>"
      html += "<td></td><td></td><td></td><td></td></tr>\n"
    }
    return html + "</tbody></table>\n"
  }

  /// `0.42 ms`, `1.3 s`.
  static func duration(_ seconds: Double) -> String {
    guard seconds.isFinite, seconds >= 0 else { return "" }
    if seconds < 1 { return "\((seconds * 10_000).rounded() / 10) ms" }
    return "\((seconds * 100).rounded() / 100) s"
  }

  /// How to read a timeline: said on the page, next to the picture, with the figures the
  /// timeline uses.
  static var timelineGuide: String {
    let limits = Timeline.Limits.standard
    func gap(_ seconds: Int64) -> String { "\(Timeline.Geometry.gap(.seconds(seconds)))&nbsp;px" }
    return """
      <p class="note">Each timeline has a lane per queue, agent and customer. Virtual time runs \
      down: a row per command (an offer expiring during a <code>clock</code> gets its own row, \
      at its deadline), the exact time on the left. Gaps are compressed: the space between two \
      rows grows with the logarithm of the time between them (1&nbsp;s: \(gap(1)), 30&nbsp;s: \
      \(gap(30)), 2&nbsp;h: \(gap(7_200)), never more than \(gap(Int64.max / 1_000))), so a \
      30-second expiry and a 2-hour wrap-up both fit. Hover over a command for its events, over \
      a mark for what it is; a message shows its first words. Long scripts are shortened: a \
      block of commands repeated \(limits.repetitions) times or more keeps its first two and last \
      repetitions, and at most \(HTML.grouped(limits.drawnRows)) rows of commands are drawn (the \
      first and last \(HTML.grouped(limits.drawnRows / 2))); yellow rows say what was left out.</p>

      """ + legend
  }

  /// The marks of the timelines, styled by the page's style sheet.
  private static let legend = """
    <div class="legend">\
    <span><i class="available"></i>Available</span>\
    <span><i class="on-break"></i>On Break</span>\
    <span><i class="offline"></i>Working Offline</span>\
    <span><i class="logged-in"></i>logged in, not ready</span>\
    <span><i class="opened"></i>customer opens a chat</span>\
    <span><i class="offer"></i>offer (dashed while pending)</span>\
    <span><i class="accepted"></i>accepted</span>\
    <span><b class="missed">×</b> expired or rejected</span>\
    <span><i class="returned"></i>back to the queue</span>\
    <span><i class="active"></i>chat in progress</span>\
    <span><i class="wrap-up"></i>wrap-up</span>\
    <span>□ ended ■ finished</span>\
    <span><b class="refusal">◆</b> refused</span>\
    <span><i class="message"></i>message</span>\
    </div>

    """
}
