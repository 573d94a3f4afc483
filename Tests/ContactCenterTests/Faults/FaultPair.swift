import Testing

@testable import ContactCenter

/// Two centers given the same commands: the reference and one that makes a fault. Set-up steps
/// must agree; the step a test is about shows what the fault changes, side by side.
struct FaultPair {
  /// What one command did on each side: its event lines, or `! message` for a refusal.
  struct Outcomes: Equatable, CustomStringConvertible {
    var reference: [String]
    var faulty: [String]
    var description: String { "reference \(reference), faulty \(faulty)" }
  }

  var reference: Center
  var faulty: Center

  /// Screen pop off, so that offers read as one line; `configure` changes more settings.
  init(_ fault: Fault, _ configure: (inout Settings) -> Void = { _ in }) {
    var settings = Settings()
    settings.screenPop = .off
    configure(&settings)
    reference = Center(settings: settings)
    faulty = Center(settings: settings, faults: [fault])
  }

  /// Runs a command on both sides.
  @discardableResult
  mutating func run(_ command: Command) -> Outcomes {
    Outcomes(
      reference: Self.lines { () throws(Refusal) in try reference.perform(command) },
      faulty: Self.lines { () throws(Refusal) in try faulty.perform(command) })
  }

  @discardableResult
  mutating func agent(_ id: AgentID, _ action: AgentAction) -> Outcomes { run(.agent(id, action)) }

  /// Moves both clocks forward.
  @discardableResult
  mutating func clock(milliseconds: Int64) -> Outcomes {
    let interval = Interval(milliseconds: milliseconds)
    return Outcomes(
      reference: Self.lines { () throws(Refusal) in try reference.advance(by: interval) },
      faulty: Self.lines { () throws(Refusal) in try faulty.advance(by: interval) })
  }

  /// A command both sides must carry out alike (set-up).
  mutating func same(_ command: Command, sourceLocation: SourceLocation = #_sourceLocation) {
    let outcomes = run(command)
    #expect(
      outcomes.reference == outcomes.faulty, "set-up differs: \(outcomes)", sourceLocation: sourceLocation)
    #expect(!outcomes.reference.contains { $0.hasPrefix("!") }, "\(outcomes)", sourceLocation: sourceLocation)
  }

  /// A chat queue `support` (dispositions resolved, callback) and the agents assigned to it.
  mutating func defineSupport(agents: [AgentID], maximumChats: Int? = nil) {
    same(.defineQueue("support", media: .chat, dispositions: ["resolved", "callback"]))
    for agent in agents { same(.defineAgent(agent, queues: ["support"], maximumChats: maximumChats)) }
  }

  /// Logs the agent in, Ready to Work, support enabled and confirmed, and Available.
  mutating func makeAvailable(_ agent: AgentID) {
    for action: AgentAction in [
      .login, .readyToWork, .selectQueue("support", enabled: true), .confirmSelections,
      .setStatus(.available),
    ] {
      same(.agent(agent, action))
    }
  }

  /// A visitor opens a chat in support.
  @discardableResult
  mutating func open(_ visitor: VisitorID) -> Outcomes {
    run(
      .customer(
        visitor,
        .open(
          "support",
          ChatRequest(
            name: "Visitor \(visitor)", email: "\(visitor)@example.com", ipAddress: "203.0.113.7",
            account: nil,
            caseNumber: nil))))
  }

  private static func lines(_ body: () throws(Refusal) -> [Event]) -> [String] {
    do {
      return try body().map(\.description)
    } catch {
      return ["! " + error.description]
    }
  }
}
