import ContactCenter

extension Timeline {
  /// What of a row is drawn under the lanes' colours (the hover area, the time, the command)
  /// and what over them (the headings of steps and collapsed stretches, the failure's outline).
  enum Layer {
    case under, over
  }

  /// One row: its time and command (with every event on hover), a step's heading, a
  /// collapsed stretch, or the failure after the last command.
  func draw(_ row: Row, index: Int, top: Int, width: Int, id: String, layer: Layer) -> String {
    var svg = ""
    let isFailure = index == failureRow
    if isFailure, layer == .over {
      svg +=
        "<rect id=\"\(id)-failure-row\" class=\"failure-row\" x=\"0\" y=\"\(top - 1)\" width=\"\(width)\""
      svg += " height=\"\(height(of: row) + 2)\"/>"
      svg += "<text class=\"failure-mark\" x=\"\(Geometry.commandX - 14)\" y=\"\(top + 13)\">✗</text>"
    }
    switch (row.kind, layer) {
    case (.moment(let index, let continued), .under):
      let command = commands[index]
      let title = rowTitle(command, events: row.events, continued: continued)
      svg +=
        "<rect class=\"hit\" x=\"0\" y=\"\(top)\" width=\"\(Geometry.lanesX - 4)\" height=\"\(Geometry.rowHeight)\">"
      svg += "<title>\(HTML.escaped(title))</title></rect>"
      svg += "<text class=\"time\" x=\"\(Geometry.timeX)\" y=\"\(top + 13)\">\(row.instant)</text>"
      let shown = continued ? "… \(command.source)" : command.source
      var cssClass = "cmd"
      if continued { cssClass += " cont" } else if command.kind == .expect { cssClass += " expect" }
      svg += "<text class=\"\(cssClass)\" x=\"\(Geometry.commandX)\" y=\"\(top + 13)\">"
      svg += "\(HTML.escaped(HTML.shortened(shown, to: Geometry.commandCharacters)))</text>"
    case (.step(let index), .over):
      let step = steps[index]
      let verdict = step.verdict == .failed ? " failed" : ""
      svg +=
        "<rect id=\"\(id)-step-\(index)\" class=\"step-row\(verdict)\" x=\"0\" y=\"\(top)\" width=\"\(width)\""
      svg += " height=\"\(Geometry.stepHeight)\"><title>\(HTML.escaped(step.reportLine))</title></rect>"
      let heading =
        "step \(step.id)" + (step.title.isEmpty ? "" : " “\(step.title)”") + " — \(step.verdict.rawValue)"
      svg += "<text class=\"step-title\" x=\"\(Geometry.timeX)\" y=\"\(top + 15)\">"
      svg += "\(HTML.escaped(HTML.shortened(heading, to: 110)))</text>"
    case (.collapsed(let collapse), .over):
      svg +=
        "<rect class=\"collapsed\" x=\"0\" y=\"\(top + 2)\" width=\"\(width)\" height=\"\(Geometry.collapsedHeight - 4)\"/>"
      svg += "<text class=\"collapsed-text\" x=\"\(Geometry.timeX)\" y=\"\(top + 19)\">"
      svg += "\(HTML.escaped(collapse.description))</text>"
    case (.failureAfterEnd, .over):
      let message = failure.map { "the script failed after its last command ran: \($0.message)" } ?? ""
      svg +=
        "<text class=\"diff msg\" x=\"\(Geometry.commandX)\" y=\"\(top + 14)\"><title>\(HTML.escaped(message))</title>"
      svg += "\(HTML.escaped(HTML.shortened(message, to: 80)))</text>"
    default:
      break
    }
    return svg
  }

  /// `file:line:column  command`, then its events, refusal or problem, as a script writes them.
  private func rowTitle(_ command: TimedCommand, events: [Event], continued: Bool) -> String {
    var lines = ["\(command.location)  \(command.source)"]
    if continued { lines.append("(later during this clock)") }
    let limit = 40
    lines += events.prefix(limit).map { "< \($0)" }
    if events.count > limit { lines.append("… and \(HTML.counted(events.count - limit, "more event"))") }
    if let refusal = command.refusal { lines.append("! \(refusal)") }
    if let problem = command.problem { lines.append("# \(problem)") }
    if command.isFailure, let failure { lines.append("✗ \(failure.message)") }
    return lines.joined(separator: "\n")
  }

  /// The most lines of a diff written beside the failing row (the failure box above the
  /// timeline has them all).
  static let diffLineLimit = 30

  /// The failure beside its row: the message, then the `-expected +actual` lines.
  func diff(at top: Int, x: Int) -> String {
    guard let failure else { return "" }
    var svg =
      "<text class=\"diff msg\" x=\"\(x)\" y=\"\(top + 13)\"><title>\(HTML.escaped(failure.message))</title>"
    svg += "\(HTML.escaped(HTML.shortened(failure.message, to: 80)))</text>"
    let limit = Self.diffLineLimit
    for (offset, line) in failure.diff.prefix(limit).enumerated() {
      let cssClass = line.hasPrefix("-") ? "diff del" : line.hasPrefix("+") ? "diff add" : "diff"
      svg +=
        "<text class=\"\(cssClass)\" x=\"\(x)\" y=\"\(top + 29 + offset * 15)\"><title>\(HTML.escaped(line))</title>"
      svg += "\(HTML.escaped(HTML.shortened(line, to: 80)))</text>"
    }
    if failure.diff.count > limit {
      svg +=
        "<text class=\"diff\" x=\"\(x)\" y=\"\(top + 29 + limit * 15)\">… (the whole diff is above)</text>"
    }
    return svg
  }

  /// One mark. Arrows in the same row are drawn a little apart, so that two along the same
  /// lanes stay distinct.
  func draw(
    _ mark: Mark, columns: Columns, middle: (Int) -> Int, bottom: Int, arrowsInRow: inout [Int: Int]
  ) -> String {
    switch mark {
    case .point(let row, let lane, let slot, let style, let title):
      let x = columns.x(lane, slot: slot)
      let y = middle(row)
      let titled = "<title>\(HTML.escaped(title))</title>"
      switch style {
      case .missed, .withdrawn:
        return
          "<path class=\"pt \(style.rawValue)\" d=\"M\(x - 4) \(y - 4)L\(x + 4) \(y + 4)M\(x + 4) \(y - 4)L\(x - 4) \(y + 4)\">\(titled)</path>"
      case .ended, .finished:
        return
          "<rect class=\"pt \(style.rawValue)\" x=\"\(x - 4)\" y=\"\(y - 4)\" width=\"8\" height=\"8\">\(titled)</rect>"
      case .refusal, .problem:
        return
          "<path class=\"pt \(style.rawValue)\" d=\"M\(x) \(y - 6)L\(x + 6) \(y)L\(x) \(y + 6)L\(x - 6) \(y)Z\">\(titled)</path>"
      case .note, .typing:
        return "<circle class=\"pt \(style.rawValue)\" cx=\"\(x)\" cy=\"\(y)\" r=\"2.5\">\(titled)</circle>"
      default:
        return "<circle class=\"pt \(style.rawValue)\" cx=\"\(x)\" cy=\"\(y)\" r=\"4\">\(titled)</circle>"
      }
    case .arrow(let row, let from, let fromSlot, let to, let toSlot, let style, let title):
      let count = arrowsInRow[row, default: 0]
      arrowsInRow[row] = count + 1
      let y = middle(row) + [0, -5, 5][count % 3]
      let start = columns.x(from, slot: fromSlot)
      let end = columns.x(to, slot: toSlot)
      let direction = end >= start ? 1 : -1
      let tip = end - direction * 3
      var svg = "<g class=\"arrow \(style.rawValue)\"><title>\(HTML.escaped(title))</title>"
      svg += "<line x1=\"\(start + direction * 3)\" y1=\"\(y)\" x2=\"\(tip)\" y2=\"\(y)\"/>"
      svg += "<path d=\"M\(tip) \(y)L\(tip - direction * 7) \(y - 4)L\(tip - direction * 7) \(y + 4)Z\"/></g>"
      return svg
    case .bar(let from, let to, let lane, let slot, let style, let title, let open):
      let top = middle(from)
      let end = open ? bottom : middle(to)
      let titled = "<title>\(HTML.escaped(title))</title>"
      guard let slot else {
        let x = columns.x(lane) + 2
        return
          "<rect class=\"\(style.rawValue)\" x=\"\(x)\" y=\"\(top)\" width=\"\(Geometry.laneWidth - 4)\" height=\"\(end - top)\">\(titled)</rect>"
      }
      let x = columns.x(lane, slot: slot)
      return
        "<line class=\"bar \(style.rawValue)\" x1=\"\(x)\" y1=\"\(top)\" x2=\"\(x)\" y2=\"\(end)\">\(titled)</line>"
    }
  }
}

extension Timeline.Collapse: CustomStringConvertible {
  /// What the collapsed row says it stands for.
  var description: String {
    let span = from == to ? "at \(from)" : "\(from)–\(to)"
    let what = "⋯ \(HTML.counted(commands, "command")) not drawn (\(span))"
    guard let period, period > 0 else {
      return what + ": only the first and last commands of a long script are drawn"
    }
    return what
      + ": the same \(HTML.counted(period, "command")) as above, \(HTML.counted(commands / period, "more time"))"
  }
}
