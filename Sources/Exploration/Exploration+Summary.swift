import ContactCenter
import Wire

/// The wall-clock figures of an exploration, measured by the command that ran it: the library
/// never reads a clock, so that its runs are the same however fast they go.
public struct ExplorationTiming: Hashable, Sendable {
  /// Since the exploration started.
  public var elapsedMilliseconds: Int
  /// When the failure was found, before it was shrunk; nil when none was.
  public var foundMilliseconds: Int?

  public init(elapsedMilliseconds: Int, foundMilliseconds: Int? = nil) {
    self.elapsedMilliseconds = elapsedMilliseconds
    self.foundMilliseconds = foundMilliseconds
  }

  /// Commands per second up to the failure (shrinking is not exploring), or to the end.
  public func rate(_ commands: Int) -> Int {
    let milliseconds = foundMilliseconds ?? elapsedMilliseconds
    return milliseconds > 0 ? commands * 1000 / milliseconds : 0
  }

  /// `12.3`: seconds to the tenth.
  public static func seconds(_ milliseconds: Int) -> String {
    let tenths = milliseconds / 100
    return "\(tenths / 10).\(tenths % 10)"
  }
}

extension Exploration {
  /// The summary `clavard explore` prints: what was found or how far it went, the shrink, the
  /// script, and what the system under test (named `system`) could not be given. Text from
  /// the system under test is escaped.
  public func summary(seed: UInt64, timing: ExplorationTiming, out: String, written: Bool, system: String)
    -> String
  {
    let runs = progress.runs == 1 ? "1 run" : "\(progress.runs) runs"
    var lines: [String]
    if let discovery {
      let failure = discovery.failure
      lines = [
        "explore: run \(discovery.run) failed at its command \(discovery.lengthBefore) (\(progress.commands) commands in \(runs)), `\(failure.command)`: \(failure.message)"
      ]
      lines += failure.diff.map { "  " + $0 }
      lines.append("\(discovery.shrinkSummary); \(written ? "wrote" : "could not write") \(out)")
    } else {
      let pace = "\(progress.commands) commands, \(timing.rate(progress.commands)) commands/s"
      let stopped = stoppedEarly ? " (stopped by --time)" : ""
      let seconds = ExplorationTiming.seconds(timing.elapsedMilliseconds)
      lines = ["explore: no failure in \(runs)\(stopped): \(pace), \(seconds) s, seed \(seed)"]
    }
    if let leftOut = leftOutSummary(system: system) { lines.append(leftOut) }
    return lines.map(Escaping.controlsEscaped).joined(separator: "\n")
  }

  /// `left out: ready, status (not supported by NAME)`; nil when nothing was.
  public func leftOutSummary(system: String) -> String? {
    leftOut.isEmpty ? nil : "left out: \(leftOut.joined(separator: ", ")) (not supported by \(system))"
  }

  /// `--json`: one object; the failure's `script` is null when it could not be written.
  public func json(seed: UInt64, faults: [Fault], timing: ExplorationTiming, out: String, written: Bool)
    -> JSON
  {
    var members: [(String, JSON)] = [
      // A seed past the largest JSON integer this side writes is given as text.
      ("seed", seed <= UInt64(Int.max) ? .number(Int(seed)) : .string(String(seed))),
      ("runs", .number(progress.runs)),
      ("commands", .number(progress.commands)),
      ("elapsed_ms", .number(timing.elapsedMilliseconds)),
      ("commands_per_second", .number(timing.rate(progress.commands))),
      ("faults", .array(faults.map { .string($0.rawValue) })),
      ("stopped_early", .bool(stoppedEarly)),
      ("left_out", .array(leftOut.map(JSON.string))),
      ("found", .bool(discovery != nil)),
    ]
    if let discovery {
      let found = timing.foundMilliseconds ?? timing.elapsedMilliseconds
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
            ("fails_again", .bool(discovery.notReproduced == nil)),
            ("find_ms", .number(found)),
            ("shrink_ms", .number(timing.elapsedMilliseconds - found)),
            ("script", written ? .string(out) : .null),
          ])
        ))
    }
    return .object(members)
  }
}
