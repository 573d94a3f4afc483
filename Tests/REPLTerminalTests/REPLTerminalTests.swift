import ClavardTestSupport
import Foundation
import PseudoTerminal
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// `clavard repl` in a real pseudo-terminal: what a person types, keys and all.
@Suite("clavard repl in a pseudo-terminal", .serialized)
struct REPLTerminalTests {
  static let up = "\u{1B}[A"
  static let tab = "\t"
  static let enter = "\r"
  static let ctrlC = "\u{03}"
  static let ctrlD = "\u{04}"

  private func environment(_ folder: String, colour: Bool = false) -> [String] {
    [
      "TERM=xterm", "HOME=\(folder)", "CLAVARD_HISTORY=\(folder)/history", "LANG=C.UTF-8",
      "PATH=/usr/bin:/bin",
    ]
      + (colour ? [] : ["NO_COLOR=1"])
  }

  @Test("a session typed with Tab and Up, recorded with .record, passes `clavard run`")
  func typedSessionRecordsAPassingScript() throws {
    let temporary = try TemporaryFolder()
    let folder = temporary.path
    let recording = folder + "/session.chat"
    // A line from an earlier session, for Up to find.
    try "queue support media=chat dispositions=resolved\n".write(
      toFile: folder + "/history", atomically: true, encoding: .utf8)
    let terminal = try PseudoTerminal(try BuiltProducts.clavard(), ["repl"], environment: environment(folder))
    try terminal.expectPrompt()

    // Up recalls the earlier session's line.
    try terminal.type(Self.up)
    try terminal.expect("queue support media=chat dispositions=resolved")
    try terminal.type(Self.enter)
    try terminal.expect("< queue support defined: chat, dispositions resolved")
    try terminal.expectPrompt()

    try terminal.type(".record \(recording)" + Self.enter)
    try terminal.expect("# recording to \(recording)")
    try terminal.expectPrompt()

    // Tab completes a keyword, a queue after `queues=`, an actor (with its `>`), commands.
    // libedit redraws from the cursor: what Tab inserted comes after a cursor move.
    try terminal.type("ag" + Self.tab)
    try terminal.expect("ent ")
    try terminal.type("alice queues=sup" + Self.tab)
    try terminal.expect("port ")
    try terminal.type(Self.enter)
    try terminal.expect("< agent alice defined: queues support")
    try terminal.expectPrompt()
    try terminal.type("ali" + Self.tab)
    try terminal.expect("ce> ")
    try terminal.type("logi" + Self.tab + Self.enter)
    try terminal.expect("< alice logged in")
    try terminal.expectPrompt()

    // `as alice`: the prompt shows her; bare commands go to her.
    try terminal.type("as alice" + Self.enter)
    try terminal.expectPrompt("[00:00:00] alice> ")
    try terminal.type("rea" + Self.tab + Self.enter)
    try terminal.expect("< alice is ready to work (Working Offline)")
    try terminal.expectPrompt()
    try terminal.type("queues en" + Self.tab)
    try terminal.expect("able ")
    try terminal.type("su" + Self.tab + Self.enter)
    try terminal.expect("< alice switched support on (pending Confirm selections)")
    try terminal.expectPrompt()
    try terminal.type("queues c" + Self.tab + Self.enter)
    try terminal.expect("< alice enabled support")
    try terminal.expectPrompt()
    try terminal.type("status av" + Self.tab + Self.enter)
    try terminal.expect("< alice is now Available")
    try terminal.expectPrompt()
    try terminal.type(
      "marie> open support name=\"Marie Tremblé\" email=marie@example.com ip=203.0.113.7" + Self.enter)
    try terminal.expect("< chat-1 screen pop for alice: new customer form")
    try terminal.expectPrompt()
    try terminal.type("acc" + Self.tab + Self.enter)
    try terminal.expect("< chat-1 accepted by alice")
    try terminal.expectPrompt()

    // Ctrl-C abandons the line being typed; the session goes on.
    try terminal.type("say \"never sent")
    try terminal.type(Self.ctrlC)
    try terminal.expect("^C")
    try terminal.expectPrompt("[00:00:00] alice> ")
    try terminal.type("say \"Bonjour, été 👍\"" + Self.enter)
    try terminal.expect("< chat-1 alice says \"Bonjour, été 👍\"")
    try terminal.expectPrompt()

    // Up recalls the line just typed.
    try terminal.type("clock +10s" + Self.enter)
    try terminal.expectPrompt("[00:00:10] alice> ")
    try terminal.type(Self.up + Self.enter)
    try terminal.expectPrompt("[00:00:20] alice> ")

    // Tab offers the actual value for an expect.
    try terminal.type("expect alice chats " + Self.tab + Self.enter)
    try terminal.expect("# as expected")
    try terminal.expectPrompt()

    try terminal.type(".record stop" + Self.enter)
    try terminal.expect("# stopped recording to \(recording)")
    try terminal.expectPrompt()
    try terminal.type(Self.ctrlD)
    #expect(terminal.waitForExit() == 0)
    #expect(!terminal.text().contains("never sent\"\r\n<"))

    let recorded = try String(contentsOfFile: recording, encoding: .utf8)
    #expect(recorded.contains("agent alice queues=support\n< agent alice defined: queues support\n"))
    #expect(recorded.contains("alice> ready\n< alice is ready to work (Working Offline)\n"))
    #expect(recorded.contains("alice> say \"Bonjour, été 👍\"\n"))
    #expect(recorded.contains("clock +10s\nclock +10s\n"))
    #expect(recorded.contains("expect alice chats 1\n"))
    #expect(!recorded.contains("never sent"))

    let run = try ChildProcess.run(try BuiltProducts.clavard(), ["run", recording])
    #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
    #expect(run.stdout.contains("1 passed, 0 failed"))

    // The history kept every line, the earlier session's first, and not the abandoned one.
    let history = try String(contentsOfFile: folder + "/history", encoding: .utf8).split(separator: "\n").map(
      String.init)
    #expect(history.first == "queue support media=chat dispositions=resolved")
    #expect(history.contains("say \"Bonjour, été 👍\""))
    #expect(history.contains("expect alice chats 1"))
    #expect(!history.contains { $0.contains("never sent") })
  }

  @Test(
    "sqlite3 and psql habits: `help` and `.h` show the help; `exit`, `.q`, `\\q`, `.exit` and `quit` leave",
    arguments: [("help", "exit"), (".h", ".q"), ("help", "\\q"), (".h", ".exit"), ("help", "quit")])
  func leaves(help: String, word: String) throws {
    let temporary = try TemporaryFolder()
    let terminal = try PseudoTerminal(
      try BuiltProducts.clavard(), ["repl"], environment: environment(temporary.path))
    try terminal.expectPrompt()
    try terminal.type(help + Self.enter)
    try terminal.expect("REPL commands")
    try terminal.expectPrompt()
    try terminal.type(word + Self.enter)
    #expect(terminal.waitForExit() == 0)
  }

  @Test("Tab Tab never lists a file name raw: one that would retitle the terminal is left out")
  func hostileFileNameCompletion() throws {
    let temporary = try TemporaryFolder()
    let folder = temporary.path
    for name in ["a\u{1B}]2;PWNED\u{07}x.chat", "ab.chat", "ac.chat"] {
      #expect(FileManager.default.createFile(atPath: folder + "/" + name, contents: Data()))
    }
    let terminal = try PseudoTerminal(try BuiltProducts.clavard(), ["repl"], environment: environment(folder))
    try terminal.expectPrompt()
    let start = terminal.output.count
    try terminal.type(".read \(folder)/a" + Self.tab + Self.tab)
    try terminal.expect("ac.chat")
    try terminal.type(Self.ctrlC)
    try terminal.expect("^C")
    try terminal.expectPrompt()
    try terminal.type(".quit" + Self.enter)
    #expect(terminal.waitForExit() == 0)
    let shown = terminal.text(from: start)
    #expect(shown.contains("ab.chat"))
    #expect(!shown.contains("\u{1B}]"))
    #expect(!shown.contains("PWNED"))
  }

  @Test("Ctrl-C during a long .read stops the script at its next command; the session goes on")
  func interruptRead() throws {
    // 10,000 lines, each running 100 clock moves: a million commands, seconds of work even in a
    // release build, far more than the 0.3 s before Ctrl-C; and fewer lines than a parse reads
    // before it asks whether to stop, so the Ctrl-C finds the script running.
    let files = [
      "moves.chat": String(repeating: "clock +1ms\n", count: 100),
      "long.chat": String(repeating: "use moves.chat\n", count: 10_000),
    ]
    try readAndInterrupt("long.chat", among: files) { terminal in
      try terminal.expect("long.chat: interrupted at ", timeout: 60)
      try terminal.expect("; the session keeps what ran")
    }
  }

  @Test("Ctrl-C while a large .read file is parsed stops the parse; nothing of it runs, the session goes on")
  func interruptParse() throws {
    // A million '<' lines after `agent zed`: seconds to parse in the tests' debug build. Had any
    // of it run, `agent zed` would be refused afterwards.
    let files = [
      "huge.chat": "agent zed\n" + String(repeating: "< agent zed defined: no queues\n", count: 1_000_000)
    ]
    try readAndInterrupt("huge.chat", among: files) { terminal in
      try terminal.expect("interrupted (Ctrl-C) while reading this file; none of it was run", timeout: 60)
    }
  }

  /// `.read file`, Ctrl-C once the line is taken and 0.3 s have passed, `interrupted` to check
  /// what was said; then the prompt is usable at once (the Ctrl-C did not also cancel the next
  /// line) and `agent zed` is defined.
  private func readAndInterrupt(
    _ file: String, among files: [String: String], interrupted: (PseudoTerminal) throws -> Void
  ) throws {
    let temporary = try TemporaryFolder(files)
    let folder = temporary.path
    let terminal = try PseudoTerminal(try BuiltProducts.clavard(), ["repl"], environment: environment(folder))
    try terminal.expectPrompt()
    try terminal.type(".read \(folder)/\(file)" + Self.enter)
    // The line editor has taken the line (its newline is echoed); the pause only makes it likely
    // that the work is well under way, which lasts seconds either way.
    try terminal.expect(file + "\r\n")
    Thread.sleep(forTimeInterval: 0.3)
    try terminal.type(Self.ctrlC)
    try interrupted(terminal)
    try terminal.expectPrompt()
    try terminal.type("agent zed" + Self.enter)
    try terminal.expect("< agent zed defined: no queues")
    try terminal.type(".quit" + Self.enter)
    #expect(terminal.waitForExit() == 0)
  }

  @Test("a 100,000-character line and bytes that are not UTF-8 get a message; the session goes on")
  func hostileInput() throws {
    let temporary = try TemporaryFolder()
    let folder = temporary.path
    let terminal = try PseudoTerminal(try BuiltProducts.clavard(), ["repl"], environment: environment(folder))
    try terminal.expectPrompt()
    try terminal.type(String(repeating: "a", count: 100_000) + Self.enter, chunk: 4096, pause: 0.001)
    try terminal.expect(
      "error: this line has 100000 characters; the REPL reads lines of at most 10000", timeout: 60)
    try terminal.expectPrompt()
    terminal.send(bytes: Array("agent b".utf8) + [0xFF] + Array("ob".utf8) + [0xC3] + Array("x\r".utf8))
    try terminal.expect("error: this line had 2 bytes that are not UTF-8 (shown as \u{FFFD}); it was not run")
    try terminal.expectPrompt()
    // A control character typed (Ctrl-V Esc) is shown escaped, never raw.
    try terminal.type("\u{16}\u{1B}[2Jboom" + Self.enter)
    try terminal.expect("error: unknown command '\\u{1B}[2Jboom'")
    try terminal.type("agent bob" + Self.enter)
    try terminal.expect("< agent bob defined: no queues")
    try terminal.type(".quit" + Self.enter)
    #expect(terminal.waitForExit() == 0)
    // The long line and the broken one stayed out of the history.
    let history = try String(contentsOfFile: folder + "/history", encoding: .utf8)
    #expect(history.hasSuffix("agent bob\n.quit\n"))
    #expect(history.count < 200)
    // The line typed with Ctrl-V Esc is kept with its control character escaped, never raw.
    #expect(history.contains("\\u{1B}[2Jboom\n"))
    #expect(!history.unicodeScalars.contains("\u{1B}"))
  }

  @Test("colour on a terminal, none with NO_COLOR; `clavard` alone is the REPL on a terminal")
  func colour() throws {
    for colour in [true, false] {
      let temporary = try TemporaryFolder()
      let folder = temporary.path
      let arguments = colour ? ["repl"] : []
      let terminal = try PseudoTerminal(
        try BuiltProducts.clavard(), arguments, environment: environment(folder, colour: colour))
      try terminal.expectPrompt()
      try terminal.type("agent alice" + Self.enter)
      try terminal.expectPrompt()
      try terminal.type("alice> ready" + Self.enter)
      try terminal.expect("is not logged in")
      try terminal.expectPrompt()
      try terminal.type(Self.ctrlD)
      #expect(terminal.waitForExit() == 0)
      #expect(terminal.text().contains("\u{1B}[32m< agent alice defined: no queues\u{1B}[0m") == colour)
      #expect(terminal.text().contains("\u{1B}[31m! alice is not logged in\u{1B}[0m") == colour)
    }
  }

  @Test("two sessions at once share one history and lose none of its lines")
  func twoSessions() throws {
    let temporary = try TemporaryFolder()
    let folder = temporary.path
    let first = try PseudoTerminal(try BuiltProducts.clavard(), ["repl"], environment: environment(folder))
    let second = try PseudoTerminal(try BuiltProducts.clavard(), ["repl"], environment: environment(folder))
    try first.expectPrompt()
    try second.expectPrompt()
    for index in 1...5 {
      try first.type("clock +\(index)s" + Self.enter)
      try second.type("agent a\(index)" + Self.enter)
      try first.expectPrompt()
      try second.expectPrompt()
    }
    try first.type(Self.ctrlD)
    try second.type(Self.ctrlD)
    #expect(first.waitForExit() == 0)
    #expect(second.waitForExit() == 0)
    let history = try String(contentsOfFile: folder + "/history", encoding: .utf8).split(separator: "\n").map(
      String.init)
    #expect(history.filter { $0.hasPrefix("clock") } == (1...5).map { "clock +\($0)s" })
    #expect(history.filter { $0.hasPrefix("agent") } == (1...5).map { "agent a\($0)" })
  }

  @Test("a history that is a named pipe, a device or too large: one warning, and the REPL goes on without it")
  func unusableHistory() throws {
    let temporary = try TemporaryFolder(["big": String(repeating: "agent a\n", count: 600_000)])
    let folder = temporary.path
    #expect(mkfifo(folder + "/fifo", 0o600) == 0)
    let cases = [
      (folder + "/fifo", "not a regular file (a named pipe)"),
      ("/dev/zero", "not a regular file (a character device)"),
      (folder + "/big", "larger than 4 MiB, the most that is read"),
    ]
    for (history, reason) in cases {
      let terminal = try PseudoTerminal(
        try BuiltProducts.clavard(), ["repl"],
        environment: environment(folder).filter { !$0.hasPrefix("CLAVARD_HISTORY=") } + [
          "CLAVARD_HISTORY=\(history)"
        ])
      try terminal.expect(
        "clavard: cannot read the history \(history): \(reason); this session keeps no history")
      try terminal.expectPrompt()
      try terminal.type("agent alice" + Self.enter)
      try terminal.expect("< agent alice defined: no queues")
      try terminal.expectPrompt()
      try terminal.type(Self.ctrlD)
      #expect(terminal.waitForExit() == 0)
      #expect(terminal.text().components(separatedBy: "cannot").count == 2)
    }
    #expect(try temporary.read("big").count == 600_000 * 8)
  }

  @Test("a history that cannot be written: one warning at the first line, and the session goes on")
  func unwritableHistory() throws {
    let temporary = try TemporaryFolder()
    // Nothing can be created in /proc/self: the history reads as empty, then cannot be written.
    let history = "/proc/self/clavard-history"
    let terminal = try PseudoTerminal(
      try BuiltProducts.clavard(), ["repl"],
      environment: environment(temporary.path).filter { !$0.hasPrefix("CLAVARD_HISTORY=") }
        + ["CLAVARD_HISTORY=\(history)"])
    try terminal.expectPrompt()
    try terminal.type("agent alice" + Self.enter)
    try terminal.expect(
      "clavard: cannot write the history \(history): No such file or directory; lines typed from now on are not kept"
    )
    try terminal.expect("< agent alice defined: no queues")
    try terminal.expectPrompt()
    try terminal.type("agent bob" + Self.enter)
    try terminal.expect("< agent bob defined: no queues")
    try terminal.expectPrompt()
    try terminal.type(Self.ctrlD)
    #expect(terminal.waitForExit() == 0)
    #expect(terminal.text().components(separatedBy: "cannot write the history").count == 2)
  }
}
