import Conformance
import ContactCenter

/// Writes steps as a `.chat` script: each command as a script line, followed by the reference's
/// `<` lines or `!` line, found by parsing that line and running it on a fresh reference (as
/// `clavard run` will), so the script passes on the reference by construction.
enum ScriptWriter {
  /// Why a step could not be written: a line the parser reads otherwise than it was meant,
  /// which is a mistake of this writer.
  struct Problem: Error, CustomStringConvertible {
    var description: String
  }

  /// The script: `header` as comment lines, then the steps with their outcomes (those of a
  /// reference with `faults`, which only tests give).
  static func script(_ steps: [Step], header: [String], faults: FaultSet = []) throws(Problem) -> String {
    var lines = header.map(comment)
    var session = Session(faults: faults)
    var number = 0
    for step in steps {
      // What the explorer left out (see `Step.command(in:)`) is left out here too.
      guard step.command(in: session.center) != nil, let line = line(step, in: session.center) else {
        continue
      }
      number += 1
      let parsed: Statement?
      do {
        parsed = try ScriptParser.parseLine(line, path: "explore", lineNumber: number)
      } catch {
        throw Problem(description: "the line `\(line)` does not parse: \(error)")
      }
      guard case .command(let command, _)? = parsed?.kind else {
        throw Problem(description: "the line `\(line)` is not a command")
      }
      let outcome = session.execute(command)
      guard let expected = outcome.expectationLines else {
        throw Problem(description: "the line `\(line)` cannot be carried out as written")
      }
      lines.append(line)
      lines += expected
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// A comment line, its control characters escaped.
  static func comment(_ text: String) -> String {
    Escaping.controlsEscaped(text.isEmpty ? "#" : "# " + text)
  }

  /// One step as a script writes it in the reference's state: `a1> accept chat-2`,
  /// `set chats-per-agent 2`, `clock +30s`, `clock 00:00:30.001` (a move to a deadline, by the
  /// time it lands on); nil when it means nothing there.
  static func line(_ step: Step, in center: Center) -> String? {
    switch step {
    case .set(let setting):
      return "set \(setting.key) \(setting.valueText)"
    case .clock(.by(let interval)):
      return "clock +\(interval)"
    case .clock(.deadline(let offset)):
      return center.nextDeadline.map { "clock \($0 + Interval(milliseconds: offset))" }
    case .command(let index, let actor, let arguments, let chat):
      guard let arguments = Step.arguments(arguments, naming: chat, in: center) else { return nil }
      let spec = Vocabulary.commands[index]
      var words = spec.words
      for argument in spec.arguments {
        guard let value = arguments[argument.name] else { continue }
        let text = written(value, kind: argument.kind, bare: argument.isKey)
        words.append(argument.isKey ? "\(argument.name)=\(text)" : text)
      }
      switch actor {
      case .tenant: return words.joined(separator: " ")
      case .agent(let id): return "\(id)> " + words.joined(separator: " ")
      case .visitor(let id): return "\(id)> " + words.joined(separator: " ")
      }
    }
  }

  /// A value as the parser reads it back: bare where the language reads bare words, and for a
  /// plain word where `bare` allows it (`email=v@example.com`; a message stays quoted);
  /// quoted otherwise, a run of one character as `"a"*1941`.
  static func written(_ value: Arguments.Value, kind: ValueKind, bare: Bool) -> String {
    switch value {
    case .text(let text):
      if kind.isBareWord || ((kind != .text || bare) && isPlainWord(text)) { return text }
      return quoted(text)
    case .chat(let chat): return chat.description
    case .number(let number): return String(number)
    case .list(let items): return items.joined(separator: ",")
    case .interval(let interval): return interval.description
    case .instant(let instant): return instant.description
    }
  }

  /// Letters, digits and `-_.@,:` only: a word that reads the same bare.
  private static func isPlainWord(_ text: String) -> Bool {
    !text.isEmpty
      && text.unicodeScalars.allSatisfy {
        $0.isASCII
          && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_.@,:".unicodeScalars.contains($0))
      }
  }

  /// `"text"`, or `"c"*N` for a text of one character repeated (a 1941-character message on
  /// a short line).
  static func quoted(_ text: String) -> String {
    // Scalar by scalar: a composed and a decomposed "é" are equal as characters, not as text.
    if text.count > 8, let first = text.first,
      text.allSatisfy({ $0.unicodeScalars.elementsEqual(first.unicodeScalars) })
    {
      return Escaping.quoted(String(first)) + "*\(text.count)"
    }
    return Escaping.quoted(text)
  }
}
