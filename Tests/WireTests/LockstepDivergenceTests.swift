import Conformance
import ContactCenter
import Testing

@testable import Wire

/// Where a system under test differs from the reference, and how that is said: each case
/// mirrored one command at a time (`clavard run --sut`) and in a batch (`clavard explore`),
/// the reference behind the protocol with one of its replies rewritten.
@Suite struct LockstepDivergenceTests {
  /// Commands numbered from 0: 3 is refused (`already-logged-in`), 4 is answered `not-ready`,
  /// 5 has no answer (no agent bob).
  static let script = """
    queue support
    agent alice queues=support
    alice> login
    alice> login
    expect alice status not-ready
    expect bob status logged-out
    """

  /// The reference's replies to commands 2 to 5, as it writes them (the id aside).
  static let loggedIn = #""type":"events","events":[{"event":"logged-in","agent":"alice"}]}"#
  static let alreadyLoggedIn =
    #""type":"refused","refusal":"already-logged-in","message":"alice is already logged in"}"#
  static let notReady = #""type":"answer","answer":"not-ready"}"#
  static let noBob = #""type":"no-such-subject","message":"no agent named bob is defined"}"#

  /// The first divergence with one of the reference's replies rewritten, both ways; they must
  /// agree.
  static func divergence(
    _ script: String = script, replacing reply: String, with rewritten: String,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) throws -> Mirroring.Found? {
    let rewrite: @Sendable (String) -> String = { $0.replacing(reply, with: rewritten) }
    let oneAtATime = try Mirroring.oneAtATime(
      script, on: try Lockstep(transport: RewritingTransport(rewrite: rewrite)))
    let batched = try Mirroring.batched(
      script, on: try Lockstep(transport: RewritingTransport(rewrite: rewrite)))
    #expect(oneAtATime.first == batched, sourceLocation: sourceLocation)
    return batched
  }

  @Test("the reference itself agrees, both ways")
  func agrees() throws {
    #expect(try Self.divergence(replacing: "nothing", with: "") == nil)
  }

  @Test("a refusal of the same kind in other words agrees: the message is shown, never compared")
  func rewordedRefusal() throws {
    let found = try Self.divergence(
      replacing: #""message":"alice is already logged in""#, with: #""message":"Alice : déjà connectée""#)
    #expect(found == nil)
  }

  @Test("a refusal of another kind: both kinds, and both messages as the diff")
  func otherRefusal() throws {
    let found = try Self.divergence(
      replacing: Self.alreadyLoggedIn,
      with: #""type":"refused","refusal":"unknown-agent","message":"who is\u001balice?"}"#)
    #expect(
      found?.description == """
        3: both refused it, but clavard-reference for another reason (unknown-agent, the reference already-logged-in)
          - ! alice is already logged in
          + ! who is\\u{1B}alice?
        """)
  }

  @Test("a refusal on one side and events on the other: the refusal's kind, and both outcomes as the diff")
  func refusedOnOneSide() throws {
    #expect(
      try Self.divergence(replacing: Self.alreadyLoggedIn, with: Self.loggedIn)?.description == """
        3: the reference refused it (already-logged-in) but clavard-reference carried it out
          - ! alice is already logged in
          + alice logged in
        """)
    #expect(
      try Self.divergence(replacing: Self.loggedIn, with: Self.alreadyLoggedIn)?.description == """
        2: clavard-reference refused it (already-logged-in) but the reference carried it out
          - alice logged in
          + ! alice is already logged in
        """)
  }

  @Test("a reply that cannot be read: an answer of the wrong form, a reply of no known type")
  func unreadableReply() throws {
    let answer = try Self.divergence(replacing: Self.notReady, with: #""type":"answer","answer":7}"#)
    #expect(
      answer?.description
        == "4: clavard-reference answered something Clavard cannot read: the answer to agent-status must be a string, not 7"
    )
    let reply = try Self.divergence(replacing: Self.loggedIn, with: #""type":"dance"}"#)
    #expect(reply?.description == #"2: it wrote a reply Clavard cannot read: unknown reply type "dance""#)
  }

  @Test("an error for another request: both ids, the code and the text")
  func errorForAnotherRequest() throws {
    let found = try Self.divergence(
      replacing: #"{"in_reply_to":3,"# + Self.loggedIn,
      with: #"{"in_reply_to":null,"type":"error","code":"malformed-request","text":"line 4: not JSON"}"#)
    #expect(
      found?.description
        == "2: it answered request 3 with an error for request null: malformed-request: line 4: not JSON")
  }

  @Test("an answer of another value: both values, in the script's words")
  func otherAnswer() throws {
    let found = try Self.divergence(replacing: Self.notReady, with: #""type":"answer","answer":"on-break"}"#)
    #expect(
      found?.description == "4: clavard-reference answers alice status on-break; the reference not-ready")
  }

  @Test("an answer turned into no-such-subject: its message and the reference's answer")
  func answerBecameNoSuchSubject() throws {
    let found = try Self.divergence(
      replacing: Self.notReady, with: #""type":"no-such-subject","message":"who is alice?"}"#)
    #expect(
      found?.description
        == "4: clavard-reference knows no such subject (who is alice?); the reference answers not-ready")
  }

  @Test("no-such-subject turned into an answer: the reference's reason and the system's answer")
  func noSuchSubjectBecameAnswer() throws {
    let found = try Self.divergence(replacing: Self.noBob, with: #""type":"answer","answer":"logged-out"}"#)
    #expect(
      found?.description
        == #"5: the reference has no answer (no agent named bob is defined) but clavard-reference answered "logged-out""#
    )
  }

  @Test("an error reply to a command or a question: its code and text, escaped")
  func errorReply() throws {
    let error = #""type":"error","code":"internal-error","text":"boom\u001b[2J"}"#
    #expect(
      try Self.divergence(replacing: Self.loggedIn, with: error)?.description
        == #"2: clavard-reference answered an error: internal-error: boom\u{1B}[2J"#)
    #expect(
      try Self.divergence(replacing: Self.notReady, with: error)?.description
        == #"4: clavard-reference answered an error: internal-error: boom\u{1B}[2J"#)
  }

  @Test("an event Clavard cannot read: why, and the event as it came")
  func unreadableEvent() throws {
    let found = try Self.divergence(
      replacing: #"{"event":"logged-in","agent":"alice"}"#, with: #"{"event":"signed-in","agent":"alice"}"#)
    #expect(
      found?.description
        == #"2: clavard-reference sent an event Clavard cannot read: unknown event kind "signed-in": {"event":"signed-in","agent":"alice"}"#
    )
  }

  @Test("a reply of the wrong type: a command's, a question's")
  func wrongReplyType() throws {
    #expect(
      try Self.divergence(replacing: Self.loggedIn, with: Self.notReady)?.description
        == "2: clavard-reference answered a command with an answer reply")
    #expect(
      try Self.divergence(replacing: Self.alreadyLoggedIn, with: Self.noBob)?.description
        == "3: clavard-reference answered a command with a no-such-subject reply")
    #expect(
      try Self.divergence(replacing: Self.notReady, with: Self.loggedIn)?.description
        == "4: clavard-reference answered a question with an events reply")
    #expect(
      try Self.divergence(replacing: Self.notReady, with: Self.alreadyLoggedIn)?.description
        == "4: clavard-reference answered a question with a refused reply")
  }

  @Test("a handshake answered with another reply type: the type")
  func handshakeReplyType() throws {
    for (reply, type) in [(Self.loggedIn, "an events"), (Self.noBob, "a no-such-subject")] {
      do {
        _ = try Lockstep(transport: CannedTransport([#"{"in_reply_to":0,"# + reply]))
        Issue.record("the handshake passed with \(reply)")
      } catch {
        #expect(error.message == "the handshake failed: it answered hello with \(type) reply")
        #expect(error.diff == [])
      }
    }
  }

  @Test("after the system failed, every later command says so, both ways")
  func failedEarlier() throws {
    let rewrite: @Sendable (String) -> String = { $0.replacing(Self.loggedIn, with: "not json") }
    let garbage =
      #"it wrote a line that is not JSON (column 18: expected a key in quotes): "{\"in_reply_to\":3,not json""#
    let oneAtATime = try Mirroring.oneAtATime(
      Self.script, on: try Lockstep(transport: RewritingTransport(rewrite: rewrite)))
    #expect(
      oneAtATime.map(\.description) == [
        "2: " + garbage, "3: clavard-reference failed earlier in this script",
        "4: clavard-reference failed earlier in this script",
        "5: clavard-reference failed earlier in this script",
      ])
    let lockstep = try Lockstep(transport: RewritingTransport(rewrite: rewrite))
    #expect(try Mirroring.batched(Self.script, on: lockstep)?.description == "2: " + garbage)
    #expect(lockstep.isBroken)
    let next = try Mirroring.items(Self.script)[0]
    let found = lockstep.submit(next).map { Mirroring.Found($0.index, $0.divergence) }
    #expect(found?.description == "0: clavard-reference failed earlier in this script")
    #expect(!lockstep.reset())
  }
}
