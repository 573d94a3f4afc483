import Conformance
import ContactCenter

extension CommandCall {
  /// Reads a command request's members through the vocabulary: its words name the command,
  /// `"agent"` or `"visitor"` the actor, and each argument of the command is read by its kind.
  public static func decode(_ json: JSON) throws(WireError) -> CommandCall {
    let fields = try Fields(json, "a command")
    let name = try fields.string("command")
    // `"agent"` names who acts, unless the command is the tenant's (`agent` defines one).
    let words = name.split(separator: " ").map(String.init)
    let actor: Actor
    if let agent = try fields.optionalString("agent"), Vocabulary.command(words, roles: .agent) != nil {
      actor = .agent(AgentID(agent))
    } else if let visitor = try fields.optionalString("visitor"),
      Vocabulary.command(words, roles: .customer) != nil
    {
      actor = .visitor(VisitorID(visitor))
    } else {
      actor = .tenant
    }
    if name == Vocabulary.Keyword.set.rawValue {
      guard actor == .tenant else { throw WireError("command set: no actor changes a setting") }
      return CommandCall(actor: actor, name: name, arguments: try Setting.decode(fields).jsonMembers)
    }
    let spec = try Self.spec(name, actor: actor)
    var arguments: [(String, JSON)] = []
    for argument in spec.arguments {
      let key = key(argument.name)
      guard let value = fields.members[key], !value.isNull else {
        if argument.form == .required || argument.form == .key(required: true) {
          throw WireError("command \(name): \"\(key)\" is missing")
        }
        continue
      }
      arguments.append((key, value))
    }
    let call = CommandCall(actor: actor, name: name, arguments: arguments)
    _ = try call.command()
    return call
  }

  static func spec(_ name: String, actor: Actor) throws(WireError) -> CommandSpec {
    let roles: CommandSpec.Roles
    switch actor {
    case .tenant: roles = .tenant
    case .agent: roles = .agent
    case .visitor: roles = .customer
    }
    let words = name.split(separator: " ").map(String.init)
    guard let spec = Vocabulary.command(words, roles: roles) else {
      if actor == .tenant, Vocabulary.command(words, roles: .agent) != nil {
        throw WireError("command \(name): \"agent\" is missing (who gives it)")
      }
      if actor == .tenant, Vocabulary.command(words, roles: .customer) != nil {
        throw WireError("command \(name): \"visitor\" is missing (who gives it)")
      }
      throw WireError.unsupported("unknown command \"\(name)\"")
    }
    return spec
  }

  /// The engine command of this call: its arguments read by their kinds.
  public func command() throws(WireError) -> Command {
    let fields = try Fields(.object(arguments), "command \(name)")
    if name == Vocabulary.Keyword.set.rawValue { return .set(try Setting.decode(fields)) }
    let spec = try Self.spec(name, actor: actor)
    var values = Arguments()
    for argument in spec.arguments {
      let key = Self.key(argument.name)
      guard let json = fields.members[key], !json.isNull else { continue }
      values[argument.name] = try Self.value(json, argument.kind, key: key, in: fields.context)
    }
    guard let command = spec.command(values, by: actor) else {
      throw WireError("command \(name): a \(actor.role) cannot give it with these arguments")
    }
    return command
  }

  /// One argument's value, checked against its kind as the parser checks a script's words.
  private static func value(_ json: JSON, _ kind: ValueKind, key: String, in context: String)
    throws(WireError)
    -> Arguments.Value
  {
    func wrong(_ what: String) -> WireError { WireError("\(context): \"\(key)\" must be \(what)") }
    switch kind {
    case .number, .chatLimit:
      guard let number = json.int, number >= 0 else { throw wrong("a whole number") }
      return .number(number)
    case .queueList, .newCodeList:
      guard let items = json.array?.compactMap(\.string), items.count == json.array?.count else {
        throw wrong("an array of strings")
      }
      return .list(items)
    case .chat, .pendingOffer, .heldChat, .wrapUpChat, .logChat:
      guard let text = json.string, let chat = ChatID(parsing: text) else {
        throw wrong("a chat id such as chat-1")
      }
      return .chat(chat)
    case .choice(let choice):
      guard let word = json.string, choice.words.contains(word) else {
        throw wrong("one of \(choice.words.joined(separator: ", "))")
      }
      return .text(word)
    default:
      guard let text = json.string else { throw wrong("a string") }
      return .text(text)
    }
  }
}

extension CommandSpec.Actor {
  /// `an agent`, `a visitor`, `the tenant`, for messages.
  var role: String {
    switch self {
    case .tenant: "the tenant"
    case .agent: "an agent"
    case .visitor: "a visitor"
    }
  }
}
