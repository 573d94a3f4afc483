/// What the customer typed in the pre-chat form when opening the chat (CAP-5, POP-2).
public struct ChatRequest: Hashable, Sendable {
  public var name: String
  public var email: String
  public var ipAddress: String
  /// POP-2: an account number the customer gave, if any.
  public var account: String?
  /// POP-2: a case number the customer gave, if any.
  public var caseNumber: String?

  public init(
    name: String, email: String, ipAddress: String, account: String? = nil, caseNumber: String? = nil
  ) {
    self.name = name
    self.email = email
    self.ipAddress = ipAddress
    self.account = account
    self.caseNumber = caseNumber
  }
}

/// One side of a chat.
public enum Party: Hashable, Sendable, CustomStringConvertible {
  case agent(AgentID)
  case customer(VisitorID)

  public var description: String {
    switch self {
    case .agent(let id): id.rawValue
    case .customer(let id): id.rawValue
    }
  }
}

public struct ChatMessage: Hashable, Sendable {
  public let author: Party
  public let text: String
  public let at: Instant
}

/// Where a chat is in its life. Every chat is in exactly one of these, and in exactly one place:
/// its queue's line, one agent's pending offer, or one agent's chats, or nowhere once over.
public enum ChatState: Hashable, Sendable {
  case queued
  /// CHAT-2: offered to one agent, who must accept before `deadline`.
  case offered(to: AgentID, offerNumber: Int, at: Instant, deadline: Instant)
  case active(agent: AgentID, acceptedAt: Instant)
  /// END-1: ended, the agent wraps up; the timer counts from `endedAt`.
  case wrapUp(agent: AgentID, endedAt: Instant, endedBy: Party)
  /// END-3: finished, no longer counted toward the agent's chats.
  case finished(agent: AgentID, endedAt: Instant, finishedAt: Instant)
  /// DEC-3: the customer left before any agent accepted.
  case abandoned(at: Instant)

  /// The state without its details; its raw value is the script's word for it.
  public enum Phase: String, CaseIterable, Hashable, Sendable {
    case queued, offered, active
    case wrapUp = "wrap-up"
    case finished, abandoned
  }

  public var phase: Phase {
    switch self {
    case .queued: .queued
    case .offered: .offered
    case .active: .active
    case .wrapUp: .wrapUp
    case .finished: .finished
    case .abandoned: .abandoned
    }
  }

  /// The script's word for the state: `queued`, `offered`, `active`, `wrap-up`, `finished`, `abandoned`.
  public var keyword: String { phase.rawValue }

  /// The agent holding the chat (accepted, not finished), if any.
  public var holder: AgentID? {
    switch self {
    case .active(let agent, _), .wrapUp(let agent, _, _): agent
    default: nil
    }
  }

  public var isOver: Bool {
    switch self {
    case .finished, .abandoned: true
    default: false
    }
  }
}

/// POP-1..4: what the workspace shows the agent as the screen pop.
public enum ScreenPop: Hashable, Sendable {
  case customerRecord(CustomerID)
  case caseRecord(CaseID, customer: CustomerID)
  /// POP-4: the customer is new; the agent fills this form and saves a customer record.
  case newCustomerForm
}

/// How the CRM recognised the customer who opened a chat (POP-2).
public struct CustomerMatch: Hashable, Sendable {
  public enum Basis: String, Hashable, Sendable {
    case caseNumber = "case"
    case account
    case email = "e-mail"
  }
  public let customer: CustomerID
  public let caseID: CaseID?
  public let basis: Basis

  /// Public so that an event can be rebuilt outside the engine (the wire protocol decodes a
  /// system under test's events to compare them with the reference's).
  public init(customer: CustomerID, caseID: CaseID?, basis: Basis) {
    self.customer = customer
    self.caseID = caseID
    self.basis = basis
  }
}

/// LOG-1: the chat log pop-up's mode.
public enum ChatLogMode: String, Hashable, Sendable {
  /// LOG-2: existing customer; read-only, associated with the customer automatically.
  case view
  /// LOG-3: new customer; the agent edits and picks a customer from the list to save.
  case edit
}

/// LOG-1..4: the chat log of a finished chat.
public struct ChatLog: Hashable, Sendable {
  public let mode: ChatLogMode
  /// LOG-4: the agent's edited text; `nil` keeps the transcript as it is.
  public internal(set) var notes: String?
  /// LOG-3: the customer chosen from the list (view mode: the known customer).
  public internal(set) var customer: CustomerID?
  /// The case the log is stored as, once saved or saved as draft.
  public internal(set) var savedCase: CaseID?
  /// True once saved for good (not as a draft): the log is closed.
  public internal(set) var isSaved: Bool
}

/// What never changes about a chat once opened. Kept behind one immutable reference so that
/// reading or copying a chat entry costs one retain instead of one per string.
final class ChatOrigin: Hashable, Sendable {
  let queue: QueueID
  let request: ChatRequest
  let openedAt: Instant
  let match: CustomerMatch?

  init(queue: QueueID, request: ChatRequest, openedAt: Instant, match: CustomerMatch?) {
    self.queue = queue
    self.request = request
    self.openedAt = openedAt
    self.match = match
  }

  static func == (lhs: ChatOrigin, rhs: ChatOrigin) -> Bool {
    lhs === rhs
      || (lhs.queue == rhs.queue && lhs.request == rhs.request && lhs.openedAt == rhs.openedAt
        && lhs.match == rhs.match)
  }

  func hash(into hasher: inout Hasher) {
    hasher.combine(queue)
    hasher.combine(openedAt)
  }
}

/// One chat as the center shows it: the request, where it is, and what was said. A snapshot of
/// the engine's storage (see `ChatEntry`) taken by ``Center/chat(_:)`` or ``Center/chats``; its
/// messages are gathered from the center's message store only when read, so listing every chat
/// (as the REPL does on each redraw) costs nothing per message.
public struct ChatRecord: Sendable {
  let entry: ChatEntry
  /// A copy of the center's message store as it was (copying shares its storage).
  let store: MessageStore

  /// MSG-1: what both sides said, in order.
  public var messages: [ChatMessage] { store.messages(endingAt: entry.lastMessage) }

  public var id: ChatID { entry.id }
  public var visitor: VisitorID { entry.visitor }
  public var queue: QueueID { entry.origin.queue }
  public var request: ChatRequest { entry.origin.request }
  public var openedAt: Instant { entry.origin.openedAt }
  /// POP-2: the record the CRM found when the chat was opened; `nil` for a new customer.
  public var match: CustomerMatch? { entry.origin.match }
  public var state: ChatState { entry.state }
  /// MSG-3: the agent's unsent text, where FAQ answers are inserted.
  public var agentDraft: String { entry.agentDraft }
  /// MSG-2: whether each side is shown as typing to the other.
  public var agentTyping: Bool { entry.agentTyping }
  public var customerTyping: Bool { entry.customerTyping }
  /// POP-1..4: the screen pop shown for this chat, once shown.
  public var screenPop: ScreenPop? { entry.screenPop }
  /// POP-4: the customer record the agent created with the new-customer form.
  public var createdCustomer: CustomerID? { entry.createdCustomer }
  /// END-2: the disposition chosen, and whether Continue confirmed it.
  public var disposition: DispositionCode? { entry.disposition }
  public var dispositionConfirmed: Bool { entry.dispositionConfirmed }
  public var log: ChatLog? { entry.log }
  /// How many times the chat was offered (1 for the first offer).
  public var offers: Int { entry.offers }
}

extension ChatRecord: Hashable {
  /// Two snapshots are equal when everything they show is: where each chat's messages sit in
  /// the center's store is not part of the chat.
  public static func == (lhs: ChatRecord, rhs: ChatRecord) -> Bool {
    var left = lhs.entry
    var right = rhs.entry
    left.lastMessage = MessageStore.none
    right.lastMessage = MessageStore.none
    return left == right && lhs.messages == rhs.messages
  }

  public func hash(into hasher: inout Hasher) {
    var entry = entry
    entry.lastMessage = MessageStore.none
    hasher.combine(entry)
    hasher.combine(messages)
  }
}
