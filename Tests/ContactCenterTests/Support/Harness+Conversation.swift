import Testing

@testable import ContactCenter

/// Helpers for the offer, screen-pop and conversation tests.
extension Harness {
  /// Advances the clock by a number of milliseconds; returns the event lines of timers that fired.
  @discardableResult
  mutating func advance(byMilliseconds milliseconds: Int64, sourceLocation: SourceLocation = #_sourceLocation)
    -> [String]
  {
    carriedOut(failure: "the clock refused to advance", sourceLocation: sourceLocation) {
      try $0.advance(by: Interval(milliseconds: milliseconds))
    }
  }

  /// Advances the clock to an instant given in milliseconds since the start; returns the event
  /// lines of timers that fired.
  @discardableResult
  mutating func advance(toMilliseconds milliseconds: Int64, sourceLocation: SourceLocation = #_sourceLocation)
    -> [String]
  {
    carriedOut(failure: "the clock refused to advance", sourceLocation: sourceLocation) {
      try $0.advance(to: Instant(milliseconds: milliseconds))
    }
  }

  /// A visitor opens a chat in support with the given pre-chat form.
  @discardableResult
  mutating func open(
    _ visitor: VisitorID, request: ChatRequest, sourceLocation: SourceLocation = #_sourceLocation
  ) -> [String] {
    customer(visitor, .open("support", request), sourceLocation: sourceLocation)
  }

  /// A chat queue with one available agent `alice`, and `marie`'s chat-1 accepted by alice.
  static func withAcceptedChat(
    settings: Settings = Settings(), sourceLocation: SourceLocation = #_sourceLocation
  ) -> Harness {
    var harness = Harness(settings: settings)
    harness.defineSupport(agents: ["alice"], sourceLocation: sourceLocation)
    harness.makeAvailable("alice", sourceLocation: sourceLocation)
    harness.open("marie", sourceLocation: sourceLocation)
    harness.agent("alice", .accept(nil), sourceLocation: sourceLocation)
    return harness
  }

  /// The messages of a chat as `author: text` lines, in order.
  func transcript(_ chat: Int) -> [String] {
    center.chat(ChatID(chat))?.messages.map { "\($0.author): \($0.text)" } ?? []
  }

  /// The refusal message of an agent action.
  @discardableResult
  mutating func agentRefusal(
    _ id: AgentID, _ action: AgentAction, sourceLocation: SourceLocation = #_sourceLocation
  ) -> String? {
    refusal(.agent(id, action), sourceLocation: sourceLocation)
  }

  /// The refusal message of a customer action.
  @discardableResult
  mutating func customerRefusal(
    _ id: VisitorID, _ action: CustomerAction, sourceLocation: SourceLocation = #_sourceLocation
  ) -> String? {
    refusal(.customer(id, action), sourceLocation: sourceLocation)
  }
}
