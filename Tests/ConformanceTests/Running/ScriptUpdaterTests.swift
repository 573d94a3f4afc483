import Testing

@testable import Conformance

/// `--update`: rewriting `<` and `!` lines with what happened, everything else kept byte for byte.
@Suite struct ScriptUpdaterTests {
  /// Out of date in every way: wrong, extra, missing lines; a wrong refusal; a command with no
  /// lines; comments between a command and its lines; indentation; no final newline.
  static let outOfDate = """
    # A script whose expectations are out of date.
    # covers: SES-2

    queue support media=chat dispositions=resolved
    agent alice queues=support
    < agent alice defined: queues sales
    < an extra line

      # a comment after the lines
    step SES-2 "login"
    alice> login
    # a comment before the events
    < alice logged out
    alice> login
    < alice logged in
       alice> ready
    alice> status on-break
    ! wrong refusal
    alice> status available
    """

  static let upToDate = """
    # A script whose expectations are out of date.
    # covers: SES-2

    queue support media=chat dispositions=resolved
    < queue support defined: chat, dispositions resolved
    agent alice queues=support
    < agent alice defined: queues support

      # a comment after the lines
    step SES-2 "login"
    alice> login
    # a comment before the events
    < alice logged in
    alice> login
    ! alice is already logged in
       alice> ready
       < alice is ready to work (Working Offline)
    alice> status on-break
    < alice is now On Break
    alice> status available
    < alice is now Available
    """

  static func loader(_ files: [String: String]) -> ScriptRunner.Loader {
    ReportFixtures.loader(files)
  }

  static func update(_ paths: [String], files: [String: String], jobs: Int = 1) async throws -> [String:
    String]
  {
    let scripts = try paths.map { try ScriptParser.parse(files[$0] ?? "", path: $0) }
    var result = files
    for update in try await ScriptUpdater.update(scripts, loader: loader(files), jobs: jobs) {
      result[update.path] = update.updated
    }
    return result
  }

  static func run(_ path: String, files: [String: String]) throws -> ScriptResult {
    ScriptRunner(loader: loader(files)).run(try ScriptParser.parse(files[path] ?? "", path: path))
  }

  @Test(
    "round trip: the updated text is exactly the expected one, passes, and a second update changes nothing")
  func roundTrip() async throws {
    #expect(try Self.run("w.chat", files: ["w.chat": Self.outOfDate]).passed == false)
    let once = try await Self.update(["w.chat"], files: ["w.chat": Self.outOfDate])
    #expect(once["w.chat"] == Self.upToDate)
    let result = try Self.run("w.chat", files: once)
    #expect(result.passed)
    #expect(result.failure == nil)
    let scripts = [try ScriptParser.parse(Self.upToDate, path: "w.chat")]
    let twice = try await ScriptUpdater.update(scripts, loader: Self.loader(once))
    #expect(twice.map(\.changed) == [false])
    #expect(twice.map(\.updated) == [Self.upToDate])
  }

  @Test("a file whose lines are right is returned byte for byte, odd spacing included")
  func unchanged() throws {
    let text = "queue support media=chat\n  <queue support defined: chat, no dispositions\n\n# end\n"
    let script = try ScriptParser.parse(text, path: "u.chat")
    let outcomes = ScriptUpdater.record(script, loader: Self.loader([:]))
    #expect(outcomes.map(\.outcome) == [.events(["queue support defined: chat, no dispositions"])])
    #expect(try ScriptUpdater.rewrite(text, path: "u.chat", outcomes: outcomes) == text)
  }

  @Test(
    "an expect that does not hold is not rewritten; the commands after it are, and the script still fails")
  func failedExpectKept() async throws {
    let text = """
      queue support media=chat
      agent alice queues=support
      expect alice status available
      < not an event
      alice> login

      """
    let updated = try await Self.update(["e.chat"], files: ["e.chat": text])
    #expect(
      updated["e.chat"] == """
        queue support media=chat
        < queue support defined: chat, no dispositions
        agent alice queues=support
        < agent alice defined: queues support
        expect alice status available
        < not an event
        alice> login
        < alice logged in

        """)
    let result = try Self.run("e.chat", files: updated)
    #expect(
      result.failure?.description == "e.chat:5:1: expected alice status available, but it is logged-out")
  }

  @Test("included files are rewritten too, by their first execution")
  func includedFirstExecution() async throws {
    let files = [
      "a.chat": "use inc.chat\nuse inc.chat\n",
      "b.chat": "use inc.chat\n",
      "inc.chat": "# shared\nqueue support media=chat\n",
    ]
    // a.chat runs inc.chat twice (defined, then refused): its first execution counts.
    let updated = try await Self.update(["a.chat", "b.chat"], files: files)
    #expect(
      updated["inc.chat"]
        == "# shared\nqueue support media=chat\n< queue support defined: chat, no dispositions\n")
    #expect(updated["a.chat"] == files["a.chat"])
  }

  @Test("two scripts that would rewrite one included file differently: refused, both named, at the command")
  func conflictingIncludes() async throws {
    let files = [
      "a.chat": "use inc.chat\n",
      "b.chat": "queue support media=chat\n< queue support defined: chat, no dispositions\nuse inc.chat\n",
      "c.chat": "use inc.chat\n",
      "inc.chat": "# shared\nqueue support media=chat\n",
    ]
    let conflict = ScriptUpdater.NothingUpdated(errors: [
      ParseError(
        "a.chat and b.chat would write different lines under this command: a fragment's lines must hold in "
          + "every script that uses it", at: SourceLocation(file: "inc.chat", line: 2))
    ])
    await #expect(throws: conflict) {
      _ = try await Self.update(["a.chat", "b.chat", "c.chat"], files: files)
    }
    // Scripts that agree are no conflict.
    let agreeing = try await Self.update(["a.chat", "c.chat"], files: files)
    #expect(agreeing["inc.chat"]?.hasSuffix("< queue support defined: chat, no dispositions\n") == true)
  }

  @Test("conflicts: only commands both scripts reached count, each by its first execution")
  func conflicts() {
    func outcome(_ line: Int, _ outcome: Outcome) -> RecordedOutcome {
      RecordedOutcome(location: SourceLocation(file: "inc.chat", line: line), outcome: outcome)
    }
    let a = [outcome(1, .events(["x"])), outcome(2, .refused("no")), outcome(1, .events(["later"]))]
    #expect(ScriptUpdater.conflicts([a, [outcome(1, .events(["x"]))]], scripts: ["a", "b"]).isEmpty)
    #expect(ScriptUpdater.conflicts([a, [outcome(2, .refused("no"))]], scripts: ["a", "b"]).isEmpty)
    #expect(
      ScriptUpdater.conflicts(
        [a, [outcome(1, .events(["x"])), outcome(2, .failed("f"))]], scripts: ["a", "b"]
      )
      .map(\.location.line) == [2])
    #expect(ScriptUpdater.conflicts([a, [outcome(1, .events(["y"]))]], scripts: ["a"]).isEmpty)
    // Texts that are only canonically equivalent are different lines (found by scripts/fuzz).
    let composed = [outcome(1, .events(["Caf\u{E9}"]))]
    let decomposed = [outcome(1, .events(["Cafe\u{301}"]))]
    #expect(
      ScriptUpdater.conflicts([composed, decomposed], scripts: ["a", "b"]).map(\.location.line) == [1])
    #expect(ScriptUpdater.conflicts([composed, composed], scripts: ["a", "b"]).isEmpty)
  }

  @Test("a line equal to the outcome only up to Unicode normalization is rewritten, so the script passes")
  func normalizationRewritten() async throws {
    // Found by scripts/fuzz: the name is given decomposed (e + U+0301), the '<' line has it
    // precomposed (U+00E9). The runner compares scalar by scalar and fails; --update compared
    // with Swift's == (canonical equivalence), left the line, and the script kept failing.
    let command = "customer-record c-1 name=\"Cafe\\u{301}\" email=c@example.com\n"
    let stale = ["n.chat": command + "< customer c-1 defined: \"Caf\u{E9}\" <c@example.com>\n"]
    #expect(try Self.run("n.chat", files: stale).passed == false)
    let once = try await Self.update(["n.chat"], files: stale)
    // Compared as bytes: Swift's == would take the old line for the new one.
    let expected = command + "< customer c-1 defined: \"Cafe\u{301}\" <c@example.com>\n"
    #expect(once["n.chat"].map { Array($0.utf8) } == Array(expected.utf8))
    #expect(try Self.run("n.chat", files: once).passed)
    let twice = try await Self.update(["n.chat"], files: once)
    #expect(twice["n.chat"].map { Array($0.utf8) } == Array(expected.utf8))
  }

  @Test("the first execution wins, and only the outcomes of the file being rewritten count")
  func firstExecutions() throws {
    func outcome(_ file: String, _ line: Int, _ event: String) -> RecordedOutcome {
      RecordedOutcome(location: SourceLocation(file: file, line: line), outcome: .events([event]))
    }
    let recordings = [
      [outcome("a.chat", 1, "a1"), outcome("inc.chat", 1, "from a")],
      [outcome("inc.chat", 1, "from b"), outcome("b.chat", 2, "b2")],
      [outcome("inc.chat", 1, "from c"), outcome("new.chat", 1, "n")],
    ]
    let first = ScriptUpdater.firstExecutions(recordings)
    #expect(first.map(\.path) == ["a.chat", "inc.chat", "b.chat", "new.chat"])
    #expect(first[1].outcomes == [outcome("inc.chat", 1, "from a")])
    let text = "queue support media=chat\n"
    #expect(
      try ScriptUpdater.rewrite(text, path: "x.chat", outcomes: [outcome("other.chat", 1, "no")]) == text)
    #expect(
      try ScriptUpdater.rewrite(
        text, path: "x.chat", outcomes: [outcome("x.chat", 1, "yes"), outcome("x.chat", 1, "later")])
        == "queue support media=chat\n< yes\n")
  }

  @Test("an included file that does not parse or cannot be read: nothing is updated")
  func refusal() async throws {
    let broken = ["a.chat": "use inc.chat\nqueue support media=chat\n", "inc.chat": "bogus\n"]
    await #expect(
      throws: ScriptUpdater.NothingUpdated(errors: [
        ParseError(
          "unknown command 'bogus'; an actor's command is written 'name> command'",
          at: SourceLocation(file: "inc.chat", line: 1))
      ])
    ) {
      _ = try await Self.update(["a.chat"], files: broken)
    }
    let missing = ["a.chat": "queue support media=chat\nuse gone.chat\n"]
    await #expect(
      throws: ScriptUpdater.NothingUpdated(errors: [
        ParseError("cannot read gone.chat: no such file", at: SourceLocation(file: "a.chat", line: 2))
      ])
    ) {
      _ = try await Self.update(["a.chat"], files: missing)
    }
    #expect(
      ScriptUpdater.NothingUpdated(errors: [
        ParseError("m", at: SourceLocation(file: "f", line: 2, column: 3))
      ])
      .description
        == "f:2:3: m\nnothing was updated: fix these files first")
  }

  @Test("a text that does not parse is refused with its parse error")
  func rewriteRefusesBrokenText() {
    #expect(
      throws: ParseError(
        "a '<' line must follow the command it describes", at: SourceLocation(file: "x.chat", line: 1))
    ) {
      try ScriptUpdater.rewrite("< orphan\n", path: "x.chat", outcomes: [])
    }
  }

  @Test("line breaks in an outcome are written as escapes, so the file keeps its lines")
  func lineBreaksEscaped() {
    #expect(ExpectedLine.written("<", "a\nb\rc") == #"< a\nb\rc"#)
    #expect(ExpectedLine.written("!", "") == "!")
  }

  @Test("jobs do not change what is written")
  func jobs() async throws {
    var files = ReportFixtures.files
    files["fail.chat"] = files["fail.chat"]?.replacing("(Available)", with: "(Ready)")
    let serial = try await Self.update(["fail.chat", "pass.chat"], files: files, jobs: 1)
    let parallel = try await Self.update(["fail.chat", "pass.chat"], files: files, jobs: 4)
    #expect(serial == parallel)
    #expect(serial["fail.chat"]?.contains("< alice is ready to work (Working Offline)\n") == true)
  }
}
