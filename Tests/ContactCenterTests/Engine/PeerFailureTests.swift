import Testing

@testable import ContactCenter

/// The failures of peer routing engines listed in design/peer-failures.md, each shown not to
/// happen here. The harness also checks every invariant after each command (no chat waits
/// while an agent could take it, no offer to an agent at its limit, one place per chat).
@Suite struct PeerFailureTests {
  /// Screen pop off, reject permission granted; `support` and `phone` with the agents.
  static func quiet(agents: [AgentID], _ configure: (inout Settings) -> Void = { _ in }) -> Harness {
    var settings = Settings()
    settings.screenPop = .off
    settings.rejectPermission = true
    configure(&settings)
    var h = Harness(settings: settings)
    h.defineSupport(agents: agents)
    return h
  }

  /// Who holds or is offered each chat: a chat must never appear twice.
  static func places(_ center: Center) -> [ChatID: [AgentID]] {
    var places: [ChatID: [AgentID]] = [:]
    for agent in center.agents {
      for chat in agent.chats { places[chat, default: []].append(agent.id) }
      if let offered = agent.pendingOffer { places[offered, default: []].append(agent.id) }
    }
    return places
  }

  // MARK: One waiting item taken by two agents

  @Test("DEC-2: a chat is offered to one agent at a time; after accept no other agent has it")
  func oneChatOneAgent() {
    var h = Self.quiet(agents: ["alice", "bob"])
    h.makeAvailable("alice")
    h.makeAvailable("bob")
    #expect(
      h.open("marie") == [
        "chat-1 queued in support for marie", "chat-1 offered to alice (accept within 30s)",
      ])
    #expect(h.refusal(.agent("bob", .accept(ChatID(1)))) == "bob has no offer for chat-1")
    #expect(h.refusal(.agent("bob", .accept(nil))) == "bob has no pending offer")
    #expect(h.agent("alice", .accept(ChatID(1))) == ["chat-1 accepted by alice"])
    #expect(h.refusal(.agent("bob", .accept(ChatID(1)))) == "bob has no offer for chat-1")
    #expect(h.refusal(.agent("alice", .accept(ChatID(1)))) == "alice has no offer for chat-1")
    #expect(h.refusal(.agent("bob", .end(ChatID(1)))) == "bob does not hold chat-1")
    #expect(Self.places(h.center) == [ChatID(1): ["alice"]])
  }

  @Test("DEC-2: a rejected chat moves to the next agent and the first can no longer take it")
  func rejectedChatMovesOn() {
    var h = Self.quiet(agents: ["alice", "bob"])
    h.makeAvailable("alice")
    h.makeAvailable("bob")
    h.open("marie")
    #expect(
      h.agent("alice", .reject(nil)) == [
        "chat-1 rejected by alice",
        "alice is now Working Offline",
        "chat-1 back at the head of support",
        "chat-1 offered to bob (accept within 30s)",
      ])
    #expect(
      h.refusal(.agent("alice", .accept(ChatID(1)))) == "alice already rejected chat-1 at 00:00:00")
    h.agent("bob", .accept(nil))
    #expect(Self.places(h.center) == [ChatID(1): ["bob"]])
  }

  // MARK: Agents pushed past their concurrency limit

  @Test("CAP-1: accept, Finish and status changes in any order never push past the cap")
  func capHoldsThroughStatusChanges() {
    var h = Self.quiet(agents: [])
    h.run(.defineAgent("alice", queues: ["support"], maximumChats: 2))
    h.makeAvailable("alice")
    for visitor: VisitorID in ["v1", "v2", "v3", "v4"] { h.open(visitor) }
    h.agent("alice", .accept(nil))
    #expect(h.agent("alice", .accept(nil)) == ["chat-2 accepted by alice"])
    #expect(h.agent("alice", .setStatus(.onBreak)) == ["alice is now On Break"])
    #expect(h.agent("alice", .setStatus(.available)) == ["alice is now Available"])
    #expect(h.agent("alice", .end(ChatID(1))) == ["chat-1 ended by alice; wrap-up started"])
    #expect(h.agent("alice", .setStatus(.workingOffline)) == ["alice is now Working Offline"])
    // Finish frees a place, but Working Offline takes no offer; Available does, once.
    #expect(h.agent("alice", .finish(ChatID(1))) == ["chat-1 finished by alice after 0s of wrap-up"])
    #expect(
      h.agent("alice", .setStatus(.available)) == [
        "alice is now Available", "chat-3 offered to alice (accept within 30s)",
      ])
    #expect(h.agent("alice", .accept(nil)) == ["chat-3 accepted by alice"])
    #expect(h.center.agent("alice")?.chats == [ChatID(2), ChatID(3)])
    #expect(h.center.waitingChats(in: "support") == [ChatID(4)])
  }

  @Test("CAP-1: lowering the cap while busy withdraws the offer; chats held stay until Finish")
  func capLoweredWhileBusy() {
    var h = Self.quiet(agents: ["alice"])
    h.makeAvailable("alice")
    for visitor: VisitorID in ["v1", "v2", "v3", "v4"] { h.open(visitor) }
    for _ in 1...3 { h.agent("alice", .accept(nil)) }
    #expect(h.center.agent("alice")?.pendingOffer == ChatID(4))
    h.advance(seconds: 4)
    #expect(
      h.run(.set(.chatsPerAgent(2))) == [
        "setting chats-per-agent is now 2",
        "chat-4 offer to alice withdrawn: chats per agent lowered to 2",
        "chat-4 back at the head of support",
      ])
    #expect(
      h.refusal(.agent("alice", .accept(ChatID(4))))
        == "the offer of chat-4 to alice was withdrawn at 00:00:04")
    #expect(h.center.agent("alice")?.chats.count == 3)
    h.agent("alice", .end(ChatID(1)))
    #expect(h.agent("alice", .finish(ChatID(1))) == ["chat-1 finished by alice after 0s of wrap-up"])
    h.agent("alice", .end(ChatID(2)))
    #expect(
      h.agent("alice", .finish(ChatID(2))) == [
        "chat-2 finished by alice after 0s of wrap-up",
        "chat-4 offered to alice (accept within 30s)",
      ])
    #expect(h.agent("alice", .accept(nil)) == ["chat-4 accepted by alice"])
    #expect(h.open("v5") == ["chat-5 queued in support for v5"])
  }

  @Test("CAP-1: lowering the cap keeps an offer the agent still has room for")
  func capLoweredWithRoomKeepsOffer() {
    var h = Self.quiet(agents: ["alice"])
    h.makeAvailable("alice")
    h.open("v1")
    h.open("v2")
    h.agent("alice", .accept(nil))
    #expect(h.run(.set(.chatsPerAgent(2))) == ["setting chats-per-agent is now 2"])
    #expect(h.agent("alice", .accept(nil)) == ["chat-2 accepted by alice"])
    #expect(h.open("v3") == ["chat-3 queued in support for v3"])
  }

  @Test(
    "CAP-1: a cap lowered while busy never re-offers the withdrawn chat to another full agent")
  func capLoweredNeverOffersToAFullAgent() {
    // bob is defined first, so the engine visits him before alice's offer is withdrawn.
    var h = Self.quiet(agents: ["bob", "alice"])
    h.makeAvailable("alice")
    h.advance(seconds: 1)
    h.makeAvailable("bob")
    h.open("v1")  // alice
    h.open("v2")  // bob
    h.advance(seconds: 1)
    h.agent("alice", .accept(nil))
    h.advance(seconds: 1)
    h.agent("bob", .accept(nil))
    h.open("v3")  // alice
    h.open("v4")  // bob
    h.advance(seconds: 1)
    h.agent("alice", .accept(nil))
    h.advance(seconds: 1)
    h.agent("bob", .accept(nil))
    #expect(
      h.open("v5") == ["chat-5 queued in support for v5", "chat-5 offered to alice (accept within 30s)"])
    #expect(
      h.run(.set(.chatsPerAgent(2))) == [
        "setting chats-per-agent is now 2",
        "chat-5 offer to alice withdrawn: chats per agent lowered to 2",
        "chat-5 back at the head of support",
      ])
    #expect(h.center.agent("bob")?.pendingOffer == nil)
    #expect(h.refusal(.agent("bob", .accept(nil))) == "bob has no pending offer")
    #expect(h.center.agents.allSatisfy { $0.chats.count <= 2 })
  }

  @Test(
    "DEC-1: raising the cap gives the waiting chats to the longest-waiting agents first")
  func capRaisedFollowsTheWaitOrder() {
    var h = Self.quiet(agents: ["alice", "bob"]) { $0.chatsPerAgent = 1 }
    h.makeAvailable("alice")
    h.makeAvailable("bob")
    h.open("v1")  // alice, by id
    h.open("v2")  // bob
    h.advance(seconds: 1)
    h.agent("bob", .accept(nil))  // bob waits from 00:00:01
    h.advance(seconds: 1)
    h.agent("alice", .accept(nil))  // alice waits from 00:00:02
    h.open("v3")
    h.open("v4")
    #expect(h.center.waitingChats(in: "support") == [ChatID(3), ChatID(4)])
    #expect(
      h.run(.set(.chatsPerAgent(2))) == [
        "setting chats-per-agent is now 2",
        "chat-3 offered to bob (accept within 30s)",
        "chat-4 offered to alice (accept within 30s)",
      ])
  }

  // MARK: One pending offer per agent across all its queues

  @Test("DEC-2: an agent in several queues holds one pending offer across all of them")
  func onePendingOfferAcrossQueues() {
    var h = Self.quiet(agents: [])
    h.run(.defineQueue("sales", media: .chat, dispositions: []))
    h.run(.defineAgent("alice", queues: ["support", "sales"], maximumChats: nil))
    h.agent("alice", .login)
    h.agent("alice", .readyToWork)
    h.agent("alice", .selectQueue("support", enabled: true))
    h.agent("alice", .selectQueue("sales", enabled: true))
    h.agent("alice", .confirmSelections)
    let request = ChatRequest(name: "Paul", email: "paul@example.com", ipAddress: "192.0.2.1")
    h.open("v1")
    #expect(h.customer("v2", .open("sales", request)) == ["chat-2 queued in sales for v2"])
    h.open("v3")
    // The oldest chat of all its queues comes first, and only one at a time.
    #expect(
      h.agent("alice", .setStatus(.available)) == [
        "alice is now Available", "chat-1 offered to alice (accept within 30s)",
      ])
    #expect(h.center.eligibleAgents(in: "sales") == [])
    #expect(
      h.agent("alice", .accept(nil)) == [
        "chat-1 accepted by alice", "chat-2 offered to alice (accept within 30s)",
      ])
    #expect(
      h.agent("alice", .accept(nil)) == [
        "chat-2 accepted by alice", "chat-3 offered to alice (accept within 30s)",
      ])
  }

  // MARK: Items stuck in the queue until an agent toggles status

  @Test("DEC-2: a waiting chat is offered the moment a queue is enabled, on either path")
  func queueEnabledBringsTheChat() {
    var h = Self.quiet(agents: ["alice", "bob"])
    for agent: AgentID in ["alice", "bob"] {
      h.agent(agent, .login)
      h.agent(agent, .readyToWork)
      h.agent(agent, .setStatus(.available))
    }
    h.open("v1")
    h.open("v2")
    h.agent("alice", .selectQueue("support", enabled: true))
    #expect(
      h.agent("alice", .confirmSelections) == [
        "alice enabled support", "chat-1 offered to alice (accept within 30s)",
      ])
    h.agent("bob", .switchProfileQueue("support", enabled: true))
    #expect(
      h.agent("bob", .saveProfileQueues) == [
        "bob enabled support", "chat-2 offered to bob (accept within 30s)",
      ])
  }

  @Test("DEC-2: a waiting chat is offered the moment an offer is resolved")
  func resolvedOfferBringsTheNextChat() {
    var h = Self.quiet(agents: ["alice", "bob"])
    h.makeAvailable("alice")
    h.open("v1")
    h.open("v2")
    // The customer leaves: the offer is withdrawn and the next chat follows at once.
    #expect(
      h.customer("v1", .leave) == [
        "chat-1 offer to alice withdrawn: v1 left",
        "chat-1 abandoned: v1 left while waiting",
        "chat-2 offered to alice (accept within 30s)",
      ])
    // Rejected: alice goes Working Offline, the chat waits at the head until bob is Available.
    #expect(
      h.agent("alice", .reject(nil)) == [
        "chat-2 rejected by alice", "alice is now Working Offline", "chat-2 back at the head of support",
      ])
    #expect(h.center.waitingChats(in: "support") == [ChatID(2)])
    #expect(h.agent("bob", .login) == ["bob logged in"])
    h.agent("bob", .readyToWork)
    h.agent("bob", .selectQueue("support", enabled: true))
    h.agent("bob", .confirmSelections)
    #expect(
      h.agent("bob", .setStatus(.available)) == [
        "bob is now Available", "chat-2 offered to bob (accept within 30s)",
      ])
    // Expired: the next agent is asked at the deadline, not later.
    h.advance(seconds: 10)
    #expect(h.agent("alice", .setStatus(.available)) == ["alice is now Available"])
    #expect(
      h.advance(seconds: 20) == [
        "chat-2 offer to bob expired", "bob is now Working Offline", "chat-2 back at the head of support",
        "chat-2 offered to alice (accept within 30s)",
      ])
    // Accepted: the chat that arrived meanwhile follows.
    #expect(h.open("v3") == ["chat-3 queued in support for v3"])
    #expect(
      h.agent("alice", .accept(nil)) == [
        "chat-2 accepted by alice", "chat-3 offered to alice (accept within 30s)",
      ])
  }

  @Test("CAP-1: a waiting chat is offered the moment the cap is raised")
  func capRaisedBringsTheChat() {
    var h = Self.quiet(agents: ["alice"]) { $0.chatsPerAgent = 1 }
    h.makeAvailable("alice")
    h.open("v1")
    h.agent("alice", .accept(nil))
    #expect(h.open("v2") == ["chat-2 queued in support for v2"])
    #expect(
      h.run(.set(.chatsPerAgent(2))) == [
        "setting chats-per-agent is now 2", "chat-2 offered to alice (accept within 30s)",
      ])
  }

  // MARK: Select and claim as two separate steps

  @Test("CAP-4: choice and claim are one step: chats at the same instant go to different agents")
  func choiceAndClaimTogether() {
    var h = Self.quiet(agents: ["alice", "bob"])
    h.makeAvailable("alice")
    h.makeAvailable("bob")
    #expect(h.center.eligibleAgents(in: "support") == ["alice", "bob"])
    h.open("v1")
    // The chosen agent is no longer a candidate once the offer event is out.
    #expect(h.center.eligibleAgents(in: "support") == ["bob"])
    #expect(h.open("v2") == ["chat-2 queued in support for v2", "chat-2 offered to bob (accept within 30s)"])
    #expect(h.center.eligibleAgents(in: "support") == [])
    #expect(h.open("v3") == ["chat-3 queued in support for v3"])
    #expect(Self.places(h.center) == [ChatID(1): ["alice"], ChatID(2): ["bob"]])
  }

  // MARK: Items left with agents who went offline

  @Test("DEC-4: going On Break with a pending offer resolves it; the chat goes to the next agent")
  func breakWithPendingOffer() {
    var h = Self.quiet(agents: ["alice", "bob"])
    h.makeAvailable("alice")
    h.makeAvailable("bob")
    h.open("marie")
    h.advance(seconds: 10)
    #expect(
      h.agent("alice", .setStatus(.onBreak)) == [
        "alice is now On Break",
        "chat-1 offer to alice withdrawn: alice went On Break",
        "chat-1 back at the head of support",
        "chat-1 offered to bob (accept within 30s)",
      ])
    #expect(
      h.refusal(.agent("alice", .accept(ChatID(1))))
        == "the offer of chat-1 to alice was withdrawn at 00:00:10")
    // alice's old deadline (00:00:30) is void; bob's runs from the new offer (00:00:40).
    #expect(h.advance(seconds: 29) == [])
    #expect(
      h.advance(seconds: 1) == [
        "chat-1 offer to bob expired", "bob is now Working Offline", "chat-1 back at the head of support",
      ])
  }

  @Test("DEC-4: going Working Offline with a pending offer puts the chat back at the head")
  func offlineWithPendingOffer() {
    var h = Self.quiet(agents: ["alice"])
    h.makeAvailable("alice")
    h.open("v1")
    h.open("v2")
    #expect(
      h.agent("alice", .setStatus(.workingOffline)) == [
        "alice is now Working Offline",
        "chat-1 offer to alice withdrawn: alice went Working Offline",
        "chat-1 back at the head of support",
      ])
    #expect(h.center.waitingChats(in: "support") == [ChatID(1), ChatID(2)])
    #expect(h.advance(seconds: 60) == [])
    #expect(
      h.agent("alice", .setStatus(.available)) == [
        "alice is now Available", "chat-1 offered to alice (accept within 30s)",
      ])
  }

  @Test("DEC-4: a withdrawn chat waits in arrival order behind an older one, and both are served")
  func withdrawnChatIsNeverOrphaned() {
    var h = Self.quiet(agents: ["alice", "bob", "carol"])
    h.makeAvailable("alice")
    h.makeAvailable("bob")
    h.open("v1")  // alice
    h.open("v2")  // bob
    h.advance(seconds: 5)
    #expect(
      h.agent("alice", .reject(nil)) == [
        "chat-1 rejected by alice", "alice is now Working Offline", "chat-1 back at the head of support",
      ])
    h.advance(seconds: 5)
    #expect(
      h.agent("bob", .setStatus(.onBreak)) == [
        "bob is now On Break",
        "chat-2 offer to bob withdrawn: bob went On Break",
        "chat-2 back in support at position 2",
      ])
    #expect(h.center.waitingChats(in: "support") == [ChatID(1), ChatID(2)])
    h.agent("carol", .login)
    h.agent("carol", .readyToWork)
    h.agent("carol", .selectQueue("support", enabled: true))
    h.agent("carol", .confirmSelections)
    #expect(
      h.agent("carol", .setStatus(.available)) == [
        "carol is now Available", "chat-1 offered to carol (accept within 30s)",
      ])
    #expect(
      h.agent("carol", .accept(nil)) == [
        "chat-1 accepted by carol", "chat-2 offered to carol (accept within 30s)",
      ])
  }

  // MARK: "Longest idle" meaning different things

  @Test("DEC-1: at one instant a returning chat goes by the same total order: wait, Available, id")
  func tiesAtOneInstant() {
    var h = Self.quiet(agents: ["carol", "bob", "alice"])
    for agent: AgentID in ["carol", "bob", "alice"] { h.makeAvailable(agent) }
    #expect(
      h.open("v1") == ["chat-1 queued in support for v1", "chat-1 offered to alice (accept within 30s)"])
    #expect(h.agent("alice", .reject(nil)).last == "chat-1 offered to bob (accept within 30s)")
    #expect(h.agent("bob", .setStatus(.onBreak)).last == "chat-1 offered to carol (accept within 30s)")
    // Both come back at the same instant: the wait and Available are equal, the id decides.
    #expect(h.agent("bob", .setStatus(.available)) == ["bob is now Available"])
    #expect(h.agent("alice", .setStatus(.available)) == ["alice is now Available"])
    #expect(h.center.eligibleAgents(in: "support") == ["alice", "bob"])
    #expect(
      h.open("v2") == ["chat-2 queued in support for v2", "chat-2 offered to alice (accept within 30s)"])
  }
}
