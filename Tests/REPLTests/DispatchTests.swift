import Conformance
import ContactCenter
import Testing

@testable import REPL

@Suite("Dispatch: lines and dot-commands")
struct DispatchTests {
  @Test("a command's events are shown as < lines, a refusal as a ! line")
  func eventsAndRefusals() {
    let harness = Harness()
    #expect(harness.type("agent alice") == "< agent alice defined: no queues\n")
    #expect(harness.type("alice> status available") == "! alice is not logged in\n")
    #expect(harness.type("clock +5s") == "")
    #expect(harness.repl.prompt == "[00:00:05]> ")
  }

  @Test("expect: `# as expected`, or what differs")
  func expectations() {
    let harness = Harness()
    harness.type("agent alice")
    #expect(harness.type("expect alice status logged-out") == "# as expected\n")
    #expect(
      harness.type("expect alice chats 2") == "# not as expected: expected alice chats 2, but it is 0\n")
    #expect(harness.type("marie> login") == "! no agent named marie is defined\n")
  }

  @Test("a line that cannot be read: the message and a caret under the column")
  func parseErrors() {
    let harness = Harness()
    let output = harness.type("agent alice queus=support")
    #expect(
      output == """
        error: unknown key 'queus'; did you mean 'queues'?; expected one of queues, max-chats
          agent alice queus=support
                      ^

        """)
    #expect(harness.repl.transcript.isEmpty)
  }

  @Test("a pasted < or ! line: the same message with `as NAME` and without")
  func pastedExpectations() {
    let harness = Harness()
    let pastedEvent = """
      error: '<' lines belong in scripts, after the command they describe
        < alice logged in
        ^

      """
    let pastedRefusal = """
      error: '!' lines belong in scripts, after the command they describe
        ! alice is not logged in
        ^

      """
    #expect(harness.type("< alice logged in") == pastedEvent)
    #expect(harness.type("! alice is not logged in") == pastedRefusal)
    // Under `as NAME` too: a pasted expectation is not the actor's command.
    harness.type("as alice")
    #expect(harness.type("< alice logged in") == pastedEvent)
    #expect(harness.type("! alice is not logged in") == pastedRefusal)
    harness.type("as")
    #expect(harness.repl.transcript.isEmpty)
  }

  @Test("`as alice` sends lines without name> to alice; keywords still work; the prompt shows her")
  func defaultActor() {
    let harness = Harness()
    harness.type("queue support", "agent alice queues=support")
    #expect(harness.type("as alice") == "# lines without 'name>' now go to alice (agent); `as` alone stops\n")
    #expect(harness.repl.prompt == "[00:00:00] alice> ")
    #expect(harness.type("login") == "< alice logged in\n")
    #expect(harness.type("clock +1m") == "")
    #expect(
      harness.type("marie> open support name=M email=m@example.com ip=192.0.2.1").contains(
        "< chat-1 queued in support for marie"))
    #expect(harness.repl.prompt == "[00:01:00] alice> ")
    // Written out as a script would have it.
    #expect(harness.repl.transcript.contains("alice> login"))
    // An error points into what was typed, not into the `alice> ` put before it.
    #expect(harness.type("status away").hasSuffix("  status away\n         ^\n"))
    #expect(harness.type("as") == "# lines without 'name>' are no longer sent to an actor\n")
    #expect(harness.repl.prompt == "[00:01:00]> ")
    #expect(harness.type("login").hasPrefix("error: unknown command 'login'"))
  }

  @Test("`faq hours` is a definition without its answer, or the default actor's insert")
  func faqBothWays() {
    let harness = Harness()
    harness.type(aliceWithChat)
    harness.type("faq hours \"We are open 8-17\"", "as alice")
    #expect(
      harness.type("faq hours") == "< chat-1 faq hours inserted in alice's draft (16 of 1940 characters)\n")
    #expect(harness.type("faq greeting \"Bonjour\"") == "< faq greeting defined (7 characters)\n")
  }

  @Test("`as` takes a name, not any text")
  func defaultActorMustBeAName() {
    let harness = Harness()
    #expect(
      harness.type("as \u{1B}[2J")
        == "error: '\\u{1B}[2J' is not a name: use letters, digits, '-', '_' and '.'\n")
    #expect(harness.repl.defaultActor == nil)
  }

  @Test("nothing the user typed reaches the output raw: control characters are escaped")
  func escapesUserText() {
    let harness = Harness()
    #expect(harness.type("\u{1B}[31mhello").contains("unknown command '\\u{1B}[31mhello'"))
    #expect(!harness.type("\u{1B}[31mhello").contains("\u{1B}"))
    #expect(harness.type(".\u{1B}[2J") == "error: unknown command '.\\u{1B}[2J' (.help lists them)\n")
    #expect(!harness.type("bob\u{07}> login").contains("\u{07}"))
    #expect(!harness.type(".read \u{1B}x").contains("\u{1B}"))
  }

  @Test("a 100,000-character line gets a clear message, not a crash")
  func longLine() {
    let harness = Harness()
    let output = harness.type(String(repeating: "a", count: 100_000))
    #expect(
      output.hasPrefix("error: this line has 100000 characters; the REPL reads lines of at most 10000."))
    #expect(output.count < 300)
    // Long, but within the limit: the message is cut.
    let long = harness.type("agent " + String(repeating: "b", count: 9_000))
    #expect(long.count < 700)
  }

  @Test("colour only when asked, and never in what is written to files")
  func colour() {
    let harness = Harness(style: Style(colour: true))
    #expect(harness.type("agent alice") == "\u{1B}[32m< agent alice defined: no queues\u{1B}[0m\n")
    #expect(harness.type("alice> ready") == "\u{1B}[31m! alice is not logged in\u{1B}[0m\n")
    harness.type(".save s.chat")
    #expect(harness.files["s.chat"]?.contains("\u{1B}") == false)
  }

  @Test(".help lists the commands; .help NAME gives one; unknown names are told")
  func help() {
    let harness = Harness()
    let overview = harness.type(".help")
    for name in [
      ".read", ".record", ".save", ".timeline", ".state", ".reset", ".quit", ".exit", "expect", "open",
      "accept",
    ] {
      #expect(overview.contains(name))
    }
    let lines = overview.split(separator: "\n").map { $0.split(separator: " ").joined(separator: " ") }
    #expect(lines.contains(".quit leave (also .exit, .q, exit, quit, \\q; Ctrl-D on an empty line)"))
    #expect(lines.contains(".help [command] this list, or how to write one command (also .h, help)"))
    #expect(harness.type(".help record").contains(".record stop"))
    #expect(harness.type(".help faq").contains("faq ID \"answer\""))
    #expect(harness.type(".help faq").contains("NAME> faq [chat-N] ID"))
    #expect(harness.type(".help nothing") == "error: no command 'nothing'; .help lists them\n")
  }

  @Test(".state shows the clock, queues, agents, chats and changed settings")
  func state() {
    let harness = Harness()
    harness.type(aliceWithChat)
    harness.type("set accept-interval 45s", "agent bob queues=support")
    let state = harness.type(".state")
    #expect(state.contains("clock 00:00:00"))
    #expect(state.contains("  support (chat): 0 waiting; enabled by alice"))
    #expect(state.contains("  alice  Available        chats chat-1  queues support"))
    #expect(state.contains("  bob    logged out       queues none"))
    #expect(state.contains("  chat-1  active with alice: marie in support"))
    #expect(state.contains("  accept-interval 45s"))
  }

  @Test(".state shows the first rows of long lists and how many more")
  func stateOfManyAgents() {
    let harness = Harness()
    harness.type("queue q")
    for index in 1...50 { harness.type("agent a\(index) queues=q") }
    let state = harness.type(".state")
    #expect(state.contains("  … and 30 more"))
    #expect(!state.contains("a21 "))
  }

  @Test(
    "sqlite3 and psql habits: each of .quit, .exit, .q, exit, quit and \\q leaves",
    arguments: [".quit", ".exit", ".q", "exit", "quit", "\\q", "  .exit  "])
  func leaves(_ word: String) {
    let harness = Harness()
    var output = ""
    #expect(harness.repl.handle(word, into: &output) == .quit)
    #expect(output.isEmpty)
  }

  @Test("`.h` and `help` show what `.help` shows, with or without a command")
  func helpAliases() {
    let harness = Harness()
    let overview = harness.type(".help")
    #expect(overview.contains("REPL commands"))
    #expect(harness.type(".h") == overview)
    #expect(harness.type("help") == overview)
    #expect(harness.type(".h record") == harness.type(".help record"))
    #expect(harness.type("help .save") == harness.type(".help .save"))
  }

  @Test(".reset starts again from nothing; .quit leaves")
  func resetAndQuit() {
    let harness = Harness()
    harness.type("agent alice", "clock +1m", "as alice")
    #expect(harness.type(".reset") == "# a new, empty contact center; the clock is at 00:00:00\n")
    #expect(harness.repl.session.center.agents.isEmpty)
    #expect(harness.repl.transcript.isEmpty)
    #expect(harness.repl.prompt == "[00:00:00]> ")
    var output = ""
    #expect(harness.repl.handle(".quit", into: &output) == .quit)
    #expect(harness.repl.handle("   ", into: &output) == .proceed)
    #expect(output.isEmpty)
  }

  @Test(".read runs a script in this session, checking its lines")
  func readPasses() {
    let harness = Harness(files: [
      "setup.chat": "queue support\n< queue support defined: chat, no dispositions\nuse agents.chat\n",
      "agents.chat": "agent alice queues=support\n< agent alice defined: queues support\n",
    ])
    #expect(harness.type(".read setup.chat") == "# setup.chat: 2 commands, every event as expected\n")
    #expect(harness.repl.session.center.agent("alice") != nil)
    // The transcript holds the commands themselves (the included one too), not `use`.
    #expect(
      harness.repl.transcript == [
        "# .read setup.chat", "queue support", "< queue support defined: chat, no dispositions",
        "agent alice queues=support", "< agent alice defined: queues support",
      ])
  }

  @Test("the caret points under the word as shown, past an escaped control character")
  func caretAfterEscape() {
    let harness = Harness()
    // The tab shows as `\t` (two columns); the unknown key starts after it.
    #expect(
      harness.type("agent \"a\tb\" queus=x")
        == "error: unknown key 'queus'; did you mean 'queues'?; expected one of queues, max-chats\n"
        + "  agent \"a\\tb\" queus=x\n" + "               ^\n")
  }

  @Test(".read counts its commands in words: 1 command, 2 commands")
  func readCounts() {
    let harness = Harness(files: ["one.chat": "agent alice\n< agent alice\n"])
    #expect(harness.type(".read one.chat").contains("stopped at its first failure, after 1 command:"))
  }

  @Test(".read stops at the script's first failure and says where")
  func readFails() {
    let harness = Harness(files: [
      "bad.chat":
        "agent alice\n< agent alice defined: no queues\nalice> login\n< alice is happy\nalice> ready\n< alice is ready to work (Working Offline)\n"
    ])
    let output = harness.type(".read bad.chat")
    #expect(output.contains("error: bad.chat stopped at its first failure, after 2 commands:"))
    #expect(output.contains("bad.chat:3:1: the events of `alice> login` differ"))
    #expect(output.contains("- alice is happy"))
    #expect(output.contains("+ alice logged in"))
    // What ran stays: alice is logged in, not ready.
    #expect(harness.repl.session.center.agent("alice")?.session == .loggedIn)
    #expect(harness.type(".read missing.chat") == "error: cannot read missing.chat: no such file\n")
    #expect(harness.type(".read") == "error: usage: .read FILE\n")
  }

  @Test(".read of a file that is not UTF-8 says so")
  func readInvalidUTF8() {
    let raw = RawFiles(bytes: [0x61, 0x67, 0x0A, 0xC3, 0x28, 0x0A])
    let repl = REPLSession(files: raw)
    var output = ""
    _ = repl.handle(".read raw.chat", into: &output)
    #expect(output.contains("raw.chat:2:1: this file is not valid UTF-8 (byte 0xC3); save it as UTF-8"))
  }

  @Test("`use FILE` at the prompt runs the file as .read does")
  func use() {
    let harness = Harness(files: ["a.chat": "agent alice\n< agent alice defined: no queues\n"])
    #expect(harness.type("use a.chat") == "# a.chat: 1 command, every event as expected\n")
    #expect(harness.repl.session.center.agent("alice") != nil)
  }

  @Test("comments and steps are kept in the transcript; they print nothing")
  func commentsAndSteps() {
    let harness = Harness()
    #expect(harness.type("# the customer says it broke here", "step CHAT-4 \"The offer expires\"") == "")
    #expect(
      harness.repl.transcript == ["# the customer says it broke here", "step CHAT-4 \"The offer expires\""])
  }
}

/// Files whose every read gives the same bytes.
struct RawFiles: REPLFiles {
  var bytes: [UInt8]
  func read(_ path: String) throws -> [UInt8] { bytes }
  func write(_ text: String, to path: String) throws {}
  func create(_ path: String) throws -> any ScriptSink { throw TestFileError("read only") }
  func remove(_ path: String) {}
}

@Suite("What may be printed of user text")
struct VisibleTextTests {
  @Test("controls, separators and bidirectional overrides become escapes; backslashes stay")
  func escapes() {
    #expect(Style.visible("a\u{1B}[2Jb") == "a\\u{1B}[2Jb")
    #expect(Style.visible("line\nbreak\ttab\r") == "line\\nbreak\\ttab\\r")
    #expect(Style.visible("\u{202E}evil\u{2028}\u{85}") == "\\u{202E}evil\\u{2028}\\u{85}")
    #expect(Style.visible("already \\n escaped, été 👍") == "already \\n escaped, été 👍")
  }

  @Test("long text is cut, with its length")
  func cut() {
    #expect(Style.visible(String(repeating: "x", count: 12), limit: 5) == "xxxxx… (12 characters)")
  }
}
