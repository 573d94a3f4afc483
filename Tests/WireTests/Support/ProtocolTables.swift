import Conformance
import ContactCenter
import Wire

/// The reference tables of `docs/protocol.md`, written from the code (the vocabulary, the
/// engine's kinds, the reply codes) and from `docs/protocol.schema.json` where the code has
/// no table of fields (events, answers): the schema's fields are checked against the code by
/// `ProtocolSchemaDriftTests`. A test compares each table with the page.
enum ProtocolTables {
  enum Table: String, CaseIterable, Sendable {
    case commands, settings, events, values, questions, refusals
    case errorCodes = "error-codes"
  }

  static func markdown(_ table: Table, schema: SchemaFile, engineDoc: String) -> [String] {
    switch table {
    case .commands: commands()
    case .settings: settings(schema)
    case .events: events(schema)
    case .values: values(schema)
    case .questions: questions(schema)
    case .refusals: refusals(engineDoc)
    case .errorCodes: errorCodes()
    }
  }

  // MARK: Tables

  private static func commands() -> [String] {
    let rows = Vocabulary.commands.map { spec -> [String] in
      let givenBy =
        spec.roles == .tenant
        ? "tenant"
        : spec.roles == .agent ? "`agent`" : spec.roles == .customer ? "`visitor`" : "`agent` or `visitor`"
      let members = spec.arguments.map { argument -> String in
        let key = String(argument.name.map { $0 == "-" ? "_" : $0 })
        let optional = argument.form == .required || argument.form == .key(required: true) ? "" : ", optional"
        let agentOnly = argument.kind.isChat && spec.roles.contains(.customer) ? ", agent only" : ""
        return "`\(key)`: \(type(of: argument.kind))\(optional)\(agentOnly)"
      }
      return [code(spec.name), givenBy, members.isEmpty ? "" : members.joined(separator: "; "), spec.summary]
    }
    let set = [
      code(Vocabulary.Keyword.set.rawValue), "tenant", "`setting`: a key below; `value`: its value",
      Vocabulary.usage(of: .set).summary,
    ]
    return self.rows(["command", "given by", "members", "does"], rows + [set])
  }

  private static func settings(_ schema: SchemaFile) -> [String] {
    rows(
      ["setting", "value", "default", "sets"],
      Vocabulary.settings.map { spec in
        let value =
          (schema.definition("setting-\(spec.key.rawValue)").map(describe) ?? "?")
          + (spec.key == .acceptInterval ? " (ms)" : "")
        let defaultValue = Settings().all.first { $0.key == spec.key }.map { setting in
          Answer(setting.valueText).json(for: .setting(spec.key)).text
        }
        return [code(spec.key.rawValue), value, code(defaultValue ?? ""), spec.summary]
      })
  }

  private static func events(_ schema: SchemaFile) -> [String] {
    rows(
      ["event", "fields, after `event`"],
      Event.Kind.allCases.map { kind in
        // One object per setting: the setting's key and a value of it.
        guard kind != .settingChanged else {
          return [code(kind.rawValue), "`setting`: a setting; `value`: its value (see the settings)"]
        }
        return [code(kind.rawValue), fields(of: "event-\(kind.rawValue)", schema)]
      })
  }

  /// The objects events carry, named in the events table.
  private static func values(_ schema: SchemaFile) -> [String] {
    rows(
      ["value", "form"],
      ["party", "chat-request", "screen-pop", "withdrawal-reason"].map { name in
        let definition = schema.definition(name)
        let forms = (definition?["oneOf"]?.array ?? definition.map { [$0] } ?? []).map {
          describe($0, schema)
        }
        return [name, forms.joined(separator: ", or ")]
      })
  }

  private static func questions(_ schema: SchemaFile) -> [String] {
    rows(
      ["question", "subject, after `question`", "answer", "asks"],
      Vocabulary.questions.map { spec in
        let name = "question-\(spec.kind.rawValue)"
        let subject = schema.properties(of: name).filter { !["id", "type", "question"].contains($0) }.map {
          key in
          "`\(key)`: " + (schema.definition(name)?["properties"]?[key].map { describe($0, schema) } ?? "?")
        }
        let milliseconds = [.duration, .time].contains(spec.fields.first?.kind) ? " (ms)" : ""
        let answer =
          spec.kind == .setting
          ? "its value, as in the settings table"
          : (schema.definition("answer-\(spec.kind.rawValue)").map { describe($0, schema) } ?? "?")
            + milliseconds
        return [code(spec.kind.rawValue), subject.joined(separator: "; "), answer, spec.summary]
      })
  }

  /// Each kind with the first of its messages in `docs/engine.md`, which lists them all.
  private static func refusals(_ engineDoc: String) -> [String] {
    let lines = engineDoc.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    return rows(
      ["refusal", "for example"],
      Refusal.Kind.allCases.map { kind in
        let prefix = "- `\(kind.rawValue)`:"
        guard let index = lines.firstIndex(where: { $0.hasPrefix(prefix) }) else {
          return [code(kind.rawValue), "(not in docs/engine.md)"]
        }
        let rest = lines[index].dropFirst(prefix.count).trimmingPrefix(" ")
        let message = rest.isEmpty ? lines[index + 1].drop { $0 == " " || $0 == "-" } : rest
        return [code(kind.rawValue), String(message).replacingOccurrences(of: "|", with: "\\|")]
      })
  }

  /// What each error code means; a code without one here fails the table test.
  static let errorMeanings: [String: String] = [
    Reply.ErrorCode.malformedRequest:
      "the line is not a request: not JSON, not an object, no whole-number `id`, a member missing or of the wrong type, a line over 1 MiB (`in_reply_to` is null when the id could not be read)",
    Reply.ErrorCode.notSupported:
      "a request type the other side does not have; a system under test also answers it for a command or question it did not declare",
    Reply.ErrorCode.internalError:
      "the other side failed while handling a request it could read (a bug there)",
  ]

  private static func errorCodes() -> [String] {
    rows(["code", "means"], Reply.ErrorCode.all.map { [code($0), errorMeanings[$0] ?? "?"] })
  }

  // MARK: Types

  /// How a command's argument is written in JSON.
  private static func type(of kind: ValueKind) -> String {
    switch kind {
    case .number, .chatLimit: "integer"
    case .queueList: "array of queue names"
    case .newCodeList: "array of disposition codes"
    case .chat, .pendingOffer, .heldChat, .wrapUpChat, .logChat: "chat"
    case .choice(let choice): code(choice.words.joined(separator: "|"))
    case .text, .account: "string"
    case .customerRecord: "customer"
    case .caseRecord: "case"
    default: "name"
    }
  }

  /// A schema's type, in the words of the tables.
  private static func describe(_ schema: JSON) -> String { describe(schema, nil) }

  private static func describe(_ schema: JSON, _ file: SchemaFile?) -> String {
    if let reference = schema["$ref"]?.string {
      let name = String(reference.dropFirst("#/$defs/".count))
      // Words and numbers are shown; strings and objects by their names, explained around the tables.
      if let definition = file?.definition(name), definition["enum"] != nil || definition["type"] == "integer"
      {
        return describe(definition, file)
      }
      return name
    }
    if let words = schema["enum"]?.array?.compactMap(\.string) { return code(words.joined(separator: "|")) }
    if let constant = schema["const"] { return code(constant.text) }
    if let options = (schema["anyOf"] ?? schema["oneOf"])?.array {
      return options.map { describe($0, file) }.joined(separator: " or ")
    }
    if case .object(let members)? = schema["properties"] {
      return "{" + members.map { "`\($0.0)`: \(describe($0.1, file))" }.joined(separator: ", ") + "}"
    }
    var text: String
    switch schema["type"] {
    case .string(let type)?: text = type
    case .array(let types)?: text = types.compactMap(\.string).joined(separator: " or ")
    default: text = "any"
    }
    if text == "array", let items = schema["items"] { text = "array of " + describe(items, file) }
    if text == "integer", let minimum = schema["minimum"]?.int {
      if let maximum = schema["maximum"]?.int {
        text += " \(minimum) to \(maximum)"
      } else if minimum > 0 {
        text += " from \(minimum)"
      }
    }
    return text
  }

  private static func fields(of name: String, _ schema: SchemaFile) -> String {
    guard case .object(let members)? = schema.definition(name)?["properties"] else { return "" }
    return members.dropFirst().map { key, value in
      "`\(key)`: \(describe(value, schema))\(key.hasSuffix("_ms") ? " (ms)" : "")"
    }.joined(separator: "; ")
  }

  // MARK: Markdown

  private static func rows(_ header: [String], _ rows: [[String]]) -> [String] {
    func row(_ cells: [String]) -> String { "| " + cells.joined(separator: " | ") + " |" }
    return [row(header), "|" + String(repeating: "---|", count: header.count)] + rows.map(row)
  }

  /// `text` as inline code; a `|` would end the cell.
  private static func code(_ text: String) -> String {
    "`" + text.replacingOccurrences(of: "|", with: "\\|") + "`"
  }
}

extension String {
  fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
    split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
  }
}

extension Substring {
  fileprivate func trimmingPrefix(_ character: Character) -> Substring { drop { $0 == character } }
}
