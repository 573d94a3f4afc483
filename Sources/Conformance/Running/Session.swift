import ContactCenter

/// What a command did: the lines of its events, or the engine's refusal, or why it could not
/// be carried out as written (an `expect` that does not hold, an actor that cannot do that).
public enum Outcome: Hashable, Sendable {
  case events([String])
  case refused(String)
  case failed(String)
}

extension Outcome {
  /// The `<` lines of its events, or the `!` line of its refusal, as a script writes them under
  /// the command (`--update`, `.record`, `.save`); nil when the command could not be carried
  /// out as written, which no line can expect.
  public var expectationLines: [String]? {
    switch self {
    case .events(let events): events.map { ExpectedLine.written("<", $0) }
    case .refused(let message): [ExpectedLine.written("!", message)]
    case .failed: nil
    }
  }
}

/// A live session of the script language: a center and the commands run against it. Scripts,
/// `.read` and the REPL all execute through here, so they behave the same.
public struct Session: Sendable {
  public private(set) var center: Center
  /// The last command's events, typed (what a timeline draws); empty after a refusal, an
  /// `expect` or a command that could not be carried out. Keeping it costs one array reference.
  public private(set) var lastEvents: [Event] = []
  /// The agents and chats the last command's events were about: what its invariant check covers.
  private var touchedAgents: [AgentID] = []
  private var touchedChats: [ChatID] = []

  /// A fresh center. With `auditsRouting`, every offer is checked against a brute-force search.
  public init(auditsRouting: Bool = true) {
    center = Center()
    center.auditsRouting = auditsRouting
  }

  /// Runs one command.
  public mutating func execute(_ command: ScriptCommand) -> Outcome {
    lastEvents = []
    switch command {
    case .engine(let command):
      return perform(command)
    case .actor(let name, let command):
      return perform(actor: name, command)
    case .clock(let change):
      let target: Instant
      switch change {
      case .forward(let interval): target = center.now + interval
      case .to(let instant): target = instant
      }
      do {
        return .events(record(try center.advance(to: target)))
      } catch {
        return .refused(error.description)
      }
    case .expect(let query):
      touchedAgents = []
      touchedChats = []
      return check(query).map(Outcome.failed) ?? .events([])
    }
  }

  private mutating func perform(_ command: Command) -> Outcome {
    do {
      return .events(record(try center.perform(command)))
    } catch {
      return .refused(error.description)
    }
  }

  private mutating func record(_ events: [Event]) -> [String] {
    touchedAgents = events.compactMap(\.agent)
    touchedChats = events.compactMap(\.chat)
    lastEvents = events
    return events.map(\.description)
  }

  /// The engine's invariants for what the last command touched (cheap enough for every
  /// command of a long script), including every offer's longest-waiting audit.
  public func invariantViolationsOfLastCommand() -> [String] {
    center.routingViolations + center.invariantViolations(agents: touchedAgents, chats: touchedChats)
  }

  /// `name>` means the agent of that name if one is defined, else a customer (a visitor).
  private mutating func perform(actor name: String, _ command: ActorCommand) -> Outcome {
    let agent = AgentID(name)
    if center.agent(agent) != nil {
      guard let action = command.agent else {
        return .failed("\(name) is an agent; '\(command.name)' is a customer's command")
      }
      return perform(.agent(agent, action))
    }
    if let action = command.customer {
      return perform(.customer(VisitorID(name), action))
    }
    let hint = Suggestions.hint(for: name, among: center.agents.map(\.id.rawValue))
    return .refused("no agent named \(name) is defined\(hint)")
  }
}
