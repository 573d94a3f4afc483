import ContactCenter

extension Coverage {
  /// The catalogue as one self-contained HTML page: a row per requirement with its verdict and
  /// every script and step that covers it (with theirs), each linked to that script's section
  /// further down the same page, where its steps and timeline are (the run's report, as
  /// ``Report/html(title:)`` writes it). One file, so that no link can point to a report that
  /// is missing or from another run.
  public func html(report: Report, title: String = "clavard coverage") -> String {
    let anchors = report.anchors
    var stepIndex: [String: [StepResult: Int]] = [:]
    for entry in report.entries where stepIndex[entry.path] == nil {
      var indices: [StepResult: Int] = [:]
      for (index, step) in (entry.result?.steps ?? []).enumerated() where indices[step] == nil {
        indices[step] = index
      }
      stepIndex[entry.path] = indices
    }
    var html = "<h1>\(HTML.escaped(title))</h1>\n<p class=\"summary\">\(HTML.escaped(summary))</p>\n"
    html += "<p class=\"note\">Catalogue: <code>\(HTML.escaped(catalogue.path))</code>. "
    html += "Each script and step links to its section in the run below (its steps and timeline).</p>\n"
    html +=
      "<table class=\"coverage\"><thead><tr><th>ID</th><th>Group</th><th>Requirement</th><th>Verdict</th>"
    html += "<th>Covered by</th></tr></thead><tbody>\n"
    for row in rows {
      let verdict = Self.htmlVerdict(row.verdict)
      html += "<tr><td><code>\(HTML.escaped(row.requirement.id))</code></td>"
      html += "<td>\(HTML.escaped(row.requirement.group))</td><td>\(HTML.escaped(row.requirement.text))</td>"
      html += "<td><span class=\"verdict \(verdict)\">\(HTML.escaped(row.verdict.rawValue))</span></td><td>"
      if row.covers.isEmpty { html += "—" }
      html += Self.covers(row.covers, anchors: anchors, stepIndex: stepIndex)
      html += "</td></tr>\n"
    }
    html += "</tbody></table>\n"
    for unknown in unknown {
      html += "<p class=\"note\">Not in the catalogue: <code>\(HTML.escaped(unknown.id))</code>, named by "
      html += unknown.scripts.map { "<a href=\"#\(anchors[$0] ?? "")\"><code>\(HTML.escaped($0))</code></a>" }
        .joined(separator: ", ")
      html += "</p>\n"
    }
    html += "<h2>The run</h2>\n" + report.htmlBody
    return HTML.page(title: "\(title): \(summary)", body: html)
  }

  /// A requirement's covers, a line per script: its verdict, its path (linked to its
  /// section), and its steps that cover the requirement, each linked to the step and marked
  /// with its verdict (its title on hover).
  private static func covers(
    _ covers: [Cover], anchors: [String: String], stepIndex: [String: [StepResult: Int]]
  ) -> String {
    var scripts: [String] = []
    var byScript: [String: [Cover]] = [:]
    for cover in covers {
      if byScript[cover.script] == nil { scripts.append(cover.script) }
      byScript[cover.script, default: []].append(cover)
    }
    var html = ""
    for script in scripts {
      let covers = byScript[script] ?? []
      let anchor = anchors[script] ?? ""
      let verdicts = covers.map(\.verdict)
      let verdict: Verdict =
        verdicts.contains(.failed) ? .failed : verdicts.allSatisfy { $0 == .passed } ? .passed : .notRun
      html += "<div><span class=\"verdict \(verdict.cssClass)\">\(HTML.escaped(verdict.rawValue))</span> "
      html += "<a href=\"#\(anchor)\"><code>\(HTML.escaped(script))</code></a>"
      let steps = covers.compactMap { cover in cover.step.map { (cover, $0) } }
      if !steps.isEmpty { html += " steps" }
      for (cover, step) in steps {
        let target = stepIndex[script]?[step].map { "\(anchor)-step-item-\($0)" } ?? anchor
        let place = step.location.file == script ? "\(step.location.line)" : "\(step.location)"
        let mark = cover.verdict == .passed ? "✓" : cover.verdict == .failed ? "✗" : "–"
        html +=
          " <a class=\"step-link \(cover.verdict.cssClass)\" href=\"#\(target)\" title=\"\(HTML.escaped(cover.label))\">"
        html += "\(HTML.escaped(place))\(mark)</a>"
      }
      html += "</div>"
    }
    return html
  }

  private static func htmlVerdict(_ verdict: RequirementVerdict) -> String {
    switch verdict {
    case .passed: "passed"
    case .failed: "failed"
    case .notCovered: "not-covered"
    }
  }
}
