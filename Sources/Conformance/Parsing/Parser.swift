import ContactCenter

/// Reads scripts. Parsing is pure and throws a ``ParseError`` with `file:line:column`; any
/// bytes give either a script or a clear error, never a crash.
///
/// ```swift
/// let script = try ScriptParser.parse("alice> login\n< alice logged in\n", path: "a.chat")
/// ```
public enum ScriptParser {
  /// The characters the texts of one file may hold once `"a"*N` is repeated: far more than any
  /// real script, small enough that a file of repetitions cannot fill memory (a character
  /// takes at most 4 bytes).
  public static let maximumTextPerFile = 16 << 20

  /// How many lines are read between two calls of `isInterrupted`: a call costs next to
  /// nothing, and a 64 MiB file of short lines is then asked about a hundred times a second.
  static let linesBetweenInterruptChecks = 16_384

  /// What a parse stopped by `isInterrupted` (Ctrl-C in the REPL's `.read`) says.
  public static let interrupted = "interrupted (Ctrl-C) while reading this file; none of it was run"

  /// Parses a file's bytes, which must be UTF-8. `isInterrupted` is asked every
  /// ``linesBetweenInterruptChecks`` lines: a large file read at the REPL stops at Ctrl-C.
  public static func parse(bytes: [UInt8], path: String, isInterrupted: () -> Bool = { false })
    throws(ParseError) -> Script
  {
    guard let text = String(validating: bytes, as: UTF8.self) else {
      throw invalidUTF8(bytes, path: path)
    }
    return try parse(text, path: path, isInterrupted: isInterrupted)
  }

  public static func parse(_ text: String, path: String, isInterrupted: () -> Bool = { false })
    throws(ParseError) -> Script
  {
    // A byte order mark (some Windows editors write one) is not part of the first line.
    let text = text.hasPrefix("\u{FEFF}") ? String(text.unicodeScalars.dropFirst()) : text
    var script = Script(path: path)
    var inLeadingComments = true
    var lineNumber = 0
    // The `<` and `!` lines of the last command gather here and join it when the next
    // statement starts: appending to the statement in place would copy its lines each time.
    var pending: Pending?
    var textBudget = maximumTextPerFile
    func flush() {
      if let done = pending {
        script.statements[done.index].kind = .command(done.command, expected: done.expected)
      }
      pending = nil
    }
    // "\r\n" is one Character in Swift: split on it too, or a file with Windows line endings
    // would read as one long line.
    for line in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
      lineNumber += 1
      let indent = line.prefix { $0 == " " || $0 == "\t" }.count
      let content = line.dropFirst(indent)
      let location = SourceLocation(file: path, line: lineNumber, column: indent + 1)
      if lineNumber % linesBetweenInterruptChecks == 0, isInterrupted() {
        throw ParseError(interrupted, at: location)
      }
      guard let first = content.first else { continue }
      switch first {
      case "#":
        if inLeadingComments { readMetadata(content.dropFirst(), into: &script) }
      case "<", "!":
        inLeadingComments = false
        if pending == nil, let last = script.statements.indices.last,
          case .command(let command, let expected) = script.statements[last].kind
        {
          pending = Pending(index: last, command: command, expected: expected)
        }
        try attachExpectation(content, kind: first, location: location, to: &pending)
      default:
        inLeadingComments = false
        flush()
        let kind = try statement(content, location: location, textBudget: &textBudget)
        script.statements.append(Statement(kind: kind, location: location, source: String(content)))
      }
    }
    flush()
    script.textSize = maximumTextPerFile - textBudget
    return script
  }

  /// A command whose `<` and `!` lines are being read.
  private struct Pending {
    var index: Int
    var command: ScriptCommand
    var expected: Expected
  }

  /// Parses one line typed at the REPL: a command, `step` or `use` (not a `<` or `!` line).
  public static func parseLine(_ line: String, path: String = "<input>", lineNumber: Int = 1)
    throws(ParseError) -> Statement?
  {
    let indent = line.prefix { $0 == " " || $0 == "\t" }.count
    let content = Substring(line).dropFirst(indent)
    let location = SourceLocation(file: path, line: lineNumber, column: indent + 1)
    guard let first = content.first, first != "#" else { return nil }
    if first == "<" || first == "!" {
      throw ParseError("'\(first)' lines belong in scripts, after the command they describe", at: location)
    }
    var textBudget = maximumTextPerFile
    return Statement(
      kind: try statement(content, location: location, textBudget: &textBudget), location: location,
      source: String(content))
  }

  // MARK: Lines

  private static func readMetadata(_ comment: Substring, into script: inout Script) {
    let text = comment.drop { $0 == " " }
    if text.hasPrefix("covers:") {
      script.covers += text.dropFirst("covers:".count).split(separator: " ").map(String.init)
    } else if text.hasPrefix("tags:") {
      script.tags += text.dropFirst("tags:".count).split(separator: " ").map(String.init)
    } else {
      script.summary.append(String(text))
    }
  }

  private static func attachExpectation(
    _ content: Substring, kind: Character, location: SourceLocation, to pending: inout Pending?
  ) throws(ParseError) {
    var text = content.dropFirst()
    if text.first == " " { text = text.dropFirst() }
    let expected = ExpectedLine(text: String(text), line: location.line)
    guard var current = pending else {
      throw ParseError("a '\(kind)' line must follow the command it describes", at: location)
    }
    // Out of `pending` while it changes, so that its arrays are not shared (and copied).
    pending = nil
    if kind == "<" {
      guard current.expected.refusal == nil else {
        throw ParseError("a refused command has no events: this '<' line follows a '!' line", at: location)
      }
      current.expected.events.append(expected)
    } else {
      guard current.expected.events.isEmpty else {
        throw ParseError(
          "a command that produced events was not refused: this '!' line follows '<' lines", at: location)
      }
      guard current.expected.refusal == nil else {
        throw ParseError("a command is refused once: this is a second '!' line", at: location)
      }
      if case .expect = current.command {
        throw ParseError("an 'expect' line is checked, not refused: it takes no '!' line", at: location)
      }
      current.expected.refusal = expected
    }
    pending = current
  }

  private static func statement(_ content: Substring, location: SourceLocation, textBudget: inout Int)
    throws(ParseError) -> Statement.Kind
  {
    // `name> command`
    if let marker = content.firstIndex(of: ">"), marker > content.startIndex,
      content[content.startIndex..<marker].allSatisfy({ !$0.isWhitespace && $0 != "\"" })
    {
      let actor = String(content[content.startIndex..<marker])
      let rest = content[content.index(after: marker)...]
      let restColumn = location.column + actor.unicodeScalars.count + 1
      var reader = try TokenReader(
        rest, file: location.file, line: location.line, column: restColumn, textBudget: &textBudget)
      guard !reader.isAtEnd else {
        throw ParseError("expected a command after '\(actor)>'", at: reader.location)
      }
      let here = reader.location
      let word = try reader.word("a command")
      guard Vocabulary.actorWords.contains(word) else {
        let hint = Suggestions.hint(for: word, among: Vocabulary.actorWords)
        throw ParseError("unknown command '\(Escaping.escaped(word))'\(hint)", at: here)
      }
      let (spec, arguments) = try CommandParser.parse(first: word, &reader, roles: [.agent, .customer])
      return .command(.actor(actor, spec.actorCommand(arguments)), expected: Expected())
    }
    var reader = try TokenReader(
      content, file: location.file, line: location.line, column: location.column, textBudget: &textBudget)
    let word = try reader.word("a command")
    switch Vocabulary.Keyword(rawValue: word) {
    case .step:
      let id = try reader.word("a step id, such as CHAT-4")
      let title = try reader.optionalText() ?? ""
      try reader.end()
      return .step(id: id, title: title)
    case .use:
      let path = try reader.value("the path of the script to run")
      try reader.end()
      return .use(path: path)
    case .clock:
      return .command(.clock(try clock(&reader)), expected: Expected())
    case .expect:
      return .command(.expect(try ExpectParser.parse(&reader)), expected: Expected())
    case .set:
      return .command(.engine(try setting(&reader)), expected: Expected())
    case nil:
      guard Vocabulary.definitions.contains(where: { $0.words[0] == word }) else {
        let hint = Suggestions.hint(for: word, among: Vocabulary.lineWords)
        throw ParseError(
          "unknown command '\(Escaping.escaped(word))'\(hint); an actor's command is written 'name> command'",
          at: reader.previousLocation)
      }
      let (spec, arguments) = try CommandParser.parse(first: word, &reader, roles: .tenant)
      return .command(.engine(spec.tenantCommand(arguments)), expected: Expected())
    }
  }

  private static func setting(_ reader: inout TokenReader) throws(ParseError) -> Command {
    let keys = Setting.Key.allCases.map(\.rawValue)
    let keyLocation = reader.location
    let key = try reader.word("a setting (\(keys.joined(separator: ", ")))")
    let value = try reader.value("a value for \(key)")
    try reader.end()
    do {
      return .set(try Setting.parse(key: key, value: value))
    } catch {
      var message = error.description
      if case .unknownSetting = error { message += Suggestions.hint(for: key, among: keys) }
      throw ParseError(message, at: keyLocation)
    }
  }

  private static func clock(_ reader: inout TokenReader) throws(ParseError) -> ClockChange {
    let text = try reader.word("a time, such as +30s or 00:02:00")
    let location = reader.previousLocation
    try reader.end()
    if text.hasPrefix("+"), let interval = Interval(parsing: String(text.dropFirst())) {
      return .forward(interval)
    }
    if let instant = Instant(parsing: text) { return .to(instant) }
    // A time of day whose hours are too many for the clock: said as the engine says a move
    // past its maximum, not as a word that is no time at all.
    let hours = text.prefix(while: { $0.isASCII && $0.isNumber })
    let tooMany = !hours.isEmpty && (Int(hours).map { $0 > Instant.maximum.milliseconds / 3_600_000 } ?? true)
    if tooMany, Instant(parsing: "00" + text.dropFirst(hours.count)) != nil {
      throw ParseError(
        "the clock cannot go past its maximum, \(Instant.maximum); '\(text)' is later", at: location)
    }
    throw ParseError(
      "expected '+' and a duration (+30s, +1m30s) or a time of day (00:02:00), not '\(text)'", at: location)
  }

  private static func invalidUTF8(_ bytes: [UInt8], path: String) -> ParseError {
    // Find the first byte where decoding fails, to point at its line and column.
    // Columns count Unicode scalars, as in every other error.
    var line = 1
    var column = 1
    var index = 0
    var decoder = UTF8()
    var iterator = bytes.makeIterator()
    var consumed = 0
    loop: while true {
      switch decoder.decode(&iterator) {
      case .scalarValue(let scalar):
        consumed += UTF8.width(scalar)
        if scalar == "\n" {
          line += 1
          column = 1
        } else {
          column += 1
        }
      case .emptyInput:
        break loop
      case .error:
        index = consumed
        break loop
      }
    }
    let byte = index < bytes.count ? bytes[index] : 0
    let hex = String(byte, radix: 16, uppercase: true)
    return ParseError(
      "this file is not valid UTF-8 (byte 0x\(hex.count == 1 ? "0" + hex : hex)); save it as UTF-8",
      at: SourceLocation(file: path, line: line, column: column))
  }
}
