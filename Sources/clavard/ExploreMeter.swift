import ContactCenter
import Exploration
import Wire

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
  /// The run being shrunk, once one failed: the progress line then says so, not the runs'
  /// figures, which no longer move.
  private var shrinking: Int?

  init(limit: Interval?, showsProgress: Bool) {
    start = clock.now
    lastShown = start
    self.limit = limit.map { .milliseconds($0.milliseconds) }
    self.showsProgress = showsProgress
  }

  var elapsed: Duration { clock.now - start }

  /// The figures the summary gives.
  var timing: ExplorationTiming {
    ExplorationTiming(
      elapsedMilliseconds: milliseconds(elapsed), foundMilliseconds: foundAt.map(milliseconds))
  }

  /// Whether to go on; shows the progress line at most five times a second.
  func keepGoing(_ progress: ExplorationProgress) -> Bool {
    let now = clock.now
    if showsProgress, now - lastShown >= .milliseconds(200) {
      lastShown = now
      shown = true
      let timing = ExplorationTiming(elapsedMilliseconds: milliseconds(now - start))
      let seconds = ExplorationTiming.seconds(timing.elapsedMilliseconds)
      if let shrinking {
        Output.status("explore: run \(shrinking) failed; shrinking it… \(seconds) s")
      } else {
        Output.status(
          "explore: \(progress.runs) runs, \(progress.commands) commands, \(timing.rate(progress.commands)) commands/s, \(seconds) s"
        )
      }
    }
    return limit.map { now - start < $0 } ?? true
  }

  func found(run: Int) {
    foundAt = elapsed
    shrinking = run
    if showsProgress {
      shown = true
      Output.status("explore: run \(run) failed; shrinking it…")
    }
  }

  /// Clears the progress line, if one was shown.
  func clear() {
    if shown { Output.status("") }
  }

  private func milliseconds(_ duration: Duration) -> Int {
    Int(duration.components.seconds) * 1000 + Int(duration.components.attoseconds / 1_000_000_000_000_000)
  }
}
