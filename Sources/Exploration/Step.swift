import Conformance
import ContactCenter

/// One generated command, before it meets the reference: what it means rather than the ids it
/// will have. A chat is named through the visitor who opened it, and a clock move through the
/// next deadline, so that a step keeps its meaning when the shrinker removes the steps before
/// it: removing an `open` shifts every later chat number, and a step written `accept chat-3`
/// would then name another chat, where "the chat v4 opened" still names the right one (or
/// none, and the step is left out).
public enum Step: Hashable, Sendable {
  /// A command of the vocabulary (``Vocabulary/commands``, by position), given by an actor,
  /// with its arguments as the parser gives them, except the chat it names, if any.
  case command(spec: Int, actor: CommandSpec.Actor, arguments: Arguments, chat: ChatReference?)
  case set(Setting)
  case clock(ClockMove)

  /// The command's words (`accept`, `queues enable`), `set` or `clock`: how a failure is told
  /// from another when the shrinker asks whether a smaller run still fails the same way.
  var words: String {
    switch self {
    case .command(let index, _, _, _): Vocabulary.commands[index].name
    case .set: "set"
    case .clock: "clock"
    }
  }

  /// The words, and a setting's key: what a summary names (`accept`, `set reject-permission`).
  var name: String {
    if case .set(let setting) = self { return "set \(setting.key)" }
    return words
  }
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
  /// The script command this step means in the reference's state; nil when it means nothing
  /// there (its chat was never opened, no deadline is pending): such a step is left out.
  func command(in center: Center) -> ScriptCommand? {
    switch self {
    case .set(let setting):
      return .engine(.set(setting))
    case .clock(.by(let interval)):
      return .clock(.forward(interval))
    case .clock(.deadline(let offset)):
      // A deadline pending is later than now: the offer would have expired otherwise.
      return center.nextDeadline.map { .clock(.to($0 + Interval(milliseconds: offset))) }
    case .command(let index, let actor, let arguments, let chat):
      guard let arguments = Self.arguments(arguments, naming: chat, in: center),
        let command = Vocabulary.commands[index].command(arguments, by: actor)
      else { return nil }
      return .engine(command)
    }
  }

  /// The arguments with the chat named by its id in this state; nil when it was never opened.
  static func arguments(_ arguments: Arguments, naming chat: ChatReference?, in center: Center) -> Arguments?
  {
    switch chat {
    case nil:
      return arguments
    case .openedBy(let visitor)?:
      guard let id = center.latestChat(of: visitor) else { return nil }
      var named = arguments
      named["chat"] = .chat(id)
      return named
    case .unknown?:
      var named = arguments
      named["chat"] = .chat(ChatReference.unknownChat)
      return named
    }
  }
}
