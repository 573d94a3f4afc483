import Testing

@testable import ContactCenter

/// Helpers for the wrap-up, chat-log, definition and clock tests.
extension Harness {
  /// Two chat queues, `support` (dispositions resolved, callback) and `sales` (no dispositions),
  /// and the given agents assigned to both. No agent is logged in yet.
  static func wrapUpDesk(
    settings: Settings = Settings(), agents: [AgentID] = ["alice"],
    maximumChats: Int? = nil, sourceLocation: SourceLocation = #_sourceLocation
  ) -> Harness {
    var harness = Harness(settings: settings)
    harness.run(
      .defineQueue("support", media: .chat, dispositions: ["resolved", "callback"]),
      sourceLocation: sourceLocation)
    harness.run(.defineQueue("sales", media: .chat, dispositions: []), sourceLocation: sourceLocation)
    for agent in agents {
      harness.run(
        .defineAgent(agent, queues: ["support", "sales"], maximumChats: maximumChats),
        sourceLocation: sourceLocation)
    }
    return harness
  }

  /// Logs the agent in, Ready to Work, the given queues enabled and confirmed, and Available.
  mutating func bringDeskAgentOnline(
    _ agent: AgentID, queues: [QueueID] = ["support", "sales"],
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    self.agent(agent, .login, sourceLocation: sourceLocation)
    self.agent(agent, .readyToWork, sourceLocation: sourceLocation)
    for queue in queues {
      self.agent(agent, .selectQueue(queue, enabled: true), sourceLocation: sourceLocation)
    }
    self.agent(agent, .confirmSelections, sourceLocation: sourceLocation)
    self.agent(agent, .setStatus(.available), sourceLocation: sourceLocation)
  }

  /// A visitor opens a chat in the given queue, with e-mail `<visitor>@example.com` unless told.
  @discardableResult
  mutating func openDeskChat(
    _ visitor: VisitorID, in queue: QueueID, email: String? = nil,
    sourceLocation: SourceLocation = #_sourceLocation
  ) -> [String] {
    let request = ChatRequest(
      name: "Visitor \(visitor)", email: email ?? "\(visitor)@example.com", ipAddress: "198.51.100.4")
    return customer(visitor, .open(queue, request), sourceLocation: sourceLocation)
  }

  /// The customer record `cust-marie`, whose e-mail matches the default e-mail of visitor `marie`.
  mutating func defineMarieRecord(sourceLocation: SourceLocation = #_sourceLocation) {
    run(
      .defineCustomer("cust-marie", name: "Marie Tremblay", email: "marie@example.com", account: "A-100"),
      sourceLocation: sourceLocation)
  }

  /// Moves the clock to an instant; returns the event lines of timers that fired.
  @discardableResult
  mutating func moveClock(to instant: Instant, sourceLocation: SourceLocation = #_sourceLocation) -> [String]
  {
    do {
      let events = try center.advance(to: instant)
      checkInvariants(sourceLocation: sourceLocation)
      return events.map(\.description)
    } catch {
      Issue.record("refused: \(error)", sourceLocation: sourceLocation)
      return []
    }
  }

  /// Moves the clock to an instant that must be refused; returns the refusal's message and
  /// checks that the state is exactly as before.
  mutating func refusedClockMove(to instant: Instant, sourceLocation: SourceLocation = #_sourceLocation)
    -> String?
  {
    let before = center
    do {
      let events = try center.advance(to: instant)
      Issue.record("expected a refusal, got \(events.map(\.description))", sourceLocation: sourceLocation)
      return nil
    } catch {
      #expect(center == before, "a refused clock move changed the state", sourceLocation: sourceLocation)
      return error.description
    }
  }

  /// The number of chats an agent holds (active or in wrap-up).
  func heldChatCount(_ agent: AgentID) -> Int { center.agent(agent)?.chats.count ?? -1 }
}

extension Instant {
  /// An instant a number of seconds after the start, for readable tests.
  static func at(seconds: Int64) -> Instant { Instant(milliseconds: seconds * 1000) }
}
