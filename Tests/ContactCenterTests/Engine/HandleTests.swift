import ClavardTestSupport
import Testing

@testable import ContactCenter

/// Handles (`perform(_:by:into:)`, `perform(_:inChat:into:)`) are a faster door to the same
/// engine: every command through them must give the events, refusals and state that the same
/// command by name gives.
@Suite struct HandleTests {
  /// The outcome of one command: its event lines, or its refusal's message.
  enum Outcome: Equatable {
    case events([String])
    case refused(String)
  }

  static func outcome(_ body: (inout [Event]) throws(Refusal) -> Void) -> Outcome {
    var events: [Event] = []
    do {
      try body(&events)
      return .events(events.map(\.description))
    } catch {
      return .refused(error.description)
    }
  }

  /// Two centers driven side by side with random commands, one by name, one through handles;
  /// after each command both must have said the same and be equal.
  @Test(
    "DEC-5: random commands through handles give the same events, refusals and state as by name",
    arguments: [3, 41, 977] as [UInt64])
  func handlesMatchNames(seed: UInt64) {
    var random = SplitMix64(state: seed)
    var settings = Settings()
    settings.rejectPermission = true
    settings.acceptInterval = .seconds(20)
    settings.disposition = .optional
    var byName = Center(settings: settings)
    for queue in ["q1", "q2"] as [QueueID] {
      _ = try? byName.perform(.defineQueue(queue, media: .chat, dispositions: ["done"]))
    }
    let agents: [AgentID] = ["a1", "a2", "a3"]
    for agent in agents {
      _ = try? byName.perform(.defineAgent(agent, queues: ["q1", "q2"], maximumChats: nil))
    }
    var byHandle = byName
    let handles = agents.compactMap { byHandle.handle(of: $0) }
    #expect(handles.map(\.agent) == agents)
    let visitors = (1...40).map { VisitorID("v\($0)") }
    var agentCommands = 0
    var customerCommands = 0
    var refusals = 0
    for step in 0..<2500 {
      let which = random.below(agents.count)
      let chatCount = byName.chats.count
      let chat = chatCount == 0 ? nil : ChatID(1 + random.below(chatCount))
      // Mostly a chat the agent holds (so that conversations go to their end), sometimes any.
      let held = Array(byName.agent(agents[which])?.chats ?? [])
      let named = random.below(4) == 0 || held.isEmpty ? chat : random.pick(held)
      // The next step of the agent's session, so that agents are often Available.
      let record = byName.agent(agents[which])
      let progress: AgentAction =
        switch record?.session {
        case .loggedOut?: .login
        case .loggedIn?: .readyToWork
        default:
          record?.enabledQueues.isEmpty == false
            ? .setStatus(.available)
            : record?.pendingSelections.isEmpty == false
              ? .confirmSelections : .selectQueue("q1", enabled: true)
        }
      let agentActions: [AgentAction] = [
        progress, progress, progress, .setStatus(.onBreak),
        .selectQueue(random.below(2) == 0 ? "q1" : "q2", enabled: true),
        .accept(nil), .accept(nil), .accept(nil), .reject(nil), .say(named, "Bonjour"), .typing(named, true),
        .end(named), .end(named), .end(named),
        .selectDisposition(named, "done"), .continueDisposition(named), .finish(named), .finish(named),
        .logout,
        .selectQueue(random.below(2) == 0 ? "q1" : "q2", enabled: false),
      ]
      let request = ChatRequest(name: "Client", email: "client@example.com", ipAddress: "192.0.2.9")
      let customerActions: [CustomerAction] = [
        .say("Merci"), .say("Merci"), .typing(true), .typing(false), .leave, .open("q2", request),
      ]
      let move = random.below(10)
      let expected: Outcome
      let actual: Outcome
      if move < 5 {
        let action = random.pick(agentActions)
        agentCommands += 1
        expected = Self.outcome { events throws(Refusal) in
          try byName.perform(.agent(agents[which], action), into: &events)
        }
        actual = Self.outcome { events throws(Refusal) in
          try byHandle.perform(action, by: handles[which], into: &events)
        }
      } else if move < 7, let chat {
        // Any chat, ended or not: an ended one must act as its visitor's command by name.
        let action = random.pick(customerActions)
        let visitor = byName.chat(chat)?.visitor ?? "nobody"
        customerCommands += 1
        expected = Self.outcome { events throws(Refusal) in
          try byName.perform(.customer(visitor, action), into: &events)
        }
        actual = Self.outcome { events throws(Refusal) in
          try byHandle.perform(action, inChat: chat, into: &events)
        }
      } else if move < 9 {
        let visitor = random.pick(visitors)
        let request = ChatRequest(name: "Client", email: "\(visitor)@example.com", ipAddress: "192.0.2.9")
        let open = Command.customer(visitor, .open(random.below(2) == 0 ? "q1" : "q2", request))
        expected = Self.outcome { events throws(Refusal) in try byName.perform(open, into: &events) }
        actual = Self.outcome { events throws(Refusal) in try byHandle.perform(open, into: &events) }
      } else if random.below(8) == 0 {
        // The tenant lowers or raises the limit: offers are withdrawn, chats routed again.
        let limit = Command.set(.chatsPerAgent(1 + random.below(6)))
        expected = Self.outcome { events throws(Refusal) in try byName.perform(limit, into: &events) }
        actual = Self.outcome { events throws(Refusal) in try byHandle.perform(limit, into: &events) }
      } else {
        let seconds = Interval.seconds(Int64(random.below(15)))
        expected = Self.outcome { events throws(Refusal) in events += try byName.advance(by: seconds) }
        actual = Self.outcome { events throws(Refusal) in events += try byHandle.advance(by: seconds) }
      }
      if case .refused = expected { refusals += 1 }
      #expect(actual == expected, "step \(step)")
      #expect(byHandle == byName, "step \(step): the states differ")
      if actual != expected || byHandle != byName { break }
    }
    // The run went through both doors often, and through refusals too.
    #expect(agentCommands > 1000 && customerCommands > 300 && refusals > 200)
    #expect(byName.statistics.accepted >= 20)
    #expect(byName.statistics.finished >= 10)
    #expect(
      byName.statistics.withdrawn >= 1, "no offer was taken back by a queue switched off or a lower limit")
  }

  @Test("a refusal through a handle has the message by name and changes nothing")
  func refusalsThroughHandles() throws {
    var harness = Harness()
    harness.defineSupport(agents: ["alice"])
    let alice = try #require(harness.center.handle(of: "alice"))
    let before = harness.center
    var events: [Event] = []
    #expect(throws: Refusal.notLoggedIn("alice")) {
      try harness.center.perform(.accept(nil), by: alice, into: &events)
    }
    #expect(Refusal.notLoggedIn("alice").description == "alice is not logged in")
    #expect(throws: Refusal.unknownChat(ChatID(9))) {
      try harness.center.perform(.say("Bonjour"), inChat: ChatID(9), into: &events)
    }
    #expect(Refusal.unknownChat(ChatID(9)).description == "chat-9 does not exist")
    #expect(events.isEmpty && harness.center == before)
    #expect(harness.center.handle(of: "bob") == nil)
  }

  @Test("a handle from another center acts as its agent's name there")
  func handleFromAnotherCenter() throws {
    var first = Harness()
    first.defineSupport(agents: ["bob", "alice"])
    var second = Harness()
    second.defineSupport(agents: ["alice"])
    // In `first`, alice is the second agent; in `second`, the first.
    let alice = try #require(first.center.handle(of: "alice"))
    var events: [Event] = []
    try second.center.perform(.login, by: alice, into: &events)
    #expect(events.map(\.description) == ["alice logged in"])
    #expect(second.center.status(of: alice) == nil && second.center.agent("alice")?.session == .loggedIn)
    let stranger = try #require(first.center.handle(of: "bob"))
    #expect(throws: Refusal.unknownAgent("bob")) {
      try second.center.perform(.login, by: stranger, into: &events)
    }
  }

  @Test("MSG-1: a customer's command in an ended chat concerns the visitor's chat open now")
  func endedChatActsByName() throws {
    var harness = Harness.withAcceptedChat()
    harness.agent("alice", .end(nil))
    harness.agent("alice", .finish(nil))
    harness.open("marie")
    var events: [Event] = []
    try harness.center.perform(.leave, inChat: ChatID(1), into: &events)
    #expect(events.map(\.description).contains("chat-2 abandoned: marie left while waiting"))
  }
}
