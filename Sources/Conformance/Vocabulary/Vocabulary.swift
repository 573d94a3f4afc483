import ContactCenter

/// The words of the script language, as data: every command with its arguments, every `set`
/// key with its values, every `expect` question with the kind of its answer, the statements
/// (`clock`, `step`, `use`) and the REPL's dot-commands.
///
/// The parser, its "did you mean", the REPL's completion and `.help`, the reference tables of
/// `docs/script-language.md` (checked by a test), the protocol's JSON forms and random
/// exploration all derive from these tables, so a word is added in one place.
public enum Vocabulary {
  /// The words that start a line without an actor, other than definitions.
  public enum Keyword: String, CaseIterable, Hashable, Sendable {
    case set, clock, expect, step, use
  }

  /// A line's first word that is not an actor's `name>`: definitions, then the statements.
  public static let lineWords: [String] =
    definitions.map(\.name) + Keyword.allCases.map(\.rawValue)

  /// The first words of actors' commands: agents' then customers' (each once).
  public static let actorWords: [String] = {
    var seen: Set<String> = []
    return (agentCommands + customerCommands).compactMap { $0.words.first }.filter {
      seen.insert($0).inserted
    }
  }()

  /// The commands whose first word is `first`, for a role.
  ///
  /// - Complexity: a dictionary look-up by the first word, then the few commands it starts.
  static func commands(startingWith first: String, roles: CommandSpec.Roles) -> [CommandSpec] {
    let table = roles == .tenant ? tenantByFirstWord : actorsByFirstWord
    return (table[first] ?? []).filter { !$0.roles.isDisjoint(with: roles) }
  }

  /// The command written with exactly these words.
  ///
  /// - Complexity: a dictionary look-up by name.
  public static func command(_ words: [String], roles: CommandSpec.Roles) -> CommandSpec? {
    command(named: words.joined(separator: " "), roles: roles)
  }

  /// The command of that name (`queues enable`).
  public static func command(named name: String, roles: CommandSpec.Roles) -> CommandSpec? {
    byName[name]?.first { !$0.roles.isDisjoint(with: roles) }
  }

  /// The tables by first word and by name, built once: the parser and the protocol look
  /// commands up for every line they read.
  private static let tenantByFirstWord = Dictionary(grouping: definitions) { $0.words[0] }
  private static let actorsByFirstWord = Dictionary(grouping: agentCommands + customerCommands) {
    $0.words[0]
  }
  private static let byName = Dictionary(grouping: commands) { $0.name }

  /// What each statement keyword does, for `.help` and the docs.
  public static func usage(of keyword: Keyword) -> (usage: [String], summary: String, requirements: [String])
  {
    switch keyword {
    case .set:
      (["set KEY VALUE"], "change a tenant setting (Tab lists the keys and values)", [])
    case .clock:
      (
        ["clock +30s", "clock 00:02:00"], "move the virtual clock forward; timers due by then fire in order",
        ["DEC-5"]
      )
    case .expect:
      (questions.map(\.usage), "check the state (Tab offers the actual value)", [])
    case .step:
      (["step ID \"title\""], "start a step of the documented procedure", [])
    case .use:
      (["use FILE"], "run another script here (as .read)", [])
    }
  }
}
