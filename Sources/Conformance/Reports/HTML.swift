import ContactCenter

/// Writing HTML that no text from a file, a customer or a system under test can break out of.
enum HTML {
  /// Escapes text for HTML content and quoted attribute values, as the JUnit report escapes
  /// XML (one escaper for both): `&`, `<`, `>`, `"` and `'` become entities, tabs and line
  /// breaks character references (they stay what they are: a tooltip's lines, a `<pre>`'s);
  /// other controls, line separators and bidirectional controls are shown as `\u{…}` (a
  /// right-to-left override would otherwise reorder what the page shows).
  static func escaped(_ text: String) -> String { Report.xml(text, attribute: true) }

  /// At most `limit` characters of `text`, with `…` when it was longer.
  static func shortened(_ text: String, to limit: Int) -> String {
    text.count <= limit ? text : String(text.prefix(max(0, limit - 1))) + "…"
  }

  /// `12,345`: counts as people read them.
  static func grouped(_ number: Int) -> String {
    let digits = String(number.magnitude)
    var result = ""
    for (offset, digit) in digits.enumerated() {
      if offset > 0, (digits.count - offset) % 3 == 0 { result += "," }
      result.append(digit)
    }
    return (number < 0 ? "-" : "") + result
  }

  /// `1 command`, `2 commands`.
  static func counted(_ number: Int, _ noun: String) -> String {
    "\(grouped(number)) \(noun)\(number == 1 ? "" : "s")"
  }

  /// A whole page: `title` (plain text, escaped here) and `body` (HTML). Everything it needs is
  /// inside it: the style sheet is inline, there is no script, no font, no image to fetch.
  static func page(title: String, body: String) -> String {
    """
    <!DOCTYPE html>
    <html lang="en">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
    <title>\(escaped(title))</title>
    <style>
    \(styleSheet)
    </style>
    </head>
    <body>
    \(body)
    </body>
    </html>

    """
  }

  /// One style sheet for the report, the coverage table and the timelines (the marks are
  /// styled by their class, which keeps each of the many marks short).
  static let styleSheet = """
    :root { color-scheme: light; --fail: #c53030; --pass: #2f855a; --skip: #8a6d00; --available: #c6f6d5;
      --on-break: #fbd38d; --offline: #cbd5e0; --logged-in: #edf2f7; --customer: #805ad5; --offer: #2b6cb0;
      --wrap-up: #9ae6b4; --refusal: #dd6b20; --message: #4a5568; }
    body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 0 2rem 3rem; color: #1a202c; }
    h1 { font-size: 1.5rem; margin: 1.2rem 0 .3rem; }
    h2 { font-size: 1.15rem; margin: 1.6rem 0 .4rem; }
    code, pre, .mono { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 12.5px; }
    a { color: #2b6cb0; }
    .summary { font-size: 1.1rem; font-weight: 600; }
    .verdict { display: inline-block; min-width: 4.2em; padding: 0 .4em; border-radius: 3px; color: #fff; font-weight: 600; text-align: center; font-size: 12px; }
    .verdict.passed { background: var(--pass); } .verdict.failed, .verdict.broken { background: var(--fail); }
    .verdict.skipped, .verdict.not-run { background: var(--skip); } .verdict.not-covered { background: #6b46c1; }
    table { border-collapse: collapse; margin: .4rem 0 1rem; }
    th, td { border-bottom: 1px solid #e2e8f0; padding: .2rem .6rem; text-align: left; vertical-align: top; }
    th { background: #f7fafc; position: sticky; top: 0; }
    table.coverage td:nth-child(3) { max-width: 30em; } table.coverage td:last-child { min-width: 28em; }
    section.script { border: 1px solid #e2e8f0; border-radius: 6px; margin: .8rem 0; }
    section.script.failed, section.script.broken { border-color: var(--fail); }
    section.script > details > summary { padding: .45rem .7rem; cursor: pointer; font-weight: 600; }
    .script-body { padding: 0 .9rem .8rem; }
    .meta { color: #4a5568; margin: .2rem 0; }
    .failure { background: #fff5f5; border-left: 4px solid var(--fail); padding: .4rem .8rem; margin: .5rem 0; }
    .failure pre { margin: .3rem 0; white-space: pre-wrap; }
    .del { color: #9b2c2c; background: #fed7d7; } .add { color: #22543d; background: #c6f6d5; }
    ol.steps { margin: .3rem 0 .6rem; padding-left: 1.4rem; }
    ol.steps li.failed { color: var(--fail); font-weight: 600; } ol.steps li.not-run { color: #718096; }
    .note { color: #4a5568; font-size: 12.5px; }
    a.step-link { text-decoration: none; font-size: 12.5px; } a.step-link.failed { color: var(--fail); font-weight: 600; }
    a.step-link.not-run { color: #718096; }
    .legend { display: flex; flex-wrap: wrap; gap: .3rem 1rem; font-size: 12.5px; margin: .4rem 0 1rem; }
    .legend span { display: inline-flex; align-items: center; gap: .3rem; }
    .legend i { display: inline-block; width: 1.6em; height: .9em; border-radius: 2px; }
    .legend .available { background: var(--available); } .legend .on-break { background: var(--on-break); }
    .legend .offline { background: var(--offline); } .legend .logged-in { background: var(--logged-in); border: 1px solid var(--offline); }
    .legend .opened { height: 0; border-top: 2px solid var(--customer); } .legend .offer { height: 0; border-top: 2px dashed var(--offer); }
    .legend .accepted { background: var(--pass); border-radius: 50%; width: .8em; }
    .legend .returned { height: 0; border-top: 2px dashed var(--fail); } .legend .active { height: 0; border-top: 3px solid var(--pass); }
    .legend .wrap-up { height: 0; border-top: 3px solid var(--wrap-up); } .legend .message { height: 0; border-top: 2px solid var(--message); }
    .legend .missed { color: var(--fail); } .legend .refusal { color: var(--refusal); }
    .timeline { overflow: auto; max-height: 75vh; border: 1px solid #e2e8f0; display: flex; flex-direction: column; }
    .timeline.at-end { flex-direction: column-reverse; }
    .timeline svg { flex: none; display: block; }
    .timeline .lanes { position: sticky; top: 0; background: #fff; z-index: 1; border-bottom: 1px solid #cbd5e0; }
    svg text { font-size: 11px; fill: #1a202c; }
    svg .time { font-family: ui-monospace, "DejaVu Sans Mono", monospace; fill: #4a5568; }
    svg .cmd { font-family: ui-monospace, "DejaVu Sans Mono", monospace; }
    svg .cmd.expect { fill: #718096; font-style: italic; } svg .cmd.cont { fill: #a0aec0; }
    svg .gap { fill: #a0aec0; font-style: italic; } svg .gapline { stroke: #cbd5e0; stroke-dasharray: 2 4; }
    svg .kind { fill: #718096; font-size: 10px; text-transform: uppercase; letter-spacing: .04em; }
    svg .name { font-weight: 600; font-size: 12px; }
    svg .lane { fill: #f7fafc; } svg .hit { fill: transparent; } svg .hit:hover { fill: #edf2f7; }
    svg .step-row { fill: #ebf4ff; } svg .step-row.failed { fill: #fed7d7; } svg .step-title { font-weight: 600; }
    svg .collapsed { fill: #fefcbf; stroke: #d69e2e; stroke-dasharray: 4 3; } svg .collapsed-text { fill: #744210; }
    svg .failure-row { fill: rgba(254, 178, 178, .35); stroke: var(--fail); stroke-width: 1.5; } svg .failure-mark { fill: var(--fail); font-weight: 700; }
    svg .diff { font-family: ui-monospace, "DejaVu Sans Mono", monospace; white-space: pre; }
    svg .diff.del { fill: #9b2c2c; } svg .diff.add { fill: #22543d; } svg .diff.msg { fill: var(--fail); font-weight: 600; }
    svg .available { fill: var(--available); } svg .on-break { fill: var(--on-break); } svg .working-offline { fill: var(--offline); }
    svg .logged-in { fill: var(--logged-in); }
    svg .bar { stroke-width: 3; fill: none; } svg .bar.waiting { stroke: #63b3ed; stroke-dasharray: 2 2; }
    svg .bar.offer { stroke: var(--offer); stroke-dasharray: 5 3; stroke-width: 2; }
    svg .bar.missed { stroke: var(--fail); stroke-dasharray: 5 3; stroke-width: 2; }
    svg .bar.withdrawn { stroke: var(--refusal); stroke-dasharray: 5 3; stroke-width: 2; }
    svg .bar.active { stroke: var(--pass); } svg .bar.wrap-up { stroke: var(--wrap-up); } svg .bar.customer-chat { stroke: var(--customer); }
    svg .arrow line { stroke-width: 1.5; } svg .arrow path { stroke: none; }
    svg .opened line { stroke: var(--customer); } svg .opened path { fill: var(--customer); }
    svg .offer line { stroke: var(--offer); } svg .offer path { fill: var(--offer); }
    svg .returned line { stroke: var(--fail); stroke-dasharray: 4 2; } svg .returned path { fill: var(--fail); }
    svg .message line { stroke: var(--message); } svg .message path { fill: var(--message); }
    svg .customer-message line { stroke: var(--customer); } svg .customer-message path { fill: var(--customer); }
    svg .pt.accepted { fill: var(--pass); } svg .pt.missed { stroke: var(--fail); stroke-width: 2.5; }
    svg .pt.withdrawn { stroke: var(--refusal); stroke-width: 2.5; } svg .pt.note { fill: #718096; }
    svg .pt.typing { fill: #cbd5e0; } svg .pt.ended { fill: #fff; stroke: #1a202c; stroke-width: 1.5; }
    svg .pt.finished { fill: #1a202c; } svg .pt.refusal { fill: var(--refusal); } svg .pt.problem { fill: var(--fail); }
    svg .pt.opened { fill: var(--customer); }
    """
}

extension Verdict {
  /// The class a page gives this verdict (a class name has no space: `not-run`).
  var cssClass: String { self == .notRun ? "not-run" : rawValue }
}
