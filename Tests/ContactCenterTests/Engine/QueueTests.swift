import Testing

@testable import ContactCenter

/// SES-1, SES-4, SES-5, SES-6 and SES-7: queue membership and the two ways of enabling queues.
@Suite struct QueueTests {
  /// Screen pop off; chat queues `support` and `sales`, a phone queue `phone`, an e-mail queue
  /// `mail`; each agent is assigned `support`, `sales` and `phone`, logged in and ready.
  static func desk(agents: [AgentID]) -> Harness {
    var settings = Settings()
    settings.screenPop = .off
    var h = Harness(settings: settings)
    h.run(.defineQueue("support", media: .chat, dispositions: []))
    h.run(.defineQueue("sales", media: .chat, dispositions: []))
    h.run(.defineQueue("phone", media: .phone, dispositions: []))
    h.run(.defineQueue("mail", media: .email, dispositions: []))
    for agent in agents {
      h.run(.defineAgent(agent, queues: ["support", "sales", "phone"], maximumChats: nil))
      h.agent(agent, .login)
      h.agent(agent, .readyToWork)
    }
    return h
  }

  static func request(_ visitor: VisitorID) -> ChatRequest {
    ChatRequest(name: "Client \(visitor)", email: "\(visitor)@example.com", ipAddress: "198.51.100.4")
  }

  // MARK: SES-1

  @Test("SES-1: an agent receives only the chats of the queues it has enabled")
  func onlyEnabledQueuesBringChats() {
    var h = Self.desk(agents: ["alice", "bob"])
    h.agent("alice", .selectQueue("sales", enabled: true))
    h.agent("alice", .confirmSelections)
    h.agent("alice", .setStatus(.available))
    h.advance(seconds: 5)
    h.agent("bob", .selectQueue("support", enabled: true))
    h.agent("bob", .confirmSelections)
    h.agent("bob", .setStatus(.available))
    // alice has waited longer, but is not a member of support.
    #expect(
      h.customer("marie", .open("support", Self.request("marie"))) == [
        "chat-1 queued in support for marie",
        "chat-1 offered to bob (accept within 30s)",
      ])
    #expect(
      h.customer("paul", .open("sales", Self.request("paul"))) == [
        "chat-2 queued in sales for paul",
        "chat-2 offered to alice (accept within 30s)",
      ])
  }

  @Test("SES-1: a chat in a queue no available agent is a member of waits")
  func chatWaitsWithoutMembers() {
    var h = Self.desk(agents: ["alice"])
    h.run(.defineAgent("carol", queues: [], maximumChats: nil))
    h.agent("carol", .login)
    h.agent("carol", .readyToWork)
    h.agent("carol", .setStatus(.available))
    // alice is assigned support but has not enabled it.
    h.agent("alice", .setStatus(.available))
    #expect(
      h.customer("marie", .open("support", Self.request("marie"))) == ["chat-1 queued in support for marie"])
    #expect(h.center.waitingChats(in: "support") == [ChatID(1)])
    #expect(h.center.agent("alice")?.pendingOffer == nil)
    #expect(h.center.agent("carol")?.pendingOffer == nil)
  }

  // MARK: SES-4

  @Test("SES-4: selections stay pending until Confirm selections applies them all at once")
  func confirmSelectionsAppliesAllAtOnce() {
    var h = Self.desk(agents: ["alice"])
    h.agent("alice", .setStatus(.available))
    #expect(
      h.agent("alice", .selectQueue("support", enabled: true))
        == ["alice switched support on (pending Confirm selections)"])
    #expect(
      h.agent("alice", .selectQueue("sales", enabled: true)) == [
        "alice switched sales on (pending Confirm selections)"
      ])
    #expect(h.center.agent("alice")?.enabledQueues == [])
    #expect(
      h.agent("alice", .listQueues) == [
        "alice queue support (chat): off, on pending Confirm selections",
        "alice queue sales (chat): off, on pending Confirm selections",
        "alice queue phone (inbound phone): off",
      ])
    // Nothing changes before the confirmation: a chat arriving now waits.
    #expect(
      h.customer("marie", .open("sales", Self.request("marie"))) == ["chat-1 queued in sales for marie"])
    #expect(
      h.agent("alice", .confirmSelections) == [
        "alice enabled support",
        "alice enabled sales",
        "chat-1 offered to alice (accept within 30s)",
      ])
    #expect(h.center.agent("alice")?.enabledQueues == ["support", "sales"])
    #expect(
      h.agent("alice", .listQueues) == [
        "alice queue support (chat): on",
        "alice queue sales (chat): on",
        "alice queue phone (inbound phone): off",
      ])
  }

  @Test("SES-4: switching a queue back before confirming cancels the pending switch")
  func switchingBackCancels() {
    var h = Self.desk(agents: ["alice"])
    h.agent("alice", .selectQueue("support", enabled: true))
    #expect(
      h.agent("alice", .selectQueue("support", enabled: false))
        == ["alice switched support off (pending Confirm selections)"])
    #expect(h.center.agent("alice")?.pendingSelections == [:])
    #expect(
      h.refusal(.agent("alice", .confirmSelections))
        == "alice has no queue switches to apply with Confirm selections")
  }

  @Test("SES-4: a switch already in the wanted position is refused")
  func switchAlreadyInPosition() {
    var h = Self.desk(agents: ["alice"])
    #expect(
      h.refusal(.agent("alice", .selectQueue("support", enabled: false)))
        == "support is already switched off for alice")
    h.agent("alice", .selectQueue("support", enabled: true))
    #expect(
      h.refusal(.agent("alice", .selectQueue("support", enabled: true)))
        == "support is already switched on for alice")
    h.agent("alice", .confirmSelections)
    #expect(
      h.refusal(.agent("alice", .selectQueue("support", enabled: true)))
        == "support is already switched on for alice")
    #expect(
      h.refusal(.agent("alice", .confirmSelections))
        == "alice has no queue switches to apply with Confirm selections")
  }

  @Test("SES-4: confirming a queue off withdraws the offer that came from it; the chat goes on")
  func disablingWithdrawsTheOffer() {
    var h = Self.desk(agents: ["alice", "bob"])
    for agent: AgentID in ["alice", "bob"] {
      h.agent(agent, .selectQueue("support", enabled: true))
      h.agent(agent, .confirmSelections)
    }
    h.agent("alice", .setStatus(.available))
    h.customer("marie", .open("support", Self.request("marie")))
    #expect(h.center.agent("alice")?.pendingOffer == ChatID(1))
    #expect(
      h.agent("alice", .selectQueue("support", enabled: false))
        == ["alice switched support off (pending Confirm selections)"])
    // Still pending: the offer stands until the confirmation.
    #expect(h.center.agent("alice")?.pendingOffer == ChatID(1))
    h.advance(seconds: 3)
    h.agent("bob", .setStatus(.available))
    #expect(
      h.agent("alice", .confirmSelections) == [
        "alice disabled support",
        "chat-1 offer to alice withdrawn: alice disabled support",
        "chat-1 back at the head of support",
        "chat-1 offered to bob (accept within 30s)",
      ])
    #expect(
      h.refusal(.agent("alice", .accept(ChatID(1))))
        == "the offer of chat-1 to alice was withdrawn at 00:00:03")
    #expect(h.center.agent("alice")?.enabledQueues == [])
  }

  @Test(
    "SES-4: confirming a queue off while another stays on hands its offer to the next agent")
  func disablingOneOfTwoQueues() {
    var h = Self.desk(agents: ["alice", "bob"])
    h.agent("alice", .selectQueue("support", enabled: true))
    h.agent("alice", .selectQueue("phone", enabled: true))
    h.agent("alice", .confirmSelections)
    h.agent("alice", .setStatus(.available))
    h.customer("marie", .open("support", Self.request("marie")))
    h.advance(seconds: 1)
    h.agent("bob", .selectQueue("support", enabled: true))
    h.agent("bob", .confirmSelections)
    h.agent("bob", .setStatus(.available))
    h.agent("alice", .selectQueue("support", enabled: false))
    // alice waited longer, but has just switched support off: bob is the one to ask.
    #expect(
      h.agent("alice", .confirmSelections) == [
        "alice disabled support",
        "chat-1 offer to alice withdrawn: alice disabled support",
        "chat-1 back at the head of support",
        "chat-1 offered to bob (accept within 30s)",
      ])
    #expect(h.center.routingViolations == [])
    #expect(h.center.eligibleAgents(in: "phone") == ["alice"])
  }

  // MARK: SES-5

  @Test("SES-5: My profile > Queues switches a queue on, and Save queues applies it")
  func profilePathEnablesAQueue() {
    var h = Self.desk(agents: ["alice"])
    h.agent("alice", .setStatus(.available))
    h.customer("marie", .open("support", Self.request("marie")))
    #expect(
      h.agent("alice", .switchProfileQueue("support", enabled: true))
        == ["alice switched support on in My profile (pending Save queues)"])
    #expect(h.agent("alice", .listQueues).first == "alice queue support (chat): off, on pending Save queues")
    // Confirm selections does not apply the profile's switches.
    #expect(
      h.refusal(.agent("alice", .confirmSelections))
        == "alice has no queue switches to apply with Confirm selections")
    #expect(h.center.agent("alice")?.pendingOffer == nil)
    #expect(
      h.agent("alice", .saveProfileQueues) == [
        "alice enabled support",
        "chat-1 offered to alice (accept within 30s)",
      ])
    #expect(
      h.refusal(.agent("alice", .saveProfileQueues))
        == "alice has no queue switches to apply with Save queues")
  }

  @Test("SES-5: a media queue such as the inbound phone queue can be switched on in the profile")
  func profilePathEnablesAPhoneQueue() {
    var h = Self.desk(agents: ["alice"])
    #expect(
      h.agent("alice", .switchProfileQueue("phone", enabled: true))
        == ["alice switched phone on in My profile (pending Save queues)"])
    #expect(h.agent("alice", .saveProfileQueues) == ["alice enabled phone"])
    #expect(h.agent("alice", .listQueues).last == "alice queue phone (inbound phone): on")
    #expect(
      h.agent("alice", .switchProfileQueue("phone", enabled: false))
        == ["alice switched phone off in My profile (pending Save queues)"])
    #expect(h.agent("alice", .saveProfileQueues) == ["alice disabled phone"])
    #expect(h.center.agent("alice")?.enabledQueues == [])
  }

  @Test("SES-5: the two paths keep their own pending switches; applying one settles the other")
  func pathsAreIndependent() {
    var h = Self.desk(agents: ["alice"])
    h.agent("alice", .selectQueue("support", enabled: true))
    h.agent("alice", .switchProfileQueue("sales", enabled: true))
    h.agent("alice", .switchProfileQueue("support", enabled: true))
    #expect(
      h.agent("alice", .listQueues) == [
        "alice queue support (chat): off, on pending Confirm selections",
        "alice queue sales (chat): off, on pending Save queues",
        "alice queue phone (inbound phone): off",
      ])
    #expect(h.agent("alice", .saveProfileQueues) == ["alice enabled sales", "alice enabled support"])
    // support's switch in My assigned queues is applied too: nothing left to confirm.
    #expect(
      h.agent("alice", .listQueues) == [
        "alice queue support (chat): on",
        "alice queue sales (chat): on",
        "alice queue phone (inbound phone): off",
      ])
    #expect(
      h.refusal(.agent("alice", .confirmSelections))
        == "alice has no queue switches to apply with Confirm selections")
  }

  @Test("SES-5: Save queues with a queue off withdraws the offer from it")
  func profilePathDisablingWithdraws() {
    var h = Self.desk(agents: ["alice"])
    h.agent("alice", .switchProfileQueue("support", enabled: true))
    h.agent("alice", .switchProfileQueue("sales", enabled: true))
    h.agent("alice", .saveProfileQueues)
    h.agent("alice", .setStatus(.available))
    h.customer("marie", .open("support", Self.request("marie")))
    h.customer("paul", .open("sales", Self.request("paul")))
    h.agent("alice", .switchProfileQueue("support", enabled: false))
    // The offer of support is withdrawn; alice, still Available, receives the sales chat.
    #expect(
      h.agent("alice", .saveProfileQueues) == [
        "alice disabled support",
        "chat-1 offer to alice withdrawn: alice disabled support",
        "chat-1 back at the head of support",
        "chat-2 offered to alice (accept within 30s)",
      ])
    #expect(h.center.waitingChats(in: "support") == [ChatID(1)])
  }

  // MARK: SES-6

  @Test("SES-6: without the tenant's permission no queue switch is made or applied, on either path")
  func permissionDenied() {
    var h = Self.desk(agents: ["alice"])
    h.agent("alice", .selectQueue("support", enabled: true))
    h.agent("alice", .switchProfileQueue("sales", enabled: true))
    #expect(h.run(.set(.queueEditPermission(false))) == ["setting queue-permission is now denied"])
    let message = "alice may not change queue settings: the tenant administrator has not allowed it"
    #expect(h.refusal(.agent("alice", .selectQueue("phone", enabled: true))) == message)
    #expect(h.refusal(.agent("alice", .switchProfileQueue("phone", enabled: true))) == message)
    #expect(h.refusal(.agent("alice", .selectQueue("support", enabled: false))) == message)
    // Switches made before the permission was withdrawn cannot be applied either.
    #expect(h.refusal(.agent("alice", .confirmSelections)) == message)
    #expect(h.refusal(.agent("alice", .saveProfileQueues)) == message)
    #expect(h.center.agent("alice")?.enabledQueues == [])
    // Listing is still allowed, and shows the switches still pending.
    #expect(
      h.agent("alice", .listQueues).prefix(2) == [
        "alice queue support (chat): off, on pending Confirm selections",
        "alice queue sales (chat): off, on pending Save queues",
      ])
    #expect(h.run(.set(.queueEditPermission(true))) == ["setting queue-permission is now granted"])
    #expect(h.agent("alice", .confirmSelections) == ["alice enabled support"])
    #expect(h.agent("alice", .saveProfileQueues) == ["alice enabled sales"])
  }

  // MARK: SES-7

  @Test("SES-7: an agent can only switch queues assigned to it, and only defined ones")
  func onlyAssignedQueues() {
    var h = Self.desk(agents: ["alice"])
    h.run(.defineAgent("carol", queues: [], maximumChats: nil))
    h.agent("carol", .login)
    #expect(
      h.refusal(.agent("alice", .selectQueue("mail", enabled: true)))
        == "mail is not one of alice's assigned queues (support, sales, phone)")
    #expect(
      h.refusal(.agent("alice", .switchProfileQueue("mail", enabled: true)))
        == "mail is not one of alice's assigned queues (support, sales, phone)")
    #expect(
      h.refusal(.agent("carol", .selectQueue("support", enabled: true)))
        == "support is not one of carol's assigned queues (none)")
    #expect(
      h.refusal(.agent("alice", .selectQueue("nowhere", enabled: true))) == "queue nowhere is not defined")
    #expect(
      h.refusal(.agent("alice", .switchProfileQueue("nowhere", enabled: true)))
        == "queue nowhere is not defined")
    #expect(h.agent("carol", .listQueues) == [])
  }

  @Test("SES-7: only chat queues carry chats; other media queues refuse them")
  func onlyChatQueuesCarryChats() {
    var h = Self.desk(agents: ["alice"])
    #expect(
      h.refusal(.customer("marie", .open("phone", Self.request("marie"))))
        == "phone is an inbound phone queue; chats arrive only in chat queues")
    #expect(
      h.refusal(.customer("marie", .open("mail", Self.request("marie"))))
        == "mail is an e-mail queue; chats arrive only in chat queues")
    #expect(
      h.refusal(.customer("marie", .open("nowhere", Self.request("marie")))) == "queue nowhere is not defined"
    )
    #expect(h.center.chats.isEmpty)
  }

  @Test("SES-7: an Available agent with only the phone queue on receives no chat")
  func phoneQueueBringsNoChats() {
    var h = Self.desk(agents: ["alice"])
    h.agent("alice", .switchProfileQueue("phone", enabled: true))
    h.agent("alice", .saveProfileQueues)
    #expect(h.agent("alice", .setStatus(.available)) == ["alice is now Available"])
    #expect(
      h.customer("marie", .open("support", Self.request("marie"))) == ["chat-1 queued in support for marie"])
    #expect(h.center.eligibleAgents(in: "support") == [])
  }
}
