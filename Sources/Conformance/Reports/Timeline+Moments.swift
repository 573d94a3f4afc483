import ContactCenter

extension Timeline {
  /// The most rows one `clock` command takes.
  static let momentsPerCommand = 100
  /// The most events of one row drawn as marks (all of them are listed on hover).
  static let marksPerRow = 60

  /// Some events of one command, all at one instant.
  struct Moment: Hashable, Sendable {
    var command: Int
    var instant: Instant
    var events: [Event]
    /// A later moment of the same `clock` command.
    var continued: Bool
  }

  /// The events of each command, split by the instant they happened at.
  ///
  /// Only `clock` moves time, and what happens while it does happens when an offer's accept
  /// interval ends (CHAT-4): at the deadline set by the offer (the instant it was made, plus
  /// its `accept within`). So an expiry starts a new moment at its offer's deadline, and the
  /// events after it (the status change, the chat's return, the next offer) share it. A
  /// `clock` that goes past its last expiry ends with an empty moment where it stops, so that
  /// a 2-hour wait shows as one.
  ///
  /// A `clock` gets at most ``momentsPerCommand`` moments: past them, the rest of its events
  /// share one, at the last of their instants (a clock over hours of expiries would otherwise
  /// take thousands of rows).
  static func moments(of commands: [TimedCommand]) -> [Moment] {
    var moments: [Moment] = []
    moments.reserveCapacity(commands.count)
    var deadlines: [ChatID: Instant] = [:]
    for (index, command) in commands.enumerated() {
      var current = command.start
      var pending: [Event] = []
      var continued = false
      let first = moments.count
      func flush() {
        moments.append(Moment(command: index, instant: current, events: pending, continued: continued))
        pending = []
        continued = true
      }
      for event in command.events {
        if command.kind == .clock, case .offerExpired(let chat, _) = event, let deadline = deadlines[chat],
          deadline > current, deadline <= command.end
        {
          // Past the limit, the rest share one row (and the end has its own).
          if !pending.isEmpty, moments.count - first < momentsPerCommand - 2 { flush() }
          current = max(current, deadline)
        }
        if case .chatOffered(let chat, _, let interval) = event { deadlines[chat] = current + interval }
        pending.append(event)
      }
      if !pending.isEmpty { flush() }
      if current < command.end || !continued {
        current = command.end
        flush()
      }
    }
    return moments
  }

  /// Why a command has no row.
  enum Hidden: Hashable, Sendable {
    /// It repeats the block of `period` commands drawn above it.
    case repetition(period: Int)
    /// Beyond the drawing budget.
    case budget

    var period: Int? {
      if case .repetition(let period) = self { return period }
      return nil
    }
  }

  /// Which commands are not drawn, and why.
  ///
  /// A block of up to `limits.period` commands repeated `limits.repetitions` times or more in
  /// a row (the same commands and events but for numbers: `v17> say "Merci"` repeats
  /// `v16> say "Merci"`) keeps its first two repetitions and its last; the others are left
  /// out. If the commands still drawn take more than `limits.drawnRows` rows (`rows`: how many
  /// each takes, one but for a `clock` that sees expiries), only those of the first and last
  /// are. The command a script failed at is always drawn.
  static func hiddenCommands(_ commands: [TimedCommand], rows: [Int]? = nil, limits: Limits) -> [Hidden?] {
    var hidden = [Hidden?](repeating: nil, count: commands.count)
    guard commands.count > limits.repetitions * 2 else { return hidden }
    let signatures = commands.map(signature)
    var start = 0
    while start < commands.count {
      var best: (period: Int, repetitions: Int)?
      for period in 1...max(1, limits.period) where start + period * limits.repetitions <= commands.count {
        var repetitions = 1
        while start + (repetitions + 1) * period <= commands.count,
          signatures[(start + repetitions * period)..<(start + (repetitions + 1) * period)]
            .elementsEqual(signatures[start..<(start + period)])
        {
          repetitions += 1
        }
        if repetitions >= limits.repetitions,
          (repetitions - 3) * period > (best.map { ($0.repetitions - 3) * $0.period } ?? 0)
        {
          best = (period, repetitions)
        }
      }
      guard let best else {
        start += 1
        continue
      }
      for index in (start + 2 * best.period)..<(start + (best.repetitions - 1) * best.period) {
        hidden[index] = .repetition(period: best.period)
      }
      start += best.repetitions * best.period
    }
    let rows = rows ?? [Int](repeating: 1, count: commands.count)
    let drawn = hidden.indices.filter { hidden[$0] == nil }
    if drawn.reduce(0, { $0 + rows[$1] }) > limits.drawnRows {
      let half = limits.drawnRows / 2
      var head = 0
      var headRows = 0
      while head < drawn.count, headRows + rows[drawn[head]] <= half {
        headRows += rows[drawn[head]]
        head += 1
      }
      var tail = drawn.count
      var tailRows = 0
      while tail > head, tailRows + rows[drawn[tail - 1]] <= half {
        tailRows += rows[drawn[tail - 1]]
        tail -= 1
      }
      for index in drawn[head..<tail] { hidden[index] = .budget }
    }
    for index in commands.indices where commands[index].isFailure { hidden[index] = nil }
    return hidden
  }

  /// A command as a repetition sees it: what was written and what happened, without digits
  /// (chat numbers, visitors numbered `v1`, `v2`, times).
  private static func signature(_ command: TimedCommand) -> Int {
    var hasher = Hasher()
    func add(_ text: String) {
      for byte in text.utf8 where !(48...57).contains(byte) { hasher.combine(byte) }
      hasher.combine(0xFF as UInt8)
    }
    add(command.source)
    for event in command.events { add(event.description) }
    add(command.refusal ?? "")
    add(command.problem ?? "")
    return hasher.finalize()
  }
}
