import Conformance
import Testing

@testable import REPL

@Suite("The transcript's limit: a session of any length in bounded memory")
struct TranscriptLimitTests {
  static let past =
    "the session is past 4 lines or 1000 bytes of script, more than the REPL keeps"

  @Test("past its limit the transcript is dropped and that is said once; .reset starts again")
  func saidOnce() throws {
    let harness = Harness(transcriptLimit: TranscriptLimit(lines: 4, bytes: 1000))
    harness.type("agent alice", "clock +1s")
    #expect(harness.type("clock +1s") == "")
    #expect(harness.repl.transcriptIsComplete)
    #expect(harness.repl.transcript.count == 4)
    #expect(
      harness.type("clock +1s")
        == "# \(Self.past); .save, .timeline and .record are refused from now on (a recording under way goes on); "
        + ".reset starts again\n")
    #expect(!harness.repl.transcriptIsComplete)
    #expect(harness.repl.transcript.isEmpty)
    #expect(harness.type("clock +1s", "agent bob") == "< agent bob defined: no queues\n")
    #expect(harness.repl.transcript.isEmpty)
    #expect(harness.type(".reset") == "# a new, empty contact center; the clock is at 00:00:00\n")
    #expect(harness.repl.transcriptIsComplete)
    harness.type("agent alice")
    #expect(harness.type(".save s.chat") == "# saved 2 lines to s.chat\n")
  }

  @Test(".save, .timeline and a new .record are refused past the limit, and write nothing")
  func refusals() {
    let harness = Harness(transcriptLimit: TranscriptLimit(lines: 4, bytes: 1000))
    harness.type("agent alice", "agent bob", "agent carol")
    for command in [".save", ".timeline", ".record"] {
      #expect(
        harness.type("\(command) out") == "error: \(Self.past), so \(command) cannot write all of it; "
          + "`.reset` then `.record FILE` records a session of any length\n")
    }
    #expect(harness.files["out"] == nil)
    #expect(harness.type(".record stop") == "error: nothing is being recorded\n")
  }

  @Test("a recording under way goes on past the limit, and its file passes")
  func recordingGoesOn() throws {
    let harness = Harness(transcriptLimit: TranscriptLimit(lines: 4, bytes: 1000))
    harness.type(".record r.chat", "agent alice", "agent bob")
    #expect(
      harness.type("agent carol").hasSuffix(
        "# \(Self.past); .save, .timeline and .record are refused from now on (a recording under way goes on); .reset starts again\n"
      ))
    harness.type("alice> login", ".record stop")
    let recorded = try #require(harness.files["r.chat"])
    #expect(
      recorded.hasSuffix("agent carol\n< agent carol defined: no queues\nalice> login\n< alice logged in\n"))
    #expect(runFailure(recorded) == nil)
  }

  @Test("the limit counts bytes as well as lines; the lines of one command are kept whole or not at all")
  func bytes() {
    let harness = Harness(transcriptLimit: TranscriptLimit(lines: 100, bytes: 40))
    harness.type("clock +1s")
    // `agent alice` and its event line make 45 bytes: with the 10 already kept, past 40.
    #expect(
      harness.type("agent alice")
        == "< agent alice defined: no queues\n# the session is past 100 lines or 40 bytes of script, more than the "
        + "REPL keeps; .save, .timeline and .record are refused from now on (a recording under way goes on); "
        + ".reset starts again\n")
    #expect(harness.repl.transcript.isEmpty)
  }

  @Test("the standard limit: 1,000,000 lines or 60 MiB, below the 64 MiB `clavard run` reads")
  func standard() {
    #expect(TranscriptLimit.standard == TranscriptLimit(lines: 1_000_000, bytes: 60 << 20))
    #expect(
      TranscriptLimit.standard.pastIt
        == "the session is past 1000000 lines or 60 MiB of script, more than the REPL keeps")
  }
}
