import Conformance
import ContactCenter

/// Completion of what agents and customers type after `name>`.
extension Completer {
  // MARK: Actors' commands

  static func commandWords(for actor: String, _ context: CompletionContext) -> [String] {
    context.center.agent(AgentID(actor)) != nil ? agentWords : customerWords
  }

  static let agentWords = [
    "login", "ready", "status", "queues", "profile", "preview", "accept", "reject", "info", "typing", "say",
    "faq",
    "send", "customer", "end", "timer", "disposition", "continue", "finish", "log", "logout",
  ]
  static let customerWords = ["open", "typing", "say", "leave"]

  static func actorCommand(_ actor: String, _ words: Words, _ context: CompletionContext) -> Completion {
    guard !words.inQuote else { return .candidates([]) }
    guard let command = words.complete.first else {
      return .candidates(filter(commandWords(for: actor, context), words.partial))
    }
    guard let agent = context.center.agent(AgentID(actor)) else {
      return .candidates(customerCommand(command, words, context))
    }
    return .candidates(agentCommand(agent, command, words, context))
  }

  static func customerCommand(_ command: String, _ words: Words, _ context: CompletionContext) -> [String] {
    let args = Array(words.complete.dropFirst())
    switch command {
    case "open":
      if args.isEmpty, !words.partial.contains("=") {
        return filter(
          context.center.queues.values.filter { $0.media == .chat }.map(\.id.rawValue), words.partial)
      }
      return options(["name", "email", "ip", "account", "case"], words, context)
    case "typing":
      return args.isEmpty ? filter(["stop"], words.partial) : []
    default:
      return []
    }
  }

  static func agentCommand(
    _ agent: AgentRecord, _ command: String, _ words: Words, _ context: CompletionContext
  ) -> [String] {
    let center = context.center
    let args = Array(words.complete.dropFirst())
    let partial = words.partial
    let held = agent.chats.map(\.description)
    let wrappingUp = agent.chats.filter { if case .wrapUp = center.chat($0)?.state { true } else { false } }
      .map(\.description)
    let assigned = agent.assignedQueues.map(\.rawValue)
    let enabled = agent.enabledQueues.map(\.rawValue)
    func queues(_ verb: String) -> [String] {
      let wanted = verb == "enable" ? assigned.filter { !enabled.contains($0) } : enabled
      return filter(wanted.isEmpty ? assigned : wanted, partial)
    }
    switch command {
    case "status":
      return args.isEmpty ? filter(AgentStatus.allCases.map(\.keyword), partial) : []
    case "queues":
      if args.isEmpty { return filter(["enable", "disable", "confirm"], partial) }
      return args.count == 1 && (args[0] == "enable" || args[0] == "disable") ? queues(args[0]) : []
    case "profile":
      if args.isEmpty { return filter(["queues"], partial) }
      if args == ["queues"] { return filter(["enable", "disable", "save"], partial) }
      return args.count == 2 && (args[1] == "enable" || args[1] == "disable") ? queues(args[1]) : []
    case "accept", "reject":
      return args.isEmpty ? filter([agent.pendingOffer?.description].compactMap { $0 }, partial) : []
    case "info", "send", "end", "say":
      return args.isEmpty ? filter(held, partial) : []
    case "timer", "continue", "finish":
      return args.isEmpty ? filter(wrappingUp, partial) : []
    case "typing":
      if args.isEmpty { return filter(["stop"] + held, partial) }
      return args == ["stop"] ? filter(held, partial) : []
    case "faq":
      let faqs = center.faqs.keys.map(\.rawValue)
      if args.isEmpty { return filter(held + faqs, partial) }
      return args.count == 1 && ChatID(parsing: args[0]) != nil ? filter(faqs, partial) : []
    case "disposition":
      func codes(_ chats: [ChatID]) -> [String] {
        unique(
          chats.compactMap { center.chat($0) }.flatMap {
            center.queues[$0.queue]?.dispositions.map(\.rawValue) ?? []
          })
      }
      let wrapUpChats = agent.chats.filter { wrappingUp.contains($0.description) }
      if args.isEmpty {
        return filter(
          wrappingUp + codes(wrapUpChats.isEmpty ? Array(agent.chats) : Array(wrapUpChats)), partial)
      }
      if args.count == 1, let chat = ChatID(parsing: args[0]) { return filter(codes([chat]), partial) }
      return []
    case "customer":
      if args.isEmpty { return filter(["save"], partial) }
      guard args.first == "save" else { return [] }
      var candidates: [String] = []
      if words.complete.count == 2, !partial.contains("=") { candidates += filter(held, partial) }
      return candidates + options(["name", "email", "account"], words, context)
    case "log":
      let logChats = unique(([agent.lastFinishedChat].compactMap { $0 } + agent.openLogs).map(\.description))
      if args.isEmpty { return filter(["open", "edit", "customer", "save", "draft"] + logChats, partial) }
      guard args.count == 1 || (args.count == 2 && args[0] == "customer" && ChatID(parsing: args[1]) != nil)
      else { return [] }
      let customers = center.crm.customers.keys.map(\.rawValue)
      switch args[0] {
      case "open", "save", "draft", "edit": return args.count == 1 ? filter(logChats, partial) : []
      case "customer": return filter((args.count == 1 ? logChats : []) + customers, partial)
      default: return []
      }
    default:
      return []
    }
  }
}
