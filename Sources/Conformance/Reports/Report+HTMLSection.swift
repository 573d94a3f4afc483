import ContactCenter

extension Report {
  /// One script: its verdict and path (the section's `data-path`), what it covers, its failure
  /// with the diff, its steps (each linked to where it starts on the timeline) and the timeline.
  /// A failing script is open and its timeline opens at its end, where it failed.
  func section(_ entry: ReportEntry, anchor: String) -> String {
    let verdict = entry.htmlVerdict
    let isOpen = verdict == .failed || verdict == .broken
    var html =
      "<section class=\"script \(verdict.rawValue)\" id=\"\(anchor)\" data-path=\"\(HTML.escaped(entry.path))\""
    html += " data-verdict=\"\(verdict.rawValue)\">\n<details\(isOpen ? " open" : "")><summary>"
    html +=
      "<span class=\"verdict \(verdict.rawValue)\">\(verdict.label)</span> <code>\(HTML.escaped(entry.path))</code>"
    html += "</summary>\n<div class=\"script-body\">\n"
    switch entry.outcome {
    case .broken(let error):
      html += "<div class=\"failure\" id=\"\(anchor)-failure\"><p>This file cannot be run:</p>"
      html += "<pre>\(HTML.escaped(error.description))</pre></div>\n"
    case .ran(let result):
      html += body(of: result, seconds: entry.seconds, anchor: anchor)
    }
    return html + "</div>\n</details>\n</section>\n"
  }

  private func body(of result: ScriptResult, seconds: Double?, anchor: String) -> String {
    var meta: [String] = []
    if !result.covers.isEmpty { meta.append("covers " + result.covers.joined(separator: " ")) }
    if !result.tags.isEmpty { meta.append("tags " + result.tags.joined(separator: " ")) }
    meta.append(HTML.counted(result.commandsRun, "command") + " run")
    if let seconds { meta.append(Self.duration(seconds)) }
    var html = "<p class=\"meta\">\(HTML.escaped(meta.joined(separator: " · ")))</p>\n"
    if let skipped = result.skipped {
      html += "<p class=\"meta\">Skipped (neither passed nor failed): \(HTML.escaped(skipped))</p>\n"
    }
    let recorded = !result.timeline.isEmpty
    let timeline = recorded ? Timeline(result: result) : nil
    if let failure = result.failure {
      html += failureBox(failure, anchor: anchor, linked: timeline?.failureRow != nil)
    }
    let stepRows = Set(
      timeline?.rows.compactMap { row -> Int? in
        if case .step(let index) = row.kind { return index }
        return nil
      } ?? [])
    if !result.steps.isEmpty {
      html += "<ol class=\"steps\">\n"
      for (index, step) in result.steps.enumerated() {
        let text = "\(step.id)\(step.title.isEmpty ? "" : " “\(step.title)”")"
        let label =
          stepRows.contains(index)
          ? "<a href=\"#\(anchor)-step-\(index)\">\(HTML.escaped(text))</a>" : HTML.escaped(text)
        html +=
          "<li id=\"\(anchor)-step-item-\(index)\" class=\"\(step.verdict.cssClass)\">"
        html += "\(label) — "
        html +=
          "\(step.verdict.rawValue) <span class=\"note\">(\(HTML.escaped(step.location.description)))</span></li>\n"
      }
      html += "</ol>\n"
    }
    guard let timeline else {
      let why = result.commandsRun == 0 ? "No command ran." : "The timeline was not recorded."
      return html + "<p class=\"note\">\(why)</p>\n"
    }
    let commands = timeline.commands.count
    if timeline.drawnCommands < commands {
      html +=
        "<p class=\"note\">\(HTML.grouped(timeline.drawnCommands)) of \(HTML.counted(commands, "command")) drawn: "
      html += "repetitive stretches and the middle of a long script are collapsed (yellow rows).</p>\n"
    }
    let picture = timeline.svg(id: anchor)
    // A failing script's timeline opens at its end (the failing command): column-reverse
    // starts a scrolled box at its bottom, so the body goes first and the lanes' names last.
    if timeline.failureRow != nil {
      html += "<div class=\"timeline at-end\">\(picture.body)\(picture.header)</div>\n"
    } else {
      html += "<div class=\"timeline\">\(picture.header)\(picture.body)</div>\n"
    }
    return html
  }

  /// Where and why the script failed, the `-expected +actual` lines, the `use` chain, and a
  /// link to the failing command on the timeline.
  private func failureBox(_ failure: RunFailure, anchor: String, linked: Bool) -> String {
    var html = "<div class=\"failure\" id=\"\(anchor)-failure\">"
    let step = failure.step.map { "in step \($0): " } ?? ""
    html +=
      "<p><code>\(HTML.escaped(failure.location.description))</code>: \(HTML.escaped(step + failure.message))</p>"
    if !failure.diff.isEmpty {
      html += "<pre>"
      for line in failure.diff {
        let cssClass = line.hasPrefix("-") ? " class=\"del\"" : line.hasPrefix("+") ? " class=\"add\"" : ""
        html += "<span\(cssClass)>\(HTML.escaped(line))</span>\n"
      }
      html += "</pre>"
    }
    for location in failure.includedFrom.reversed() {
      html += "<p class=\"note\">included from <code>\(HTML.escaped(location.description))</code></p>"
    }
    if linked { html += "<p><a href=\"#\(anchor)-failure-row\">The failing command on the timeline</a></p>" }
    return html + "</div>\n"
  }
}
