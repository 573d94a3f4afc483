import Conformance
import ContactCenter

/// One generated command, before it meets the reference: what it means rather than the ids it
/// will have. A chat is named through the visitor who opened it, and a clock move through the
/// next deadline, so that a step keeps its meaning when the shrinker removes the steps before
/// it: removing an `open` shifts every later chat number, and a step written `accept chat-3`
/// would then name another chat, where "the chat v4 opened" still names the right one (or
/// none, and the step is left out).
public enum Step: Hashable, Sendable {
  /// A command of the vocabulary (``Vocabulary/commands``, by position), given by an actor.
  case command(spec: Int, actor: CommandSpec.Actor, arguments: [String: StepValue])
  case set(Setting)
  case clock(ClockMove)

  /// The vocabulary's command of a `.command` step.
  var spec: CommandSpec? {
    if case .command(let index, _, _) = self { return Vocabulary.commands[index] }
    return nil
  }

  /// The command's words (`accept`, `queues enable`), `set` or `clock`: how a failure is told
  /// from another when the shrinker asks whether a smaller run still fails the same way.
  var words: String {
    switch self {
    case .command(let index, _, _): Vocabulary.commands[index].name
    case .set: "set"
    case .clock: "clock"
    }
  }

  /// The agent or visitor who gives the command, if any.
  var actor: CommandSpec.Actor? {
    if case .command(_, let actor, _) = self { return actor }
    return nil
  }
}

/// An argument of a generated command: a value as the parser would give it, or a chat named
/// through history.
public enum StepValue: Hashable, Sendable {
  case value(Arguments.Value)
  case chat(ChatReference)
}

/// A chat as a generated command names it.
public enum ChatReference: Hashable, Sendable {
  /// The chat the visitor opened last.
  case openedBy(VisitorID)
  /// A chat that does not exist: the command is refused.
  case unknown

  /// The id of ``unknown``: past any chat a run of at most ``Explorer/maximumCommands`` opens.
  static let unknownChat = ChatID(999_999)
}

/// A move of the clock: by an interval, or to the next pending deadline, exactly or a
/// millisecond off, where the rules of CHAT-4 meet.
public enum ClockMove: Hashable, Sendable {
  case by(Interval)
  /// To the next offer's deadline plus `offset` milliseconds (-1, 0 or 1). Left out when no
  /// offer is pending.
  case deadline(offset: Int64)
}

extension Step {
  /// The script command this step means in the session's state, with the arguments it was
  /// given (to write it as a script line); nil when it means nothing there (its chat was never
  /// opened, no deadline is pending): such a step is left out.
  func resolved(in session: Session) -> ResolvedStep? {
    switch self {
    case .set(let setting):
      return ResolvedStep(command: .engine(.set(setting)))
    case .clock(.by(let interval)):
      return ResolvedStep(command: .clock(.forward(interval)))
    case .clock(.deadline(let offset)):
      guard let deadline = session.center.nextDeadline else { return nil }
      // A deadline pending is later than now: the offer would have expired otherwise.
      return ResolvedStep(command: .clock(.to(deadline + Interval(milliseconds: offset))), isAbsolute: true)
    case .command(let index, let actor, let values):
      var arguments = Arguments()
      for (name, value) in values {
        switch value {
        case .value(let value):
          arguments[name] = value
        case .chat(.openedBy(let visitor)):
          guard let chat = session.center.latestChat(of: visitor) else { return nil }
          arguments[name] = .chat(chat)
        case .chat(.unknown):
          arguments[name] = .chat(ChatReference.unknownChat)
        }
      }
      guard let command = Vocabulary.commands[index].command(arguments, by: actor) else { return nil }
      return ResolvedStep(command: .engine(command), spec: index, actor: actor, arguments: arguments)
    }
  }
}

/// A step made concrete in one state: the command the reference runs, and what its script
/// line is written from.
struct ResolvedStep {
  var command: ScriptCommand
  var spec: Int?
  var actor: CommandSpec.Actor?
  var arguments = Arguments()
  /// A clock move written as the time it moves to (`clock 00:00:30.001`) rather than by how much.
  var isAbsolute = false

  init(
    command: ScriptCommand, spec: Int? = nil, actor: CommandSpec.Actor? = nil,
    arguments: Arguments = Arguments(),
    isAbsolute: Bool = false
  ) {
    self.command = command
    self.spec = spec
    self.actor = actor
    self.arguments = arguments
    self.isAbsolute = isAbsolute
  }
}
