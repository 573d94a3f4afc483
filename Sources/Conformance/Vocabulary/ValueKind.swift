import ContactCenter

/// What an argument of a command, or the answer to an `expect` question, is: how it is
/// written (a bare word or also quoted text), read, completed and encoded.
///
/// The kind says what the value refers to, not only its shape: `queueToEnable` and
/// `enabledQueue` are both queue names, but Tab offers different ones.
public enum ValueKind: Hashable, Sendable {
  /// A name given for the first time (a new queue, agent, record): nothing to complete.
  case newName
  /// A queue name; `chatQueue` is one that carries chats (what `open` wants).
  case queue, chatQueue
  /// An assigned queue not switched on yet, or one switched on (`queues enable|disable`).
  case queueToEnable, enabledQueue
  /// Queue names separated by commas (`queues=support,sales`).
  case queueList
  /// New disposition codes separated by commas (`dispositions=resolved,callback`).
  case newCodeList
  case agent
  /// An agent's or a customer's name (who `expect NAME sees` asks about).
  case actor
  case customerRecord, caseRecord, faq, account
  /// A disposition code of the queue of the chat named before it (or of the agent's chats).
  case disposition
  /// `chat-N`; the variants say which chats Tab offers.
  case chat, pendingOffer, heldChat, wrapUpChat, logChat
  /// Free text: a message, a subject, a person's name, an e-mail or IP address.
  case text
  /// One word of a closed set.
  case choice(Choice)
  /// A whole number, digits only.
  case number
  /// A number of chats an agent may hold: digits only, Tab offers 1 to 6.
  case chatLimit
  /// `30s`, `1m30s`, `250ms`.
  case duration
  /// `hh:mm:ss` or `hh:mm:ss.mmm`.
  case time
  /// `+30s` or `00:02:00`: what `clock` takes.
  case clockMove
  /// A setting's key (`accept-interval`).
  case settingKey
  /// A setting's value: its kind depends on the key before it.
  case settingValue
  /// A value of the kind, or the word `none`.
  indirect case orNone(ValueKind)
  /// A file's path (`use`).
  case path
  /// A step's id (`step CHAT-4`).
  case stepID

  /// Whether the value must be a bare word: what the language itself reads (ids, states,
  /// numbers, times) cannot be quoted; names and texts may be.
  public var isBareWord: Bool {
    switch self {
    case .chat, .pendingOffer, .heldChat, .wrapUpChat, .logChat, .choice, .number, .chatLimit, .duration,
      .time,
      .clockMove, .stepID, .settingKey, .orNone:
      true
    case .newName, .queue, .chatQueue, .queueToEnable, .enabledQueue, .queueList, .newCodeList, .agent,
      .actor,
      .customerRecord, .caseRecord, .faq, .account, .disposition, .text, .settingValue, .path:
      false
    }
  }

  /// Whether the value is a chat id.
  public var isChat: Bool {
    switch self {
    case .chat, .pendingOffer, .heldChat, .wrapUpChat, .logChat: true
    default: false
    }
  }
}

/// A closed set of words, such as the statuses of the Status menu. The words come from the
/// engine's own enums, so that a new status is a new word here without being written twice.
public struct Choice: Hashable, Sendable {
  /// What one of the words is, in messages: `status`, `media`, `case state`.
  public let noun: String
  public let words: [String]

  /// "a status: available, working-offline or on-break"
  public var expected: String { "\(Choice.article(noun)) \(noun): \(Choice.alternatives(words))" }

  /// "available, working-offline or on-break"
  public static func alternatives(_ words: [String]) -> String {
    guard words.count > 1, let last = words.last else { return words.joined() }
    return words.dropLast().joined(separator: ", ") + " or " + last
  }

  static func article(_ noun: String) -> String {
    noun.first.map { "aeiou".contains($0) } == true ? "an" : "a"
  }
}

extension Choice {
  /// CHAT-1: the Status menu.
  public static let status = Choice(noun: "status", words: AgentStatus.allCases.map(\.keyword))
  /// SES-7: what a queue carries.
  public static let media = Choice(noun: "media", words: Media.allCases.map(\.rawValue))
  public static let caseState = Choice(noun: "case state", words: CaseState.allCases.map(\.rawValue))
  /// Where an agent is: a status, or before one (`expect alice status logged-out`).
  public static let session = Choice(noun: "status", words: SessionAnswer.allCases.map(\.rawValue))
  public static let chatState = Choice(noun: "chat state", words: ChatState.Phase.allCases.map(\.rawValue))
  public static let logState = Choice(noun: "log state", words: LogAnswer.allCases.map(\.rawValue))
}

/// The answer to `expect AGENT status`: a status of the Status menu, or where the agent is
/// before having one.
public enum SessionAnswer: String, CaseIterable, Hashable, Sendable {
  case available
  case workingOffline = "working-offline"
  case onBreak = "on-break"
  case loggedOut = "logged-out"
  /// Logged in, Ready to Work not clicked yet.
  case notReady = "not-ready"

  public init(_ session: AgentSession) {
    switch session {
    case .loggedOut: self = .loggedOut
    case .loggedIn: self = .notReady
    case .ready(.available): self = .available
    case .ready(.workingOffline): self = .workingOffline
    case .ready(.onBreak): self = .onBreak
    }
  }
}

/// The answer to `expect chat-N log`: where its chat log is.
public enum LogAnswer: String, CaseIterable, Hashable, Sendable {
  case none
  /// Open in edit mode, not saved.
  case edit
  /// Saved as a draft case.
  case draft
  /// In view mode: stored with the customer's record (LOG-2), so it stays `view`.
  case view
  /// Saved as a case.
  case saved

  public init(_ log: ChatLog?) {
    guard let log else {
      self = .none
      return
    }
    if log.isSaved {
      self = log.mode == .view ? .view : .saved
    } else {
      self = log.savedCase != nil ? .draft : .edit
    }
  }
}
