import Conformance
import ContactCenter

/// `.state`: the clock, queues, agents, chats still going, and settings changed from their
/// defaults, at a glance. Long lists show their first `limit` rows and say how many more.
public enum StateView {
  public static func lines(_ center: Center, limit: Int = 20) -> [(heading: Bool, text: String)] {
    var lines: [(Bool, String)] = [(true, "clock \(center.now)")]

    // Which agents have each queue enabled, in one pass over the agents.
    var enabledBy: [QueueID: [AgentID]] = [:]
    for agent in center.agents {
      for queue in agent.enabledQueues { enabledBy[queue, default: []].append(agent.id) }
    }

    lines.append((true, "queues (\(center.queues.count))"))
    if center.queues.isEmpty { lines.append((false, "  none: define one with `queue NAME`")) }
    for queue in center.queues.values.prefix(limit) {
      let waiting = center.waitingChats(in: queue.id)
      var text = "  \(queue.id) (\(queue.media.rawValue)): \(waiting.count) waiting"
      if !waiting.isEmpty { text += " " + list(waiting.map(\.description), limit: 6) }
      let agents = enabledBy[queue.id] ?? []
      text += "; enabled by " + (agents.isEmpty ? "no agent" : list(agents.map(\.rawValue), limit: 6))
      lines.append((false, text))
    }
    if center.queues.count > limit { lines.append((false, "  … and \(center.queues.count - limit) more")) }

    lines.append((true, "agents (\(center.agents.count))"))
    if center.agents.isEmpty { lines.append((false, "  none: define one with `agent NAME queues=...`")) }
    let nameWidth = min(16, center.agents.prefix(limit).map(\.id.rawValue.count).max() ?? 0)
    for agent in center.agents.prefix(limit) {
      var text = "  " + agent.id.rawValue.padded(to: nameWidth) + "  " + status(agent).padded(to: 15)
      if !agent.chats.isEmpty { text += "  chats " + list(agent.chats.map(\.description), limit: 6) }
      if let offer = agent.pendingOffer { text += "  offer \(offer)" }
      text +=
        "  queues "
        + (agent.enabledQueues.isEmpty ? "none" : list(agent.enabledQueues.map(\.rawValue), limit: 6))
      lines.append((false, text))
    }
    if center.agents.count > limit { lines.append((false, "  … and \(center.agents.count - limit) more")) }

    let going = center.chats.filter { !$0.state.isOver }
    let finished = center.chats.count(where: { if case .finished = $0.state { true } else { false } })
    let abandoned = center.chats.count - going.count - finished
    lines.append((true, "chats (\(going.count) going, \(finished) finished, \(abandoned) abandoned)"))
    for chat in going.prefix(limit) {
      lines.append((false, "  \(chat.id)  " + describe(chat)))
    }
    if going.count > limit { lines.append((false, "  … and \(going.count - limit) more")) }

    let defaults = Dictionary(uniqueKeysWithValues: Settings().all.map { ($0.key, $0.valueText) })
    let changed = center.settings.all.filter { defaults[$0.key] != $0.valueText }
    lines.append(
      (true, "settings" + (changed.isEmpty ? ": all at their defaults" : " changed from their defaults")))
    for setting in changed { lines.append((false, "  \(setting.key) \(setting.valueText)")) }
    return lines
  }

  static func status(_ agent: AgentRecord) -> String {
    switch agent.session {
    case .loggedOut: "logged out"
    case .loggedIn: "not ready"
    case .ready(let status): status.description
    }
  }

  static func describe(_ chat: ChatRecord) -> String {
    let who = "\(chat.visitor) in \(chat.queue)"
    switch chat.state {
    case .queued: return "queued: \(who)"
    case .offered(let agent, _, _, let deadline): return "offered to \(agent) until \(deadline): \(who)"
    case .active(let agent, _): return "active with \(agent): \(who)"
    case .wrapUp(let agent, _, _): return "wrap-up by \(agent): \(who)"
    case .finished(let agent, _, _): return "finished by \(agent): \(who)"
    case .abandoned: return "abandoned: \(who)"
    }
  }

  static func list(_ items: [String], limit: Int) -> String {
    let shown = items.prefix(limit).joined(separator: ", ")
    return items.count > limit ? shown + ", … (\(items.count) in all)" : shown
  }
}
