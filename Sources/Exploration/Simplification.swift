import Conformance
import ContactCenter

/// The ways the shrinker makes a step plainer, each strictly simpler than the step (shorter,
/// smaller or with fewer values), so that shrinking ends.
enum Simplification {
  /// Who a step is by: an agent (also the step that defines it) or a customer.
  static func actors(of step: Step) -> [CommandSpec.Actor] {
    guard case .command(let index, let actor, let arguments, _) = step else { return [] }
    switch actor {
    case .agent, .visitor: return [actor]
    case .tenant:
      guard Vocabulary.commands[index].name == "agent", case .text(let name)? = arguments["agent"] else {
        return []
      }
      return [.agent(AgentID(name))]
    }
  }

  /// Plainer versions of a step, the plainest first.
  static func simpler(_ step: Step) -> [Step] {
    switch step {
    case .set:
      return []
    case .clock(.by(let interval)):
      guard interval.milliseconds > 1 else { return [] }
      return [
        .clock(.by(Interval(milliseconds: 1))),
        .clock(.by(Interval(milliseconds: interval.milliseconds / 2))),
      ]
    case .clock(.deadline(let offset)):
      return offset == 0 ? [] : [.clock(.deadline(offset: 0))]
    case .command(let index, let actor, let arguments, let chat):
      // The chat left for the engine to find (the agent's only one).
      var plainer: [Step] =
        chat == nil ? [] : [.command(spec: index, actor: actor, arguments: arguments, chat: nil)]
      // In the vocabulary's order: a dictionary's differs from one process to the next.
      for argument in Vocabulary.commands[index].arguments {
        guard let value = arguments[argument.name] else { continue }
        if argument.isOptional {
          var fewer = arguments
          fewer[argument.name] = nil
          plainer.append(.command(spec: index, actor: actor, arguments: fewer, chat: chat))
        }
        for shorter in simpler(value, argument) {
          var changed = arguments
          changed[argument.name] = shorter
          plainer.append(.command(spec: index, actor: actor, arguments: changed, chat: chat))
        }
      }
      return plainer
    }
  }

  /// Shorter texts and shorter lists, smaller numbers; an e-mail address the shortest there is.
  private static func simpler(_ value: Arguments.Value, _ argument: ArgumentSpec) -> [Arguments.Value] {
    switch value {
    case .text(let text) where argument.name == "email":
      return text.count > plainEmail.count ? [.text(plainEmail)] : []
    case .text(let text) where argument.kind == .text && text.count > 1:
      return [.text("a"), .text(String(text.prefix(text.count / 2)))]
    case .number(let number) where number > 1:
      return [.number(1), .number(number - 1)]
    case .list(let items) where items.count > 1:
      return items.indices.map { index in
        var fewer = items
        fewer.remove(at: index)
        return .list(fewer)
      }
    default:
      return []
    }
  }

  static let plainEmail = "v@example.com"

  /// The agents, visitors and queues renamed `a1`, `a2`…, `v1`, `v2`…, `q1`, `q2`… in order of
  /// appearance.
  static func renamedInOrder(_ steps: [Step]) -> [Step] {
    var agents: [AgentID: AgentID] = [:]
    var visitors: [VisitorID: VisitorID] = [:]
    for actor in Shrinker.actors(steps) {
      switch actor {
      case .agent(let id): agents[id] = AgentID("a\(agents.count + 1)")
      case .visitor(let id): visitors[id] = VisitorID("v\(visitors.count + 1)")
      case .tenant: break
      }
    }
    var queues: [String: String] = [:]
    for step in steps {
      guard case .command(_, _, let arguments, _) = step else { continue }
      var named: [String] = []
      if case .text(let queue)? = arguments["queue"] { named.append(queue) }
      if case .list(let list)? = arguments["queues"] { named += list }
      for queue in named where queues[queue] == nil { queues[queue] = "q\(queues.count + 1)" }
    }
    return steps.map { step in
      guard case .command(let index, let actor, var arguments, var chat) = step else { return step }
      let renamedActor: CommandSpec.Actor
      switch actor {
      case .agent(let id): renamedActor = .agent(agents[id] ?? id)
      case .visitor(let id): renamedActor = .visitor(visitors[id] ?? id)
      case .tenant: renamedActor = .tenant
      }
      if case .text(let name)? = arguments["agent"], let renamed = agents[AgentID(name)] {
        arguments["agent"] = .text(renamed.rawValue)
      }
      if case .text(let queue)? = arguments["queue"], let renamed = queues[queue] {
        arguments["queue"] = .text(renamed)
      }
      if case .list(let list)? = arguments["queues"] {
        arguments["queues"] = .list(list.map { queues[$0] ?? $0 })
      }
      if case .openedBy(let visitor)? = chat, let renamed = visitors[visitor] { chat = .openedBy(renamed) }
      return .command(spec: index, actor: renamedActor, arguments: arguments, chat: chat)
    }
  }
}

extension ArgumentSpec {
  /// Whether a command can be written without it.
  var isOptional: Bool {
    switch form {
    case .optionalChat, .optionalLast, .key(required: false): true
    case .required, .key(required: true): false
    }
  }
}
