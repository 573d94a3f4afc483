import Testing

@testable import ContactCenter

@Suite struct SmokeTests {
  @Test func theWholeProcedureForANewCustomer() {
    var harness = Harness()
    harness.run(.set(.automaticChatLog(true)))
    harness.defineSupport(agents: ["alice"])
    harness.makeAvailable("alice")
    #expect(
      harness.open("marie") == [
        "chat-1 queued in support for marie",
        "chat-1 offered to alice (accept within 30s)",
        "chat-1 screen pop for alice: new customer form",
      ])
    #expect(harness.agent("alice", .accept(nil)) == ["chat-1 accepted by alice"])
    #expect(harness.agent("alice", .say(nil, "Bonjour")) == [#"chat-1 alice says "Bonjour""#])
    harness.advance(seconds: 10)
    #expect(harness.agent("alice", .end(nil)) == ["chat-1 ended by alice; wrap-up started"])
    harness.advance(seconds: 45)
    #expect(harness.agent("alice", .showWrapUpTimer(nil)) == ["chat-1 wrap-up timer 00:00:45"])
    harness.agent("alice", .selectDisposition(nil, "resolved"))
    harness.agent("alice", .continueDisposition(nil))
    #expect(
      harness.agent("alice", .finish(nil)) == [
        "chat-1 finished by alice after 45s of wrap-up",
        "chat-1 log opened for alice in edit mode",
      ])
    #expect(
      harness.refusal(.agent("alice", .saveLog(nil)))
        == "the log of chat-1 cannot be saved until a customer is selected from the list")
  }
}
