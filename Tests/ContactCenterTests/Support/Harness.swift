import Testing

@testable import ContactCenter

/// A center with a little vocabulary for tests: run commands and get their event lines, expect
/// refusals with their exact message (and check that nothing changed).
struct Harness {
  var center: Center

  init(settings: Settings = Settings(), audited: Bool = true) {
    center = Center(settings: settings)
    center.auditsRouting = audited
  }

  /// Runs a command that must succeed; returns its event lines. A refusal fails the test.
  @discardableResult
  mutating func run(_ command: Command, sourceLocation: SourceLocation = #_sourceLocation) -> [String] {
    carriedOut(failure: "refused", sourceLocation: sourceLocation) { try $0.perform(command) }
  }

  /// What must be carried out (a command, a clock move): its event lines, with the invariants
  /// checked after it. A refusal fails the test with `failure` and the refusal, and gives none.
  mutating func carriedOut(
    failure: String, sourceLocation: SourceLocation, _ body: (inout Center) throws -> [Event]
  ) -> [String] {
    let events: [Event]
    do {
      events = try body(&center)
    } catch {
      Issue.record("\(failure): \(error)", sourceLocation: sourceLocation)
      return []
    }
    checkInvariants(sourceLocation: sourceLocation)
    return events.map(\.description)
  }

  /// Runs an agent action.
  @discardableResult
  mutating func agent(_ id: AgentID, _ action: AgentAction, sourceLocation: SourceLocation = #_sourceLocation)
    -> [String]
  {
    run(.agent(id, action), sourceLocation: sourceLocation)
  }

  /// Runs a customer action.
  @discardableResult
  mutating func customer(
    _ id: VisitorID, _ action: CustomerAction, sourceLocation: SourceLocation = #_sourceLocation
  ) -> [String] {
    run(.customer(id, action), sourceLocation: sourceLocation)
  }

  /// Runs a command that must be refused; returns the refusal's message and checks that the
  /// state is exactly as before.
  @discardableResult
  mutating func refusal(_ command: Command, sourceLocation: SourceLocation = #_sourceLocation) -> String? {
    let before = center
    do {
      let events = try center.perform(command)
      Issue.record("expected a refusal, got \(events.map(\.description))", sourceLocation: sourceLocation)
      return nil
    } catch {
      #expect(center == before, "a refused command changed the state", sourceLocation: sourceLocation)
      return error.description
    }
  }

  /// Advances the clock by a number of seconds; returns the event lines of timers that fired.
  @discardableResult
  mutating func advance(seconds: Int64, sourceLocation: SourceLocation = #_sourceLocation) -> [String] {
    carriedOut(failure: "the clock refused to advance", sourceLocation: sourceLocation) {
      try $0.advance(by: .seconds(seconds))
    }
  }

  func checkInvariants(sourceLocation: SourceLocation = #_sourceLocation) {
    let violations = center.invariantViolations()
    #expect(violations.isEmpty, "invariants broken: \(violations)", sourceLocation: sourceLocation)
  }

  // MARK: Common set-ups

  /// A chat queue `support` (dispositions resolved, callback), a phone queue `phone`, and the
  /// given agents assigned to both.
  mutating func defineSupport(agents: [AgentID], sourceLocation: SourceLocation = #_sourceLocation) {
    run(
      .defineQueue("support", media: .chat, dispositions: ["resolved", "callback"]),
      sourceLocation: sourceLocation)
    run(.defineQueue("phone", media: .phone, dispositions: []), sourceLocation: sourceLocation)
    for agent in agents {
      run(
        .defineAgent(agent, queues: ["support", "phone"], maximumChats: nil), sourceLocation: sourceLocation)
    }
  }

  /// Logs the agent in, Ready to Work, support enabled and confirmed, and Available.
  mutating func makeAvailable(_ agent: AgentID, sourceLocation: SourceLocation = #_sourceLocation) {
    self.agent(agent, .login, sourceLocation: sourceLocation)
    self.agent(agent, .readyToWork, sourceLocation: sourceLocation)
    self.agent(agent, .selectQueue("support", enabled: true), sourceLocation: sourceLocation)
    self.agent(agent, .confirmSelections, sourceLocation: sourceLocation)
    self.agent(agent, .setStatus(.available), sourceLocation: sourceLocation)
  }

  /// A visitor opens a chat in support with valid details.
  @discardableResult
  mutating func open(
    _ visitor: VisitorID, name: String = "Marie Tremblay", email: String? = nil, account: String? = nil,
    caseNumber: String? = nil, sourceLocation: SourceLocation = #_sourceLocation
  ) -> [String] {
    let request = ChatRequest(
      name: name, email: email ?? "\(visitor)@example.com", ipAddress: "203.0.113.7", account: account,
      caseNumber: caseNumber)
    return customer(visitor, .open("support", request), sourceLocation: sourceLocation)
  }
}
