import ClavardTestSupport
import Testing

/// Standard input as a script (`clavard run -`, `clavard` alone off a terminal) and as typed
/// lines (`clavard repl` on a pipe).
@Suite struct StandardInputTests {
  @Test("`clavard run -` and `clavard` alone run standard input strictly: 0 passed, 1 failed, 2 broken")
  func strictScript() throws {
    let folder = try TemporaryFolder()
    let passing = try folder.run(
      "run", "-", input: .bytes(Array("agent alice\n< agent alice defined: no queues\n".utf8)))
    #expect(passing.status == 0)
    #expect(passing.stdout == "ok   <stdin>\n1 passed, 0 failed\n")
    let alone = try ChildProcess.run(
      try BuiltProducts.clavard(), [], input: .bytes(Array("agent alice\n".utf8)))
    #expect(alone.status == 1)
    #expect(alone.stdout.contains("<stdin>:1:1: the events of `agent alice` differ"))
    let broken = try folder.run("run", "-", input: .bytes(Array("agent alice queus=x\n".utf8)))
    #expect(broken.status == 2)
    #expect(broken.stdout.hasPrefix("FAIL <stdin>\n<stdin>:1:13: unknown key 'queus'"))
    let invalid = try folder.run("run", "--tap", "-", input: .bytes([0x61, 0x0A, 0xFF, 0x0A]))
    #expect(invalid.status == 2)
    #expect(invalid.stdout.hasPrefix("TAP version 13\n1..1\nnot ok 1 - <stdin>\n"))
    #expect(invalid.stderr == "<stdin>:2:1: this file is not valid UTF-8 (byte 0xFF); save it as UTF-8\n")
    let closed = try ChildProcess.run(try BuiltProducts.clavard(), ["run", "-"], input: .closed)
    #expect(closed.status == 2)
    #expect(closed.stdout.hasPrefix("FAIL <stdin>\n<stdin>: cannot read standard input: it is closed\n"))
  }

  @Test("a long script on standard input runs in pieces with its line numbers and steps intact")
  func longScript() throws {
    var lines = [
      "queue support media=chat", "< queue support defined: chat, no dispositions", "step S-1 \"many\"",
    ]
    for index in 1...5000 {
      lines += ["agent a\(index)", "< agent a\(index) defined: no queues"]
    }
    lines += ["step S-2 \"last\"", "agent a1"]
    let output = try TemporaryFolder().run(
      "run", "-", input: .bytes(Array((lines.joined(separator: "\n") + "\n").utf8)))
    #expect(output.status == 1)
    #expect(
      output.stdout == """
        FAIL <stdin>
        <stdin>:10005:1: in step S-2 "last": `agent a1` was refused: agent a1 is already defined
          + ! agent a1 is already defined
        Failed scripts (1):
          <stdin>
        0 passed, 1 failed

        """)
  }

  @Test("usage: - alone, and never with --update")
  func usage() throws {
    let folder = try TemporaryFolder(["pass.chat": SampleScripts.pass])
    let mixed = try folder.run("run", "-", "pass.chat")
    #expect(mixed.status == 2)
    #expect(
      mixed.stderr.hasPrefix("Error: - (a script on standard input) is run alone, without other paths\n"))
    let update = try folder.run("run", "--update", "-")
    #expect(update.status == 2)
    #expect(update.stderr.hasPrefix("Error: --update rewrites files; it cannot rewrite standard input (-)\n"))
  }

  @Test("`clavard repl` on a pipe prints what each line did and checks only the < and ! lines written")
  func pipedRepl() throws {
    let input = """
      agent alice
      agent bob
      < agent bob defined: no queues
      alice> login
      alice> login
      ! alice is already logged in
      agent carol
      < agent carol defined
      expect alice status available
      bogus
      < orphan

      """
    let output = try TemporaryFolder().run("repl", input: .bytes(Array(input.utf8)))
    #expect(output.status == 1)
    #expect(
      output.stdout == """
        < agent alice defined: no queues
        < agent bob defined: no queues
        < alice logged in
        ! alice is already logged in
        < agent carol defined: no queues
        error: <stdin>:7: the events of `agent carol` differ
          - agent carol defined
          + agent carol defined: no queues
        # not as expected: expected alice status available, but it is not-ready
        error: unknown command 'bogus'; an actor's command is written 'name> command'
          bogus
          ^
        error: <stdin>:11: a '<' line must follow the command it describes; it was not checked

        """)
    let clean = try TemporaryFolder().run(
      "repl", input: .bytes(Array("agent alice\n< agent alice defined: no queues\nalice> login\n".utf8)))
    #expect(clean.status == 0)
    #expect(clean.stdout == "< agent alice defined: no queues\n< alice logged in\n")
    #expect(clean.stderr == "")
  }

  @Test("`clavard repl` on a pipe: a line that is not UTF-8 or longer than 1 MiB is said and skipped")
  func pipedReplUnreadableLines() throws {
    let input =
      Array("agent alice\n".utf8) + [0x61, 0xFF, 0x0A]
      + Array(String(repeating: "b", count: (1 << 20) + 1).utf8)
      + Array("\nagent bob\n".utf8)
    let output = try TemporaryFolder().run("repl", input: .bytes(input))
    #expect(output.status == 1)
    #expect(
      output.stdout == """
        < agent alice defined: no queues
        error: <stdin>:2: this line is not valid UTF-8; it was not run
        error: <stdin>:3: this line is longer than 1 MiB; it was not run
        < agent bob defined: no queues

        """)
  }
}
