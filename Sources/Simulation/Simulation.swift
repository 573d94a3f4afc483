import ContactCenter

/// A seeded load on the engine: customers arriving in chat queues, agents accepting after a
/// delay (some rejecting, some missing the offer), conversations with typing, customers leaving,
/// wrap-up with a disposition, Finish, breaks. Everything runs on the engine's virtual clock; the
/// wall clock is read only to time routing decisions.
///
/// ```swift
/// var simulation = Simulation(SimulationConfiguration())
/// let report = simulation.run()
/// print(report.json)
/// ```
public struct Simulation: Sendable {
  public let configuration: SimulationConfiguration
  public internal(set) var center = Center()

  var random: RandomSource
  private var agenda = Agenda()
  private var opened = 0
  /// The agents in order of definition; agent `a-N` is at N - 1 (see `agentNumber(of:)`).
  var agents: [AgentHandle] = []
  var queueIDs: [QueueID] = []
  var knownCustomers: [CustomerID] = []
  /// What the simulated people will do with each chat, by the simulation's own count of chats
  /// opened (the first is 0): the engine's chat ids are the engine's business.
  private var plans: [ChatPlan] = []
  /// The plan of each chat the engine opened for the load, by chat id (see `plan(of:)`).
  private var planOfChat = PlanTable()
  var report = SimulationReport()
  private var latencies: [UInt32] = []
  /// One buffer for every engine call's events, reused.
  private var eventBuffer: [Event] = []
  private var violations: [String] = []
  private var commandsSinceFullCheck = 0

  public init(_ configuration: SimulationConfiguration) {
    self.init(configuration, center: Center())
  }

  /// A load on a center that may already hold queues, agents and chats of its own: tests use
  /// it to show that the load follows the ids the engine gives, whatever they are.
  init(_ configuration: SimulationConfiguration, center: Center) {
    self.configuration = configuration
    self.center = center
    self.random = RandomSource(seed: configuration.seed)
  }

  /// Runs the whole load and reports. `timed` records how long each routing decision takes.
  public mutating func run(timed: Bool = true) -> SimulationReport {
    let clock = ContinuousClock()
    let start = clock.now
    center.auditsRouting = configuration.check
    plans.reserveCapacity(configuration.chats)
    planOfChat.reserveCapacity(center.statistics.chats + configuration.chats)
    center.reserveCapacity(chats: configuration.chats)
    setUp()
    while let (time, action) = agenda.popMin() {
      if let deadline = center.nextDeadline, deadline <= time {
        advance(to: time, timed: timed)
      } else {
        // No timer due: only the clock moves. (It cannot pass its maximum: the largest load
        // runs for years of virtual time, the clock goes to a hundred; were it refused, the
        // refusal is counted like any other.)
        do { _ = try center.advance(by: time - center.now) } catch { report.refusals += 1 }
      }
      perform(action, timed: timed)
    }
    finishReport(wall: clock.now - start)
    return report
  }

  mutating func scheduleArrival() {
    guard opened < configuration.chats else { return }
    schedule(.arrival, after: random.exponentialMilliseconds(mean: 1000 / configuration.arrivalsPerSecond))
  }

  // MARK: Actions

  private mutating func perform(_ action: Action, timed: Bool) {
    switch action {
    case .arrival:
      opened += 1
      let visitor = VisitorID("v-\(opened)")
      let known = random.chance(configuration.knownCustomerShare)
      let email =
        known
        ? "k\(1 + Int(random.next() % UInt64(knownCustomers.count)))@example.com" : "v\(opened)@example.net"
      let queue = queueIDs[Int(random.next() % UInt64(queueIDs.count))]
      let octet = 1 + opened % 250
      let request = ChatRequest(name: "Visitor \(opened)", email: email, ipAddress: "198.51.100.\(octet)")
      let abandons = random.chance(configuration.abandonProbability)
      let messages = Int.random(in: configuration.messagesPerChat, using: &random)
      let plan = plans.count
      plans.append(
        ChatPlan(
          messagesLeft: Int16(messages),
          leavesMidChat: random.chance(configuration.customerLeavesMidChatProbability)))
      if abandons {
        schedule(.leave(plan: plan), after: random.milliseconds(inSeconds: configuration.patience))
      }
      // The engine's `chat-queued` event tells which chat this plan is for (see `react(to:)`).
      call(.customer(visitor, .open(queue, request)), timed: timed)
      scheduleArrival()
    case .respond(let chat, let agent, let accepts):
      call(accepts ? .accept(chat) : .reject(chat), by: agent, timed: timed)
    case .converse(let chat, let conversation):
      converse(chat, conversation)
    case .leave(let plan):
      // A customer who gave up while waiting; one already being served stays.
      guard let chat = plans[plan].chat, plans[plan].agent == nil else { return }
      call(.leave, inChat: chat, timed: timed)
    case .dispose(let chat, let agent):
      let code: DispositionCode = ["resolved", "callback", "escalated"][Int(random.next() % 3)]
      call(.selectDisposition(chat, code), by: agent)
      call(.continueDisposition(chat), by: agent)
    case .finish(let chat, let agent):
      call(.finish(chat), by: agent, timed: timed)
      if random.chance(configuration.breakProbability) {
        call(.setStatus(.onBreak), by: agent, timed: timed)
        schedule(.available(agent), after: random.milliseconds(inSeconds: configuration.breakLength))
      }
    case .available(let agent):
      guard center.status(of: agents[agent]) != .available else { return }
      call(.setStatus(.available), by: agent, timed: timed)
    case .saveLog(let chat, let agent):
      let customer = knownCustomers[Int(random.next() % UInt64(knownCustomers.count))]
      call(.selectLogCustomer(chat, customer), by: agent)
      call(.saveLog(chat), by: agent)
    }
  }

  /// One turn of a conversation: a message (sometimes after a typing indicator) or the end.
  /// What it needs travels with the action, so this hot path reads no table of its own; and
  /// messages never route, so they are not timed.
  private mutating func converse(_ chat: ChatID, _ conversation: Conversation) {
    let agent = Int(conversation.agent)
    if conversation.messagesLeft == 0 {
      if conversation.customerLeaves {
        call(.leave, inChat: chat)
      } else {
        call(.end(chat), by: agent)
      }
      return
    }
    let fromAgent = conversation.messagesLeft % 2 == 1
    let typing = random.chance(0.3)
    if fromAgent {
      if typing { call(.typing(chat, true), by: agent) }
      call(.say(chat, "Bonjour, merci"), by: agent)
    } else {
      if typing { call(.typing(true), inChat: chat) }
      call(.say("Merci, à bientôt"), inChat: chat)
    }
    var next = conversation
    next.messagesLeft -= 1
    schedule(.converse(chat, next), after: random.milliseconds(inSeconds: configuration.messageGap))
  }

  // MARK: Reacting to events

  private mutating func react(to event: Event) {
    switch event {
    case .chatQueued(let chat, _, _):
      // Only arrivals open chats, so a new chat is the latest plan's.
      guard let plan = plans.indices.last, plans[plan].chat == nil else { return }
      plans[plan].chat = chat
      planOfChat[chat] = plan
    case .chatOffered(let chat, let agent, _):
      guard let slot = agentNumber(of: agent) else { return }
      if random.chance(configuration.missProbability) { return }  // The accept interval will run out.
      let accepts = !random.chance(configuration.rejectProbability)
      schedule(
        .respond(chat, agent: slot, accepts: accepts),
        after: random.milliseconds(inSeconds: configuration.acceptDelay))
    case .chatAccepted(let chat, let agent):
      guard let slot = agentNumber(of: agent), let number = planOfChat[chat] else { return }
      plans[number].acceptedBy = Int32(slot)
      let plan = plans[number]
      let conversation = Conversation(
        agent: Int32(slot), messagesLeft: plan.messagesLeft, customerLeaves: plan.leavesMidChat)
      schedule(.converse(chat, conversation), after: random.milliseconds(inSeconds: configuration.messageGap))
    case .chatRejected(_, let agent), .offerExpired(_, let agent):
      guard let slot = agentNumber(of: agent) else { return }
      schedule(.available(slot), after: random.milliseconds(inSeconds: configuration.backFromMissedOffer))
    case .chatEnded(let chat, _):
      guard let number = planOfChat[chat], let slot = plans[number].agent else { return }
      let wrapUp = random.milliseconds(inSeconds: configuration.wrapUp)
      if random.chance(0.8) { schedule(.dispose(chat, agent: slot), after: wrapUp / 2) }
      schedule(.finish(chat, agent: slot), after: wrapUp)
    case .logOpened(let chat, let agent, .edit):
      guard let slot = agentNumber(of: agent) else { return }
      schedule(.saveLog(chat, agent: slot), after: 5000)
    default:
      break
    }
  }

  // MARK: Calling the engine

  /// Calls the engine, times the call when it made routing decisions, reacts to its events and
  /// checks invariants when asked. A refusal is counted: a simulated person acted on stale
  /// knowledge (an offer already expired), which the engine must refuse without harm.
  mutating func call(_ command: Command, timed: Bool = false) {
    engineCall(timed: timed) { center, events throws(Refusal) in try center.perform(command, into: &events) }
  }

  /// An agent's action through its handle: what a server holding agent sessions would do.
  private mutating func call(_ action: AgentAction, by agent: Int, timed: Bool = false) {
    let handle = agents[agent]
    engineCall(timed: timed) { center, events throws(Refusal) in
      try center.perform(action, by: handle, into: &events)
    }
  }

  /// A customer's action in the window of their chat.
  private mutating func call(_ action: CustomerAction, inChat chat: ChatID, timed: Bool = false) {
    engineCall(timed: timed) { center, events throws(Refusal) in
      try center.perform(action, inChat: chat, into: &events)
    }
  }

  /// The position of agent `a-N` (N - 1), read from the name the simulation gave it: events name
  /// agents, and reading the number back is cheaper than a table keyed by name.
  private func agentNumber(of agent: AgentID) -> Int? {
    var number = 0
    for byte in agent.rawValue.utf8.dropFirst(2).prefix(10) {
      guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
      number = number * 10 + Int(byte - UInt8(ascii: "0"))
    }
    guard number >= 1, number <= agents.count, agents[number - 1].agent == agent else { return nil }
    return number - 1
  }

  private mutating func advance(to time: Instant, timed: Bool) {
    engineCall(timed: timed) { center, events throws(Refusal) in events += try center.advance(to: time) }
  }

  private mutating func engineCall(timed: Bool, _ body: (inout Center, inout [Event]) throws(Refusal) -> Void)
  {
    let decisionsBefore = center.statistics.decisions
    let clock = ContinuousClock()
    let start = timed ? clock.now : nil
    eventBuffer.removeAll(keepingCapacity: true)
    do {
      try body(&center, &eventBuffer)
    } catch {
      report.refusals += 1
      return
    }
    let events = eventBuffer
    if let start {
      let made = center.statistics.decisions - decisionsBefore
      if made > 0 {
        let elapsed = (clock.now - start).components
        let nanoseconds =
          UInt64(elapsed.seconds) * 1_000_000_000 + UInt64(elapsed.attoseconds / 1_000_000_000)
        let each = UInt32(clamping: nanoseconds / UInt64(made))
        for _ in 0..<made { latencies.append(each) }
      }
    }
    report.offered += events.lazy.filter { if case .chatOffered = $0 { true } else { false } }.count
    for event in events { react(to: event) }
    if configuration.check { check(after: events) }
  }

  private mutating func check(after events: [Event]) {
    violations += center.invariantViolations(
      agents: events.compactMap(\.agent), chats: events.compactMap(\.chat))
    commandsSinceFullCheck += 1
    if commandsSinceFullCheck >= configuration.fullCheckInterval {
      commandsSinceFullCheck = 0
      violations += center.invariantViolations()
    }
  }

  mutating func schedule(_ action: Action, after milliseconds: Int64) {
    agenda.insert(action, at: center.now + Interval(milliseconds: milliseconds))
  }

  private mutating func finishReport(wall: Duration) {
    let statistics = center.statistics
    report.chats = statistics.chats
    report.accepted = statistics.accepted
    report.rejected = statistics.rejected
    report.expired = statistics.expired
    report.withdrawn = statistics.withdrawn
    report.abandoned = statistics.abandoned
    report.finished = statistics.finished
    // Each chat is accepted once at most, and abandoned only if it never was.
    report.unserved = statistics.chats - statistics.accepted - statistics.abandoned
    report.maximumChatsPerAgent = statistics.maximumChatsHeld
    report.decisions = statistics.decisions
    report.commands = statistics.commands
    report.virtualDuration = center.now.description
    if configuration.check {
      violations += center.invariantViolations()
      report.invariantViolations = violations
    }
    latencies.sort()
    if !latencies.isEmpty {
      report.decisionP50Nanoseconds = UInt64(latencies[latencies.count / 2])
      report.decisionP99Nanoseconds = UInt64(latencies[min(latencies.count - 1, latencies.count * 99 / 100)])
    }
    let components = wall.components
    report.wallSeconds = Double(components.seconds) + Double(components.attoseconds) / 1e18
  }
}

/// What the simulated customer of one chat will do. Twelve bytes: a million of these are
/// read at random as chats are accepted and end, and the customer acts through the chat's id
/// (`perform(_:inChat:into:)`), so the plan needs no name.
struct ChatPlan: Sendable {
  let messagesLeft: Int16
  let leavesMidChat: Bool
  /// The agent who accepted the chat, once accepted (-1 before).
  var acceptedBy: Int32 = -1
  /// The number of the chat the engine opened for this plan (0 before). A load opens at most
  /// `SimulationConfiguration.maximumChats(chatLog:)`, so numbers fit 32 bits; one that did not would be
  /// a bug of the simulation, and traps.
  private var chatNumber: Int32 = 0

  init(messagesLeft: Int16, leavesMidChat: Bool) {
    self.messagesLeft = messagesLeft
    self.leavesMidChat = leavesMidChat
  }

  /// The chat the engine opened for this plan, once open.
  var chat: ChatID? {
    get { chatNumber > 0 ? ChatID(Int(chatNumber)) : nil }
    set { chatNumber = Int32(newValue?.number ?? 0) }
  }

  var agent: Int? { acceptedBy >= 0 ? Int(acceptedBy) : nil }
}

/// Plan numbers by chat id: a table addressed by the id's number, not a hash table, because it
/// is read as every chat is accepted and ends (hashing the id each time cost 3% of the
/// instructions of a run).
/// Ids the load did not open (a center's own chats) have no plan. Four bytes per chat id.
struct PlanTable: Sendable {
  private var plans: [Int32] = []

  subscript(chat: ChatID) -> Int? {
    get {
      guard chat.number >= 0, chat.number < plans.count, plans[chat.number] >= 0 else { return nil }
      return Int(plans[chat.number])
    }
    set {
      guard chat.number >= 0 else { return }
      if chat.number >= plans.count {
        plans.append(contentsOf: repeatElement(-1, count: chat.number + 1 - plans.count))
      }
      plans[chat.number] = newValue.map(Int32.init) ?? -1
    }
  }

  mutating func reserveCapacity(_ chats: Int) { plans.reserveCapacity(chats + 1) }
}

/// What a conversation in progress needs at each turn.
struct Conversation: Sendable {
  let agent: Int32
  /// Messages still to send; the first goes from the agent, then they alternate.
  var messagesLeft: Int16
  /// Whether the customer, rather than the agent, ends the chat (by leaving).
  let customerLeaves: Bool
}

enum Action: Sendable {
  case arrival
  case respond(ChatID, agent: Int, accepts: Bool)
  case converse(ChatID, Conversation)
  /// The customer of a plan (numbered by the simulation) gives up waiting.
  case leave(plan: Int)
  case dispose(ChatID, agent: Int)
  case finish(ChatID, agent: Int)
  case available(Int)
  case saveLog(ChatID, agent: Int)
}
