import Testing

@testable import ContactCenter

/// SES-2, SES-3, CHAT-1 and DEC-4: logging in, Ready to Work, the Status menu and logging out.
@Suite struct SessionTests {
  /// A harness with the screen pop off, so event lines show the session and routing only, and
  /// the usual `support` (chat) and `phone` queues with the given agents.
  static func quiet(agents: [AgentID]) -> Harness {
    var settings = Settings()
    settings.screenPop = .off
    var harness = Harness(settings: settings)
    harness.defineSupport(agents: agents)
    return harness
  }

  // MARK: SES-2

  @Test("SES-2: only an agent the tenant defined can log in")
  func onlyDefinedAgentsLogIn() {
    var h = Self.quiet(agents: ["alice"])
    #expect(h.refusal(.agent("zoe", .login)) == "no agent named zoe is defined")
    #expect(h.center.agent("zoe") == nil)
    #expect(h.agent("alice", .login) == ["alice logged in"])
    #expect(h.center.agent("alice")?.session == .loggedIn)
  }

  @Test("SES-2: a second login of the same agent is refused, even once ready")
  func secondLoginRefused() {
    var h = Self.quiet(agents: ["alice", "bob"])
    h.agent("alice", .login)
    #expect(h.refusal(.agent("alice", .login)) == "alice is already logged in")
    h.agent("alice", .readyToWork)
    h.agent("alice", .setStatus(.available))
    #expect(h.refusal(.agent("alice", .login)) == "alice is already logged in")
    // Another agent is not affected.
    #expect(h.agent("bob", .login) == ["bob logged in"])
  }

  @Test("SES-2: after logging out the agent can log in again, and starts without a status")
  func loginAgainAfterLogout() {
    var h = Self.quiet(agents: ["alice"])
    h.makeAvailable("alice")
    #expect(h.agent("alice", .logout) == ["alice logged out"])
    #expect(h.center.agent("alice")?.session == .loggedOut)
    #expect(h.agent("alice", .login) == ["alice logged in"])
    #expect(h.center.agent("alice")?.status == nil)
    #expect(
      h.refusal(.agent("alice", .setStatus(.available)))
        == "alice has not clicked Ready to Work yet, so has no status and receives no chats")
    #expect(h.agent("alice", .readyToWork) == ["alice is ready to work (Working Offline)"])
  }

  @Test("SES-2: an agent that is not logged in can change nothing in the workspace")
  func loggedOutAgentCanDoNothing() {
    var h = Self.quiet(agents: ["alice"])
    let actions: [AgentAction] = [
      .readyToWork, .setStatus(.available), .logout, .listQueues,
      .selectQueue("support", enabled: true), .confirmSelections,
      .switchProfileQueue("support", enabled: true), .saveProfileQueues,
      .accept(nil), .preview(nil),
    ]
    for action in actions {
      #expect(h.refusal(.agent("alice", action)) == "alice is not logged in", "\(action)")
    }
  }

  @Test("SES-2: logging out keeps the queues enabled but drops switches not yet applied")
  func logoutKeepsQueuesDropsPendingSwitches() {
    var h = Self.quiet(agents: ["alice"])
    h.makeAvailable("alice")
    h.agent("alice", .switchProfileQueue("phone", enabled: true))
    h.agent("alice", .selectQueue("support", enabled: false))
    h.agent("alice", .logout)
    h.agent("alice", .login)
    #expect(
      h.agent("alice", .listQueues) == [
        "alice queue support (chat): on",
        "alice queue phone (inbound phone): off",
      ])
    #expect(
      h.refusal(.agent("alice", .confirmSelections))
        == "alice has no queue switches to apply with Confirm selections")
    #expect(
      h.refusal(.agent("alice", .saveProfileQueues))
        == "alice has no queue switches to apply with Save queues")
    h.agent("alice", .readyToWork)
    #expect(h.open("marie") == ["chat-1 queued in support for marie"])
    #expect(
      h.agent("alice", .setStatus(.available)) == [
        "alice is now Available", "chat-1 offered to alice (accept within 30s)",
      ])
  }

  // MARK: SES-3

  @Test("SES-3: Ready to Work starts the session in Working Offline, once")
  func readyToWorkStartsTheSession() {
    var h = Self.quiet(agents: ["alice"])
    #expect(h.refusal(.agent("alice", .readyToWork)) == "alice is not logged in")
    h.agent("alice", .login)
    #expect(h.center.agent("alice")?.status == nil)
    #expect(
      h.refusal(.agent("alice", .setStatus(.available)))
        == "alice has not clicked Ready to Work yet, so has no status and receives no chats")
    #expect(
      h.refusal(.agent("alice", .setStatus(.onBreak)))
        == "alice has not clicked Ready to Work yet, so has no status and receives no chats")
    #expect(h.agent("alice", .readyToWork) == ["alice is ready to work (Working Offline)"])
    #expect(h.center.agent("alice")?.session == .ready(.workingOffline))
    #expect(h.refusal(.agent("alice", .readyToWork)) == "alice has already clicked Ready to Work")
  }

  @Test("SES-3: before Ready to Work a logged-in agent with its queue enabled receives nothing")
  func nothingBeforeReadyToWork() {
    var h = Self.quiet(agents: ["alice"])
    h.agent("alice", .login)
    h.agent("alice", .selectQueue("support", enabled: true))
    #expect(h.agent("alice", .confirmSelections) == ["alice enabled support"])
    #expect(h.open("marie") == ["chat-1 queued in support for marie"])
    #expect(h.center.agent("alice")?.pendingOffer == nil)
    #expect(h.center.eligibleAgents(in: "support") == [])
    // Ready to Work alone is not Available: still nothing.
    #expect(h.agent("alice", .readyToWork) == ["alice is ready to work (Working Offline)"])
    #expect(h.center.waitingChats(in: "support") == [ChatID(1)])
    #expect(
      h.agent("alice", .setStatus(.available)) == [
        "alice is now Available",
        "chat-1 offered to alice (accept within 30s)",
      ])
  }

  // MARK: CHAT-1

  @Test("CHAT-1: the Status menu moves between the three statuses, never to the current one")
  func statusMenu() {
    var h = Self.quiet(agents: ["alice"])
    h.agent("alice", .login)
    h.agent("alice", .readyToWork)
    #expect(h.refusal(.agent("alice", .setStatus(.workingOffline))) == "alice is already Working Offline")
    #expect(h.agent("alice", .setStatus(.onBreak)) == ["alice is now On Break"])
    #expect(h.refusal(.agent("alice", .setStatus(.onBreak))) == "alice is already On Break")
    #expect(h.agent("alice", .setStatus(.available)) == ["alice is now Available"])
    #expect(h.refusal(.agent("alice", .setStatus(.available))) == "alice is already Available")
    #expect(h.agent("alice", .setStatus(.workingOffline)) == ["alice is now Working Offline"])
    #expect(h.center.agent("alice")?.status == .workingOffline)
  }

  @Test("CHAT-1: only Available agents are offered chats; the chat waits for one")
  func onlyAvailableAgentsAreOffered() {
    var h = Self.quiet(agents: ["alice", "bob", "carol"])
    for agent: AgentID in ["alice", "bob", "carol"] {
      h.agent(agent, .login)
      h.agent(agent, .readyToWork)
      h.agent(agent, .selectQueue("support", enabled: true))
      h.agent(agent, .confirmSelections)
    }
    h.agent("alice", .setStatus(.onBreak))
    // bob stays Working Offline, carol goes Available later than alice went On Break.
    #expect(h.open("marie") == ["chat-1 queued in support for marie"])
    #expect(h.agent("alice", .setStatus(.workingOffline)) == ["alice is now Working Offline"])
    h.advance(seconds: 5)
    #expect(
      h.agent("carol", .setStatus(.available)) == [
        "carol is now Available",
        "chat-1 offered to carol (accept within 30s)",
      ])
    #expect(h.center.agent("alice")?.pendingOffer == nil)
    #expect(h.center.agent("bob")?.pendingOffer == nil)
    #expect(h.center.agent("carol")?.pendingOffer == ChatID(1))
  }

  @Test("CHAT-1: leaving Available stops new offers; coming back brings the waiting chat")
  func leavingAvailableStopsOffers() {
    var h = Self.quiet(agents: ["alice"])
    h.makeAvailable("alice")
    #expect(h.agent("alice", .setStatus(.workingOffline)) == ["alice is now Working Offline"])
    #expect(h.open("marie") == ["chat-1 queued in support for marie"])
    #expect(h.agent("alice", .setStatus(.onBreak)) == ["alice is now On Break"])
    #expect(h.center.waitingChats(in: "support") == [ChatID(1)])
    #expect(
      h.agent("alice", .setStatus(.available)) == [
        "alice is now Available",
        "chat-1 offered to alice (accept within 30s)",
      ])
  }

  // MARK: DEC-4

  @Test("DEC-4: no logout while holding chats, active or in wrap-up")
  func noLogoutWhileHoldingChats() {
    var h = Self.quiet(agents: ["alice"])
    h.makeAvailable("alice")
    h.open("marie")
    h.agent("alice", .accept(nil))
    #expect(
      h.refusal(.agent("alice", .logout)) == "alice cannot log out while holding chat-1; finish it first")
    h.open("paul")
    h.agent("alice", .accept(nil))
    #expect(
      h.refusal(.agent("alice", .logout))
        == "alice cannot log out while holding chat-1, chat-2; finish them first")
    h.agent("alice", .end(ChatID(1)))
    h.agent("alice", .end(ChatID(2)))
    // Wrap-up still holds them.
    #expect(
      h.refusal(.agent("alice", .logout))
        == "alice cannot log out while holding chat-1, chat-2; finish them first")
    h.agent("alice", .finish(ChatID(2)))
    #expect(
      h.refusal(.agent("alice", .logout)) == "alice cannot log out while holding chat-1; finish it first")
    h.agent("alice", .finish(ChatID(1)))
    #expect(h.agent("alice", .logout) == ["alice logged out"])
  }

  @Test("DEC-4: no logout with a pending offer, alone or with chats held")
  func noLogoutWithPendingOffer() {
    var h = Self.quiet(agents: ["alice"])
    h.makeAvailable("alice")
    h.open("marie")
    #expect(
      h.refusal(.agent("alice", .logout))
        == "alice cannot log out while chat-1 is offered to alice; accept it, reject it, go On Break or let it expire first"
    )
    h.agent("alice", .accept(nil))
    h.open("paul")
    h.agent("alice", .accept(nil))
    #expect(
      h.open("lea") == ["chat-3 queued in support for lea", "chat-3 offered to alice (accept within 30s)"])
    #expect(
      h.refusal(.agent("alice", .logout))
        == "alice cannot log out while holding chat-1, chat-2 and with chat-3 offered; finish the chats and answer the offer first"
    )
  }

  @Test("DEC-4: On Break and Working Offline keep the chats held and stop new offers")
  func breakKeepsChatsAndStopsOffers() {
    var h = Self.quiet(agents: ["alice"])
    h.makeAvailable("alice")
    h.open("marie")
    h.agent("alice", .accept(nil))
    #expect(h.agent("alice", .setStatus(.onBreak)) == ["alice is now On Break"])
    #expect(h.center.agent("alice")?.chats == [ChatID(1)])
    #expect(h.center.chat(ChatID(1))?.state.keyword == "active")
    // The conversation goes on during the break.
    #expect(h.agent("alice", .say(nil, "Un instant")) == [#"chat-1 alice says "Un instant""#])
    #expect(h.customer("marie", .say("Merci")) == [#"chat-1 marie says "Merci""#])
    // New chats are not offered.
    #expect(h.open("paul") == ["chat-2 queued in support for paul"])
    h.advance(seconds: 20)
    #expect(h.agent("alice", .end(ChatID(1))) == ["chat-1 ended by alice; wrap-up started"])
    // Finish frees a place, but On Break still receives nothing.
    #expect(h.agent("alice", .finish(ChatID(1))) == ["chat-1 finished by alice after 0s of wrap-up"])
    #expect(h.agent("alice", .setStatus(.workingOffline)) == ["alice is now Working Offline"])
    #expect(h.center.waitingChats(in: "support") == [ChatID(2)])
    #expect(
      h.agent("alice", .setStatus(.available)) == [
        "alice is now Available",
        "chat-2 offered to alice (accept within 30s)",
      ])
  }

  @Test("DEC-4: logging out is allowed once nothing is held, and the agent then receives nothing")
  func logoutWhenFree() {
    var h = Self.quiet(agents: ["alice"])
    h.makeAvailable("alice")
    #expect(h.agent("alice", .logout) == ["alice logged out"])
    #expect(h.refusal(.agent("alice", .logout)) == "alice is not logged in")
    #expect(h.open("marie") == ["chat-1 queued in support for marie"])
    #expect(h.center.eligibleAgents(in: "support") == [])
  }
}
