import ContactCenter
import Synchronization
import Testing

@testable import Conformance

private func location(_ file: String, _ line: Int, _ column: Int = 1) -> Conformance.SourceLocation {
  Conformance.SourceLocation(file: file, line: line, column: column)
}

/// The failure's description, or "passed".
private func outcome(_ path: String, files: [String: String], bytes: [String: [UInt8]] = [:]) throws -> String
{
  try run(path, files: files, bytes: bytes).failure?.description ?? "passed"
}

private let marieOpens = """
  marie> open support name="Marie Tremblay" email=marie@example.com ip=203.0.113.7
  < chat-1 queued in support for marie
  < chat-1 offered to alice (accept within 30s)
  < chat-1 screen pop for alice: new customer form

  """

@Suite("Script runner")
struct ScriptRunnerTests {
  // MARK: Interrupted

  @Test("a run asked to stop stops before its next command, says where, and keeps what ran")
  func interrupted() throws {
    let script = try ScriptParser.parse(
      "agent alice\n< agent alice defined: no queues\nstep S-1 \"later\"\nagent bob\n", path: "i.chat")
    var session = Session()
    let result = ScriptRunner(loader: inMemoryLoader([:]), isInterrupted: { true }).run(script, in: &session)
    #expect(result.wasInterrupted && result.commandsRun == 0)
    #expect(
      result.failure?.description == "i.chat:1:1: interrupted before this command; the commands before it ran"
    )
    #expect(result.steps.map(\.verdict) == [Verdict.notRun])
    let complete = ScriptRunner(loader: inMemoryLoader([:])).run(script)
    #expect(!complete.wasInterrupted && complete.commandsRun == 2)
  }

  // MARK: Passing

  @Test("A passing script: every command's events as listed, refusals as written, expect lines holding")
  func passing() throws {
    let result = try run(
      "main.chat",
      files: [
        "main.chat": """
        # A chat from offer to finish.
        # covers: CHAT-2 END-3
        # tags: smoke
        \(aliceSetup)
        step CHAT-2 "The agent accepts the offer"
        \(marieOpens)
        alice> accept
        < chat-1 accepted by alice
        expect alice chats 1
        alice> logout
        ! alice cannot log out while holding chat-1; finish it first

        step END-3 "Finish frees the place"
        clock +45s
        alice> end
        < chat-1 ended by alice; wrap-up started
        alice> finish
        < chat-1 finished by alice after 0s of wrap-up
        expect alice chats 0
        """
      ])
    #expect(result.passed)
    #expect(result.failure == nil)
    #expect(result.path == "main.chat")
    #expect(result.covers == ["CHAT-2", "END-3"])
    #expect(result.tags == ["smoke"])
    #expect(verdicts(result) == ["CHAT-2: passed", "END-3: passed"])
    #expect(result.steps.map(\.title) == ["The agent accepts the offer", "Finish frees the place"])
    #expect(result.steps.map(\.location) == [location("main.chat", 19), location("main.chat", 31)])
    #expect(result.commandsRun == 15)
    #expect(result.outcomes.count == 15)
    #expect(
      result.outcomes[10]
        == RecordedOutcome(
          location: location("main.chat", 28),
          outcome: .refused("alice cannot log out while holding chat-1; finish it first")))
    #expect(
      result.outcomes.last == RecordedOutcome(location: location("main.chat", 37), outcome: .events([])))
  }

  @Test("An empty script passes with nothing run")
  func empty() {
    let result = ScriptRunner(loader: inMemoryLoader([:])).run(Script(path: "e.chat"))
    #expect(result.passed)
    #expect(result.commandsRun == 0)
    #expect(result.steps.isEmpty)
  }

  @Test("run(_:in:) runs in a session that keeps its state, as the REPL's .read does")
  func runInSession() throws {
    var session = Session()
    let runner = ScriptRunner(loader: inMemoryLoader([:]))
    let define = try ScriptParser.parse("agent alice\n< agent alice defined: no queues\n", path: "a.chat")
    #expect(runner.run(define, in: &session).passed)
    let login = try ScriptParser.parse(
      "alice> login\n< alice logged in\nalice> ready\n< wrong\nalice> logout\n", path: "b.chat")
    let result = runner.run(login, in: &session)
    #expect(result.failure?.location == location("b.chat", 3))
    // What ran before the failure stays done; what came after did not run.
    #expect(session.center.agent("alice")?.session == .ready(.workingOffline))
    #expect(
      runner.run(define, in: &session).failure?.message
        == "`agent alice` was refused: agent alice is already defined")
  }

  @Test("Each run starts from a fresh session")
  func freshSession() throws {
    let files = ["a.chat": "agent alice\n< agent alice defined: no queues\n"]
    let script = try ScriptParser.parse(files["a.chat"]!, path: "a.chat")
    let runner = ScriptRunner(loader: inMemoryLoader(files))
    #expect(runner.run(script).passed)
    #expect(runner.run(script).passed)
  }

  // MARK: Events

  @Test("Wrong events: the command's line, and a -expected +actual diff")
  func wrongEvents() throws {
    let files = [
      "main.chat": aliceSetup + """
        marie> open support name="Marie Tremblay" email=marie@example.com ip=203.0.113.7
        < chat-1 queued in support for marie
        < chat-1 offered to bob (accept within 30s)
        < chat-1 screen pop for alice: new customer form
        """
    ]
    #expect(
      try outcome("main.chat", files: files) == """
        main.chat:15:1: the events of `marie> open support name="Marie Tremblay" email=marie@example.com ip=203.0.113.7` differ
            chat-1 queued in support for marie
          - chat-1 offered to bob (accept within 30s)
          + chat-1 offered to alice (accept within 30s)
            chat-1 screen pop for alice: new customer form
        """)
  }

  @Test("The list is exhaustive: an event not listed fails, and so does a listed one that did not happen")
  func exhaustive() throws {
    #expect(
      try outcome("a.chat", files: ["a.chat": "agent alice\nalice> login\n"]) == """
        a.chat:1:1: the events of `agent alice` differ
          + agent alice defined: no queues
        """)
    #expect(
      try outcome("a.chat", files: ["a.chat": "clock +1s\n< alice logged in\n"]) == """
        a.chat:1:1: the events of `clock +1s` differ
          - alice logged in
        """)
  }

  @Test("The list is ordered")
  func ordered() throws {
    let files = [
      "a.chat": aliceSetup + """
        marie> open support name="Marie Tremblay" email=marie@example.com ip=203.0.113.7
        < chat-1 offered to alice (accept within 30s)
        < chat-1 queued in support for marie
        < chat-1 screen pop for alice: new customer form
        """
    ]
    #expect(
      try outcome("a.chat", files: files).hasSuffix(
        """
          - chat-1 offered to alice (accept within 30s)
            chat-1 queued in support for marie
          + chat-1 offered to alice (accept within 30s)
            chat-1 screen pop for alice: new customer form
        """))
  }

  @Test("An expect line never has events: '<' lines after it fail")
  func expectWithEvents() throws {
    #expect(
      try outcome(
        "a.chat",
        files: ["a.chat": "agent alice\n< agent alice defined: no queues\nexpect alice chats 0\n< nothing"])
          == """
          a.chat:3:1: the events of `expect alice chats 0` differ
            - nothing
          """)
  }

  // MARK: Refusals

  @Test("An unexpected refusal fails at the command, with the refusal as the actual line")
  func unexpectedRefusal() throws {
    #expect(
      try outcome(
        "a.chat", files: ["a.chat": "agent alice\n< agent alice defined: no queues\nalice> logout\n"]) == """
          a.chat:3:1: `alice> logout` was refused: alice is not logged in
            + ! alice is not logged in
          """)
    #expect(
      try outcome("a.chat", files: ["a.chat": "alice> login\n< alice logged in\n"]) == """
        a.chat:1:1: `alice> login` was refused: no agent named alice is defined
          - alice logged in
          + ! no agent named alice is defined
        """)
  }

  @Test("An expected refusal that did not happen")
  func refusalNotHappening() throws {
    #expect(
      try outcome("a.chat", files: ["a.chat": "agent alice\n! agent alice is already defined\n"]) == """
        a.chat:1:1: `agent alice` was expected to be refused, but it was carried out
          - ! agent alice is already defined
          + agent alice defined: no queues
        """)
    #expect(
      try outcome("a.chat", files: ["a.chat": "clock +1s\n! no\n"]) == """
        a.chat:1:1: `clock +1s` was expected to be refused, but it was carried out
          - ! no
        """)
  }

  @Test("A refusal with another text")
  func wrongRefusal() throws {
    #expect(
      try outcome(
        "a.chat",
        files: [
          "a.chat": "agent alice\n< agent alice defined: no queues\nalice> logout\n! alice is logged out\n"
        ]) == """
          a.chat:3:1: `alice> logout` was refused with another message
            - ! alice is logged out
            + ! alice is not logged in
          """)
  }

  @Test("The clock refuses to go back, and a '!' line can say so")
  func clockRefusal() throws {
    #expect(
      try outcome(
        "a.chat",
        files: [
          "a.chat": "clock +10s\nclock 00:00:05\n! the clock cannot go back from 00:00:10 to 00:00:05\n"
        ]) == "passed")
  }

  // MARK: expect and misuse

  @Test("A failing expect: its message, no diff")
  func failingExpect() throws {
    let files = ["a.chat": "agent alice\n< agent alice defined: no queues\n  expect alice status available\n"]
    #expect(
      try outcome("a.chat", files: files)
        == "a.chat:3:3: expected alice status available, but it is logged-out")
  }

  @Test("An agent given a customer's command fails, even with a '!' line")
  func agentWithCustomerCommand() throws {
    let files = [
      "a.chat": "agent alice\n< agent alice defined: no queues\nalice> leave\n! alice has no open chat\n"
    ]
    #expect(
      try outcome("a.chat", files: files) == "a.chat:3:1: alice is an agent; 'leave' is a customer's command")
  }

  @Test("The command in a message is the line as written, comment included; only controls are escaped")
  func sourceInMessages() throws {
    #expect(
      try outcome("a.chat", files: ["a.chat": "alice> say \"a\tb\" # tab inside\n"]) == """
        a.chat:1:1: `alice> say "a\\tb" # tab inside` was refused: alice has no open chat
          + ! alice has no open chat
        """)
  }

  // MARK: Stopping and steps

  @Test("The run stops at the first failure: later commands are not run")
  func stopsAtFirstFailure() throws {
    let result = try run(
      "a.chat", files: ["a.chat": "agent alice\nagent bob\n< agent bob defined: no queues\nagent carol\n"])
    #expect(!result.passed)
    #expect(result.commandsRun == 1)
    #expect(
      result.outcomes == [
        RecordedOutcome(location: location("a.chat", 1), outcome: .events(["agent alice defined: no queues"]))
      ])
  }

  @Test("Steps: those before the failure passed, the failing one failed, the rest not run")
  func stepVerdicts() throws {
    let result = try run(
      "a.chat",
      files: [
        "a.chat": """
        step ONE "First"
        agent alice
        < agent alice defined: no queues
        step TWO "Second"
        alice> login
        < alice logged in
        alice> ready
        < wrong
        step THREE "Third"
        alice> logout
        step FOUR
        """
      ])
    #expect(verdicts(result) == ["ONE: passed", "TWO: failed", "THREE: not run", "FOUR: not run"])
    #expect(result.steps.map(\.location.line) == [1, 4, 9, 11])
    #expect(
      result.failure?.description == """
        a.chat:7:1: in step TWO "Second": the events of `alice> ready` differ
          - wrong
          + alice is ready to work (Working Offline)
        """)
    #expect(result.failure?.step == "TWO \"Second\"")
  }

  @Test("A failure before the first step: no step failed, all not run")
  func failureBeforeSteps() throws {
    let result = try run("a.chat", files: ["a.chat": "clock +1s\n< x\nstep A \"a\"\nclock +1s\nstep B\n"])
    #expect(verdicts(result) == ["A: not run", "B: not run"])
    #expect(result.failure?.step == nil)
    #expect(result.failure?.description == "a.chat:1:1: the events of `clock +1s` differ\n  - x")
  }

  @Test("A step with no commands after it passes; a step title with quotes is escaped in messages")
  func stepTitles() throws {
    let result = try run("a.chat", files: ["a.chat": "step A\nstep B \"Say \\\"hi\\\"\"\nclock +1s\n< x\n"])
    #expect(verdicts(result) == ["A: passed", "B: failed"])
    #expect(
      result.failure?.description
        == "a.chat:3:1: in step B \"Say \\\"hi\\\"\": the events of `clock +1s` differ\n  - x")
  }

  // MARK: use

  @Test("use: paths relative to the including file; the included commands run in the same session")
  func useRelative() throws {
    let files = [
      "suite/main.chat":
        "use setup/queue.chat\nagent alice queues=support\n< agent alice defined: queues support\n",
      "suite/setup/queue.chat":
        "use ../../shared/settings.chat\nqueue support\n< queue support defined: chat, no dispositions\n",
      "shared/settings.chat":
        "use /abs/last.chat\nset chat-log automatic\n< setting chat-log is now automatic\n",
      "/abs/last.chat": "expect setting chat-log off\n",
    ]
    let result = try run("suite/main.chat", files: files)
    #expect(result.failure == nil)
    #expect(result.commandsRun == 4)
    #expect(
      result.outcomes.map(\.location) == [
        location("/abs/last.chat", 1), location("shared/settings.chat", 2),
        location("suite/setup/queue.chat", 2), location("suite/main.chat", 2),
      ])
  }

  @Test("use: a script in the current folder, a quoted path with spaces, './' and '..' segments")
  func usePaths() throws {
    let files = [
      "main.chat": "use \"my setup.chat\"\nuse ./a/../b.chat\n",
      "my setup.chat": "clock +1s\n",
      "b.chat": "expect clock 00:00:01\n",
    ]
    #expect(try outcome("main.chat", files: files) == "passed")
  }

  @Test(
    "Paths.resolve",
    arguments: [
      ("setup/a.chat", "main.chat", "setup/a.chat"),
      ("setup/a.chat", "dir/main.chat", "dir/setup/a.chat"),
      ("../a.chat", "dir/sub/main.chat", "dir/a.chat"),
      ("../../a.chat", "dir/main.chat", "../a.chat"),
      ("./a.chat", "dir/main.chat", "dir/a.chat"),
      ("/abs/a.chat", "dir/main.chat", "/abs/a.chat"),
      ("a//b/./c.chat", "/root/main.chat", "/root/a/b/c.chat"),
      ("../a.chat", "main.chat", "../a.chat"),
    ])
  func resolve(path: String, file: String, resolved: String) {
    #expect(Paths.resolve(path, relativeTo: file) == resolved)
  }

  @Test("A script at the root of the file system uses its neighbours by absolute path")
  func resolveAtRoot() {
    #expect(Paths.resolve("a.chat", relativeTo: "/main.chat") == "/a.chat")
  }

  @Test("Steps of included scripts are reported too; a failure inside one names the include chain")
  func failureInInclude() throws {
    let files = [
      "main.chat": "step MAIN \"Setup\"\nuse setup/agents.chat\nstep LATER\nclock +1s\n",
      "setup/agents.chat": "agent alice\n< agent alice defined: no queues\nuse more.chat\n",
      "setup/more.chat": "step INNER \"Inner\"\n  agent alice\n< agent alice defined: no queues\n",
    ]
    let result = try run("main.chat", files: files)
    #expect(verdicts(result) == ["MAIN: passed", "INNER: failed", "LATER: not run"])
    #expect(result.failure?.location == location("setup/more.chat", 2, 3))
    #expect(result.failure?.includedFrom == [location("main.chat", 2), location("setup/agents.chat", 3)])
    #expect(
      result.failure?.description == """
        setup/more.chat:2:3: in step INNER "Inner": `agent alice` was refused: agent alice is already defined
          - agent alice defined: no queues
          + ! agent alice is already defined
          included from setup/agents.chat:3:1
          included from main.chat:2:1
        """)
  }

  @Test("A missing include file")
  func missingInclude() throws {
    let files = ["dir/main.chat": "step S \"s\"\n  use nope.chat\n"]
    let result = try run("dir/main.chat", files: files)
    #expect(
      result.failure?.description
        == "dir/main.chat:2:3: in step S \"s\": cannot read dir/nope.chat: no such file")
    #expect(verdicts(result) == ["S: failed"])
  }

  @Test("A parse error inside an include: its file:line:column, then the chain")
  func parseErrorInInclude() throws {
    let files = [
      "main.chat": "use a.chat\n",
      "a.chat": "clock +1s\nuse sub/b.chat\n",
      "sub/b.chat": "queue support\nqueue sales meda=chat\n",
    ]
    let result = try run("main.chat", files: files)
    #expect(result.commandsRun == 1)
    #expect(
      result.failure?.description == """
        sub/b.chat:2:13: unknown key 'meda'; did you mean 'media'?; expected one of media, dispositions
          included from a.chat:2:1
          included from main.chat:1:1
        """)
  }

  @Test("Invalid UTF-8 inside an include")
  func invalidUTF8InInclude() throws {
    let result = try run(
      "main.chat", files: ["main.chat": "use bad.chat\n"],
      bytes: ["bad.chat": Array("clock +1s\n# caf".utf8) + [0xE9]])
    #expect(
      result.failure?.description
        == "bad.chat:2:6: this file is not valid UTF-8 (byte 0xE9); save it as UTF-8\n  included from main.chat:1:1"
    )
  }

  @Test("An include is read when the runner reaches it: commands before it have run")
  func includeReadLate() throws {
    let result = try run("main.chat", files: ["main.chat": "clock +1s\nuse nope.chat\n"])
    #expect(result.commandsRun == 1)
    #expect(result.failure?.description == "main.chat:2:1: cannot read nope.chat: no such file")
  }

  @Test(
    "Include cycles",
    arguments: [
      (["a.chat": "use a.chat\n"], "a.chat:1:1: 'use a.chat' would include a.chat inside itself"),
      (["a.chat": "use ./a.chat\n"], "a.chat:1:1: 'use ./a.chat' would include a.chat inside itself"),
      (
        ["a.chat": "use dir/b.chat\n", "dir/b.chat": "clock +1s\nuse ../a.chat\n"],
        "dir/b.chat:2:1: 'use ../a.chat' would include a.chat inside itself\n  included from a.chat:1:1"
      ),
      (
        ["a.chat": "use b.chat\n", "b.chat": "use c.chat\n", "c.chat": "use b.chat\n"],
        "c.chat:1:1: 'use b.chat' would include b.chat inside itself\n  included from b.chat:1:1\n  included from a.chat:1:1"
      ),
    ])
  func cycles(files: [String: String], failure: String) throws {
    #expect(try outcome("a.chat", files: files) == failure)
  }

  @Test("The same file may be used twice, one after the other")
  func useTwice() throws {
    let files = [
      "a.chat": "use tick.chat\nuse tick.chat\nexpect clock 00:00:02\n", "tick.chat": "clock +1s\n",
    ]
    #expect(try outcome("a.chat", files: files) == "passed")
  }

  @Test("A file used many times is read and parsed once per run, across the scripts of the run")
  func includedOncePerRun() throws {
    let reads = Mutex<[String: Int]>([:])
    let files = [
      "a.chat": String(repeating: "use tick.chat\n", count: 100) + "expect clock 00:01:40\n",
      "b.chat": "use tick.chat\nexpect clock 00:00:01\n", "tick.chat": "clock +1s\n",
    ]
    let loader = inMemoryLoader(files)
    let runner = ScriptRunner(loader: { path in
      reads.withLock { $0[path, default: 0] += 1 }
      return try loader(path)
    })
    for path in ["a.chat", "b.chat"] {
      let script = try ScriptParser.parse(bytes: try loader(path), path: path)
      #expect(runner.run(script).failure == nil)
    }
    #expect(reads.withLock { $0 } == ["tick.chat": 1])
  }

  @Test("A path with a NUL character is refused, not cut at the NUL")
  func nulInPath() throws {
    let files = ["a.chat": "use \"tick.chat\\u{0}x\"\n", "tick.chat": "clock +1s\n"]
    let result = try run("a.chat", files: files)
    #expect(result.failure?.message == "'use \"tick.chat\\u{0}x\"': a path cannot hold a NUL character")
    #expect(result.commandsRun == 0)
  }

  @Test("Expected text is compared scalar by scalar: a precomposed é does not match a decomposed one")
  func exactText() throws {
    let script = aliceSetup + marieOpens + "alice> accept\n< chat-1 accepted by alice\n"
    // The message is sent decomposed (e + U+0301); the '<' line expects it precomposed (U+00E9).
    let files = ["a.chat": script + "alice> say \"Caf\\u{65}\\u{301}\"\n< chat-1 alice says \"Caf\u{E9}\"\n"]
    let failure = try outcome("a.chat", files: files)
    #expect(
      failure
        == "a.chat:21:1: the events of `alice> say \"Caf\\u{65}\\u{301}\"` differ\n  - chat-1 alice says \"Caf\\u{E9}\"\n  + chat-1 alice says \"Cafe\\u{301}\""
    )
    let same = [
      "a.chat": script
        + "alice> say \"Caf\\u{E9}\"\n< chat-1 alice says \"Caf\u{E9}\"\nexpect marie sees \"Caf\u{E9}\"\n"
    ]
    #expect(try outcome("a.chat", files: same) == "passed")
    let seen = [
      "a.chat": script
        + "alice> say \"Caf\\u{E9}\"\n< chat-1 alice says \"Caf\u{E9}\"\nexpect marie sees \"Cafe\\u{301}\"\n"
    ]
    #expect(
      try outcome("a.chat", files: seen).contains(
        "expected marie to see \"Cafe\u{301}\" from the agent in chat-1"))
  }

  @Test("The files a run uses hold at most 64 Mi code points once repeated: the use past it is refused")
  func usedTextLimit() throws {
    // Five fragments of 16,000,000 code points each (step titles of "a"*100000): four fit.
    var files: [String: String] = ["main.chat": (1...5).map { "use f\($0).chat\n" }.joined()]
    for file in 1...5 {
      files["f\(file).chat"] = (1...160).map { "step f\(file)-\($0) \"a\"*100000\n" }.joined()
    }
    let result = try run("main.chat", files: files)
    #expect(
      result.failure?.message
        == "cannot use f5.chat: with it, the files this run uses would hold more than 67108864 code points once repeated; use fewer or smaller ones"
    )
    #expect(result.failure?.location.line == 5)
  }

  @Test("Includes nest at most 32 deep")
  func depthLimit() throws {
    var files: [String: String] = [:]
    for index in 0...40 { files["f\(index).chat"] = "use f\(index + 1).chat\n" }
    let result = try run("f0.chat", files: files)
    #expect(result.failure?.location == location("f32.chat", 1))
    #expect(result.failure?.includedFrom.count == ScriptRunner.maximumIncludeDepth)
    #expect(result.failure?.message == "'use f33.chat' nests scripts more than 32 deep")
  }

  @Test("A chain too deep is not called a cycle")
  func depthLimitMessage() throws {
    var files: [String: String] = [:]
    for index in 0...40 { files["f\(index).chat"] = "use f\(index + 1).chat\n" }
    let result = try run("f0.chat", files: files)
    #expect(result.failure?.message.contains("inside itself") == false)
  }

  // MARK: Invariants and failure format

  @Test("Invariants are checked after every command: a long passing run reports no violation")
  func invariantsHold() throws {
    // The runner checks center.invariantViolations() after each command and fails with "the
    // engine broke its invariants: ..."; the engine cannot be made to break them from a script,
    // so this only shows that a run through offers, expiries and finishes passes that check.
    let files = [
      "a.chat": aliceSetup + marieOpens + """
        clock +30s
        < chat-1 offer to alice expired
        < alice is now Working Offline
        < chat-1 back at the head of support
        alice> status available
        < alice is now Available
        < chat-1 offered to alice (accept within 30s)
        < chat-1 screen pop for alice: new customer form
        alice> accept
        < chat-1 accepted by alice
        """
    ]
    let result = try run("a.chat", files: files)
    #expect(result.failure == nil)
    #expect(result.commandsRun == 11)
  }

  @Test("RunFailure's description: location, step, message, diff, chain innermost first")
  func failureDescription() {
    let failure = RunFailure(
      location: location("c.chat", 3, 2), includedFrom: [location("a.chat", 1), location("b.chat", 2)],
      step: "S \"t\"",
      message: "the events of `x` differ", diff: ["- a", "+ b"])
    #expect(
      failure.description
        == "c.chat:3:2: in step S \"t\": the events of `x` differ\n  - a\n  + b\n  included from b.chat:2:1\n  included from a.chat:1:1"
    )
    #expect(RunFailure(location: location("a.chat", 1), message: "m").description == "a.chat:1:1: m")
  }

  @Test("Step verdicts are spelt passed, failed, not run")
  func verdictNames() {
    #expect(
      [Verdict.passed, .failed, .notRun].map(\.rawValue) == ["passed", "failed", "not run"])
  }
}
