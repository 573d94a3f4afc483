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
  /// The agents and chats the last command's events were about: what its invariant check covers.
  private var touchedAgents: [AgentID] = []
  private var touchedChats: [ChatID] = []

  /// A fresh center. With `auditsRouting`, every offer is checked against a brute-force search;
  /// `faults` makes the center get things wrong on purpose (a system under test for the
  /// harness's own tests, see ``Fault``).
  public init(auditsRouting: Bool = true, faults: FaultSet = []) {
    center = Center(faults: faults)
    center.auditsRouting = auditsRouting
  }

  /// Runs one command.
  public mutating func execute(_ command: ScriptCommand) -> Outcome { run(command).outcome }

  /// Runs one command and says what the engine was asked and answered, typed: what a system
  /// under test is asked in lockstep and compared with.
  public mutating func run(_ command: ScriptCommand) -> Execution {
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
        return Execution(request: .clock(target), events: record(try center.advance(to: target)))
      } catch {
        return Execution(request: .clock(target), refusal: error)
      }
    case .expect(let query):
      touchedAgents = []
      touchedChats = []
      return Execution(request: .question(query.question), failure: check(query))
    }
  }

  private mutating func perform(_ command: Command) -> Execution {
    do {
      return Execution(request: .command(command), events: record(try center.perform(command)))
    } catch {
      return Execution(request: .command(command), refusal: error)
    }
  }

  private mutating func record(_ events: [Event]) -> [Event] {
    touchedAgents = events.compactMap(\.agent)
    touchedChats = events.compactMap(\.chat)
    return events
  }

  /// The engine's invariants for what the last command touched (cheap enough for every
  /// command of a long script), including every offer's longest-waiting audit.
  public func invariantViolationsOfLastCommand() -> [String] {
    center.routingViolations + center.invariantViolations(agents: touchedAgents, chats: touchedChats)
  }

  /// `name>` means the agent of that name if one is defined, else a customer (a visitor).
  private mutating func perform(actor name: String, _ command: ActorCommand) -> Execution {
    let agent = AgentID(name)
    if center.agent(agent) != nil {
      guard let action = command.agent else {
        return Execution(failure: "\(name) is an agent; '\(command.name)' is a customer's command")
      }
      return perform(.agent(agent, action))
    }
    if let action = command.customer {
      return perform(.customer(VisitorID(name), action))
    }
    // The agent's reading, refused as the engine refuses an unknown agent, with a hint.
    let hint = Suggestions.hint(for: name, among: center.agents.map(\.id.rawValue))
    let request = command.agent.map { Execution.Request.command(.agent(agent, $0)) }
    return Execution(
      request: request, refusal: .unknownAgent(agent), message: Refusal.unknownAgent(agent).description + hint
    )
  }
}

/// What running one command of a script did, typed: what the engine was asked (resolved: an
/// actor's name read as an agent or a customer, a clock move as the time it moves to), and what
/// it answered. ``outcome`` is the same as script lines see it.
public struct Execution: Sendable {
  public enum Request: Hashable, Sendable {
    case command(Command)
    case clock(Instant)
    case question(Question)
  }

  /// Nil when the command could not be carried out as written (a customer's command given to an
  /// agent): nothing was asked of the engine.
  public var request: Request?
  public var events: [Event] = []
  public var refusal: Refusal?
  /// What the refusal says, when not the refusal's own words.
  private var refusalMessage: String?
  /// Why the command could not be carried out, or the `expect` that does not hold.
  private var failure: String?

  /// As script lines see it: made when asked, as most executions are only compared by their
  /// events (through the protocol, in exploring), and writing every event's line costs more
  /// than running the command.
  public var outcome: Outcome {
    if let failure { return .failed(failure) }
    if let refusal { return .refused(refusalMessage ?? refusal.description) }
    return .events(events.map(\.description))
  }

  init(request: Request?, events: [Event]) {
    self.request = request
    self.events = events
  }

  init(request: Request?, refusal: Refusal, message: String? = nil) {
    self.request = request
    self.refusal = refusal
    refusalMessage = message
  }

  /// An `expect` (nil when it holds), or a command that could not be carried out.
  init(request: Request? = nil, failure: String?) {
    self.request = request
    self.failure = failure
  }
}
