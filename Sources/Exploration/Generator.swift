import Conformance
import ContactCenter
import Simulation

/// Makes the steps of one run, each from the reference's state at that point: agents move
/// through their session (login, Ready to Work, queues, Available), take offers, talk, end,
/// wrap up and finish; customers open chats and leave at every stage; the clock lands on
/// deadlines and a millisecond either side; settings change mid-run; and now and then any
/// command of the vocabulary with values that may be wrong, so that refusals are explored too.
///
/// Mostly valid commands: a random command in a random state is nearly always refused, and a
/// run made of refusals explores nothing. With these weights every fault of the catalogue is
/// found within a few hundred runs (see the README); any command can still come at any time.
struct Generator {
  var random: RandomSource
  /// This run's agents and queues: `a1`…, `q1`…, as many as the run was given.
  let agents: [AgentID]
  let queues: [QueueID]
  /// Visitors in order of their first chat; `v1`….
  var visitors: [VisitorID] = []
  /// Who opened each chat, learnt from the events (``observe(_:)``).
  var visitorOfChat: [ChatID: VisitorID] = [:]

  init(seed: UInt64, agents: Int, queues: Int) {
    random = RandomSource(seed: seed)
    self.agents = (1...max(1, agents)).map { AgentID("a\($0)") }
    self.queues = (1...max(1, queues)).map { QueueID("q\($0)") }
  }

  /// The next step, from the reference's state.
  mutating func next(in center: Center) -> Step {
    if center.queues.count < queues.count, chance(90),
      let queue = queues.first(where: { center.queues[$0] == nil })
    {
      return defineQueue(queue)
    }
    // The records as they lie (one array), not copied one by one as `agent(_:)` would.
    let records = center.agents
    if records.count < agents.count, chance(90),
      let agent = agents.first(where: { id in !records.contains { $0.id == id } })
    {
      return defineAgent(agent)
    }
    switch roll(100) {
    case 0..<46: return agentStep(records, center)
    case 46..<70: return customerStep(center)
    case 70..<83: return clockStep(center)
    case 83..<88: return settingStep()
    case 88..<92: return definitionStep()
    default: return anyCommand()
    }
  }

  /// Learns who opened the chats a command created.
  mutating func observe(_ events: [Event]) {
    for event in events {
      if case .chatQueued(let chat, _, let visitor) = event { visitorOfChat[chat] = visitor }
    }
  }

  // MARK: Agents

  private mutating func agentStep(_ records: [AgentRecord], _ center: Center) -> Step {
    let agent = pick(agents)
    guard let slot = records.firstIndex(where: { $0.id == agent }) else {
      return agentCommand("login", agent)
    }
    switch records[slot].session {
    case .loggedOut:
      return chance(90) ? agentCommand("login", agent) : anyAgentCommand(agent)
    case .loggedIn:
      return chance(85) ? agentCommand("ready", agent) : anyAgentCommand(agent)
    case .ready(let status):
      if let offer = records[slot].pendingOffer, chance(80) { return offerStep(agent, offer) }
      if !records[slot].pendingSelections.isEmpty, chance(70) { return agentCommand("queues confirm", agent) }
      if !records[slot].pendingProfileQueues.isEmpty, chance(70) {
        return agentCommand("profile queues save", agent)
      }
      if records[slot].enabledQueues.isEmpty, !records[slot].assignedQueues.isEmpty, chance(80) {
        let queue = pick(Array(records[slot].assignedQueues))
        return agentCommand(
          chance(75) ? "queues enable" : "profile queues enable", agent, ["queue": .text(queue.rawValue)])
      }
      if status != .available, chance(60) {
        return agentCommand("status", agent, ["status": .text("available")])
      }
      if !records[slot].chats.isEmpty, chance(75) { return chatStep(agent, records[slot].chats, center) }
      if let finished = records[slot].lastFinishedChat, chance(30) { return logStep(agent, finished, center) }
      return anyAgentCommand(agent)
    }
  }

  private mutating func offerStep(_ agent: AgentID, _ offer: ChatID) -> Step {
    switch roll(100) {
    case 0..<52: return agentCommand("accept", agent)
    case 52..<60: return agentCommand("accept", agent, chat: chatReference(offer))
    case 60..<72: return agentCommand(chance(80) ? "reject" : "preview", agent)
    case 72..<82:
      let status = pick([AgentStatus.onBreak, .workingOffline])
      return agentCommand("status", agent, ["status": .text(status.keyword)])
    default: return anyAgentCommand(agent)
    }
  }

  /// A command about one of the chats the agent holds: named, or left for the engine to find
  /// when it is the agent's only one.
  private mutating func chatStep(_ agent: AgentID, _ held: HeldChats, _ center: Center) -> Step {
    let chat = held[Int(roll(UInt64(held.count)))]
    let named = held.count == 1 && chance(70) ? nil : chatReference(chat)
    func command(_ words: String, _ values: [String: Arguments.Value] = [:]) -> Step {
      agentCommand(words, agent, values, chat: named)
    }
    if case .wrapUp = center.state(of: chat) {
      switch roll(100) {
      case 0..<40: return command("finish")
      case 40..<65:
        return command("disposition", ["code": .text(pick(["resolved", "resolved", "callback", "wrong"]))])
      case 65..<85: return command("continue")
      case 85..<93: return command("timer")
      default: return anyAgentCommand(agent)
      }
    }
    switch roll(100) {
    case 0..<33: return command("say", ["text": .text(message())])
    case 33..<45: return command("typing")
    case 45..<52: return command("typing stop")
    case 52..<70: return command("end")
    case 70..<74: return command("info")
    case 74..<80: return command("faq", ["faq": .text(pick(["f1", "f2"]))])
    case 80..<84: return command("send")
    case 84..<94:
      let customer = customerDetails()
      return command("customer save", ["name": .text(customer.name), "email": .text(customer.email)])
    default: return anyAgentCommand(agent)
    }
  }

  /// A command about the log of the chat the agent finished last.
  private mutating func logStep(_ agent: AgentID, _ finished: ChatID, _ center: Center) -> Step {
    let named = chance(75) ? nil : chatReference(finished)
    func command(_ words: String, _ values: [String: Arguments.Value] = [:]) -> Step {
      agentCommand(words, agent, values, chat: named)
    }
    switch roll(100) {
    case 0..<20: return command("log open")
    case 20..<35: return command("log")
    case 35..<50: return command("log edit", ["text": .text(pick(["Called back", "ok"]))])
    case 50..<70:
      let known = center.crm.customers.keys.map(\.rawValue)
      return command("log customer", ["customer": .text(known.isEmpty || chance(10) ? "c9" : pick(known))])
    case 70..<88: return command("log save")
    default: return command("log draft")
    }
  }

  /// The chat through the visitor who opened it.
  func chatReference(_ chat: ChatID) -> ChatReference {
    visitorOfChat[chat].map(ChatReference.openedBy) ?? .unknown
  }

  // MARK: Building steps

  func agentCommand(
    _ words: String, _ agent: AgentID, _ values: [String: Arguments.Value] = [:], chat: ChatReference? = nil
  ) -> Step {
    .command(spec: Self.actorSpec(words), actor: .agent(agent), arguments: Arguments(values), chat: chat)
  }

  /// The position in ``Vocabulary/commands`` of an actor's command (`faq` is both a definition
  /// and an agent's command).
  static func actorSpec(_ words: String) -> Int {
    guard let index = actorSpecs[words] else {
      preconditionFailure("no actor command '\(words)' in the vocabulary")
    }
    return index
  }

  static func tenantSpec(_ words: String) -> Int {
    guard let index = tenantSpecs[words] else {
      preconditionFailure("no definition '\(words)' in the vocabulary")
    }
    return index
  }

  private static let actorSpecs = specs { !$0.roles.contains(.tenant) }
  private static let tenantSpecs = specs { $0.roles.contains(.tenant) }

  private static func specs(where included: (CommandSpec) -> Bool) -> [String: Int] {
    var table: [String: Int] = [:]
    for (index, spec) in Vocabulary.commands.enumerated() where included(spec) { table[spec.name] = index }
    return table
  }

  // MARK: Chance

  /// True `percent` times in a hundred.
  mutating func chance(_ percent: UInt64) -> Bool { roll(100) < percent }

  /// A number in `0..<bound`.
  mutating func roll(_ bound: UInt64) -> UInt64 { random.next() % bound }

  mutating func pick<T>(_ items: [T]) -> T {
    precondition(!items.isEmpty, "picking from nothing")
    return items[Int(roll(UInt64(items.count)))]
  }
}
