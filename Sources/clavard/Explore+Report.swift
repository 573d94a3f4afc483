import ContactCenter
import Exploration
import Wire

extension Explore {
  /// The lines of the text summary; `written` says whether the failure's script was written.
  func summary(_ exploration: Exploration, meter: ExploreMeter, written: Bool) -> String {
    let progress = exploration.progress
    let runs = progress.runs == 1 ? "1 run" : "\(progress.runs) runs"
    guard let discovery = exploration.discovery else {
      let pace = "\(progress.commands) commands, \(meter.rate(progress.commands)) commands/s"
      let stopped = exploration.stoppedEarly ? " (stopped by --time)" : ""
      return
        "explore: no failure in \(runs)\(stopped): \(pace), \(meter.seconds(meter.elapsed)) s, seed \(seed)"
    }
    let failure = discovery.failure
    var lines = [
      "explore: run \(discovery.run) failed at its command \(discovery.lengthBefore) (\(progress.commands) commands in \(runs)), `\(failure.command)`: \(failure.message)"
    ]
    lines += failure.diff.map { "  " + $0 }
    lines.append("\(discovery.shrinkSummary); \(written ? "wrote" : "could not write") \(out)")
    return lines.map(Escaping.controlsEscaped).joined(separator: "\n")
  }

  /// `--json`: one object; the failure's `script` is null when it could not be written.
  func summaryJSON(_ exploration: Exploration, meter: ExploreMeter, written: Bool) -> JSON {
    let progress = exploration.progress
    var members: [(String, JSON)] = [
      // A seed past the largest JSON integer this side writes is given as text.
      ("seed", seed <= UInt64(Int.max) ? .number(Int(seed)) : .string(String(seed))),
      ("runs", .number(progress.runs)),
      ("commands", .number(progress.commands)),
      ("elapsed_ms", .number(meter.milliseconds(meter.elapsed))),
      ("commands_per_second", .number(meter.rate(progress.commands))),
      ("faults", .array(faults.map { .string($0.rawValue) })),
      ("stopped_early", .bool(exploration.stoppedEarly)),
      ("found", .bool(exploration.discovery != nil)),
    ]
    if let discovery = exploration.discovery {
      members.append(
        (
          "failure",
          .object([
            ("run", .number(discovery.run)), ("kind", .string(discovery.failure.kind.rawValue)),
            ("command", .string(discovery.failure.command)), ("message", .string(discovery.failure.message)),
            ("diff", .array(discovery.failure.diff.map(JSON.string))),
            ("length_before", .number(discovery.lengthBefore)),
            ("length_after", .number(discovery.lengthAfter)),
            ("candidates", .number(discovery.trials)),
            ("shrinking_stopped", .bool(discovery.shrinkingStopped)),
            ("find_ms", .number(meter.milliseconds(meter.foundAt ?? meter.elapsed))),
            ("shrink_ms", .number(meter.milliseconds(meter.elapsed - (meter.foundAt ?? meter.elapsed)))),
            ("script", written ? .string(out) : .null),
          ])
        ))
    }
    return .object(members)
  }
}

/// Wall-clock time for `--time`, the progress line and the summary (the library never reads a
/// clock: its runs are the same however fast they go).
final class ExploreMeter {
  private let clock = ContinuousClock()
  private let start: ContinuousClock.Instant
  private let limit: Duration?
  private let showsProgress: Bool
  private var lastShown: ContinuousClock.Instant
  private var shown = false
  /// When the failure was found (before shrinking).
  private(set) var foundAt: Duration?

  init(limit: Interval?, showsProgress: Bool) {
    start = clock.now
    lastShown = start
    self.limit = limit.map { .milliseconds($0.milliseconds) }
    self.showsProgress = showsProgress
  }

  var elapsed: Duration { clock.now - start }

  /// Whether to go on; shows the progress line at most five times a second.
  func keepGoing(_ progress: ExplorationProgress) -> Bool {
    let now = clock.now
    if showsProgress, now - lastShown >= .milliseconds(200) {
      lastShown = now
      shown = true
      Output.status(
        "explore: \(progress.runs) runs, \(progress.commands) commands, \(rate(progress.commands)) commands/s, \(seconds(now - start)) s"
      )
    }
    return limit.map { now - start < $0 } ?? true
  }

  func found(run: Int) {
    foundAt = elapsed
    if showsProgress {
      shown = true
      Output.status("explore: run \(run) failed; shrinking it…")
    }
  }

  /// Clears the progress line, if one was shown.
  func clear() {
    if shown { Output.status("") }
  }

  func milliseconds(_ duration: Duration) -> Int {
    Int(duration.components.seconds) * 1000 + Int(duration.components.attoseconds / 1_000_000_000_000_000)
  }

  func seconds(_ duration: Duration) -> String {
    let tenths = milliseconds(duration) / 100
    return "\(tenths / 10).\(tenths % 10)"
  }

  /// Commands per second so far.
  func rate(_ commands: Int) -> Int {
    let elapsed = milliseconds(foundAt ?? self.elapsed)
    return elapsed > 0 ? commands * 1000 / elapsed : 0
  }
}
