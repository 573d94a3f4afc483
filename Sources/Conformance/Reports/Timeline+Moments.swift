import ContactCenter

extension Timeline {
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
  static func moments(of commands: [TimedCommand]) -> [Moment] {
    var moments: [Moment] = []
    moments.reserveCapacity(commands.count)
    var deadlines: [ChatID: Instant] = [:]
    for (index, command) in commands.enumerated() {
      var current = command.start
      var pending: [Event] = []
      var continued = false
      func flush() {
        moments.append(Moment(command: index, instant: current, events: pending, continued: continued))
        pending = []
        continued = true
      }
      for event in command.events {
        if command.kind == .clock, case .offerExpired(let chat, _) = event, let deadline = deadlines[chat],
          deadline > current, deadline <= command.end
        {
          if !pending.isEmpty { flush() }
          current = deadline
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
  /// out. If more than `limits.drawnCommands` are still drawn, only the first and last halves
  /// are. The command a script failed at is always drawn.
  static func hiddenCommands(_ commands: [TimedCommand], limits: Limits) -> [Hidden?] {
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
    let drawn = hidden.indices.filter { hidden[$0] == nil }
    if drawn.count > limits.drawnCommands {
      let half = limits.drawnCommands / 2
      for index in drawn[half..<(drawn.count - half)] { hidden[index] = .budget }
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
