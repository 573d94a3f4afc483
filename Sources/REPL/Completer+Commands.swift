import Conformance
import ContactCenter

/// Completion of commands of ``Vocabulary/commands``: their words, then their arguments.
extension Completer {
  /// The first words an actor may type: an agent's if one of that name is defined, else a
  /// customer's.
  static func commandWords(for actor: String, _ context: CompletionContext) -> [String] {
    let roles: CommandSpec.Roles = context.center.agent(AgentID(actor)) != nil ? .agent : .customer
    return firstWords(roles)
  }

  static func firstWords(_ roles: CommandSpec.Roles) -> [String] {
    unique(Vocabulary.commands.filter { !$0.roles.isDisjoint(with: roles) }.map { $0.words[0] })
  }

  static func actorCommand(_ actor: String, _ words: Words, _ context: CompletionContext) -> Completion {
    guard !words.inQuote else { return .candidates([]) }
    let agent = context.center.agent(AgentID(actor))
    return .candidates(command(words, roles: agent != nil ? .agent : .customer, agent: agent, context))
  }

  /// The candidates at the cursor in a command's line: its words, then its arguments in their
  /// order, then its `key=` options.
  static func command(
    _ words: Words, roles: CommandSpec.Roles, agent: AgentRecord?, _ context: CompletionContext
  )
    -> [String]
  {
    guard !words.inQuote else { return [] }
    guard let first = words.complete.first else { return filter(firstWords(roles), words.partial) }
    var consumed = [first]
    var candidates = Vocabulary.commands.filter { !$0.roles.isDisjoint(with: roles) && $0.words[0] == first }
    var given = Array(words.complete.dropFirst())
    while let next = given.first,
      candidates.contains(where: { $0.words.count > consumed.count && $0.words[consumed.count] == next })
    {
      consumed.append(next)
      given.removeFirst()
      candidates = candidates.filter {
        $0.words.count >= consumed.count && Array($0.words.prefix(consumed.count)) == consumed
      }
    }
    let spec = candidates.first { $0.words == consumed }
    if words.partial.contains("="), let spec {
      // The value alone is replaced: libedit breaks words at `=` and `,`.
      return arguments(
        of: spec, given: given, partial: words.partial, keys: words.keys, agent: agent, context)
    }
    var result: [String] = []
    if given.isEmpty {
      result += unique(
        candidates.compactMap { $0.words.count > consumed.count ? $0.words[consumed.count] : nil })
    }
    if let spec {
      result += arguments(
        of: spec, given: given, partial: words.partial, keys: words.keys, agent: agent, context)
    }
    return filter(unique(result), words.partial)
  }

  /// What the argument at the cursor may be: the next positional argument (and those after it
  /// while they are optional), then the `key=` options not given yet; after `key=`, its values.
  private static func arguments(
    of spec: CommandSpec, given: [String], partial: String, keys: Set<String>, agent: AgentRecord?,
    _ context: CompletionContext
  ) -> [String] {
    let positional = spec.arguments.filter { !$0.isKey }
    var index = 0
    var chat: ChatID?
    for word in given where !word.contains("=") {
      while index < positional.count {
        let argument = positional[index]
        index += 1
        if argument.form == .optionalChat, let named = ChatID(parsing: word) { chat = named }
        if argument.form != .optionalChat || chat != nil { break }
      }
    }
    let lookup = Lookup(context: context, agent: agent, chat: chat)
    if let equals = partial.firstIndex(of: "=") {
      let name = String(partial[..<equals])
      guard let key = spec.arguments.first(where: { $0.isKey && $0.name == name }) else { return [] }
      return keyValues(key.kind, typed: partial[partial.index(after: equals)...], lookup)
    }
    var result: [String] = []
    // Once a `key=` option is written, the positional arguments are behind the cursor.
    let optionsStarted = given.contains { $0.contains("=") }
    while !optionsStarted, index < positional.count {
      let argument = positional[index]
      result += lookup.values(of: argument.kind)
      guard argument.form == .optionalChat || argument.form == .optionalLast else { return result }
      index += 1
    }
    return result + spec.arguments.filter { $0.isKey && !keys.contains($0.name) }.map { $0.name + "=" }
  }

  /// The values after `key=`; a comma-separated list completes its last item.
  private static func keyValues(_ kind: ValueKind, typed value: Substring, _ lookup: Lookup) -> [String] {
    let items = value.split(separator: ",", omittingEmptySubsequences: false)
    let before = Set(items.dropLast().map(String.init))
    let current = items.last.map(String.init) ?? ""
    return filter(lookup.values(of: kind).filter { !before.contains($0) }, current)
  }
}
