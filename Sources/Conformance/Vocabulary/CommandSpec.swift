import ContactCenter

/// One command of the script language: its words, its arguments, who may give it, what it
/// does, and how it becomes an engine command. The parser, `.help`, Tab completion, the
/// reference tables of `docs/script-language.md`, the protocol and random exploration all
/// read the same ``Vocabulary/commands``; nothing else lists the words.
public struct CommandSpec: Sendable {
  /// Who gives the command: the tenant (a line without `name>`), or an actor.
  public struct Roles: OptionSet, Hashable, Sendable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }
    public static let tenant = Roles(rawValue: 1)
    public static let agent = Roles(rawValue: 2)
    public static let customer = Roles(rawValue: 4)
  }

  /// The command's words, as typed: `["queues", "enable"]`.
  public let words: [String]
  public let roles: Roles
  public let arguments: [ArgumentSpec]
  /// What it does, in one line.
  public let summary: String
  /// The requirement ids (`fixtures/procedure/requirements.tsv`) it concerns.
  public let requirements: [String]
  /// One line as a script writes it, without the actor (`accept chat-1`).
  public let example: String
  /// A typical event it produces, for `.help` and the docs (`chat-1 accepted by alice`).
  public let event: String
  let build: Build

  /// How parsed arguments become what the engine runs.
  enum Build: Sendable {
    case tenant(@Sendable (Arguments) -> Command)
    case agent(@Sendable (Arguments) -> AgentAction)
    case customer(@Sendable (Arguments) -> CustomerAction)
    /// A word both give (`say`, `typing`): an agent's command, and a customer's when no chat
    /// id is given (a customer has one chat).
    case either(
      agent: @Sendable (Arguments) -> AgentAction, customer: @Sendable (Arguments) -> CustomerAction)
  }

  init(
    _ words: String, _ arguments: [ArgumentSpec] = [], summary: String, event: String,
    requirements: [String] = [],
    example: String? = nil, _ build: Build
  ) {
    self.event = event
    self.words = words.split(separator: " ").map(String.init)
    self.arguments = arguments
    self.summary = summary
    self.requirements = requirements
    self.example = example ?? words
    self.build = build
    switch build {
    case .tenant: roles = .tenant
    case .agent: roles = .agent
    case .customer: roles = .customer
    case .either: roles = [.agent, .customer]
    }
  }

  /// `queues enable`
  public var name: String { words.joined(separator: " ") }

  /// Who gives one command.
  public enum Actor: Hashable, Sendable {
    case tenant
    case agent(AgentID)
    case visitor(VisitorID)
  }

  /// The engine command this makes for an actor with these arguments (checked by the caller
  /// against ``arguments``); nil when that actor cannot give it, or a customer names a chat.
  public func command(_ arguments: Arguments, by actor: Actor) -> Command? {
    switch (build, actor) {
    case (.tenant(let make), .tenant): make(arguments)
    case (.agent(let make), .agent(let id)), (.either(let make, _), .agent(let id)):
      .agent(id, make(arguments))
    case (.customer(let make), .visitor(let id)): .customer(id, make(arguments))
    case (.either(_, let make), .visitor(let id)) where arguments.chat() == nil:
      .customer(id, make(arguments))
    default: nil
    }
  }

  /// How to write it: `say [chat-N] "text"`, `open QUEUE name="..." email=... ip=... [account=...]`.
  public var usage: String {
    ([name] + arguments.map(\.usage)).joined(separator: " ")
  }
}

/// One argument of a command.
public struct ArgumentSpec: Sendable {
  public enum Form: Hashable, Sendable {
    /// Written in its place.
    case required
    /// A chat id that may be left out (the agent's only chat): taken when the next word is one.
    case optionalChat
    /// `key=value`, anywhere after the positional arguments.
    case key(required: Bool)
    /// Written last, if at all (a step's title).
    case optionalLast
  }

  /// The key of a `key=` form, the field of the protocol's JSON.
  public let name: String
  public let kind: ValueKind
  public let form: Form
  /// What the parser says it expected: "a queue name".
  public let expected: String
  /// How `.help` writes it: `QUEUE`, `"text"`.
  public let placeholder: String

  public var usage: String {
    switch form {
    case .required: placeholder
    case .optionalChat, .optionalLast: "[\(placeholder)]"
    case .key(required: true): "\(name)=\(placeholder)"
    case .key(required: false): "[\(name)=\(placeholder)]"
    }
  }

  public var isKey: Bool {
    if case .key = form { true } else { false }
  }

  static func required(_ name: String, _ kind: ValueKind, _ expected: String, _ placeholder: String)
    -> ArgumentSpec
  {
    ArgumentSpec(name: name, kind: kind, form: .required, expected: expected, placeholder: placeholder)
  }

  static func key(_ name: String, _ kind: ValueKind, required: Bool, _ placeholder: String = "...")
    -> ArgumentSpec
  {
    ArgumentSpec(
      name: name, kind: kind, form: .key(required: required), expected: "a value for \(name)",
      placeholder: placeholder)
  }

  /// `[chat-N]`: which chat, when the agent holds several.
  static func chat(_ kind: ValueKind = .heldChat) -> ArgumentSpec {
    ArgumentSpec(name: "chat", kind: kind, form: .optionalChat, expected: "a chat id", placeholder: "chat-N")
  }

  static let text = required("text", .text, "the message, in quotes", "\"text\"")
}

/// A command's arguments as parsed, by name, each in its typed form.
public struct Arguments: Hashable, Sendable {
  public enum Value: Hashable, Sendable {
    case text(String)
    case chat(ChatID)
    case number(Int)
    case list([String])
    case interval(Interval)
    case instant(Instant)
  }

  public private(set) var values: [String: Value] = [:]

  public init(_ values: [String: Value] = [:]) { self.values = values }

  public subscript(name: String) -> Value? {
    get { values[name] }
    set { values[name] = newValue }
  }

  /// The text of a name or text argument; "" when absent (the parser requires those that must
  /// be there, so this is never reached for them).
  func text(_ name: String) -> String {
    if case .text(let text)? = values[name] { return text }
    return ""
  }

  func optionalText(_ name: String) -> String? {
    if case .text(let text)? = values[name] { return text }
    return nil
  }

  func chat(_ name: String = "chat") -> ChatID? {
    if case .chat(let chat)? = values[name] { return chat }
    return nil
  }

  func number(_ name: String) -> Int? {
    if case .number(let number)? = values[name] { return number }
    return nil
  }

  func list(_ name: String) -> [String] {
    if case .list(let items)? = values[name] { return items }
    return []
  }
}

extension Arguments {
  /// A word of a closed set, as its engine value. The parser checked the word against the
  /// same set, so a word it cannot convert is a mistake in the vocabulary, not in the input.
  func choice<T>(_ name: String, _ convert: (String) -> T?) -> T {
    guard let value = convert(text(name)) else {
      preconditionFailure("the vocabulary's argument \(name) holds a word its command does not know")
    }
    return value
  }

  func optionalChoice<T>(_ name: String, _ convert: (String) -> T?) -> T? {
    optionalText(name).map { word in choice(name) { _ in convert(word) } }
  }
}
