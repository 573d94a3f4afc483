import Testing

@testable import Conformance

/// The tokens of `text` as `column:kind(value)`, or the error's description.
private func lex(_ text: String, startColumn: Int = 1) -> [String] {
  do {
    return try Lexer(file: "t.chat", line: 3).tokens(Substring(text), startColumn: startColumn).map { token in
      switch token.kind {
      case .word(let word): "\(token.column):word(\(word))"
      case .text(let text): "\(token.column):text(\(text))"
      case .equals: "\(token.column):="
      }
    }
  } catch {
    return ["error " + error.description]
  }
}

/// The text of a line that is one quoted expression.
private func text(_ line: String) -> String? {
  guard let tokens = try? Lexer(file: "t.chat", line: 1).tokens(Substring(line)), tokens.count == 1,
    case .text(let text) = tokens[0].kind
  else { return nil }
  return text
}

@Suite("Lexer")
struct LexerTests {
  @Test("Words are split at spaces and tabs, with the column of their first character")
  func words() {
    #expect(lex("alice  chat-1\t+30s") == ["1:word(alice)", "8:word(chat-1)", "15:word(+30s)"])
    #expect(lex("a,b 00:02:00 x>y") == ["1:word(a,b)", "5:word(00:02:00)", "14:word(x>y)"])
    #expect(lex("") == [])
    #expect(lex("   \t ") == [])
  }

  @Test("A non-breaking space separates words like a space; other spaces are part of a word")
  func otherSpaces() throws {
    #expect(lex("queue\u{A0}support") == ["1:word(queue)", "7:word(support)"])
    #expect(lex("a\u{3000}b\u{2003}c") == ["1:word(a\u{3000}b\u{2003}c)"])
    #expect(
      try engineCommand("queue\u{A0}support") == .defineQueue("support", media: .chat, dispositions: []))
  }

  @Test("Columns count Unicode scalars, from the start column")
  func columns() {
    #expect(lex("é x") == ["1:word(é)", "3:word(x)"])
    #expect(lex("e\u{301} x") == ["1:word(e\u{301})", "4:word(x)"])
    #expect(lex("👍🏽 x") == ["1:word(👍🏽)", "4:word(x)"])
    #expect(lex("login now", startColumn: 8) == ["8:word(login)", "14:word(now)"])
  }

  @Test("'=' is a token of its own, with or without spaces")
  func equals() {
    #expect(lex("name=Marie") == ["1:word(name)", "5:=", "6:word(Marie)"])
    #expect(lex("name = Marie") == ["1:word(name)", "6:=", "8:word(Marie)"])
    #expect(lex("a=b=c") == ["1:word(a)", "2:=", "3:word(b)", "4:=", "5:word(c)"])
    #expect(lex("name=\"Marie Tremblay\"") == ["1:word(name)", "5:=", "6:text(Marie Tremblay)"])
  }

  @Test("A quoted string is one token, spaces, '=', '#' and '>' included")
  func quoted() {
    #expect(lex("say \"Bonjour, a=b # c > d\"") == ["1:word(say)", "5:text(Bonjour, a=b # c > d)"])
    #expect(lex("\"\"") == ["1:text()"])
    #expect(
      lex("'single quotes' are not quotes") == [
        "1:word('single)", "9:word(quotes')", "17:word(are)", "21:word(not)", "25:word(quotes)",
      ])
  }

  @Test(
    "Escapes in quoted strings",
    arguments: [
      (#""a\"b""#, "a\"b"),
      (#""a\\b""#, "a\\b"),
      (#""a\nb""#, "a\nb"),
      (#""a\tb""#, "a\tb"),
      (#""a\rb""#, "a\rb"),
      (#""\u{41}""#, "A"),
      (#""\u{e9}""#, "é"),
      (#""\u{1F600}""#, "😀"),
      (#""\u{0001F44D}\u{1F3FD}""#, "👍🏽"),
      (#""\u{1B}[2J""#, "\u{1B}[2J"),
      (#""\u{0}""#, "\u{0}"),
      (#""\\n""#, "\\n"),
      (#""\"\"""#, "\"\""),
    ])
  func escapes(line: String, expected: String) {
    #expect(text(line) == expected)
  }

  @Test("\"text\"*N repeats a string N times")
  func repeats() {
    #expect(text(#""a"*5"#) == "aaaaa")
    #expect(text(#""ab"*3"#) == "ababab")
    #expect(text(#""é"*2"#) == "éé")
    #expect(text(#""a"*1940"#)?.count == 1940)
    #expect(text(#""a"*1"#) == "a")
    #expect(text(#""\u{1F44D}"*3"#) == "👍👍👍")
  }

  @Test("Strings written side by side join into one text")
  func sideBySide() {
    #expect(lex(#"say "Bonjour " "a"*3 "!""#) == ["1:word(say)", "5:text(Bonjour aaa!)"])
    #expect(lex("\"a\"\t \"b\"\"c\"") == ["1:text(abc)"])
    #expect(text(#""Bonjour " "a"*1931 "!""#)?.count == 1940)
  }

  @Test("What follows a string that is not a string ends the text")
  func afterText() {
    #expect(lex(#""a"*3x"#) == ["1:text(aaa)", "6:word(x)"])
    #expect(lex(#""a" b"#) == ["1:text(a)", "5:word(b)"])
    #expect(lex(#""a"=b"#) == ["1:text(a)", "4:=", "5:word(b)"])
  }

  @Test("'#' at the start of a token begins a comment; inside a word or a string it is text")
  func comments() {
    #expect(lex("login # a comment") == ["1:word(login)"])
    #expect(lex("# all comment") == [])
    #expect(lex("a#b") == ["1:word(a#b)"])
    #expect(lex("\"#\"") == ["1:text(#)"])
    #expect(lex("\"a\"#c") == ["1:text(a)"])
    #expect(lex("say \"unclosed # still a string") == ["error t.chat:3:5: this string has no closing quote"])
  }

  @Test("A text is at most 100,000 code points")
  func longest() {
    #expect(text(#""a"*100000"#)?.count == 100_000)
    #expect(text(#""a"*50000 "b"*50000"#)?.count == 100_000)
    #expect(lex(#"say "ab"*50001"#) == ["error t.chat:3:5: text longer than 100000 code points"])
    #expect(lex(#"say "a"*60000 "b"*50000"#) == ["error t.chat:3:5: text longer than 100000 code points"])
  }

  @Test("Errors: unclosed strings")
  func unclosed() {
    #expect(lex(#"say "abc"#) == ["error t.chat:3:5: this string has no closing quote"])
    #expect(lex(#"say "abc\"#) == ["error t.chat:3:5: this string has no closing quote"])
    #expect(lex(#"say "abc\""#) == ["error t.chat:3:5: this string has no closing quote"])
    #expect(lex(#"say "a" "b"#) == ["error t.chat:3:9: this string has no closing quote"])
    #expect(lex(#"x "a"#, startColumn: 10) == ["error t.chat:3:12: this string has no closing quote"])
  }

  @Test("Errors: unknown escapes, at the backslash")
  func unknownEscape() {
    #expect(
      lex(#"say "a\qb""#) == [#"error t.chat:3:7: unknown escape '\q': use \", \\, \n, \t, \r or \u{...}"#])
    #expect(
      lex(#"say "\'""#) == [#"error t.chat:3:6: unknown escape '\'': use \", \\, \n, \t, \r or \u{...}"#])
    #expect(
      lex(#"say "\0""#) == [#"error t.chat:3:6: unknown escape '\0': use \", \\, \n, \t, \r or \u{...}"#])
  }

  @Test(
    "Errors: malformed Unicode escapes",
    arguments: [
      #""\u41""#, #""\u{}""#, #""\u{D800}""#, #""\u{110000}""#, #""\u{123456789}""#, #""\u{zz}""#,
      #""\u{41""#, #""\u""#, #""\u{ 41}""#,
    ])
  func unicodeEscape(line: String) {
    #expect(
      lex(line) == [
        #"error t.chat:3:2: expected a Unicode escape like \u{1F600} (hexadecimal, a valid scalar)"#
      ])
  }

  @Test(
    "Errors: repeat counts must be 1 to 100,000, right after '*'",
    arguments: [
      #""a"*"#, #""a"*0"#, #""a"*100001"#, #""a"*99999999999999999999999"#, #""a"*-1"#, #""a"* 3"#, #""a"*x"#,
    ])
  func repeatCount(line: String) {
    #expect(lex(line) == ["error t.chat:3:5: expected a repeat count from 1 to 100000 after '*'"])
  }

  @Test("Eight hexadecimal digits at most, leading zeros allowed")
  func unicodeDigits() {
    #expect(text(#""\u{00000041}""#) == "A")
    #expect(text(#""\u{000000041}""#) == nil)
  }

  @Test("A sign is not a hexadecimal digit")
  func unicodeEscapeSign() {
    #expect(
      lex(#""\u{+41}""#) == [
        #"error t.chat:3:2: expected a Unicode escape like \u{1F600} (hexadecimal, a valid scalar)"#
      ])
    #expect(
      lex(#""\u{-0}""#) == [
        #"error t.chat:3:2: expected a Unicode escape like \u{1F600} (hexadecimal, a valid scalar)"#
      ])
  }

  @Test("An unknown escape of a control character is shown escaped in the message")
  func unknownEscapeOfControlCharacter() {
    #expect(
      lex("\"\\\u{1B}\"") == [
        #"error t.chat:3:2: unknown escape '\\u{1B}': use \", \\, \n, \t, \r or \u{...}"#
      ])
  }
}
