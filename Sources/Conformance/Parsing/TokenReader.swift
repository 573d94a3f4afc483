import ContactCenter

/// Reads the tokens of one line in order, with errors that say what was expected where.
struct TokenReader {
  private let tokens: [Token]
  private var position = 0
  private let file: String
  private let line: Int
  private let endColumn: Int
  private(set) var previousLocation: SourceLocation
  /// Where each value of the last `keyValues` call was written, for errors about one of them.
  private(set) var valueLocations: [String: SourceLocation] = [:]

  /// Reads a line's tokens; their texts count against `textBudget`, the characters the texts of
  /// one file may still hold once repeated (``ScriptParser/maximumTextPerFile``).
  init(_ text: Substring, file: String, line: Int, column: Int, textBudget: inout Int) throws(ParseError) {
    let tokens = try Lexer(file: file, line: line).tokens(text, startColumn: column)
    for token in tokens {
      guard case .text(let text) = token.kind else { continue }
      textBudget -= text.unicodeScalars.count
      if textBudget < 0 {
        throw ParseError(
          "the texts of this file hold more than \(ScriptParser.maximumTextPerFile) code points once repeated; split it into several files",
          at: SourceLocation(file: file, line: line, column: token.column))
      }
    }
    self.tokens = tokens
    self.file = file
    self.line = line
    self.endColumn = column + text.unicodeScalars.count
    self.previousLocation = SourceLocation(file: file, line: line, column: column)
  }

  var isAtEnd: Bool { position >= tokens.count }

  /// Where the next token is (or the end of the line).
  var location: SourceLocation {
    SourceLocation(
      file: file, line: line, column: position < tokens.count ? tokens[position].column : endColumn)
  }

  var peekWord: String? { position < tokens.count ? tokens[position].word : nil }

  private mutating func next() -> Token? {
    guard position < tokens.count else { return nil }
    let token = tokens[position]
    previousLocation = SourceLocation(file: file, line: line, column: token.column)
    position += 1
    return token
  }

  /// A bare word.
  mutating func word(_ expected: String) throws(ParseError) -> String {
    let here = location
    guard let token = next() else { throw ParseError("expected \(expected)", at: here) }
    guard case .word(let word) = token.kind else {
      throw ParseError("expected \(expected), not \(describe(token))", at: here)
    }
    return word
  }

  /// A bare word or a quoted text.
  mutating func value(_ expected: String) throws(ParseError) -> String {
    let here = location
    guard let token = next() else { throw ParseError("expected \(expected)", at: here) }
    switch token.kind {
    case .word(let word): return word
    case .text(let text): return text
    case .equals: throw ParseError("expected \(expected), not '='", at: here)
    }
  }

  /// A quoted text (or one bare word) if there is one.
  mutating func optionalText() throws(ParseError) -> String? {
    isAtEnd ? nil : try value("a text")
  }

  /// `chat-N` if the next word is one.
  mutating func optionalChat() -> ChatID? {
    guard let word = peekWord, let chat = ChatID(parsing: word) else { return nil }
    _ = next()
    return chat
  }

  /// `key=value` pairs up to the end of the line. Keys must be among `allowed` and each of
  /// `required` must be there.
  mutating func keyValues(allowed: [String], required: [String] = []) throws(ParseError) -> [String: String] {
    var values: [String: String] = [:]
    while !isAtEnd {
      let here = location
      let key = try word("a key=value setting (\(allowed.joined(separator: "=, "))=)")
      guard allowed.contains(key) else {
        throw ParseError(
          "unknown key '\(key)'\(Suggestions.hint(for: key, among: allowed)); expected one of \(allowed.joined(separator: ", "))",
          at: here)
      }
      guard case .equals? = peekKind else { throw ParseError("expected '=' after '\(key)'", at: location) }
      _ = next()
      guard values[key] == nil else { throw ParseError("'\(key)' is given twice", at: here) }
      valueLocations[key] = location
      values[key] = try value("a value for \(key)")
    }
    for key in required where values[key] == nil {
      throw ParseError("missing \(key)=...", at: location)
    }
    return values
  }

  private var peekKind: Token.Kind? { position < tokens.count ? tokens[position].kind : nil }

  /// Nothing more may follow.
  mutating func end(_ after: String = "") throws(ParseError) {
    guard let token = next() else { return }
    var message =
      token.word == nil
      ? "unexpected \(describe(token).replacingPrefix("a ", with: ""))" : "unexpected \(describe(token))"
    if case .word = token.kind { message += "; quote text that contains spaces" }
    throw ParseError(message, at: previousLocation)
  }

  private func describe(_ token: Token) -> String {
    switch token.kind {
    case .word(let word): "'\(Escaping.escaped(word))'"
    case .text: "a quoted text"
    case .equals: "'='"
    }
  }
}

extension String {
  fileprivate func replacingPrefix(_ prefix: String, with replacement: String) -> String {
    hasPrefix(prefix) ? replacement + dropFirst(prefix.count) : self
  }
}

/// A comma-separated list, as `queues=support,sales` writes it; empty items are ignored.
func list(_ text: String) -> [String] {
  text.split(separator: ",").map { String($0) }
}
