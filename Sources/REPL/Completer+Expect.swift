import Conformance
import ContactCenter

/// Completion of `expect` lines: the questions, and the actual value first.
extension Completer {
  // MARK: expect

  static func expect(_ args: [String], _ partial: String, _ context: CompletionContext) -> [String] {
    let center = context.center
    guard let subject = args.first else {
      return filter(["queue", "case", "customer", "setting", "clock"], partial)
        + actorNames(context, prefix: partial) + chatIDs(center.chats.map(\.id), partial)
    }
    let rest = Array(args.dropFirst())
    switch subject {
    case "queue":
      switch rest.count {
      case 0: return filter(center.queues.keys.map(\.rawValue), partial)
      case 1: return filter(["waiting"], partial)
      case 2: return filter([String(center.waitingChats(in: QueueID(rest[0])).count)], partial)
      default: return []
      }
    case "case":
      switch rest.count {
      case 0: return filter(center.crm.cases.keys.map(\.rawValue), partial)
      case 1: return filter(["customer"], partial)
      case 2:
        let actual = center.crm.cases[CaseID(rest[0])]?.customer.rawValue
        return filter(unique([actual].compactMap { $0 } + center.crm.customers.keys.map(\.rawValue)), partial)
      case 3: return filter(["state"], partial)
      case 4:
        let actual = center.crm.cases[CaseID(rest[0])]?.state.rawValue
        return filter(unique([actual].compactMap { $0 } + CaseState.allCases.map(\.rawValue)), partial)
      default: return []
      }
    case "customer":
      switch rest.count {
      case 0: return filter(center.crm.customers.keys.map(\.rawValue), partial)
      case 1: return filter(["name"], partial)
      case 3: return filter(["email"], partial)
      case 4: return filter([center.crm.customers[CustomerID(rest[0])]?.email].compactMap { $0 }, partial)
      default: return []
      }
    case "setting":
      switch rest.count {
      case 0: return filter(Setting.keys.map(\.key), partial)
      case 1: return filter(settingValues(rest[0], context), partial)
      default: return []
      }
    case "clock":
      return rest.isEmpty ? filter([center.now.description], partial) : []
    default:
      if let chat = ChatID(parsing: subject) { return expectChat(chat, rest, partial, context) }
      return expectActor(subject, rest, partial, context)
    }
  }

  static func expectChat(_ id: ChatID, _ rest: [String], _ partial: String, _ context: CompletionContext)
    -> [String]
  {
    let center = context.center
    guard let question = rest.first else {
      return filter(["state", "agent", "log", "disposition", "wrap-up", "messages"], partial)
    }
    guard rest.count == 1 else { return [] }
    let chat = center.chat(id)
    var actual: String?
    var others: [String] = []
    switch question {
    case "state":
      actual = chat?.state.keyword
      others = ["queued", "offered", "active", "wrap-up", "finished", "abandoned"]
    case "agent":
      if let state = chat?.state {
        switch state {
        case .offered(let agent, _, _, _), .active(let agent, _), .wrapUp(let agent, _, _),
          .finished(let agent, _, _):
          actual = agent.rawValue
        case .queued, .abandoned: actual = nil
        }
      }
      others = agentNames(context, prefix: partial)
    case "log":
      if let chat {
        if let log = chat.log {
          actual =
            log.isSaved ? (log.mode == .view ? "view" : "saved") : (log.savedCase != nil ? "draft" : "edit")
        } else {
          actual = "none"
        }
      }
      others = ["view", "edit", "draft", "saved", "none"]
    case "disposition":
      actual = chat.map { $0.disposition?.rawValue ?? "none" }
      others = (chat.flatMap { center.queues[$0.queue]?.dispositions.map(\.rawValue) } ?? []) + ["none"]
    case "wrap-up":
      actual = center.wrapUpElapsed(id)?.description
    case "messages":
      actual = chat.map { String($0.messages.count) }
    default:
      return []
    }
    return filter(unique([actual].compactMap { $0 } + others), partial)
  }

  static func expectActor(_ name: String, _ rest: [String], _ partial: String, _ context: CompletionContext)
    -> [String]
  {
    guard let agent = context.center.agent(AgentID(name)) else {
      return rest.isEmpty ? filter(["sees"], partial) : []
    }
    guard let question = rest.first else {
      return filter(["status", "chats", "offer", "queues", "sees"], partial)
    }
    guard rest.count == 1 else { return [] }
    switch question {
    case "status":
      let actual: String =
        switch agent.session {
        case .loggedOut: "logged-out"
        case .loggedIn: "not-ready"
        case .ready(let status): status.keyword
        }
      return filter(
        unique([actual] + AgentStatus.allCases.map(\.keyword) + ["logged-out", "not-ready"]), partial)
    case "chats": return filter([String(agent.chats.count)], partial)
    case "offer": return filter(unique([agent.pendingOffer?.description ?? "none", "none"]), partial)
    case "queues":
      let enabled = agent.enabledQueues.map(\.rawValue)
      return filter(
        unique((enabled.isEmpty ? ["none"] : enabled) + agent.assignedQueues.map(\.rawValue) + ["none"]),
        partial)
    default: return []
    }
  }
}
