/// What a simulation measured. Everything but the timings and memory is deterministic for a
/// given configuration.
public struct SimulationReport: Hashable, Sendable {
  public var chats = 0
  public var offered = 0
  public var accepted = 0
  public var rejected = 0
  public var expired = 0
  public var withdrawn = 0
  public var abandoned = 0
  public var finished = 0
  /// Chats neither accepted nor abandoned when the load ended: they still wait (most often in
  /// a queue no agent serves) or are offered. `chats == accepted + abandoned + unserved`.
  public var unserved = 0
  /// Queues no agent has among its queues (few agents, many queues): their chats all wait.
  public var queuesWithoutAgents = 0
  public var maximumChatsPerAgent = 0
  public var decisions = 0
  public var commands = 0
  public var refusals = 0
  public var virtualDuration = "00:00:00"
  public var invariantViolations: [String]? = nil
  /// Nanoseconds per routing decision, at the 50th and 99th percentiles (commands that made
  /// one decision, timed around `perform`/`advance`).
  public var decisionP50Nanoseconds: UInt64 = 0
  public var decisionP99Nanoseconds: UInt64 = 0
  public var wallSeconds = 0.0
  public var peakResidentBytes = 0

  public var missed: Int { rejected + expired }

  /// One JSON object, keys in a stable order.
  public var json: String {
    var fields: [(String, String)] = [
      ("chats", "\(chats)"), ("offered", "\(offered)"), ("accepted", "\(accepted)"), ("missed", "\(missed)"),
      ("rejected", "\(rejected)"), ("expired", "\(expired)"), ("withdrawn", "\(withdrawn)"),
      ("abandoned", "\(abandoned)"), ("finished", "\(finished)"), ("unserved", "\(unserved)"),
      ("queues_without_agents", "\(queuesWithoutAgents)"),
      ("max_chats_per_agent", "\(maximumChatsPerAgent)"), ("decisions", "\(decisions)"),
      ("commands", "\(commands)"), ("refusals", "\(refusals)"),
      ("virtual_duration", "\"\(virtualDuration)\""),
      ("decision_p50_ns", "\(decisionP50Nanoseconds)"), ("decision_p99_ns", "\(decisionP99Nanoseconds)"),
      ("wall_seconds", formatted(wallSeconds)), ("peak_rss_bytes", "\(peakResidentBytes)"),
    ]
    if let violations = invariantViolations {
      fields.append(("invariant_violations", "\(violations.count)"))
    }
    return "{" + fields.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ") + "}"
  }

  /// A few lines for a person.
  public var summary: String {
    var lines = [
      "chats \(chats), offered \(offered), accepted \(accepted), missed \(missed) (rejected \(rejected), expired \(expired)), withdrawn \(withdrawn), abandoned \(abandoned), finished \(finished), unserved \(unserved)",
      "max chats per agent \(maximumChatsPerAgent), routing decisions \(decisions), commands \(commands), refusals \(refusals), virtual time \(virtualDuration)",
      "decision p50 \(decisionP50Nanoseconds) ns, p99 \(decisionP99Nanoseconds) ns, wall \(formatted(wallSeconds)) s, peak memory \(peakResidentBytes / 1_048_576) MiB",
    ]
    if queuesWithoutAgents > 0 {
      lines.append(
        "\(queuesWithoutAgents) \(queuesWithoutAgents == 1 ? "queue has" : "queues have") no agent: \(queuesWithoutAgents == 1 ? "its" : "their") chats wait, counted as unserved"
      )
    }
    if let violations = invariantViolations {
      lines.append("invariant violations: \(violations.count)")
      lines += violations.prefix(10).map { "  \($0)" }
    }
    return lines.joined(separator: "\n")
  }
}

private func formatted(_ value: Double) -> String {
  let thousandths = Int((value * 1000).rounded())
  let fraction = thousandths % 1000
  return "\(thousandths / 1000)." + (fraction < 10 ? "00" : fraction < 100 ? "0" : "") + "\(fraction)"
}
