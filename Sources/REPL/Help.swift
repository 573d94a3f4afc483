import Conformance
import ContactCenter

/// What `.help` says, written from ``Vocabulary``: every command with its usage, what it does,
/// the requirements it concerns and an example.
public enum Help {
  public enum Group: String, CaseIterable, Sendable {
    case repl = "REPL commands"
    case definitions = "Definitions, settings, time and checks"
    case agent = "Agent commands (name> command)"
    case customer = "Customer commands (name> command)"

    /// What one entry is, in `.help NAME`.
    var kind: String {
      switch self {
      case .repl: "REPL command"
      case .definitions: "script command"
      case .agent: "agent command"
      case .customer: "customer command"
      }
    }
  }

  /// One name `.help` knows: a REPL command, a line's first word, or an actor's command word.
  public struct Entry: Hashable, Sendable {
    public var group: Group
    public var name: String
    public var usage: [String]
    public var summary: String
    public var requirements: [String]
    public var example: String?
  }

  /// Every entry, by group, in the vocabulary's order (the procedure's, for agents).
  public static let entries: [Entry] = {
    var entries = DotCommand.allCases.map { command in
      Entry(
        group: .repl, name: command.rawValue, usage: command.usage, summary: command.summary, requirements: []
      )
    }
    entries += grouped(Vocabulary.definitions, group: .definitions, actor: nil)
    for keyword in Vocabulary.Keyword.allCases {
      let (usage, summary, requirements) = Vocabulary.usage(of: keyword)
      entries.append(
        Entry(
          group: .definitions, name: keyword.rawValue, usage: usage, summary: summary,
          requirements: requirements))
    }
    let agents = Vocabulary.commands.filter { $0.roles.contains(.agent) }
    let customers = Vocabulary.commands.filter { $0.roles.contains(.customer) }
    return entries + grouped(agents, group: .agent, actor: "NAME")
      + grouped(customers, group: .customer, actor: "NAME")
  }()

  /// One entry per first word: `queues` covers `queues`, `queues enable`, ... .
  private static func grouped(_ specs: [CommandSpec], group: Group, actor: String?) -> [Entry] {
    var entries: [Entry] = []
    for spec in specs {
      let prefix = actor.map { "\($0)> " } ?? ""
      let usage = prefix + spec.usage
      if let index = entries.firstIndex(where: { $0.name == spec.words[0] }) {
        entries[index].usage.append(usage)
        entries[index].requirements += spec.requirements.filter { !entries[index].requirements.contains($0) }
      } else {
        entries.append(
          Entry(
            group: group, name: spec.words[0], usage: [usage], summary: spec.summary,
            requirements: spec.requirements,
            example: prefix.isEmpty ? spec.example : "alice> " + spec.example))
      }
    }
    return entries
  }

  /// The agent's path from login to Finish: where `.help` places each command.
  public static let procedure = [
    "login", "ready", "queues enable", "queues confirm", "status", "accept", "say", "end", "disposition",
    "continue",
    "finish",
  ]

  /// The names `.help` knows, for completion.
  public static var names: [String] {
    var seen: Set<String> = []
    return entries.map(\.name).filter { seen.insert($0).inserted }
  }

  /// `.help`: a line per command, by group.
  public static func overview() -> [(heading: String?, line: String)] {
    var lines: [(String?, String)] = []
    for group in Group.allCases {
      lines.append((group.rawValue, ""))
      for entry in entries where entry.group == group {
        let usage = entry.usage[0]
        if usage.count <= 30 {
          lines.append((nil, "  " + usage.padded(to: 30) + "  " + entry.summary))
        } else {
          lines.append((nil, "  " + usage))
          lines.append((nil, String(repeating: " ", count: 34) + entry.summary))
        }
      }
    }
    lines.append((nil, ""))
    lines.append(
      (
        nil,
        "Tab completes commands, names and ids; Up recalls earlier lines; Ctrl-C abandons the line or stops a .read."
      ))
    return lines
  }

  /// `.help NAME`: the usage of one command (both readings for a word that is a definition
  /// and an agent command, such as `faq`), where it comes in the procedure, the requirements
  /// it concerns and an example; nil when there is no such command.
  public static func detail(_ name: String) -> [String]? {
    let wanted = DotCommand(word: name)?.rawValue ?? DotCommand(word: "." + name)?.rawValue ?? name
    let found = entries.filter { $0.name == wanted }
    guard !found.isEmpty else { return nil }
    var lines: [String] = []
    for entry in found {
      lines += entry.usage.map { "  " + $0 }
      lines.append("    " + entry.summary + " (" + entry.group.kind + ")")
      if entry.group == .agent, let step = procedure.firstIndex(where: { $0.hasPrefix(entry.name) }) {
        let path = procedure.enumerated().map { $0.offset == step ? "[\($0.element)]" : $0.element }
        lines.append("    in the procedure: " + path.joined(separator: " → "))
      }
      if !entry.requirements.isEmpty {
        lines.append("    requirements: " + entry.requirements.joined(separator: ", "))
      }
      if let example = entry.example { lines.append("    example: " + example) }
    }
    return lines
  }
}

extension String {
  func padded(to width: Int) -> String {
    count >= width ? self : self + String(repeating: " ", count: width - count)
  }
}
