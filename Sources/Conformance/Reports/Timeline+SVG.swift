import ContactCenter

extension Timeline {
  /// Where things go, in pixels.
  enum Geometry {
    static let rowHeight = 18
    static let stepHeight = 22
    static let collapsedHeight = 30
    static let headerHeight = 38
    static let timeX = 6
    static let commandX = 84
    static let lanesX = 360
    static let laneWidth = 92
    static let diffWidth = 560
    /// Characters of a command shown on its row (all of it on hover).
    static let commandCharacters = 36

    /// The space a gap of virtual time takes between two rows: 8 px per doubling of the
    /// seconds, at most 120 px (1 s: 8 px, 30 s: 40 px, 2 h: 103 px). Exact times are written
    /// on every row.
    static func gap(_ interval: Interval) -> Int {
      guard interval.milliseconds > 0 else { return 0 }
      return min(120, Int((8 * binaryLogarithm(1 + Double(interval.milliseconds) / 1000)).rounded()))
    }

    /// log2 of `value` ≥ 1, within 0.01 (enough for pixels, without Foundation): the whole
    /// doublings, then a quadratic for the rest.
    static func binaryLogarithm(_ value: Double) -> Double {
      guard value.isFinite, value >= 1 else { return 0 }
      var rest = value
      var doublings = 0.0
      while rest >= 2 {
        rest /= 2
        doublings += 1
      }
      let fraction = rest - 1
      return doublings + fraction * (1.3466 - 0.3466 * fraction)
    }
  }

  /// The lanes' columns: one per queue and agent, one per customer (or shared, past the limit).
  struct Columns {
    var index: [Lane: Int] = [:]
    var titles: [(kind: Lane.Kind, name: String)] = []
    /// Customers sharing a column: named at the row where their lane starts.
    var sharedLabels: [(name: String, column: Int, row: Int)] = []

    init(_ timeline: Timeline, limits: Limits) {
      for lane in timeline.lanes where lane.kind != .customer {
        index[lane] = titles.count
        titles.append((lane.kind, lane.name))
      }
      var spans: [String: (first: Int, last: Int)] = [:]
      for mark in timeline.marks {
        for (lane, first, last) in mark.rowSpans where lane.kind == .customer {
          let span = spans[lane.name] ?? (first, last)
          spans[lane.name] = (min(span.first, first), max(span.last, last))
        }
      }
      let customers = timeline.lanes.filter { $0.kind == .customer }.map {
        (name: $0.name, first: spans[$0.name]?.first ?? 0, last: spans[$0.name]?.last ?? 0)
      }
      let assigned = Timeline.customerColumns(customers, limit: limits.customerLanes)
      let shared = customers.count > limits.customerLanes
      let first = titles.count
      for column in 0..<(assigned.values.max().map { $0 + 1 } ?? 0) {
        let name = shared ? "customers (shared)" : customers.first { assigned[$0.name] == column }?.name ?? ""
        titles.append((.customer, name))
      }
      for customer in customers {
        let column = first + (assigned[customer.name] ?? 0)
        index[Lane(kind: .customer, name: customer.name)] = column
        if shared { sharedLabels.append((customer.name, column, customer.first)) }
      }
    }

    func x(_ lane: Lane) -> Int { Geometry.lanesX + (index[lane] ?? 0) * Geometry.laneWidth }

    /// The x of a chat's place in a lane: six places across queues and agents, the middle for
    /// customers (one chat at a time).
    func x(_ lane: Lane, slot: Int) -> Int {
      lane.kind == .customer ? x(lane) + Geometry.laneWidth / 2 : x(lane) + 14 + (slot % 6) * 13
    }
  }

  /// The picture: the lanes' names (kept in view while scrolling) and the timeline itself.
  /// Every anchor starts with `id`.
  func svg(id: String, limits: Limits = .standard) -> (header: String, body: String) {
    let columns = Columns(self, limits: limits)
    var tops: [Int] = []
    tops.reserveCapacity(rows.count)
    var y = 6
    for (index, row) in rows.enumerated() {
      if index > 0 { y += Geometry.gap(row.instant - rows[index - 1].instant) }
      tops.append(y)
      y += height(of: row)
    }
    // The failure's diff is written beside its row and may reach below the last row.
    let diffLines = failure.map { min($0.diff.count, Self.diffLineLimit) + 2 } ?? 0
    let height = max(y + 8, failureRow.map { tops[$0] + 18 + diffLines * 15 } ?? 0)
    let lanesEnd = Geometry.lanesX + columns.titles.count * Geometry.laneWidth
    let width = lanesEnd + (failureRow != nil ? Geometry.diffWidth : 12)
    func middle(_ row: Int) -> Int { tops[row] + self.height(of: rows[row]) / 2 }

    var header = "<svg class=\"lanes\" width=\"\(width)\" height=\"\(Geometry.headerHeight)\" role=\"img\">"
    header += "<text class=\"kind\" x=\"\(Geometry.timeX)\" y=\"15\">virtual time</text>"
    header += "<text class=\"kind\" x=\"\(Geometry.commandX)\" y=\"15\">command</text>"
    for (column, title) in columns.titles.enumerated() {
      let x = Geometry.lanesX + column * Geometry.laneWidth + 6
      header += "<text class=\"kind\" x=\"\(x)\" y=\"15\">\(title.kind.rawValue)</text>"
      header += "<text class=\"name\" x=\"\(x)\" y=\"31\"><title>\(HTML.escaped(title.name))</title>"
      header += "\(HTML.escaped(HTML.shortened(title.name, to: 12)))</text>"
    }
    header += "</svg>"

    var arrowsInRow: [Int: Int] = [:]
    var body = "<svg class=\"body\" width=\"\(width)\" height=\"\(height)\" role=\"img\">"
    for column in columns.titles.indices where column % 2 == 0 {
      body += rect("lane", Geometry.lanesX + column * Geometry.laneWidth, 0, Geometry.laneWidth, height)
    }
    for (index, row) in rows.enumerated() {
      body += draw(row, index: index, top: tops[index], width: lanesEnd, id: id, layer: .under)
      if index > 0, Geometry.gap(row.instant - rows[index - 1].instant) >= 16 {
        let gapTop = tops[index - 1] + self.height(of: rows[index - 1])
        let mid = (gapTop + tops[index]) / 2
        body +=
          "<line class=\"gapline\" x1=\"\(Geometry.lanesX)\" y1=\"\(mid)\" x2=\"\(lanesEnd)\" y2=\"\(mid)\"/>"
        body +=
          "<text class=\"gap\" x=\"\(Geometry.timeX)\" y=\"\(mid + 4)\">⋮ \(row.instant - rows[index - 1].instant) later</text>"
      }
    }
    // Status first (under everything), then the headings of steps and collapsed stretches,
    // then the chats' bars, points and arrows.
    for mark in marks where mark.isStatus {
      body += draw(mark, columns: columns, middle: middle, bottom: height, arrowsInRow: &arrowsInRow)
    }
    for (index, row) in rows.enumerated() {
      body += draw(row, index: index, top: tops[index], width: lanesEnd, id: id, layer: .over)
    }
    for label in columns.sharedLabels where rows.indices.contains(label.row) {
      let x = Geometry.lanesX + label.column * Geometry.laneWidth + 4
      body +=
        "<text class=\"kind\" x=\"\(x)\" y=\"\(tops[label.row] - 2)\">\(HTML.escaped(HTML.shortened(label.name, to: 14)))</text>"
    }
    for mark in marks where !mark.isStatus {
      body += draw(mark, columns: columns, middle: middle, bottom: height, arrowsInRow: &arrowsInRow)
    }
    if let failureRow { body += diff(at: tops[failureRow], x: lanesEnd + 12) }
    body += "</svg>"
    return (header, body)
  }

  func height(of row: Row) -> Int {
    switch row.kind {
    case .moment: Geometry.rowHeight
    case .step: Geometry.stepHeight
    case .collapsed: Geometry.collapsedHeight
    case .failureAfterEnd: Geometry.rowHeight + 4
    }
  }

  func rect(_ cssClass: String, _ x: Int, _ y: Int, _ width: Int, _ height: Int, title: String? = nil)
    -> String
  {
    let shape = "<rect class=\"\(cssClass)\" x=\"\(x)\" y=\"\(y)\" width=\"\(width)\" height=\"\(height)\""
    guard let title else { return shape + "/>" }
    return shape + "><title>\(HTML.escaped(title))</title></rect>"
  }
}

extension Timeline.Mark {
  var isStatus: Bool {
    if case .bar(_, _, _, nil, _, _, _) = self { return true }
    return false
  }

  /// The lanes a mark is drawn in, with its first and last rows.
  var rowSpans: [(Timeline.Lane, Int, Int)] {
    switch self {
    case .point(let row, let lane, _, _, _): [(lane, row, row)]
    case .arrow(let row, let from, _, let to, _, _, _): [(from, row, row), (to, row, row)]
    case .bar(let from, let to, let lane, _, _, _, _): [(lane, from, to)]
    }
  }
}
