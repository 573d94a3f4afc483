import ContactCenter
import Testing

@testable import Conformance

private func location(_ line: Int, _ column: Int = 1, file: String = "t.chat") -> Conformance.SourceLocation {
  Conformance.SourceLocation(file: file, line: line, column: column)
}

@Suite("Script parser: lines, metadata, steps, use, clock and errors")
struct ParserTests {
  // MARK: Line kinds

  @Test("Every kind of line, with where each statement was written")
  func lineKinds() throws {
    let script = try ScriptParser.parse(
      """
      # Routing smoke test.
      # covers: CAP-4 DEC-1
      # tags: routing smoke

      use setup/two-agents.chat
      step CAP-4 "Longest waiting agent"
        clock +10s
      marie> open support name="Marie" email=m@example.com ip=203.0.113.7
      < chat-1 queued in support for marie
      # a comment between events
      < chat-1 offered to alice (accept within 30s)

      bob> accept chat-1
      ! bob has no offer for chat-1
      expect alice chats 0
      """, path: "dir/smoke.chat")
    #expect(script.path == "dir/smoke.chat")
    #expect(script.summary == ["Routing smoke test."])
    #expect(script.covers == ["CAP-4", "DEC-1"])
    #expect(script.tags == ["routing", "smoke"])
    #expect(
      script.statements.map(\.location)
        == [5, 6, 7, 8, 13, 15].map { location($0, $0 == 7 ? 3 : 1, file: "dir/smoke.chat") })
    #expect(
      script.statements.map(\.source) == [
        "use setup/two-agents.chat", "step CAP-4 \"Longest waiting agent\"", "clock +10s",
        "marie> open support name=\"Marie\" email=m@example.com ip=203.0.113.7", "bob> accept chat-1",
        "expect alice chats 0",
      ])
    #expect(script.statements[0].kind == .use(path: "setup/two-agents.chat"))
    #expect(script.statements[1].kind == .step(id: "CAP-4", title: "Longest waiting agent"))
    #expect(script.statements[2].kind == .command(.clock(.forward(.seconds(10))), expected: Expected()))
    #expect(
      script.statements[3].kind
        == .command(
          .actor(
            "marie",
            ActorCommand(
              name: "open",
              customer: .open(
                "support", ChatRequest(name: "Marie", email: "m@example.com", ipAddress: "203.0.113.7")))),
          expected: Expected(events: [
            ExpectedLine(text: "chat-1 queued in support for marie", line: 9),
            ExpectedLine(text: "chat-1 offered to alice (accept within 30s)", line: 11),
          ])))
    #expect(
      script.statements[4].kind
        == .command(
          .actor("bob", ActorCommand(name: "accept", agent: .accept(ChatID(1)))),
          expected: Expected(refusal: ExpectedLine(text: "bob has no offer for chat-1", line: 14))))
    #expect(
      script.statements[5].kind
        == .command(.expect(Query(.agentChats("alice"), Answer("0"))), expected: Expected()))
  }

  @Test("An empty file, and a file of comments only, have no statements")
  func empty() throws {
    #expect(try ScriptParser.parse("", path: "e.chat").statements.isEmpty)
    #expect(try ScriptParser.parse("\n\n  \t\n", path: "e.chat").statements.isEmpty)
    let comments = try ScriptParser.parse("# only\n#\n# comments\n", path: "e.chat")
    #expect(comments.statements.isEmpty)
    #expect(comments.summary == ["only", "", "comments"])
  }

  @Test("Bytes parse like the text they encode")
  func bytes() throws {
    let text = "agent alice\n< agent alice defined: no queues\n"
    #expect(
      try ScriptParser.parse(bytes: Array(text.utf8), path: "b.chat")
        == ScriptParser.parse(text, path: "b.chat"))
  }

  // MARK: Metadata

  @Test("covers: and tags: count only in the leading comment block")
  func metadata() throws {
    let script = try ScriptParser.parse(
      """
      #covers: A-1
      #   covers: B-2 C-3
      # tags:x  y
      # Summary line
      #
      queue support
      # covers: LATE-1
      # tags: late
      """, path: "m.chat")
    #expect(script.covers == ["A-1", "B-2", "C-3"])
    #expect(script.tags == ["x", "y"])
    #expect(script.summary == ["Summary line", ""])
  }

  @Test("Blank lines do not end the leading comment block; a command does")
  func metadataBlock() throws {
    let script = try ScriptParser.parse("# one\n\n# covers: A\nclock +1s\n# covers: B\n", path: "m.chat")
    #expect(script.covers == ["A"])
    #expect(script.summary == ["one"])
  }

  @Test("An expectation line also ends the leading comment block")
  func metadataEndsAtExpectation() {
    #expect(
      parseFailure("# covers: A\n< x\n# covers: B")
        == "t.chat:2:1: a '<' line must follow the command it describes")
  }

  // MARK: < and ! lines

  @Test("'<' and '!' take the rest of the line verbatim, after one optional space")
  func expectationText() throws {
    let script = try ScriptParser.parse(
      """
      clock +1s
      <no space
      <  two spaces
      <
      < "quoted" # not a comment \\n not an escape
      < trailing space\u{20}
      clock +1s
      !refused
      """, path: "t.chat")
    guard case .command(_, let first) = script.statements[0].kind,
      case .command(_, let second) = script.statements[1].kind
    else {
      Issue.record("expected two commands")
      return
    }
    #expect(
      first.events.map(\.text) == [
        "no space", " two spaces", "", #""quoted" # not a comment \n not an escape"#, "trailing space ",
      ])
    #expect(first.events.map(\.line) == [2, 3, 4, 5, 6])
    #expect(second.refusal == ExpectedLine(text: "refused", line: 8))
  }

  @Test("Indented '<' and '!' lines attach too")
  func indentedExpectations() throws {
    let script = try ScriptParser.parse("  alice> login\n    < alice logged in\n", path: "t.chat")
    #expect(script.statements[0].location == location(1, 3))
    guard case .command(_, let expected) = script.statements[0].kind else { return }
    #expect(expected.events == [ExpectedLine(text: "alice logged in", line: 2)])
  }

  @Test("An expect line may be followed by '<' lines (it never produces events, so they fail at run time)")
  func expectWithEvents() throws {
    let script = try ScriptParser.parse("expect alice chats 1\n< nothing", path: "t.chat")
    #expect(
      script.statements[0].kind
        == .command(
          .expect(Query(.agentChats("alice"), Answer("1"))),
          expected: Expected(events: [ExpectedLine(text: "nothing", line: 2)])))
  }

  @Test(
    "Errors of '<' and '!' lines",
    arguments: [
      ("< a", "t.chat:1:1: a '<' line must follow the command it describes"),
      ("! a", "t.chat:1:1: a '!' line must follow the command it describes"),
      ("# comment\n  < a", "t.chat:2:3: a '<' line must follow the command it describes"),
      ("step A\n< x", "t.chat:2:1: a '<' line must follow the command it describes"),
      ("use a.chat\n! x", "t.chat:2:1: a '!' line must follow the command it describes"),
      ("x> login\n! a\n< b", "t.chat:3:1: a refused command has no events: this '<' line follows a '!' line"),
      (
        "x> login\n< b\n! a",
        "t.chat:3:1: a command that produced events was not refused: this '!' line follows '<' lines"
      ),
      ("x> login\n! a\n! b", "t.chat:3:1: a command is refused once: this is a second '!' line"),
      (
        "expect alice chats 1\n! no",
        "t.chat:2:1: an 'expect' line is checked, not refused: it takes no '!' line"
      ),
    ])
  func expectationErrors(input: String, error: String) {
    #expect(parseFailure(input) == error)
  }

  // MARK: step, use, clock

  @Test(
    "step ID \"title\"",
    arguments: [
      (
        "step CHAT-4 \"An offer not accepted in time\"",
        Statement.Kind.step(id: "CHAT-4", title: "An offer not accepted in time")
      ),
      ("step CHAT-4", .step(id: "CHAT-4", title: "")),
      ("step CHAT-4 Expiry", .step(id: "CHAT-4", title: "Expiry")),
      ("step CHAT-4 \"Line \\\"one\\\"\" \"and two\"", .step(id: "CHAT-4", title: "Line \"one\"and two")),
      ("step CHAT-4 \"Title\" # comment", .step(id: "CHAT-4", title: "Title")),
    ])
  func step(line: String, kind: Statement.Kind) throws {
    #expect(try ScriptParser.parse(line, path: "t.chat").statements.map(\.kind) == [kind])
  }

  @Test(
    "use PATH, bare or quoted",
    arguments: [
      ("use setup/two-agents.chat", "setup/two-agents.chat"),
      ("use ../shared/a.chat", "../shared/a.chat"),
      ("use \"my setup/a b.chat\"", "my setup/a b.chat"),
      ("use /abs/a.chat # comment", "/abs/a.chat"),
    ])
  func use(line: String, path: String) throws {
    #expect(try ScriptParser.parse(line, path: "t.chat").statements.map(\.kind) == [.use(path: path)])
  }

  @Test(
    "clock +DURATION and clock hh:mm:ss",
    arguments: [
      ("clock +30s", ClockChange.forward(.seconds(30))),
      ("clock +1m30s", .forward(.seconds(90))),
      ("clock +2h", .forward(.seconds(7200))),
      ("clock +250ms", .forward(Interval(milliseconds: 250))),
      ("clock +1h1m1s1ms", .forward(Interval(milliseconds: 3_661_001))),
      ("clock +0s", .forward(.zero)),
      ("clock 00:02:00", .to(Instant(milliseconds: 120_000))),
      ("clock 01:00:00.5", .to(Instant(milliseconds: 3_600_500))),
      ("clock 100:00:00", .to(Instant(milliseconds: 360_000_000))),
    ])
  func clock(line: String, change: ClockChange) throws {
    #expect(try command(line) == .clock(change))
  }

  // MARK: Errors

  @Test(
    "Errors of statements, with file:line:column",
    arguments: [
      // Unknown commands, with "did you mean".
      (
        "queu support",
        "t.chat:1:1: unknown command 'queu'; did you mean 'queue'?; an actor's command is written 'name> command'"
      ),
      (
        "  expct alice chats 1",
        "t.chat:1:3: unknown command 'expct'; did you mean 'expect'?; an actor's command is written 'name> command'"
      ),
      (
        "sett chat-log off",
        "t.chat:1:1: unknown command 'sett'; did you mean 'set'?; an actor's command is written 'name> command'"
      ),
      ("accept", "t.chat:1:1: unknown command 'accept'; an actor's command is written 'name> command'"),
      ("alice login", "t.chat:1:1: unknown command 'alice'; an actor's command is written 'name> command'"),
      ("x >login", "t.chat:1:1: unknown command 'x'; an actor's command is written 'name> command'"),
      ("\"alice\"> login", "t.chat:1:1: expected a command, not a quoted text"),
      ("= x", "t.chat:1:1: expected a command, not '='"),
      ("clock\n", "t.chat:1:6: expected a time, such as +30s or 00:02:00"),
      // Actor lines.
      ("alice>", "t.chat:1:7: expected a command after 'alice>'"),
      ("alice>   # nothing", "t.chat:1:19: expected a command after 'alice>'"),
      // step and use.
      ("step", "t.chat:1:5: expected a step id, such as CHAT-4"),
      ("step \"A\" title", "t.chat:1:6: expected a step id, such as CHAT-4, not a quoted text"),
      ("step A b c", "t.chat:1:10: unexpected 'c'; quote text that contains spaces"),
      ("step A \"t\" \"u\" x", "t.chat:1:16: unexpected 'x'; quote text that contains spaces"),
      ("use", "t.chat:1:4: expected the path of the script to run"),
      ("use a b", "t.chat:1:7: unexpected 'b'; quote text that contains spaces"),
      ("use = x", "t.chat:1:5: expected the path of the script to run, not '='"),
      // clock.
      (
        "clock 30s",
        "t.chat:1:7: expected '+' and a duration (+30s, +1m30s) or a time of day (00:02:00), not '30s'"
      ),
      (
        "clock +x",
        "t.chat:1:7: expected '+' and a duration (+30s, +1m30s) or a time of day (00:02:00), not '+x'"
      ),
      (
        "clock +30s1m",
        "t.chat:1:7: expected '+' and a duration (+30s, +1m30s) or a time of day (00:02:00), not '+30s1m'"
      ),
      (
        "clock 1000000:00:00",
        "t.chat:1:7: the clock cannot go past its maximum, 999999:59:59.999; '1000000:00:00' is later"
      ),
      (
        "clock 99999999999999999999:00:00.5",
        "t.chat:1:7: the clock cannot go past its maximum, 999999:59:59.999; '99999999999999999999:00:00.5' is later"
      ),
      (
        "clock 1000000:00:61",
        "t.chat:1:7: expected '+' and a duration (+30s, +1m30s) or a time of day (00:02:00), not '1000000:00:61'"
      ),
      (
        "clock 0:02:00",
        "t.chat:1:7: expected '+' and a duration (+30s, +1m30s) or a time of day (00:02:00), not '0:02:00'"
      ),
      (
        "clock 00:60:00",
        "t.chat:1:7: expected '+' and a duration (+30s, +1m30s) or a time of day (00:02:00), not '00:60:00'"
      ),
      (
        "clock +9999999999999h",
        "t.chat:1:7: expected '+' and a duration (+30s, +1m30s) or a time of day (00:02:00), not '+9999999999999h'"
      ),
      ("clock +30s later", "t.chat:1:12: unexpected 'later'; quote text that contains spaces"),
      ("clock \"+30s\"", "t.chat:1:7: expected a time, such as +30s or 00:02:00, not a quoted text"),
      // Lexer errors carry the line's location.
      ("clock +1s\n\nalice> say \"abc", "t.chat:3:12: this string has no closing quote"),
      ("marie> say \"a\"*0", "t.chat:1:16: expected a repeat count from 1 to 100000 after '*'"),
      ("marie> say \"\\x\"", "t.chat:1:13: unknown escape '\\x': use \\\", \\\\, \\n, \\t, \\r or \\u{...}"),
    ])
  func statementErrors(input: String, error: String) {
    #expect(parseFailure(input) == error)
  }

  @Test("The first error stops parsing; later lines are not read")
  func firstError() {
    #expect(
      parseFailure("clock +1s\nbogus\nalso bogus", path: "dir/f.chat")
        == "dir/f.chat:2:1: unknown command 'bogus'; an actor's command is written 'name> command'")
  }

  // MARK: Actor lines

  @Test("'name>' is an actor line when the name has no space or quote; the space after '>' is optional")
  func actorLines() throws {
    #expect(try command("alice> login") == .actor("alice", ActorCommand(name: "login", agent: .login)))
    #expect(try command("alice>login") == .actor("alice", ActorCommand(name: "login", agent: .login)))
    #expect(
      try command("alice>   login   # comment") == .actor("alice", ActorCommand(name: "login", agent: .login))
    )
    #expect(
      try command("marie.t_2> leave") == .actor("marie.t_2", ActorCommand(name: "leave", customer: .leave)))
    // The first '>' ends the name: a '>' in the command's text is not an actor marker.
    #expect(
      try command("expect marie sees \"a > b\"")
        == .expect(Query(.sees("marie", text: "a > b"), Answer("yes"))))
    #expect(
      try command("marie> say \"x>y\"")
        == .actor("marie", ActorCommand(name: "say", agent: .say(nil, "x>y"), customer: .say("x>y"))))
  }

  @Test("Errors after 'name>' point into the command")
  func actorErrorColumns() {
    #expect(parseFailure("alice> bogus") == "t.chat:1:8: unknown command 'bogus'")
    #expect(parseFailure("  alice>bogus") == "t.chat:1:9: unknown command 'bogus'")
    #expect(parseFailure("é> bogus") == "t.chat:1:4: unknown command 'bogus'")
  }

  @Test("Columns after a name written with combining characters count Unicode scalars")
  func actorNameWithCombiningCharacter() {
    // "e" + U+0301 is one Character but two scalars: 'bogus' is at scalar column 5.
    #expect(parseFailure("e\u{301}> bogus") == "t.chat:1:5: unknown command 'bogus'")
  }

  // MARK: Line ends and encodings

  @Test("Only '\\n' ends a line; a final line without it is read")
  func lineEnds() throws {
    let script = try ScriptParser.parse("clock +1s\nclock +2s", path: "t.chat")
    #expect(script.statements.map(\.location.line) == [1, 2])
  }

  @Test("Windows line ends (\\r\\n) end lines too; the \\r is not part of the line")
  func crlf() throws {
    let script = try ScriptParser.parse(
      "# covers: A-1\r\nqueue support\r\n< queue support defined: chat, no dispositions\r\n\r\nagent alice\r\n",
      path: "t.chat")
    #expect(script.covers == ["A-1"])
    #expect(script.statements.map(\.location.line) == [2, 5])
    #expect(script.statements.map(\.source) == ["queue support", "agent alice"])
    guard case .command(_, let expected) = script.statements[0].kind else { return }
    #expect(expected.events == [ExpectedLine(text: "queue support defined: chat, no dispositions", line: 3)])
    #expect(
      parseFailure("clock +1s\r\nbogus\r\n")
        == "t.chat:2:1: unknown command 'bogus'; an actor's command is written 'name> command'")
    #expect(
      parseFailure("clock +1s\nclock +2s\r\nclock +3s now\r\n")
        == "t.chat:3:11: unexpected 'now'; quote text that contains spaces")
  }

  @Test("A lone \\r is not a line end")
  func loneCarriageReturn() {
    // "+1s\rclock" is one word; the extra "+2s" is reported first.
    #expect(
      parseFailure("clock +1s\rclock +2s") == "t.chat:1:17: unexpected '+2s'; quote text that contains spaces"
    )
  }

  @Test("A UTF-8 byte order mark at the start of a file is ignored")
  func byteOrderMark() throws {
    let script = try ScriptParser.parse(
      bytes: [0xEF, 0xBB, 0xBF] + Array("# covers: A-1\nqueue support\n".utf8), path: "t.chat")
    #expect(script.covers == ["A-1"])
  }

  @Test(
    "Invalid UTF-8: the first bad byte, with its line and column",
    arguments: [
      ([0x61, 0xFF] as [UInt8], "b.chat:1:2: this file is not valid UTF-8 (byte 0xFF); save it as UTF-8"),
      ([0xFF], "b.chat:1:1: this file is not valid UTF-8 (byte 0xFF); save it as UTF-8"),
      (
        Array("clock +1s\n\nalice> say \"".utf8) + [0xC3, 0x28] + Array("\"".utf8),
        "b.chat:3:13: this file is not valid UTF-8 (byte 0xC3); save it as UTF-8"
      ),
      ([0xE2, 0x82], "b.chat:1:1: this file is not valid UTF-8 (byte 0xE2); save it as UTF-8"),
      (
        [0x0A, 0x0A, 0x61, 0xED, 0xA0, 0x80],
        "b.chat:3:2: this file is not valid UTF-8 (byte 0xED); save it as UTF-8"
      ),
      ([0xC0, 0x80], "b.chat:1:1: this file is not valid UTF-8 (byte 0xC0); save it as UTF-8"),
      ([0x0A, 0x80], "b.chat:2:1: this file is not valid UTF-8 (byte 0x80); save it as UTF-8"),
      ([0x61, 0x0A, 0x05, 0xF8], "b.chat:2:2: this file is not valid UTF-8 (byte 0xF8); save it as UTF-8"),
    ])
  func invalidUTF8(bytes: [UInt8], error: String) {
    #expect(parseFailure(bytes: bytes, path: "b.chat") == error)
  }

  @Test("Invalid UTF-8 after a multi-byte character: the column counts Unicode scalars, as elsewhere")
  func invalidUTF8ColumnInScalars() {
    // "é" is two bytes but one scalar: 0xFF is byte 3 of the line, and column 2.
    #expect(
      parseFailure(bytes: [0x61, 0x0A, 0xC3, 0xA9, 0xFF], path: "b.chat")
        == "b.chat:2:2: this file is not valid UTF-8 (byte 0xFF); save it as UTF-8")
  }

  @Test("Words quoted in error messages are escaped, as in event lines")
  func escapedMessages() {
    #expect(
      parseFailure("\u{1B}[2J")
        == "t.chat:1:1: unknown command '\\u{1B}[2J'; an actor's command is written 'name> command'")
  }

  // MARK: parseLine (the REPL)

  @Test("parseLine reads one typed line: a statement, or nothing for a blank line or a comment")
  func parseLine() throws {
    #expect(try ScriptParser.parseLine("") == nil)
    #expect(try ScriptParser.parseLine("   ") == nil)
    #expect(try ScriptParser.parseLine("  # comment") == nil)
    let statement = try ScriptParser.parseLine("  alice> login", path: "<repl>", lineNumber: 7)
    #expect(
      statement
        == Statement(
          kind: .command(.actor("alice", ActorCommand(name: "login", agent: .login)), expected: Expected()),
          location: location(7, 3, file: "<repl>"), source: "alice> login"))
    #expect(try ScriptParser.parseLine("step A \"b\"")?.kind == .step(id: "A", title: "b"))
    #expect(try ScriptParser.parseLine("use a.chat")?.kind == .use(path: "a.chat"))
  }

  @Test("parseLine refuses '<' and '!' lines, and reports errors at the given line")
  func parseLineErrors() {
    #expect(
      throws: ParseError(
        "'<' lines belong in scripts, after the command they describe", at: location(1, 1, file: "<input>"))
    ) {
      try ScriptParser.parseLine("< alice logged in")
    }
    #expect(
      throws: ParseError(
        "'!' lines belong in scripts, after the command they describe", at: location(4, 2, file: "<repl>"))
    ) {
      try ScriptParser.parseLine(" ! refused", path: "<repl>", lineNumber: 4)
    }
    #expect(throws: ParseError("unknown command 'bogus'", at: location(2, 8, file: "<repl>"))) {
      try ScriptParser.parseLine("alice> bogus", path: "<repl>", lineNumber: 2)
    }
  }

  @Test("ParseError's description is file:line:column: message")
  func parseErrorDescription() {
    let error = ParseError("expected a command", at: location(12, 5, file: "dir/a.chat"))
    #expect(error.description == "dir/a.chat:12:5: expected a command")
    #expect(location(3, 4).description == "t.chat:3:4")
  }

  // MARK: TokenReader

  @Test("TokenReader: optional text, numbers, and errors from the lexer at construction")
  func tokenReader() throws {
    var budget = ScriptParser.maximumTextPerFile
    var reader = try TokenReader("\"a b\" 7", file: "t.chat", line: 1, column: 1, textBudget: &budget)
    #expect(try reader.optionalText() == "a b")
    #expect(try reader.read(.number, expected: "a count") == .number(7))
    #expect(try reader.optionalText() == nil)
    #expect(budget == ScriptParser.maximumTextPerFile - 3)
    #expect(throws: ParseError("this string has no closing quote", at: location(1, 3))) {
      try TokenReader("x \"", file: "t.chat", line: 1, column: 1, textBudget: &budget)
    }
  }

  @Test("A word with an invisible character is shown with it escaped, not as its look-alike")
  func invisibleCharacters() {
    #expect(
      parseFailure("queue\u{200B} support")
        == "t.chat:1:1: unknown command 'queue\\u{200B}'; did you mean 'queue'?; an actor's command is written 'name> command'"
    )
    #expect(
      parseFailure("alice> status available\u{FEFF}")
        == "t.chat:1:15: unknown status 'available\\u{FEFF}'; did you mean 'available'?; expected available, working-offline or on-break"
    )
  }

  @Test("The texts of one file hold at most 16 Mi code points once repeated: a clear error past it")
  func expansionBound() {
    let line = "alice> say \"a\"*100000\n"
    let lines = ScriptParser.maximumTextPerFile / 100_000 + 1
    #expect(
      parseFailure(String(repeating: line, count: lines))
        == "t.chat:\(lines):12: the texts of this file hold more than 16777216 code points once repeated; split it into several files"
    )
    #expect(parseFailure(String(repeating: line, count: lines - 1)) == "parsed")
  }

  @Test("A parse asks whether to stop every 16,384 lines, and stops there when told to")
  func interruptedParse() throws {
    var asked = 0
    let text = "queue a\n" + String(repeating: "< x\n", count: 40_000)
    #expect(
      throws: ParseError(
        ScriptParser.interrupted, at: SourceLocation(file: "t.chat", line: 32_768, column: 1))
    ) {
      _ = try ScriptParser.parse(text, path: "t.chat") {
        asked += 1
        return asked == 2
      }
    }
    #expect(asked == 2)
    asked = 0
    _ = try ScriptParser.parse(text, path: "t.chat") {
      asked += 1
      return false
    }
    #expect(asked == 2)
  }

  @Test("Many '<' lines after one command are read in one pass (each is not copied again)")
  func manyExpectationLines() throws {
    let script = try ScriptParser.parse(
      "queue a\n" + String(repeating: "< x\n", count: 100_000) + "queue b\n! y\n", path: "t.chat")
    guard case .command(_, let first) = script.statements[0].kind,
      case .command(_, let second) = script.statements[1].kind
    else {
      Issue.record("two commands expected")
      return
    }
    #expect(first.events.count == 100_000)
    #expect(first.events.last == ExpectedLine(text: "x", line: 100_001))
    #expect(second.refusal == ExpectedLine(text: "y", line: 100_003))
  }

  @Test("The keywords of lines without an actor")
  func keywords() {
    #expect(
      Vocabulary.lineWords == [
        "queue", "agent", "customer-record", "case", "faq", "set", "clock", "expect", "step", "use",
      ])
  }
}
