import ContactCenter

/// A script's run as a picture: lanes across (each queue, agent and customer), rows down (the
/// moments of the virtual clock, each step's start, collapsed stretches), and the points,
/// arrows and bars between them, as a sequence diagram draws them.
///
/// Pure data, worked out from the commands a runner recorded (``ScriptResult/timeline``);
/// `Timeline+SVG` draws it. Building it is linear in the commands; what is drawn is bounded
/// by ``Limits`` so that a 100,000-line script still gives a page a browser opens at once.
struct Timeline: Hashable, Sendable {
  struct Lane: Hashable, Sendable {
    enum Kind: String, Hashable, Sendable, CaseIterable {
      case queue, agent, customer
    }
    var kind: Kind
    var name: String
  }

  struct Row: Hashable, Sendable {
    enum Kind: Hashable, Sendable {
      /// A moment of a command: its index in ``Timeline/commands``; `continued` for the later
      /// moments of a `clock` command (an offer expiring on the way).
      case moment(command: Int, continued: Bool)
      /// The start of a step: its index in ``Timeline/steps``.
      case step(Int)
      /// Commands not drawn.
      case collapsed(Collapse)
      /// The script failed after its last command ran (the invariants at its end, a `use`
      /// that could not be read).
      case failureAfterEnd
    }
    var kind: Kind
    var instant: Instant
    /// The events of this moment.
    var events: [Event] = []
  }

  /// A stretch of commands not drawn.
  struct Collapse: Hashable, Sendable {
    var commands = 0
    var from: Instant
    var to: Instant
    /// The length of the block repeated, when every command left out repeats the block drawn
    /// above it; nil when some were left out for the drawing budget.
    var period: Int?
  }

  /// How a mark is drawn: its CSS class in the page.
  enum Style: String, Hashable, Sendable {
    case waiting, offer, accepted, missed, withdrawn, returned, active
    case wrapUp = "wrap-up"
    case customerChat = "customer-chat"
    case opened, message
    case customerMessage = "customer-message"
    case typing
    case note, refusal, problem, ended, finished
    case available
    case onBreak = "on-break"
    case workingOffline = "working-offline"
    case loggedIn = "logged-in"
  }

  enum Mark: Hashable, Sendable {
    /// A point in a lane, at one of its chat places (`slot`).
    case point(row: Int, lane: Lane, slot: Int, style: Style, title: String)
    /// An arrow within a row, from one lane to another.
    case arrow(row: Int, from: Lane, fromSlot: Int, to: Lane, toSlot: Int, style: Style, title: String)
    /// A bar down a lane from one row to another: an agent's status (`slot` nil: the whole
    /// lane), a chat waiting, offered, in progress or in wrap-up. `open` when it lasts past the
    /// last row.
    case bar(from: Int, to: Int, lane: Lane, slot: Int?, style: Style, title: String, open: Bool)
  }

  /// What is drawn of a long run.
  struct Limits: Hashable, Sendable {
    /// At most this many rows of commands are drawn: those of the first and last halves; the
    /// rest is one collapsed row.
    var drawnRows = 1_200
    /// A block of commands repeated at least this many times in a row is collapsed to its
    /// first two and last repetitions.
    var repetitions = 4
    /// The longest block looked for.
    var period = 24
    /// More customers than this share lanes (one after another, each named where it starts).
    var customerLanes = 24

    static let standard = Limits()
  }

  var commands: [TimedCommand]
  var steps: [StepResult]
  var failure: RunFailure?
  var lanes: [Lane] = []
  var rows: [Row] = []
  var marks: [Mark] = []
  /// The row of the command the script failed at (or of the failure after its end).
  var failureRow: Int?
  /// How many commands have a row.
  var drawnCommands = 0

  init(result: ScriptResult, limits: Limits = .standard) {
    commands = result.timeline
    steps = result.steps
    failure = result.failure
    let moments = Self.moments(of: commands)
    var rowsOfCommand = [Int](repeating: 0, count: commands.count)
    for moment in moments { rowsOfCommand[moment.command] += 1 }
    let hidden = Self.hiddenCommands(commands, rows: rowsOfCommand, limits: limits)
    let momentRows = layOutRows(moments, hidden: hidden)
    var marks = MarkBuilder(rows: rows)
    for (moment, row) in zip(moments, momentRows) {
      marks.add(moment.events, command: commands[moment.command], row: row.index, drawn: row.drawn)
    }
    marks.closeAll(lastRow: rows.count - 1)
    self.marks = marks.marks
    lanes = marks.lanes
  }

  /// Adds the rows: a step's heading before its first drawn command, a row per drawn moment,
  /// one row per collapsed stretch; returns each moment's row.
  private mutating func layOutRows(_ moments: [Moment], hidden: [Hidden?]) -> [(index: Int, drawn: Bool)] {
    var momentRows: [(index: Int, drawn: Bool)] = []
    momentRows.reserveCapacity(moments.count)
    var lastStep: Int?
    var openCollapse: Int?
    for moment in moments {
      let command = commands[moment.command]
      if let reason = hidden[moment.command] {
        if openCollapse == nil {
          rows.append(
            Row(kind: .collapsed(Collapse(from: moment.instant, to: moment.instant)), instant: moment.instant)
          )
          openCollapse = rows.count - 1
        }
        if let index = openCollapse, case .collapsed(var collapse) = rows[index].kind {
          if !moment.continued {
            collapse.period = collapse.commands == 0 || collapse.period == reason.period ? reason.period : nil
            collapse.commands += 1
          }
          collapse.to = moment.instant
          rows[index].kind = .collapsed(collapse)
          momentRows.append((index, false))
        }
        continue
      }
      openCollapse = nil
      if !moment.continued {
        drawnCommands += 1
        if let step = command.step, step != lastStep, steps.indices.contains(step) {
          rows.append(Row(kind: .step(step), instant: moment.instant))
          lastStep = step
        }
      }
      rows.append(
        Row(
          kind: .moment(command: moment.command, continued: moment.continued), instant: moment.instant,
          events: moment.events))
      if command.isFailure, failureRow == nil { failureRow = rows.count - 1 }
      momentRows.append((rows.count - 1, true))
    }
    if failure != nil, failureRow == nil {
      rows.append(Row(kind: .failureAfterEnd, instant: commands.last?.end ?? .start))
      failureRow = rows.count - 1
    }
    return momentRows
  }

  /// The customers' lanes, when there are more than the limit: each customer gets the first
  /// shared lane free from its first row (one after another, each named where it starts).
  static func customerColumns(_ spans: [(name: String, first: Int, last: Int)], limit: Int) -> [String: Int] {
    guard spans.count > limit else {
      return Dictionary(spans.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
    }
    var columnEnds: [Int] = []
    var columns: [String: Int] = [:]
    for span in spans.sorted(by: { ($0.first, $0.last) < ($1.first, $1.last) }) {
      if let free = columnEnds.firstIndex(where: { $0 < span.first }) {
        columnEnds[free] = span.last
        columns[span.name] = free
      } else {
        columnEnds.append(span.last)
        columns[span.name] = columnEnds.count - 1
      }
    }
    return columns
  }
}
