import OrderedCollections

/// CHAT-1: the three statuses of the Status menu, available after Ready to Work.
public enum AgentStatus: Hashable, Sendable, CaseIterable, CustomStringConvertible {
  case available
  case workingOffline
  case onBreak

  /// The page's name for it: `Available`, `Working Offline`, `On Break`.
  public var description: String {
    switch self {
    case .available: "Available"
    case .workingOffline: "Working Offline"
    case .onBreak: "On Break"
    }
  }

  /// The script's word for it: `available`, `working-offline`, `on-break`.
  public var keyword: String {
    switch self {
    case .available: "available"
    case .workingOffline: "working-offline"
    case .onBreak: "on-break"
    }
  }

  public init?(keyword: String) {
    guard let status = Self.allCases.first(where: { $0.keyword == keyword }) else { return nil }
    self = status
  }
}

/// Where an agent is in its session (SES-2, SES-3).
public enum AgentSession: Hashable, Sendable {
  case loggedOut
  /// Logged in, but Ready to Work not clicked yet: no status, no offers.
  case loggedIn
  case ready(AgentStatus)

  public var status: AgentStatus? {
    if case .ready(let status) = self { return status }
    return nil
  }

  public var isLoggedIn: Bool { self != .loggedOut }
}

/// How an agent's last offer ended, kept so that a late accept is told why it is refused.
public struct ResolvedOffer: Hashable, Sendable {
  public enum Ending: Hashable, Sendable, CaseIterable { case rejected, expired, withdrawn }
  public let chat: ChatID
  public let ending: Ending
  public let at: Instant
}

/// One agent: its definition and its live state.
///
/// The fields every offer, accept and Finish reads or writes come first, so that they share
/// the record's first cache lines; the queue switches and the logs, rarely touched, come last.
public struct AgentRecord: Hashable, Sendable {
  public let id: AgentID
  public internal(set) var session: AgentSession = .loggedOut
  /// Whether `enabledQueues` has any: kept here so that the eligibility check, made on every
  /// routing decision, reads the record's first lines only and not the set's storage elsewhere.
  private(set) var servesQueues = false
  /// CAP-1 decision: a per-agent cap below the tenant's, if the tenant set one.
  public let maximumChats: Int?
  /// DEC-1: when the agent's current wait began: becoming Available, or its last accept.
  public internal(set) var waitingSince: Instant = .start
  /// DEC-1: when the agent last became Available.
  public internal(set) var availableSince: Instant = .start
  /// Chats accepted and not yet finished (active or in wrap-up), in order of accept.
  public internal(set) var chats: HeldChats = []
  /// DEC-2: at most one pending offer.
  public internal(set) var pendingOffer: ChatID?
  public internal(set) var lastResolvedOffer: ResolvedOffer?
  /// The chat this agent finished last: what log commands mean when they name no chat.
  public internal(set) var lastFinishedChat: ChatID?

  /// SES-7: the queues the tenant assigned, in the order given; only these can be enabled. A
  /// set, so that checking a switch costs O(1) however many queues the agent has.
  public let assignedQueues: OrderedSet<QueueID>
  /// SES-1: queues switched on and applied; offers come only from these.
  public internal(set) var enabledQueues: OrderedSet<QueueID> = [] {
    didSet { servesQueues = !enabledQueues.isEmpty }
  }
  /// SES-4: switches changed in My assigned queues, applied only by Confirm selections.
  public internal(set) var pendingSelections: OrderedDictionary<QueueID, Bool> = [:]
  /// SES-5: switches changed in My profile > Queues, applied only by Save queues.
  public internal(set) var pendingProfileQueues: OrderedDictionary<QueueID, Bool> = [:]
  /// Chats whose log this agent has open in edit mode (LOG-3, LOG-4), in order of opening.
  public internal(set) var openLogs: OrderedSet<ChatID> = []

  init(id: AgentID, assignedQueues: OrderedSet<QueueID>, maximumChats: Int?) {
    self.id = id
    self.assignedQueues = assignedQueues
    self.maximumChats = maximumChats
  }

  public var status: AgentStatus? { session.status }
}
