import ClavardTestSupport
import Testing

/// `clavard serve`: the reference behind the protocol. Whatever a line holds, it answers with
/// one line naming it, and goes on.
@Suite struct ServeCommandTests {
  static func serve(_ lines: [String]) throws -> ChildProcess.Result {
    try TemporaryFolder().run("serve", input: .bytes(Array(lines.map { $0 + "\n" }.joined().utf8)))
  }

  static let hello = #"{"id":0,"type":"hello","protocol":1}"#

  @Test("a session: the handshake, a command, a refusal, a question, the clock, and the end of input")
  func session() throws {
    let output = try Self.serve([
      Self.hello, #"{"id":1,"type":"command","command":"agent","agent":"alice","queues":[]}"#,
      #"{"id":2,"type":"command","command":"logout","agent":"alice"}"#,
      #"{"id":3,"type":"query","question":"agent-status","agent":"alice"}"#,
      #"{"id":4,"type":"clock","now_ms":1500}"#,
      #"{"id":5,"type":"query","question":"clock"}"#,
    ])
    #expect(output.status == 0)
    let lines = output.stdout.split(separator: "\n").map(String.init)
    #expect(lines.count == 6)
    #expect(lines[0].hasPrefix(#"{"in_reply_to":0,"type":"hello","protocol":1,"name":"clavard-reference""#))
    #expect(
      lines[1]
        == #"{"in_reply_to":1,"type":"events","events":[{"event":"agent-defined","agent":"alice","queues":[],"max_chats":null}]}"#
    )
    #expect(
      lines[2]
        == #"{"in_reply_to":2,"type":"refused","refusal":"not-logged-in","message":"alice is not logged in"}"#
    )
    #expect(lines[3] == #"{"in_reply_to":3,"type":"answer","answer":"logged-out"}"#)
    #expect(lines[4] == #"{"in_reply_to":4,"type":"events","events":[]}"#)
    #expect(lines[5] == #"{"in_reply_to":5,"type":"answer","answer":1500}"#)
  }

  @Test("replies that cannot be written: said on standard error, exit 2, and the server stops")
  func outputFails() throws {
    let input = Array((Self.hello + "\n" + #"{"id":1,"type":"query","question":"clock"}"# + "\n").utf8)
    for (sink, reason) in [
      (ChildProcess.Sink.path("/dev/full"), "No space left on device"), (.closed, "it is closed"),
    ] {
      let output = try ChildProcess.run(
        try BuiltProducts.clavard(), ["serve"], input: .bytes(input), stdout: sink)
      #expect(output.status == 2)
      #expect(
        output.stderr
          == "clavard: cannot write to standard output: \(reason); replies were lost, and the server stopped\n"
      )
    }
  }

  @Test("lines that are not requests: an error reply naming the line, and the server goes on")
  func malformed() throws {
    let output = try Self.serve([
      #"{"id":7,"type":"command","command":"queue","queue":"a"}"#, Self.hello, "not json \u{1B}[2J", "",
      #"{"id":2,"type":"frobnicate"}"#, #"{"id":3,"type":"command","command":"bogus","agent":"x"}"#,
      #"{"type":"clock","now_ms":5}"#, String(repeating: "x", count: (1 << 20) + 10),
      #"{"id":4,"type":"command","command":"queue","queue":"a","media":"chat","dispositions":[]}"#,
    ])
    #expect(output.status == 0)
    let lines = output.stdout.split(separator: "\n").map(String.init)
    #expect(lines.count == 8)
    #expect(
      lines[0]
        == #"{"in_reply_to":7,"type":"error","code":"malformed-request","text":"line 1: the first request must be hello (the handshake)"}"#
    )
    #expect(
      lines[2]
        == #"{"in_reply_to":null,"type":"error","code":"malformed-request","text":"line 3: not JSON: column 1: expected a value"}"#
    )
    #expect(
      lines[3]
        == #"{"in_reply_to":2,"type":"error","code":"not-supported","text":"line 5: unknown request type \"frobnicate\""}"#
    )
    #expect(
      lines[4]
        == #"{"in_reply_to":3,"type":"error","code":"not-supported","text":"line 6: unknown command \"bogus\""}"#
    )
    #expect(
      lines[5]
        == #"{"in_reply_to":null,"type":"error","code":"malformed-request","text":"line 7: a request: \"id\" must be a whole number"}"#
    )
    #expect(
      lines[6]
        == #"{"in_reply_to":null,"type":"error","code":"malformed-request","text":"line 8: the line is longer than 1048576 bytes"}"#
    )
    #expect(lines[7].hasPrefix(#"{"in_reply_to":4,"type":"events","events":[{"event":"queue-defined""#))
  }

  @Test("text echoed in a reply is escaped where it could drive a terminal: C1 controls, bidi overrides")
  func terminalControls() throws {
    // The request holds them as JSON escapes; a person typing at `clavard serve` sees the reply.
    let output = try Self.serve([
      Self.hello, #"{"id":1,"type":"query","question":"agent-status","agent":"a\u009b2J\u202eb\u001b"}"#,
    ])
    let lines = output.stdout.split(separator: "\n").map(String.init)
    #expect(
      lines.last
        == #"{"in_reply_to":1,"type":"no-such-subject","message":"no agent named a\u009b2J\u202eb\u001b is defined"}"#
    )
    #expect(!output.stdout.unicodeScalars.contains { [0x1B, 0x9B, 0x202E].contains($0.value) })
  }
}
