/// A token of one script line.
struct Token: Hashable, Sendable {
  enum Kind: Hashable, Sendable {
    /// A run of characters without spaces, quotes or `=`: `alice`, `chat-1`, `+30s`, `a,b`.
    case word(String)
    /// One or more quoted strings written side by side, each possibly repeated (`"a"*1940`),
    /// joined into one text.
    case text(String)
    case equals
  }
  var kind: Kind
  /// Column of the token's first character, from 1.
  var column: Int

  var word: String? {
    if case .word(let word) = kind { return word }
    return nil
  }
}

/// Splits one line into tokens. Quoted strings take `\"`, `\\`, `\n`, `\t`, `\r` and `\u{HEX}`
/// escapes; `"text"*N` repeats a string N times (so a 1941-character message fits on a short
/// line); strings written side by side join; `#` at the start of a token begins a comment.
struct Lexer {
  /// The longest text one quoted expression may produce.
  static let maximumTextLength = 100_000

  let file: String
  let line: Int

  func tokens(_ text: Substring, startColumn: Int = 1) throws(ParseError) -> [Token] {
    let scalars = Array(text.unicodeScalars)
    var tokens: [Token] = []
    var index = 0
    func location(_ at: Int) -> SourceLocation {
      SourceLocation(file: file, line: line, column: startColumn + at)
    }

    while index < scalars.count {
      let scalar = scalars[index]
      if scalar == " " || scalar == "\t" || scalar == "\u{A0}" {
        index += 1
      } else if scalar == "#" {
        break
      } else if scalar == "=" {
        tokens.append(Token(kind: .equals, column: startColumn + index))
        index += 1
      } else if scalar == "\"" {
        let start = index
        var joined = ""
        var joinedLength = 0
        // Side-by-side strings join: "Bonjour " "a"*1932
        while index < scalars.count, scalars[index] == "\"" {
          let (piece, next) = try quoted(scalars, from: index, location: location)
          index = next
          var repeats = 1
          if index < scalars.count, scalars[index] == "*" {
            var digitsEnd = index + 1
            while digitsEnd < scalars.count, ("0"..."9").contains(scalars[digitsEnd]) { digitsEnd += 1 }
            let digits = String(String.UnicodeScalarView(scalars[(index + 1)..<digitsEnd]))
            guard let count = Int(digits), (1...Self.maximumTextLength).contains(count) else {
              throw ParseError(
                "expected a repeat count from 1 to \(Self.maximumTextLength) after '*'",
                at: location(index + 1))
            }
            repeats = count
            index = digitsEnd
          }
          joinedLength += piece.unicodeScalars.count * repeats
          guard joinedLength <= Self.maximumTextLength else {
            throw ParseError("text longer than \(Self.maximumTextLength) code points", at: location(start))
          }
          joined += String(repeating: piece, count: repeats)
          // Another string after spaces joins this one; anything else ends the text.
          var peek = index
          while peek < scalars.count, scalars[peek] == " " || scalars[peek] == "\t" { peek += 1 }
          guard peek < scalars.count, scalars[peek] == "\"" else { break }
          index = peek
        }
        tokens.append(Token(kind: .text(joined), column: startColumn + start))
      } else {
        let start = index
        while index < scalars.count, !" \t\"=\u{A0}".unicodeScalars.contains(scalars[index]) { index += 1 }
        let word = String(String.UnicodeScalarView(scalars[start..<index]))
        tokens.append(Token(kind: .word(word), column: startColumn + start))
      }
    }
    return tokens
  }

  /// One quoted string starting at `start` (the opening quote); returns it and the index after
  /// the closing quote.
  private func quoted(_ scalars: [Unicode.Scalar], from start: Int, location: (Int) -> SourceLocation)
    throws(ParseError) -> (String, Int)
  {
    var result = String.UnicodeScalarView()
    var index = start + 1
    while index < scalars.count {
      let scalar = scalars[index]
      if scalar == "\"" { return (String(result), index + 1) }
      if scalar == "\\" {
        guard index + 1 < scalars.count else { break }
        let escape = scalars[index + 1]
        switch escape {
        case "\"": result.append("\"")
        case "\\": result.append("\\")
        case "n": result.append("\n")
        case "t": result.append("\t")
        case "r": result.append("\r")
        case "u":
          guard index + 2 < scalars.count, scalars[index + 2] == "{",
            let close = scalars[(index + 3)...].firstIndex(of: "}"), (1...8).contains(close - index - 3),
            scalars[(index + 3)..<close].allSatisfy({ $0.properties.isASCIIHexDigit }),
            let value = UInt32(String(String.UnicodeScalarView(scalars[(index + 3)..<close])), radix: 16),
            let decoded = Unicode.Scalar(value)
          else {
            throw ParseError(
              "expected a Unicode escape like \\u{1F600} (hexadecimal, a valid scalar)", at: location(index))
          }
          result.append(decoded)
          index = close + 1
          continue
        default:
          throw ParseError(
            "unknown escape '\\\(escape)': use \\\", \\\\, \\n, \\t, \\r or \\u{...}", at: location(index))
        }
        index += 2
        continue
      }
      result.append(scalar)
      index += 1
    }
    throw ParseError("this string has no closing quote", at: location(start))
  }
}
