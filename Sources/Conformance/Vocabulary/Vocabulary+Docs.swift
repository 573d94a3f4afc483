/// The reference tables of `docs/script-language.md`, written from the vocabulary. A test
/// compares each with the page, so the page cannot drift from what the parser reads.
extension Vocabulary {
  public enum Table: String, CaseIterable, Sendable {
    case definitions
    case settings
    case agentCommands = "agent-commands"
    case customerCommands = "customer-commands"
    case questions
  }

  /// The table's Markdown lines: header, separator, one row per entry.
  public static func markdown(_ table: Table) -> [String] {
    switch table {
    case .definitions:
      return rows(
        ["line", "does", "requirements"],
        definitions.map { [code($0.usage), $0.summary, ids($0.requirements)] })
    case .settings:
      return rows(
        ["key", "values", "default", "sets", "requirements"],
        settings.map {
          [code($0.key.rawValue), $0.valuesText, code($0.defaultValue), $0.summary, ids($0.requirements)]
        })
    case .agentCommands:
      return rows(
        ["command", "does", "typical event", "requirements"],
        agentCommands.map { [code($0.usage), $0.summary, code($0.event), ids($0.requirements)] })
    case .customerCommands:
      let commands = (agentCommands + customerCommands).filter { $0.roles.contains(.customer) }
      // A customer's command takes no chat id: they have one chat. The examples' agent is
      // alice and their customer marie.
      return rows(
        ["command", "does", "typical event", "requirements"],
        commands.map { spec in
          let usage = ([spec.name] + spec.arguments.filter { $0.form != .optionalChat }.map(\.usage)).joined(
            separator: " ")
          let event =
            spec.roles.contains(.agent)
            ? spec.event.replacingOccurrences(of: "alice", with: "marie") : spec.event
          return [code(usage), spec.summary, code(event), ids(spec.requirements)]
        })
    case .questions:
      return rows(
        ["line", "checks", "requirements"],
        questions.map { [code($0.usage), $0.summary, ids($0.requirements)] })
    }
  }

  private static func rows(_ header: [String], _ rows: [[String]]) -> [String] {
    func row(_ cells: [String]) -> String { "| " + cells.joined(separator: " | ") + " |" }
    return [row(header), "|" + String(repeating: "---|", count: header.count)] + rows.map(row)
  }

  /// `text` as inline code; a `|` would end the cell.
  private static func code(_ text: String) -> String {
    "`" + text.replacingOccurrences(of: "|", with: "\\|") + "`"
  }

  private static func ids(_ requirements: [String]) -> String { requirements.joined(separator: ", ") }
}

extension String {
  fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
    split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
  }
}
