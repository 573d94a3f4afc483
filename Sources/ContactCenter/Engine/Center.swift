import OrderedCollections

/// The whole contact center as one value: settings, queues, agents, the CRM, chats, pending
/// offers, timers and the virtual clock.
///
/// Every change goes through one door, ``perform(_:)`` (or its variants that reuse an event
/// buffer or address agents and chats by handle, see `Center+Handles.swift`), and time moves
/// only through ``advance(to:)``. Each returns the events that happened, in order. A refused command throws a
/// ``Refusal`` and changes nothing at all: every handler checks everything before it changes
/// anything.
///
/// ```swift
/// var center = Center()
/// _ = try center.perform(.defineQueue("support", media: .chat, dispositions: []))
/// _ = try center.perform(.defineAgent("alice", queues: ["support"], maximumChats: nil))
/// _ = try center.perform(.agent("alice", .login))
/// ```
///
/// Two centers are equal when every piece of state is (tests use this to show that a refused
/// command changed nothing): `==` is synthesised, so a field added is compared without anyone
/// having to remember it.
public struct Center: Equatable, Sendable {
  public internal(set) var now: Instant = .start
  public internal(set) var settings: Settings
  public internal(set) var queues: OrderedDictionary<QueueID, QueueDefinition> = [:]
  public internal(set) var crm = CRM()
  public internal(set) var faqs: OrderedDictionary<FAQID, String> = [:]
  public internal(set) var statistics = Statistics()

  /// When true, every offer is checked against a brute-force search for the longest-waiting
  /// eligible agent, and disagreements are recorded in ``routingViolations``. Off by default:
  /// it costs a scan of the queue's members per offer.
  public var auditsRouting = false
  public internal(set) var routingViolations: [String] = []

  /// Agents in order of definition; `agentSlots` maps ids to positions.
  var agentRecords: [AgentRecord] = []
  var agentSlots: [AgentID: Int] = [:]
  /// Each agent's id by position, the same as `agentRecords[slot].id`: ids never change, and
  /// this dense copy is what most commands read of an agent, so it stays in the caches where the
  /// full records (ten thousand of them, 250 bytes each) do not.
  var agentIDs: [AgentID] = []
  /// Every chat, by id.
  var chatEntries = ChatTable()
  /// The text of every chat's messages; entries point into it.
  var messageStore = MessageStore()
  /// Each visitor's chat that has not ended yet.
  var openChatOfVisitor: [VisitorID: ChatID] = [:]
  var routing = RoutingIndex()
  var timers = OfferTimers()
  /// Offers made so far: each offer's number. The number tells an offer's timer from the timer
  /// of a later offer of the same chat, and orders timers that fall due at the same instant.
  var offerSequence = 0
  /// The mistakes this engine makes on purpose (``Fault``): none, except in a system under test
  /// built to show that the harness catches them (`clavard serve --fault`).
  public let faults: FaultSet
  /// One with ``Fault/seventhChat``, else zero: added to every chat limit, so that the check
  /// costs an addition rather than a test of the fault.
  let chatLimitSlack: Int

  /// A center with these settings; values out of their documented range are brought into it
  /// (a chat limit of 1 to 6, an accept interval of 1 s to 1 h), so no caller can configure a
  /// seventh chat. `faults` makes it get things wrong on purpose (see ``Fault``); leave it
  /// empty for the engine the procedure describes.
  public init(settings: Settings = Settings(), faults: FaultSet = []) {
    self.faults = faults
    chatLimitSlack = faults.contains(.seventhChat) ? 1 : 0
    var settings = settings
    settings.chatsPerAgent = min(max(settings.chatsPerAgent, 1), Settings.maximumChatsPerAgent)
    settings.acceptInterval = min(
      max(settings.acceptInterval, Settings.acceptIntervalRange.lowerBound),
      Settings.acceptIntervalRange.upperBound)
    self.settings = settings
  }

  /// Carries out one command and returns its events, or throws why it was refused.
  public mutating func perform(_ command: Command) throws(Refusal) -> [Event] {
    var events: [Event] = []
    try perform(command, into: &events)
    return events
  }

  /// Carries out one command and appends its events to `events`; a refused command appends
  /// nothing. For drivers that run millions of commands: one buffer, reused, instead of an
  /// array allocated and freed per command.
  ///
  /// ```swift
  /// var events: [Event] = []
  /// for command in commands {
  ///   events.removeAll(keepingCapacity: true)
  ///   try center.perform(command, into: &events)
  /// }
  /// ```
  public mutating func perform(_ command: Command, into events: inout [Event]) throws(Refusal) {
    try carryOut(into: &events) { center, events throws(Refusal) in try center.dispatch(command, &events) }
  }

  /// Runs one command's handler, for every door (by name or by handle), then routes what it
  /// changed (``settle(_:_:)``). A refused command adds no event (handlers check before they
  /// change anything, so there are none to take back; this keeps the promise even if one ever
  /// did), and a command carried out is counted.
  mutating func carryOut(
    into events: inout [Event], _ handler: (inout Center, inout [Event]) throws(Refusal) -> RoutingChange
  ) throws(Refusal) {
    let before = events.count
    let change: RoutingChange
    do {
      change = try handler(&self, &events)
    } catch {
      events.removeSubrange(before...)
      throw error
    }
    settle(change, &events)
    statistics.commands += 1
  }

  private mutating func dispatch(_ command: Command, _ events: inout [Event]) throws(Refusal) -> RoutingChange
  {
    switch command {
    case .defineQueue(let id, let media, let dispositions):
      try defineQueue(id, media: media, dispositions: dispositions, &events)
    case .defineAgent(let id, let queues, let maximumChats):
      try defineAgent(id, queues: queues, maximumChats: maximumChats, &events)
    case .defineCustomer(let id, let name, let email, let account):
      try defineCustomer(id, name: name, email: email, account: account, &events)
    case .defineCase(let id, let customer, let subject, let state):
      try defineCase(id, customer: customer, subject: subject, state: state, &events)
    case .defineFAQ(let id, let answer):
      try defineFAQ(id, answer: answer, &events)
    case .set(let setting):
      return try apply(setting, &events)
    case .agent(let id, let action):
      guard let slot = agentSlots[id] else { throw .unknownAgent(id) }
      return try perform(action, agent: slot, &events)
    case .customer(let visitor, let action):
      return try perform(action, visitor: visitor, openChat: openChatOfVisitor[visitor], &events)
    }
    return .none
  }

  /// Runs an agent's action and says what it changed for routing; actions that change nothing
  /// routing depends on return no change.
  mutating func perform(_ action: AgentAction, agent slot: Int, _ events: inout [Event]) throws(Refusal)
    -> RoutingChange
  {
    switch action {
    case .login: try login(slot, &events)
    case .readyToWork: try readyToWork(slot, &events)
    case .setStatus(let status): return try setStatus(slot, status, &events)
    case .logout: return try logout(slot, &events)
    case .listQueues: try listQueues(slot, &events)
    case .selectQueue(let queue, let enabled):
      return try switchQueue(slot, queue, enabled, path: .assignedQueues, &events)
    case .confirmSelections: return try applySwitches(slot, path: .assignedQueues, &events)
    case .switchProfileQueue(let queue, let enabled):
      return try switchQueue(slot, queue, enabled, path: .profile, &events)
    case .saveProfileQueues: return try applySwitches(slot, path: .profile, &events)
    case .preview(let chat): try preview(slot, chat, &events)
    case .accept(let chat): return try accept(slot, chat, &events)
    case .reject(let chat): return try reject(slot, chat, &events)
    case .showCustomerInfo(let chat): try showCustomerInfo(slot, chat, &events)
    case .typing(let chat, let isTyping): try agentTyping(slot, chat, isTyping, &events)
    case .say(let chat, let text): try agentSay(slot, chat, text, &events)
    case .insertFAQ(let chat, let faq): try insertFAQ(slot, chat, faq, &events)
    case .sendDraft(let chat): try sendDraft(slot, chat, &events)
    case .saveNewCustomer(let chat, let name, let email, let account):
      try saveNewCustomer(slot, chat, name: name, email: email, account: account, &events)
    case .end(let chat): try end(slot, chat, &events)
    case .showWrapUpTimer(let chat): try showWrapUpTimer(slot, chat, &events)
    case .selectDisposition(let chat, let code): try selectDisposition(slot, chat, code, &events)
    case .continueDisposition(let chat): try continueDisposition(slot, chat, &events)
    case .finish(let chat): return try finish(slot, chat, &events)
    case .showLog(let chat): try showLog(slot, chat, &events)
    case .openLog(let chat): try openLog(slot, chat, &events)
    case .editLog(let chat, let text): try editLog(slot, chat, text, &events)
    case .selectLogCustomer(let chat, let customer): try selectLogCustomer(slot, chat, customer, &events)
    case .saveLog(let chat): try saveLog(slot, chat, draft: false, &events)
    case .saveLogDraft(let chat): try saveLog(slot, chat, draft: true, &events)
    }
    return .none
  }

  /// Runs a customer's action and says what it changed for routing. `openChat` is the
  /// visitor's open chat, looked up by the caller.
  mutating func perform(
    _ action: CustomerAction, visitor: VisitorID, openChat: ChatID?, _ events: inout [Event]
  ) throws(Refusal) -> RoutingChange {
    switch action {
    case .open(let queue, let request): return try open(visitor, openChat, queue, request, &events)
    case .typing(let isTyping): try customerTyping(visitor, openChat, isTyping, &events)
    case .say(let text): try customerSay(visitor, openChat, text, &events)
    case .leave: return try leave(visitor, openChat, &events)
    }
    return .none
  }

  // MARK: Time

  /// Moves the clock forward to `instant`, firing every timer due by then in order of
  /// (deadline, offer number); each timer's routing is settled before the next fires. Events of
  /// a timer happen at its deadline. The clock never goes back, nor past ``Instant/maximum``.
  public mutating func advance(to instant: Instant) throws(Refusal) -> [Event] {
    guard instant >= now else { throw .clockCannotGoBack(from: now, to: instant) }
    guard instant <= .maximum else { throw .clockPastMaximum(from: now) }
    var events: [Event] = []
    // Fault.acceptAtExpiry: timers fire only once their deadline has passed.
    let lastDue = faults.contains(.acceptAtExpiry) ? instant + Interval(milliseconds: -1) : instant
    while let timer = timers.min, timer.deadline <= lastDue {
      timers.removeMin()
      now = max(now, timer.deadline)
      settle(fire(timer, &events), &events)
    }
    now = instant
    return events
  }

  /// Moves the clock forward by `interval` (a negative interval moves nothing), refusing to go
  /// past ``Instant/maximum``.
  public mutating func advance(by interval: Interval) throws(Refusal) -> [Event] {
    try advance(to: now + Interval(milliseconds: max(0, interval.milliseconds)))
  }

  /// Makes room for this many chats in all, so that a driver that knows its size (a
  /// simulation) does not pay for the chat table growing and being copied as it fills.
  public mutating func reserveCapacity(chats: Int) {
    chatEntries.reserveCapacity(chats)
  }

  /// The earliest pending timer, if any: lets a driver jump straight to the next thing that happens.
  public var nextDeadline: Instant? { timers.min?.deadline }
}

/// CHAT-4: an offer's accept interval. Stale timers (the offer was resolved) are ignored when
/// they fire. Timers fire in order of deadline, then of the offers they were set for.
struct OfferTimer: Comparable, Sendable {
  let deadline: Instant
  let offerNumber: Int
  let chat: ChatID

  static func < (lhs: OfferTimer, rhs: OfferTimer) -> Bool {
    (lhs.deadline, lhs.offerNumber) < (rhs.deadline, rhs.offerNumber)
  }
}

/// Counters a driver or a benchmark reads; they do not affect behaviour.
public struct Statistics: Hashable, Sendable {
  public internal(set) var commands = 0
  public internal(set) var chats = 0
  /// Routing decisions: each offer made is one.
  public internal(set) var decisions = 0
  public internal(set) var accepted = 0
  public internal(set) var rejected = 0
  public internal(set) var expired = 0
  public internal(set) var withdrawn = 0
  public internal(set) var abandoned = 0
  public internal(set) var finished = 0
  /// The most chats any agent held at once.
  public internal(set) var maximumChatsHeld = 0
}
