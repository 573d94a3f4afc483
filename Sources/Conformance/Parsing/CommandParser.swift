import ContactCenter

/// Reads a command of ``Vocabulary/commands``: its words, then its arguments as the table
/// says, so that every command is read the same way and a new one needs no parsing code.
enum CommandParser {
  /// Reads the words after the first (already read) and the arguments.
  ///
  /// - Complexity: O(commands sharing the first word + tokens of the line).
  static func parse(first: String, _ reader: inout TokenReader, roles: CommandSpec.Roles) throws(ParseError)
    -> (CommandSpec, Arguments)
  {
    var words = [first]
    var candidates = Vocabulary.commands(startingWith: first, roles: roles)
    while true {
      let continuations = nextWords(after: words, in: candidates)
      guard !continuations.isEmpty else { break }
      if let next = reader.peekWord, continuations.contains(next) {
        _ = try reader.word("a command")
        words.append(next)
        candidates = candidates.filter {
          $0.words.count >= words.count && Array($0.words.prefix(words.count)) == words
        }
        continue
      }
      // A word may end here (`queues`, `log chat-1`, `typing`) when the next one is none of
      // its continuations; anything else names the continuations.
      if let exact = candidates.first(where: { $0.words == words }), acceptsNext(exact, reader) { break }
      var expected = continuations.count == 1 ? "'\(continuations[0])'" : Choice.alternatives(continuations)
      if let exact = candidates.first(where: { $0.words == words }),
        exact.arguments.first?.form == .optionalChat
      {
        expected = Choice.alternatives(continuations + ["a chat id"])
      }
      let here = reader.location
      let hint = reader.peekWord.map { Suggestions.hint(for: $0, among: continuations) } ?? ""
      throw ParseError("expected \(expected) after '\(words.joined(separator: " "))'\(hint)", at: here)
    }
    guard let spec = candidates.first(where: { $0.words == words }) else {
      preconditionFailure("no command is written \(words); the loop above stops only at one")
    }
    return (spec, try arguments(of: spec, &reader))
  }

  /// The words that may follow `words`, in the table's order.
  private static func nextWords(after words: [String], in candidates: [CommandSpec]) -> [String] {
    var seen: Set<String> = []
    return candidates.compactMap { $0.words.count > words.count ? $0.words[words.count] : nil }
      .filter { seen.insert($0).inserted }
  }

  /// Whether what follows the words can be the command's arguments: nothing at all, or what its
  /// first argument takes (a chat id for an optional one).
  private static func acceptsNext(_ spec: CommandSpec, _ reader: TokenReader) -> Bool {
    guard let next = reader.peekWord else { return true }
    guard let first = spec.arguments.first else { return false }
    if first.form == .optionalChat { return ChatID(parsing: next) != nil }
    return true
  }

  /// The arguments in their order: positional ones, then `key=value` options in any order.
  static func arguments(of spec: CommandSpec, _ reader: inout TokenReader) throws(ParseError) -> Arguments {
    var arguments = Arguments()
    for argument in spec.arguments {
      switch argument.form {
      case .optionalChat:
        if let chat = reader.optionalChat() { arguments[argument.name] = .chat(chat) }
      case .required:
        arguments[argument.name] = try reader.read(argument.kind, expected: argument.expected)
      case .optionalLast:
        if let text = try reader.optionalText() { arguments[argument.name] = .text(text) }
      case .key:
        continue
      }
    }
    let keys = spec.arguments.filter(\.isKey)
    if !keys.isEmpty {
      let required = keys.filter { $0.form == .key(required: true) }.map(\.name)
      let texts = try reader.keyValues(allowed: keys.map(\.name), required: required)
      for key in keys {
        guard let text = texts[key.name] else { continue }
        arguments[key.name] = try TokenReader.convert(
          text, key.kind, expected: key.expected, key: key.name,
          at: reader.valueLocations[key.name] ?? reader.previousLocation)
      }
    }
    try reader.end()
    return arguments
  }
}

extension CommandSpec {
  /// The actor's command a spec and its arguments make: the agent's reading, the customer's, or
  /// both where the word means both.
  func actorCommand(_ arguments: Arguments) -> ActorCommand {
    switch build {
    case .agent(let agent): ActorCommand(name: name, agent: agent(arguments))
    case .customer(let customer): ActorCommand(name: name, customer: customer(arguments))
    case .either(let agent, let customer):
      // A customer has one chat: a chat id makes it an agent's command only.
      ActorCommand(
        name: name, agent: agent(arguments), customer: arguments.chat() == nil ? customer(arguments) : nil)
    case .tenant: preconditionFailure("\(name) is not an actor's command")
    }
  }

  /// The engine command of a tenant's line.
  func tenantCommand(_ arguments: Arguments) -> Command {
    guard case .tenant(let make) = build else { preconditionFailure("\(name) is an actor's command") }
    return make(arguments)
  }
}
