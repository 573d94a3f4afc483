import Conformance
import ContactCenter
import Synchronization
import Testing

@testable import REPL

@Suite("Recording: .record and .save write scripts that pass")
struct RecordingTests {
  @Test("a command and its outcome as script lines")
  func scriptLines() {
    #expect(
      ScriptText.lines(command: "alice> login", outcome: .events(["alice logged in"])) == [
        "alice> login", "< alice logged in",
      ])
    #expect(ScriptText.lines(command: "clock +5s", outcome: .events([])) == ["clock +5s"])
    #expect(
      ScriptText.lines(command: "alice> ready", outcome: .refused("alice is not logged in")) == [
        "alice> ready", "! alice is not logged in",
      ])
    #expect(
      ScriptText.lines(
        command: "expect alice chats 2", outcome: .failed("expected alice chats 2, but it is 0")) == [
          "# not carried out: expect alice chats 2", "#   expected alice chats 2, but it is 0",
        ])
    #expect(ScriptText.lines(command: "x", outcome: .events(["a\nb"])) == ["x", "< a\\nb"])
    #expect(ScriptText.lines(command: "x", outcome: .events([""])) == ["x", "<"])
  }

  @Test(".record writes the session so far, then each command as it runs; the file passes")
  func recordPasses() throws {
    let harness = Harness()
    harness.type("queue support media=chat dispositions=resolved", "agent alice queues=support", "clock +10s")
    #expect(
      harness.type(".record bug.chat")
        == "# recording to bug.chat (after the 5 lines of the session so far); each command is written as it runs\n"
    )
    let afterStart = try #require(harness.files["bug.chat"])
    #expect(
      afterStart.hasSuffix("agent alice queues=support\n< agent alice defined: queues support\nclock +10s\n"))
    harness.type("as alice", "login", "ready", "queues enable support", "queues confirm", "status available")
    // Each command is in the file as soon as it ran.
    #expect(
      harness.files["bug.chat"]?.hasSuffix("alice> status available\n< alice is now Available\n") == true)
    harness.type(
      "marie> open support name=\"Marie \\u{1B}[2J\" email=marie@example.com ip=203.0.113.7",
      "accept", "alice> reject", "expect alice chats 5", "say \"Bonjour\"", "# she said it twice",
      "clock +1m",
      "alice> open support name=x email=x@example.com ip=192.0.2.1", "end", "disposition resolved",
      "continue", "finish")
    #expect(harness.type(".record stop") == "# stopped recording to bug.chat\n")
    harness.type("alice> logout")
    let recorded = try #require(harness.files["bug.chat"])
    #expect(runFailure(recorded) == nil)
    #expect(recorded.contains("alice> accept\n< chat-1 accepted by alice\n"))
    #expect(recorded.contains("alice> reject\n! alice has no pending offer\n"))
    #expect(
      recorded.contains("# not carried out: expect alice chats 5\n#   expected alice chats 5, but it is 1\n"))
    #expect(recorded.contains("# not carried out: alice> open support"))
    #expect(recorded.contains("# she said it twice\n"))
    #expect(recorded.contains("name=\"Marie \\u{1B}[2J\""))
    #expect(!recorded.contains("\u{1B}"))
    #expect(!recorded.contains("logout"))
    // .save has everything, the logout too, and passes as well.
    harness.type(".save all.chat")
    let saved = try #require(harness.files["all.chat"])
    #expect(runFailure(saved) == nil)
    #expect(saved.hasSuffix("alice> logout\n< alice logged out\n"))
  }

  @Test("a recording never replaces a file; one recording at a time")
  func recordRefuses() {
    let harness = Harness(files: ["old.chat": "keep me\n"])
    #expect(harness.type(".record old.chat") == "error: cannot record to old.chat: it already exists\n")
    #expect(harness.files["old.chat"] == "keep me\n")
    harness.type(".record new.chat")
    #expect(
      harness.type(".record other.chat") == "error: already recording to new.chat; `.record stop` first\n")
    #expect(
      harness.type(".reset")
        == "error: a script cannot start again from nothing: `.record stop` first, then `.reset`\n")
    harness.type(".record stop")
    #expect(harness.type(".record stop") == "error: nothing is being recorded\n")
    #expect(harness.type(".record") == "error: usage: .record FILE  or  .record stop\n")
  }

  @Test("a recording that cannot be written stops, and says so")
  func recordWriteFails() {
    let harness = Harness()
    harness.type(".record r.chat")
    harness.files.failWrites(to: "r.chat")
    #expect(
      harness.type("agent alice")
        == "< agent alice defined: no queues\nerror: cannot write to r.chat: disk full; the recording stopped\n"
    )
    #expect(!harness.repl.isRecording)
  }

  @Test("a recording whose first write fails leaves no file behind")
  func recordFirstWriteFails() {
    let harness = Harness()
    harness.type("agent alice")
    harness.files.failWrites(to: "r.chat")
    #expect(harness.type(".record r.chat") == "error: cannot record to r.chat: disk full\n")
    #expect(!harness.repl.isRecording)
    #expect(harness.files["r.chat"] == nil)
  }

  @Test(".read while recording: the file's commands are written out with their actual outcomes")
  func readWhileRecording() throws {
    let harness = Harness(files: [
      "setup.chat":
        "queue support\n< queue support defined: chat, no dispositions\nagent alice queues=support\n< agent alice defined: queues support\nalice> login\n< alice logged in\nalice> ready\n< alice is sleepy\n"
    ])
    harness.type(".record r.chat", ".read setup.chat", "alice> status available")
    let recorded = try #require(harness.files["r.chat"])
    #expect(recorded.contains("# .read setup.chat\nqueue support\n"))
    // The failing command is recorded with what really happened.
    #expect(recorded.contains("alice> ready\n< alice is ready to work (Working Offline)\n"))
    #expect(runFailure(recorded) == nil)
  }

  @Test(".read stops at its next command after Ctrl-C; the session and the recording keep what ran")
  func readInterrupted() throws {
    // Ctrl-C arrives while the second command runs: the third is not carried out.
    let asked = Mutex(0)
    let harness = Harness(
      files: [
        "three.chat":
          "agent alice\n< agent alice defined: no queues\nagent bob\n< agent bob defined: no queues\nagent carol\n"
      ],
      isInterrupted: {
        asked.withLock {
          $0 += 1
          return $0 > 2
        }
      })
    harness.type(".record r.chat")
    #expect(
      harness.type(".read three.chat")
        == "# three.chat: interrupted at three.chat:5:1 after 2 commands; the session keeps what ran\n")
    #expect(
      harness.repl.session.center.agent("bob") != nil && harness.repl.session.center.agent("carol") == nil)
    let recorded = try #require(harness.files["r.chat"])
    #expect(
      recorded.hasSuffix(
        "# .read three.chat\nagent alice\n< agent alice defined: no queues\nagent bob\n< agent bob defined: no queues\n"
      ))
  }

  @Test("comments are free text: written with control characters escaped")
  func commentsEscaped() {
    let harness = Harness()
    harness.type("# the customer pasted \u{1B}[2J here", "agent alice", "expect \u{1B} chats 1")
    harness.type(".save s.chat")
    let saved = harness.files["s.chat"] ?? ""
    #expect(saved.contains("# the customer pasted \\u{1B}[2J here\n"))
    #expect(saved.contains("# not carried out: expect \\u{1B} chats 1\n"))
    #expect(!saved.contains("\u{1B}"))
    #expect(runFailure(saved) == nil)
  }

  @Test(".save writes the whole session; an existing file is replaced only with --replace")
  func save() throws {
    let harness = Harness()
    harness.type("agent alice")
    #expect(harness.type(".save s.chat") == "# saved 2 lines to s.chat\n")
    harness.type("alice> login")
    #expect(
      harness.type(".save s.chat") == "error: s.chat already exists; `.save s.chat --replace` replaces it\n")
    #expect(harness.files["s.chat"]?.hasSuffix("< agent alice defined: no queues\n") == true)
    #expect(harness.type(".save s.chat --replace") == "# saved 4 lines to s.chat\n")
    let saved = try #require(harness.files["s.chat"])
    #expect(
      saved == ScriptText.header().joined(separator: "\n")
        + "\nagent alice\n< agent alice defined: no queues\nalice> login\n< alice logged in\n")
    #expect(harness.type(".save --replace") == "error: usage: .save FILE  or  .save FILE --replace\n")
    harness.files.failWrites(to: "full.chat")
    #expect(harness.type(".save full.chat") == "error: cannot write full.chat: disk full\n")
  }

  @Test(".save onto the file being recorded is refused: the recording would lose it")
  func saveOverRecording() throws {
    let harness = Harness()
    harness.type(".record r.chat", "agent alice")
    #expect(
      harness.type(".save r.chat --replace")
        == "error: r.chat is the file being recorded; `.record stop` first, or save to another file\n")
    harness.type("agent bob", ".record stop")
    let recorded = try #require(harness.files["r.chat"])
    #expect(
      recorded.hasSuffix(
        "agent alice\n< agent alice defined: no queues\nagent bob\n< agent bob defined: no queues\n"))
    #expect(runFailure(recorded) == nil)
  }

  @Test("a command typed with a control character (Ctrl-V Esc) is recorded with it escaped")
  func controlCharactersInCommands() throws {
    let harness = Harness()
    harness.type(".record r.chat", "agent alice", "alice> login", "faq hours \"Open\u{1B}[2J 8-17\"")
    harness.type("step X-1 \"tab\u{1B}le\"", ".record stop")
    let recorded = try #require(harness.files["r.chat"])
    #expect(!recorded.unicodeScalars.contains("\u{1B}"))
    #expect(recorded.contains("faq hours \"Open\\u{1B}[2J 8-17\"\n"))
    #expect(recorded.contains("step X-1 \"tab\\u{1B}le\"\n"))
    #expect(runFailure(recorded) == nil)
  }
}
