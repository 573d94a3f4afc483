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
/// run made of refusals explores nothing. The weights below are what found every fault of the
/// catalogue fastest (see the README's table); any command can still come at any time.
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
    if let queue = queues.first(where: { center.queues[$0] == nil }), chance(90) { return defineQueue(queue) }
    if let agent = agents.first(where: { center.agent($0) == nil }), chance(90) { return defineAgent(agent) }
    switch roll(100) {
    case 0..<46: return agentStep(center)
    case 46..<70: return customerStep(center)
    case 70..<83: return clockStep(center)
    case 83..<88: return settingStep()
    case 88..<92: return definitionStep()
    default: return anyCommand(center)
    }
  }

  /// Learns who opened the chats a command created.
  mutating func observe(_ events: [Event]) {
    for event in events {
      if case .chatQueued(let chat, _, let visitor) = event { visitorOfChat[chat] = visitor }
    }
  }

  // MARK: Agents

  private mutating func agentStep(_ center: Center) -> Step {
    let agent = pick(agents)
    guard let record = center.agent(agent) else { return agentCommand("login", agent) }
    switch record.session {
    case .loggedOut:
      return chance(90) ? agentCommand("login", agent) : anyAgentCommand(agent, center)
    case .loggedIn:
      return chance(85) ? agentCommand("ready", agent) : anyAgentCommand(agent, center)
    case .ready(let status):
      if let offer = record.pendingOffer, chance(80) { return offerStep(agent, offer, record) }
      if !record.pendingSelections.isEmpty, chance(70) { return agentCommand("queues confirm", agent) }
      if !record.pendingProfileQueues.isEmpty, chance(70) {
        return agentCommand("profile queues save", agent)
      }
      if record.enabledQueues.isEmpty, !record.assignedQueues.isEmpty, chance(80) {
        let queue = StepValue.value(.text(pick(Array(record.assignedQueues)).rawValue))
        return agentCommand(chance(75) ? "queues enable" : "profile queues enable", agent, ["queue": queue])
      }
      if status != .available, chance(60) {
        return agentCommand("status", agent, ["status": .value(.text("available"))])
      }
      if !record.chats.isEmpty, chance(75) { return chatStep(agent, record, center) }
      if record.lastFinishedChat != nil, chance(30) { return logStep(agent, record, center) }
      return anyAgentCommand(agent, center)
    }
  }

  private mutating func offerStep(_ agent: AgentID, _ offer: ChatID, _ record: AgentRecord) -> Step {
    let named = StepValue.chat(chatReference(offer))
    switch roll(100) {
    case 0..<52: return agentCommand("accept", agent)
    case 52..<60: return agentCommand("accept", agent, ["chat": named])
    case 60..<72: return agentCommand(chance(80) ? "reject" : "preview", agent)
    case 72..<82:
      let status = pick([AgentStatus.onBreak, .workingOffline])
      return agentCommand("status", agent, ["status": .value(.text(status.keyword))])
    default: return anyAgentCommand(agent, nil)
    }
  }

  private mutating func chatStep(_ agent: AgentID, _ record: AgentRecord, _ center: Center) -> Step {
    let chat = pick(Array(record.chats))
    let arguments: [String: StepValue] =
      record.chats.count == 1 && chance(70) ? [:] : ["chat": .chat(chatReference(chat))]
    func with(_ more: [String: StepValue]) -> [String: StepValue] { arguments.merging(more) { $1 } }
    if case .wrapUp = center.state(of: chat) {
      switch roll(100) {
      case 0..<40: return agentCommand("finish", agent, arguments)
      case 40..<65:
        let code = pick(["resolved", "resolved", "callback", "wrong"])
        return agentCommand("disposition", agent, with(["code": .value(.text(code))]))
      case 65..<85: return agentCommand("continue", agent, arguments)
      case 85..<93: return agentCommand("timer", agent, arguments)
      default: return anyAgentCommand(agent, center)
      }
    }
    switch roll(100) {
    case 0..<33: return agentCommand("say", agent, with(["text": .value(.text(message()))]))
    case 33..<45: return agentCommand("typing", agent, arguments)
    case 45..<52: return agentCommand("typing stop", agent, arguments)
    case 52..<70: return agentCommand("end", agent, arguments)
    case 70..<74: return agentCommand("info", agent, arguments)
    case 74..<80: return agentCommand("faq", agent, with(["faq": .value(.text(pick(["f1", "f2"])))]))
    case 80..<84: return agentCommand("send", agent, arguments)
    case 84..<94:
      let customer = customerDetails()
      return agentCommand(
        "customer save", agent,
        with(["name": .value(.text(customer.name)), "email": .value(.text(customer.email))]))
    default: return anyAgentCommand(agent, center)
    }
  }

  private mutating func logStep(_ agent: AgentID, _ record: AgentRecord, _ center: Center) -> Step {
    let arguments: [String: StepValue] =
      chance(75) ? [:] : ["chat": .chat(record.lastFinishedChat.map(chatReference) ?? .unknown)]
    func with(_ more: [String: StepValue]) -> [String: StepValue] { arguments.merging(more) { $1 } }
    switch roll(100) {
    case 0..<20: return agentCommand("log open", agent, arguments)
    case 20..<35: return agentCommand("log", agent, arguments)
    case 35..<50:
      return agentCommand("log edit", agent, with(["text": .value(.text(pick(["Called back", "ok"])))]))
    case 50..<70:
      let known = center.crm.customers.keys.map(\.rawValue)
      let customer = known.isEmpty || chance(10) ? "c9" : pick(known)
      return agentCommand("log customer", agent, with(["customer": .value(.text(customer))]))
    case 70..<88: return agentCommand("log save", agent, arguments)
    default: return agentCommand("log draft", agent, arguments)
    }
  }

  /// The chat through the visitor who opened it.
  func chatReference(_ chat: ChatID) -> ChatReference {
    visitorOfChat[chat].map(ChatReference.openedBy) ?? .unknown
  }

  // MARK: Building steps

  mutating func agentCommand(_ words: String, _ agent: AgentID, _ arguments: [String: StepValue] = [:])
    -> Step
  {
    .command(spec: Self.actorSpec(words), actor: .agent(agent), arguments: arguments)
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
