import Conformance
import ContactCenter

/// The ways the shrinker makes a step plainer, each strictly simpler than the step (shorter,
/// smaller or with fewer values), so that shrinking ends.
enum Simplification {
  /// Who a step is by: an agent (also the step that defines it) or a customer.
  static func actors(of step: Step) -> [CommandSpec.Actor] {
    guard case .command(let index, let actor, let arguments) = step else { return [] }
    switch actor {
    case .agent, .visitor: return [actor]
    case .tenant:
      guard Vocabulary.commands[index].name == "agent", case .value(.text(let name))? = arguments["agent"]
      else { return [] }
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
    case .command(let index, let actor, let arguments):
      var plainer: [Step] = []
      let spec = Vocabulary.commands[index]
      // Names sorted: a dictionary's order differs from one process to the next.
      for name in arguments.keys.sorted() {
        guard let argument = spec.arguments.first(where: { $0.name == name }), let value = arguments[name]
        else {
          continue
        }
        if argument.isOptional {
          var fewer = arguments
          fewer[name] = nil
          plainer.append(.command(spec: index, actor: actor, arguments: fewer))
        }
        for shorter in simpler(value, kind: argument.kind) {
          var changed = arguments
          changed[name] = shorter
          plainer.append(.command(spec: index, actor: actor, arguments: changed))
        }
      }
      return plainer
    }
  }

  /// Shorter texts and shorter lists.
  private static func simpler(_ value: StepValue, kind: ValueKind) -> [StepValue] {
    switch value {
    case .value(.text(let text)) where kind == .text && text.count > 1:
      return [.value(.text("a")), .value(.text(String(text.prefix(text.count / 2))))]
    case .value(.list(let items)) where items.count > 1:
      return items.indices.map { index in
        var fewer = items
        fewer.remove(at: index)
        return .value(.list(fewer))
      }
    default:
      return []
    }
  }

  /// The agents and visitors renamed `a1`, `a2`…, `v1`, `v2`… in order of appearance.
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
    return steps.map { step in
      guard case .command(let index, let actor, var arguments) = step else { return step }
      let renamedActor: CommandSpec.Actor
      switch actor {
      case .agent(let id): renamedActor = .agent(agents[id] ?? id)
      case .visitor(let id): renamedActor = .visitor(visitors[id] ?? id)
      case .tenant: renamedActor = .tenant
      }
      if case .value(.text(let name))? = arguments["agent"], let renamed = agents[AgentID(name)] {
        arguments["agent"] = .value(.text(renamed.rawValue))
      }
      if case .chat(.openedBy(let visitor))? = arguments["chat"], let renamed = visitors[visitor] {
        arguments["chat"] = .chat(.openedBy(renamed))
      }
      return .command(spec: index, actor: renamedActor, arguments: arguments)
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
