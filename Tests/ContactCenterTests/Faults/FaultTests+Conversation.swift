import Testing

@testable import ContactCenter

extension FaultTests {
  @Test("typing-not-cleared: after a message the indicator is still on, so typing again says nothing")
  func typingNotCleared() {
    var pair = Self.chatting(.typingNotCleared)
    pair.same(.customer("marie", .typing(true)))
    pair.same(.customer("marie", .say("Bonjour")))
    #expect(
      pair.run(.customer("marie", .typing(true)))
        == Outcomes(reference: ["chat-1 marie is typing"], faulty: []))
    #expect(pair.run(.customer("marie", .typing(false))).faulty == ["chat-1 marie stopped typing"])
  }

  @Test("long-message-cut: 1941 characters are cut to 1940 and sent instead of refused")
  func longMessageCut() {
    var pair = Self.chatting(.longMessageCut)
    let outcomes = pair.agent("alice", .say(nil, String(repeating: "a", count: 1941)))
    #expect(
      outcomes.reference == ["! a message holds at most 1940 characters; this one has 1941 and was not sent"])
    #expect(outcomes.faulty.count == 1)
    #expect(pair.faulty.messages(of: ChatID(1)).map(\.text) == [String(repeating: "a", count: 1940)])
  }

  @Test("new-customer-log-associated: the log is saved for the customer made from the form, in view mode")
  func newCustomerLogAssociated() {
    var pair = Self.chatting(.newCustomerLogAssociated) {
      $0.screenPop = .caseRecord
      $0.automaticChatLog = true
    }
    pair.same(.agent("alice", .saveNewCustomer(nil, name: "Marie", email: "marie@example.com", account: nil)))
    pair.same(.agent("alice", .end(nil)))
    #expect(
      pair.agent("alice", .finish(nil))
        == Outcomes(
          reference: [
            "chat-1 finished by alice after 0s of wrap-up", "chat-1 log opened for alice in edit mode",
          ],
          faulty: [
            "chat-1 finished by alice after 0s of wrap-up", "chat-1 log opened for alice in view mode",
            "chat-1 log saved as case case-1 of customer customer-1",
          ]))
  }

  @Test("disposition-not-required: Finish goes through without the required disposition")
  func dispositionNotRequired() {
    var pair = Self.chatting(.dispositionNotRequired) { $0.disposition = .required }
    pair.same(.agent("alice", .end(nil)))
    #expect(
      pair.agent("alice", .finish(nil))
        == Outcomes(
          reference: [
            "! chat-1 needs a disposition before Finish: choose one of resolved, callback, then Continue"
          ],
          faulty: ["chat-1 finished by alice after 0s of wrap-up"]))
  }

  @Test("queue-switch-before-confirm: switching a queue on applies it at once")
  func queueSwitchBeforeConfirm() {
    var pair = FaultPair(.queueSwitchBeforeConfirm)
    pair.defineSupport(agents: ["alice"])
    pair.same(.agent("alice", .login))
    pair.same(.agent("alice", .readyToWork))
    #expect(
      pair.agent("alice", .selectQueue("support", enabled: true))
        == Outcomes(
          reference: ["alice switched support on (pending Confirm selections)"],
          faulty: ["alice switched support on (pending Confirm selections)", "alice enabled support"]))
    #expect(
      pair.agent("alice", .confirmSelections)
        == Outcomes(
          reference: ["alice enabled support"],
          faulty: ["! alice has no queue switches to apply with Confirm selections"]))
  }

  @Test("logout-while-holding: an agent holding a chat logs out")
  func logoutWhileHolding() {
    var pair = Self.chatting(.logoutWhileHolding)
    pair.same(.agent("alice", .setStatus(.workingOffline)))
    #expect(
      pair.agent("alice", .logout)
        == Outcomes(
          reference: ["! alice cannot log out while holding chat-1; finish it first"],
          faulty: ["alice logged out"]))
  }

  @Test("waiting-chat-stuck: Finish frees a place but the waiting chat is not offered")
  func waitingChatStuck() {
    var pair = FaultPair(.waitingChatStuck)
    pair.defineSupport(agents: ["alice"], maximumChats: 1)
    pair.makeAvailable("alice")
    pair.same(.customer("v1", .open("support", Self.request("v1"))))
    pair.same(.agent("alice", .accept(nil)))
    pair.same(.customer("v2", .open("support", Self.request("v2"))))
    pair.same(.agent("alice", .end(nil)))
    #expect(
      pair.agent("alice", .finish(nil))
        == Outcomes(
          reference: [
            "chat-1 finished by alice after 0s of wrap-up", "chat-2 offered to alice (accept within 30s)",
          ],
          faulty: ["chat-1 finished by alice after 0s of wrap-up"]))
    // Toggling the status brings it, as in the peers' reports.
    pair.agent("alice", .setStatus(.onBreak))
    #expect(
      pair.agent("alice", .setStatus(.available)).faulty == [
        "alice is now Available", "chat-2 offered to alice (accept within 30s)",
      ])
  }

  @Test("idle-since-finish: an accept does not start the agent's wait again")
  func idleSinceFinish() {
    var pair = FaultPair(.idleSinceFinish)
    pair.defineSupport(agents: ["alice", "bob"])
    pair.makeAvailable("alice")
    pair.clock(milliseconds: 1000)
    pair.makeAvailable("bob")
    pair.same(.customer("v1", .open("support", Self.request("v1"))))
    pair.clock(milliseconds: 1000)
    pair.same(.agent("alice", .accept(nil)))
    #expect(
      pair.open("v2")
        == Outcomes(
          reference: ["chat-2 queued in support for v2", "chat-2 offered to bob (accept within 30s)"],
          faulty: ["chat-2 queued in support for v2", "chat-2 offered to alice (accept within 30s)"]))
  }

  @Test("The catalogue: at least twelve faults, each with its own bit, a summary and requirement ids")
  func catalogue() {
    #expect(Fault.allCases.count >= 12)
    #expect(Set(Fault.allCases.map(\.bit)).count == Fault.allCases.count)
    for fault in Fault.allCases {
      #expect(!fault.summary.isEmpty && !fault.requirements.isEmpty, "\(fault)")
      #expect(FaultSet([fault]).faults == [fault])
    }
    let set: FaultSet = [.tieBreakByName, .seventhChat]
    #expect(set.description == "seventh-chat,tie-break-by-name")
    #expect(FaultSet().description == "none" && FaultSet().isEmpty)
  }

  @Test("With no fault a center is the reference: the same events for the same commands")
  func noFaultIsReference() {
    #expect(Center().faults.isEmpty)
    #expect(Center() == Center(faults: []))
  }
}
