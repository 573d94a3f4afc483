import Testing

@testable import ContactCenter

/// END-1..3: ending a chat, the wrap-up timer, dispositions and Finish.
@Suite struct WrapUpTests {
  /// alice available in support and sales, with marie's chat-1 in `queue` accepted.
  static func acceptedChat(in queue: QueueID = "support", settings: Settings = Settings()) -> Harness {
    var harness = Harness.wrapUpDesk(settings: settings)
    harness.bringDeskAgentOnline("alice")
    harness.openDeskChat("marie", in: queue)
    harness.agent("alice", .accept(nil))
    return harness
  }

  /// As ``acceptedChat(in:settings:)``, ended by alice at 00:00:10.
  static func endedChat(in queue: QueueID = "support", policy: DispositionPolicy = .optional) -> Harness {
    var settings = Settings()
    settings.disposition = policy
    var harness = acceptedChat(in: queue, settings: settings)
    harness.advance(seconds: 10)
    harness.agent("alice", .end(nil))
    return harness
  }

  // MARK: END-1

  @Test("END-1: ending starts wrap-up and the timer shows the time since the end as the clock advances")
  func endStartsWrapUpTimer() throws {
    var harness = Self.acceptedChat()
    harness.agent("alice", .say(nil, "Bonjour"))
    harness.agent("alice", .typing(nil, true))
    harness.customer("marie", .typing(true))
    harness.advance(seconds: 10)
    #expect(harness.center.wrapUpElapsed(ChatID(1)) == nil)
    #expect(harness.agent("alice", .end(nil)) == ["chat-1 ended by alice; wrap-up started"])
    #expect(harness.center.chat(ChatID(1))?.agentTyping == false)
    #expect(harness.center.chat(ChatID(1))?.customerTyping == false)
    #expect(harness.center.openChat(of: "marie") == nil)
    #expect(
      harness.center.chat(ChatID(1))?.state
        == .wrapUp(agent: "alice", endedAt: .at(seconds: 10), endedBy: .agent("alice")))
    #expect(harness.center.wrapUpElapsed(ChatID(1)) == .zero)
    #expect(harness.agent("alice", .showWrapUpTimer(nil)) == ["chat-1 wrap-up timer 00:00:00"])
    harness.advance(seconds: 45)
    #expect(harness.center.wrapUpElapsed(ChatID(1)) == .seconds(45))
    #expect(harness.agent("alice", .showWrapUpTimer(ChatID(1))) == ["chat-1 wrap-up timer 00:00:45"])
    _ = try harness.center.advance(by: Interval(milliseconds: 1500))
    #expect(harness.center.wrapUpElapsed(ChatID(1)) == Interval(milliseconds: 46_500))
    #expect(harness.agent("alice", .showWrapUpTimer(nil)) == ["chat-1 wrap-up timer 00:00:46.500"])
    harness.moveClock(to: .at(seconds: 10 + 3725))
    #expect(harness.agent("alice", .showWrapUpTimer(nil)) == ["chat-1 wrap-up timer 01:02:05"])
    // Still wrapping up: the chat keeps counting toward alice's chats until Finish.
    #expect(harness.heldChatCount("alice") == 1)
    #expect(harness.agent("alice", .finish(nil)) == ["chat-1 finished by alice after 1h2m5s of wrap-up"])
    #expect(harness.center.wrapUpElapsed(ChatID(1)) == nil)
  }

  @Test("END-1: a customer who leaves ends the chat; the agent still wraps it up")
  func customerLeavingStartsWrapUp() {
    var harness = Self.acceptedChat()
    harness.advance(seconds: 5)
    #expect(harness.customer("marie", .leave) == ["chat-1 ended: marie left; wrap-up started"])
    harness.advance(seconds: 7)
    #expect(harness.agent("alice", .showWrapUpTimer(nil)) == ["chat-1 wrap-up timer 00:00:07"])
    #expect(harness.agent("alice", .finish(nil)) == ["chat-1 finished by alice after 7s of wrap-up"])
  }

  @Test("END-1: messages, typing and FAQ inserts after the end are refused")
  func messagesAfterEndAreRefused() {
    var harness = Self.endedChat()
    harness.run(.defineFAQ("hours", answer: "Open 9 to 5"))
    #expect(harness.refusal(.agent("alice", .say(nil, "Still there?"))) == "chat-1 has already ended")
    #expect(harness.refusal(.agent("alice", .say(ChatID(1), "Still there?"))) == "chat-1 has already ended")
    #expect(harness.refusal(.agent("alice", .typing(nil, true))) == "chat-1 has already ended")
    #expect(harness.refusal(.agent("alice", .insertFAQ(nil, "hours"))) == "chat-1 has already ended")
    #expect(harness.refusal(.agent("alice", .sendDraft(nil))) == "chat-1 has already ended")
    #expect(harness.refusal(.agent("alice", .end(nil))) == "chat-1 has already ended")
    #expect(harness.refusal(.customer("marie", .say("Hello?"))) == "marie has no open chat")
    #expect(harness.refusal(.customer("marie", .typing(true))) == "marie has no open chat")
    #expect(harness.center.chat(ChatID(1))?.messages.isEmpty == true)
  }

  @Test("END-1: wrap-up commands are refused before the end, for other agents, and without chats")
  func wrapUpNeedsAnEndedChatOfTheAgent() {
    var harness = Harness.wrapUpDesk(agents: ["alice", "bob"])
    harness.agent("bob", .login)
    #expect(harness.refusal(.agent("bob", .showWrapUpTimer(nil))) == "bob has no chat")
    #expect(harness.refusal(.agent("bob", .end(nil))) == "bob has no chat")
    #expect(harness.refusal(.agent("alice", .end(nil))) == "alice is not logged in")
    harness.bringDeskAgentOnline("alice")
    harness.openDeskChat("marie", in: "support")
    // Offered, not accepted yet.
    #expect(
      harness.refusal(.agent("alice", .end(ChatID(1)))) == "chat-1 has not been accepted by an agent yet")
    harness.agent("alice", .accept(nil))
    #expect(
      harness.refusal(.agent("alice", .showWrapUpTimer(nil))) == "chat-1 is not in wrap-up; end it first")
    #expect(harness.refusal(.agent("alice", .finish(nil))) == "chat-1 is not in wrap-up; end it first")
    #expect(
      harness.refusal(.agent("alice", .selectDisposition(nil, "resolved")))
        == "chat-1 is not in wrap-up; end it first")
    #expect(
      harness.refusal(.agent("alice", .continueDisposition(nil))) == "chat-1 is not in wrap-up; end it first")
    #expect(harness.refusal(.agent("bob", .end(ChatID(1)))) == "bob does not hold chat-1")
    #expect(harness.refusal(.agent("alice", .end(ChatID(9)))) == "chat-9 does not exist")
  }

  @Test("END-1: with several chats the wrap-up commands need a chat id")
  func severalChatsInWrapUpNeedAnId() {
    var harness = Harness.wrapUpDesk()
    harness.bringDeskAgentOnline("alice")
    harness.openDeskChat("marie", in: "support")
    harness.agent("alice", .accept(nil))
    harness.openDeskChat("paul", in: "sales")
    harness.agent("alice", .accept(nil))
    #expect(
      harness.refusal(.agent("alice", .end(nil))) == "alice holds several chats (chat-1, chat-2): name one")
    harness.agent("alice", .end(ChatID(1)))
    // Only chat-1 is in wrap-up: it is the one meant.
    #expect(harness.agent("alice", .showWrapUpTimer(nil)) == ["chat-1 wrap-up timer 00:00:00"])
    harness.advance(seconds: 3)
    #expect(harness.agent("alice", .end(nil)) == ["chat-2 ended by alice; wrap-up started"])
    harness.advance(seconds: 2)
    #expect(
      harness.refusal(.agent("alice", .showWrapUpTimer(nil)))
        == "alice holds several chats (chat-1, chat-2): name one")
    #expect(
      harness.refusal(.agent("alice", .finish(nil))) == "alice holds several chats (chat-1, chat-2): name one"
    )
    #expect(harness.agent("alice", .showWrapUpTimer(ChatID(1))) == ["chat-1 wrap-up timer 00:00:05"])
    #expect(harness.agent("alice", .showWrapUpTimer(ChatID(2))) == ["chat-2 wrap-up timer 00:00:02"])
  }

  // MARK: END-2

  @Test(
    "END-2: choose a disposition from the queue's list, Continue, then Finish",
    arguments: [DispositionPolicy.optional, .required])
  func dispositionChosenAndConfirmed(policy: DispositionPolicy) {
    var harness = Self.endedChat(policy: policy)
    #expect(
      harness.refusal(.agent("alice", .selectDisposition(nil, "refunded")))
        == "refunded is not a disposition of support; choose one of resolved, callback")
    #expect(
      harness.refusal(.agent("alice", .continueDisposition(nil)))
        == "no disposition is selected for chat-1; choose one first")
    #expect(
      harness.agent("alice", .selectDisposition(nil, "callback")) == ["chat-1 disposition callback selected"])
    #expect(
      harness.refusal(.agent("alice", .finish(nil)))
        == "the disposition callback of chat-1 is selected but not confirmed; click Continue first")
    #expect(harness.agent("alice", .continueDisposition(nil)) == ["chat-1 disposition callback confirmed"])
    // A second Continue has nothing left to confirm.
    #expect(harness.agent("alice", .continueDisposition(nil)) == [])
    // Choosing again needs a new Continue.
    #expect(
      harness.agent("alice", .selectDisposition(ChatID(1), "resolved")) == [
        "chat-1 disposition resolved selected"
      ])
    #expect(
      harness.refusal(.agent("alice", .finish(nil)))
        == "the disposition resolved of chat-1 is selected but not confirmed; click Continue first")
    #expect(
      harness.agent("alice", .continueDisposition(ChatID(1))) == ["chat-1 disposition resolved confirmed"])
    #expect(harness.center.chat(ChatID(1))?.disposition == "resolved")
    #expect(harness.center.chat(ChatID(1))?.dispositionConfirmed == true)
    #expect(harness.agent("alice", .finish(nil)) == ["chat-1 finished by alice after 0s of wrap-up"])
  }

  @Test("END-2: Finish is refused while a required disposition is missing")
  func requiredDispositionBlocksFinish() {
    var harness = Self.endedChat(policy: .required)
    #expect(
      harness.refusal(.agent("alice", .finish(nil)))
        == "chat-1 needs a disposition before Finish: choose one of resolved, callback, then Continue")
    #expect(
      harness.refusal(.agent("alice", .finish(ChatID(1))))
        == "chat-1 needs a disposition before Finish: choose one of resolved, callback, then Continue")
    #expect(harness.heldChatCount("alice") == 1)
  }

  @Test("END-2: an optional disposition may be skipped")
  func optionalDispositionMayBeSkipped() {
    var harness = Self.endedChat(policy: .optional)
    harness.advance(seconds: 4)
    #expect(harness.agent("alice", .finish(nil)) == ["chat-1 finished by alice after 4s of wrap-up"])
    #expect(harness.center.chat(ChatID(1))?.disposition == nil)
  }

  @Test(
    "END-2: a queue without disposition codes needs none, even when required",
    arguments: [DispositionPolicy.optional, .required])
  func queueWithoutCodesNeedsNone(policy: DispositionPolicy) {
    var harness = Self.endedChat(in: "sales", policy: policy)
    #expect(
      harness.refusal(.agent("alice", .selectDisposition(nil, "resolved")))
        == "queue sales has no disposition codes")
    #expect(
      harness.refusal(.agent("alice", .continueDisposition(nil))) == "queue sales has no disposition codes")
    #expect(harness.agent("alice", .finish(nil)) == ["chat-1 finished by alice after 0s of wrap-up"])
  }

  @Test("END-2: with dispositions off, selecting or confirming one is refused and Finish needs none")
  func dispositionsOff() {
    var harness = Self.endedChat(policy: .off)
    #expect(
      harness.refusal(.agent("alice", .selectDisposition(nil, "resolved")))
        == "dispositions are turned off for this tenant")
    #expect(
      harness.refusal(.agent("alice", .continueDisposition(nil)))
        == "dispositions are turned off for this tenant")
    #expect(harness.agent("alice", .finish(nil)) == ["chat-1 finished by alice after 0s of wrap-up"])
  }

  @Test("END-2: the policy that counts is the one in force at Finish")
  func policyChangedDuringWrapUp() {
    var harness = Self.endedChat(policy: .optional)
    #expect(harness.run(.set(.disposition(.required))) == ["setting disposition is now required"])
    #expect(
      harness.refusal(.agent("alice", .finish(nil)))
        == "chat-1 needs a disposition before Finish: choose one of resolved, callback, then Continue")
    #expect(harness.run(.set(.disposition(.optional))) == ["setting disposition is now optional"])
    #expect(harness.agent("alice", .finish(nil)) == ["chat-1 finished by alice after 0s of wrap-up"])
  }

  // MARK: END-3

  @Test("END-3: Finish frees the place and the waiting chat is offered at once to that agent")
  func finishFreesThePlace() {
    var harness = Harness.wrapUpDesk(maximumChats: 1)
    harness.bringDeskAgentOnline("alice")
    harness.openDeskChat("marie", in: "support")
    harness.agent("alice", .accept(nil))
    #expect(harness.openDeskChat("paul", in: "support") == ["chat-2 queued in support for paul"])
    harness.agent("alice", .end(nil))
    // In wrap-up the chat still counts: chat-2 keeps waiting, and alice cannot log out.
    harness.advance(seconds: 20)
    #expect(
      harness.refusal(.agent("alice", .logout))
        == "alice cannot log out while holding chat-1; finish it first")
    #expect(harness.center.waitingChats(in: "support") == [ChatID(2)])
    #expect(harness.heldChatCount("alice") == 1)
    #expect(
      harness.agent("alice", .finish(ChatID(1))) == [
        "chat-1 finished by alice after 20s of wrap-up",
        "chat-2 offered to alice (accept within 30s)",
        "chat-2 screen pop for alice: new customer form",
      ])
    #expect(harness.heldChatCount("alice") == 0)
    #expect(harness.center.agent("alice")?.pendingOffer == ChatID(2))
    #expect(
      harness.center.chat(ChatID(1))?.state
        == .finished(agent: "alice", endedAt: .start, finishedAt: .at(seconds: 20)))
    #expect(harness.center.statistics.finished == 1)
  }

  @Test("END-3: the freed agent gets the oldest waiting chat; the other full agent keeps waiting")
  func finishOffersOldestWaitingChat() {
    var harness = Harness.wrapUpDesk(agents: ["alice", "bob"], maximumChats: 1)
    harness.bringDeskAgentOnline("alice")
    harness.bringDeskAgentOnline("bob")
    #expect(
      harness.openDeskChat("marie", in: "support").contains("chat-1 offered to alice (accept within 30s)"))
    harness.agent("alice", .accept(nil))
    #expect(harness.openDeskChat("paul", in: "sales").contains("chat-2 offered to bob (accept within 30s)"))
    harness.agent("bob", .accept(nil))
    harness.advance(seconds: 1)
    #expect(harness.openDeskChat("rose", in: "sales") == ["chat-3 queued in sales for rose"])
    harness.advance(seconds: 1)
    #expect(harness.openDeskChat("hugo", in: "support") == ["chat-4 queued in support for hugo"])
    harness.agent("bob", .end(nil))
    harness.agent("bob", .finish(nil))
    #expect(harness.center.agent("bob")?.pendingOffer == ChatID(3))
    harness.agent("alice", .end(nil))
    #expect(
      harness.agent("alice", .finish(nil)) == [
        "chat-1 finished by alice after 0s of wrap-up",
        "chat-4 offered to alice (accept within 30s)",
        "chat-4 screen pop for alice: new customer form",
      ])
  }

  @Test("END-3: Finish by an agent who is not Available frees the place but brings no offer")
  func finishWhileOnBreak() {
    var harness = Harness.wrapUpDesk(maximumChats: 1)
    harness.bringDeskAgentOnline("alice")
    harness.openDeskChat("marie", in: "support")
    harness.agent("alice", .accept(nil))
    harness.openDeskChat("paul", in: "support")
    harness.agent("alice", .end(nil))
    #expect(harness.agent("alice", .setStatus(.onBreak)) == ["alice is now On Break"])
    #expect(harness.agent("alice", .finish(nil)) == ["chat-1 finished by alice after 0s of wrap-up"])
    #expect(harness.heldChatCount("alice") == 0)
    #expect(harness.center.waitingChats(in: "support") == [ChatID(2)])
    #expect(
      harness.agent("alice", .setStatus(.available)) == [
        "alice is now Available",
        "chat-2 offered to alice (accept within 30s)",
        "chat-2 screen pop for alice: new customer form",
      ])
  }

  @Test("END-3: a finished chat is no longer the agent's; Finish again is refused")
  func finishTwiceIsRefused() {
    var harness = Self.endedChat()
    harness.agent("alice", .finish(nil))
    #expect(harness.refusal(.agent("alice", .finish(nil))) == "alice has no chat")
    #expect(harness.refusal(.agent("alice", .finish(ChatID(1)))) == "alice does not hold chat-1")
    #expect(harness.refusal(.agent("alice", .showWrapUpTimer(ChatID(1)))) == "alice does not hold chat-1")
    // With no chat left, alice may log out.
    harness.agent("alice", .setStatus(.workingOffline))
    #expect(harness.agent("alice", .logout) == ["alice logged out"])
  }
}
