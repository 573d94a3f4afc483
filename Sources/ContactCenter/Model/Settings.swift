/// The tenant's settings: what the contact-center administrator configures.
///
/// Every setting has a documented default, chosen to follow the vendor's page where it speaks
/// and to be the safer choice where it is silent. A script or the REPL changes one with
/// `set KEY VALUE`; ``Setting/key`` is that key.
public struct Settings: Hashable, Sendable {
  /// CAP-3: the reject control is disabled unless the administrator granted it. Default: denied.
  public var rejectPermission: Bool = false
  /// SES-6: whether agents may change their profile and queue settings. Default: granted.
  public var queueEditPermission: Bool = true
  /// CHAT-4: how long an offer waits for the agent's accept. Default: 30 s.
  public var acceptInterval: Interval = .seconds(30)
  /// CHAT-4: the status an agent is put in after a rejected or missed offer. Default: Working Offline.
  public var missedOfferStatus: AgentStatus = .workingOffline
  /// CAP-1: chats one agent may hold at once, 1 to 6. Default: 6.
  public var chatsPerAgent: Int = Settings.maximumChatsPerAgent
  /// POP-3: which record pops for an existing customer. Default: the case record when the
  /// customer named a known case, else the customer record.
  public var screenPop: ScreenPopMode = .caseRecord
  /// POP-3: whether the screen pop comes with the offer or after the accept. Default: offer.
  public var screenPopMoment: ScreenPopMoment = .offer
  /// END-2: whether a disposition is asked for. Default: optional.
  public var disposition: DispositionPolicy = .optional
  /// LOG-1: automatic chat logging happens only if the administrator configured it. Default: off.
  public var automaticChatLog: Bool = false

  /// The page's hard limit: an agent chats with at most six customers at once.
  public static let maximumChatsPerAgent = 6
  /// The accept interval may be set from 1 s to 1 h.
  public static let acceptIntervalRange = Interval.seconds(1)...Interval.seconds(3600)

  public init() {}

  /// Applies one setting; the value is already validated by ``Setting``'s parser or the caller.
  mutating func apply(_ setting: Setting) {
    switch setting {
    case .rejectPermission(let granted): rejectPermission = granted
    case .queueEditPermission(let granted): queueEditPermission = granted
    case .acceptInterval(let interval): acceptInterval = interval
    case .missedOfferStatus(let status): missedOfferStatus = status
    case .chatsPerAgent(let cap): chatsPerAgent = cap
    case .screenPop(let mode): screenPop = mode
    case .screenPopMoment(let moment): screenPopMoment = moment
    case .disposition(let policy): disposition = policy
    case .automaticChatLog(let on): automaticChatLog = on
    }
  }

  /// Every setting with its current value, in a stable order.
  public var all: [Setting] {
    [
      .rejectPermission(rejectPermission), .queueEditPermission(queueEditPermission),
      .acceptInterval(acceptInterval), .missedOfferStatus(missedOfferStatus),
      .chatsPerAgent(chatsPerAgent), .screenPop(screenPop), .screenPopMoment(screenPopMoment),
      .disposition(disposition), .automaticChatLog(automaticChatLog),
    ]
  }
}

/// One tenant setting with its value.
public enum Setting: Hashable, Sendable, CustomStringConvertible {
  case rejectPermission(Bool)
  case queueEditPermission(Bool)
  case acceptInterval(Interval)
  case missedOfferStatus(AgentStatus)
  case chatsPerAgent(Int)
  case screenPop(ScreenPopMode)
  case screenPopMoment(ScreenPopMoment)
  case disposition(DispositionPolicy)
  case automaticChatLog(Bool)

  /// The key a script writes after `set`.
  public enum Key: String, CaseIterable, Hashable, Sendable, CustomStringConvertible {
    case rejectPermission = "reject-permission"
    case queuePermission = "queue-permission"
    case acceptInterval = "accept-interval"
    case missedOfferStatus = "missed-offer-status"
    case chatsPerAgent = "chats-per-agent"
    case screenPop = "screen-pop"
    case screenPopMoment = "screen-pop-moment"
    case disposition
    case chatLog = "chat-log"

    public var description: String { rawValue }

    /// The words a value may be, in order; nil for the accept interval, a duration.
    public var choices: [String]? {
      switch self {
      case .rejectPermission, .queuePermission: ["granted", "denied"]
      case .acceptInterval: nil
      case .missedOfferStatus: [AgentStatus.workingOffline.keyword, AgentStatus.onBreak.keyword]
      case .chatsPerAgent: (1...Settings.maximumChatsPerAgent).map(String.init)
      case .screenPop: ScreenPopMode.allCases.map(\.rawValue)
      case .screenPopMoment: ScreenPopMoment.allCases.map(\.rawValue)
      case .disposition: DispositionPolicy.allCases.map(\.rawValue)
      case .chatLog: ["automatic", "off"]
      }
    }
  }

  public var key: Key {
    switch self {
    case .rejectPermission: .rejectPermission
    case .queueEditPermission: .queuePermission
    case .acceptInterval: .acceptInterval
    case .missedOfferStatus: .missedOfferStatus
    case .chatsPerAgent: .chatsPerAgent
    case .screenPop: .screenPop
    case .screenPopMoment: .screenPopMoment
    case .disposition: .disposition
    case .automaticChatLog: .chatLog
    }
  }

  public var valueText: String {
    switch self {
    case .rejectPermission(let granted), .queueEditPermission(let granted):
      granted ? "granted" : "denied"
    case .acceptInterval(let interval): interval.description
    case .missedOfferStatus(let status): status.keyword
    case .chatsPerAgent(let cap): String(cap)
    case .screenPop(let mode): mode.rawValue
    case .screenPopMoment(let moment): moment.rawValue
    case .disposition(let policy): policy.rawValue
    case .automaticChatLog(let on): on ? "automatic" : "off"
    }
  }

  public var description: String { "\(key) \(valueText)" }

  /// Parses `KEY VALUE` as written after `set`.
  ///
  /// Throws a refusal that names the accepted keys or values, so a typo is explained.
  public static func parse(key: String, value: String) throws(Refusal) -> Setting {
    guard let known = Key(rawValue: key) else {
      throw .unknownSetting(key, known: Key.allCases.map(\.rawValue))
    }
    return try parse(key: known, value: value)
  }

  public static func parse(key: Key, value: String) throws(Refusal) -> Setting {
    func choice<T>(_ options: [T]) throws(Refusal) -> T {
      // `choices` and `options` list the same values in the same order.
      if let words = key.choices, let index = words.firstIndex(of: value), index < options.count {
        return options[index]
      }
      throw .invalidSettingValue(
        key: key.rawValue, value: value, expected: (key.choices ?? []).joined(separator: ", "))
    }
    switch key {
    case .rejectPermission: return .rejectPermission(try choice([true, false]))
    case .queuePermission: return .queueEditPermission(try choice([true, false]))
    case .acceptInterval:
      guard let interval = Interval(parsing: value), Settings.acceptIntervalRange.contains(interval) else {
        throw .invalidSettingValue(
          key: key.rawValue, value: value, expected: "a duration from 1s to 1h, such as 30s or 1m30s")
      }
      return .acceptInterval(interval)
    case .missedOfferStatus: return .missedOfferStatus(try choice([.workingOffline, .onBreak]))
    case .chatsPerAgent: return .chatsPerAgent(try choice(Array(1...Settings.maximumChatsPerAgent)))
    case .screenPop: return .screenPop(try choice(ScreenPopMode.allCases))
    case .screenPopMoment: return .screenPopMoment(try choice(ScreenPopMoment.allCases))
    case .disposition: return .disposition(try choice(DispositionPolicy.allCases))
    case .chatLog: return .automaticChatLog(try choice([true, false]))
    }
  }
}

/// POP-3: what the screen pop shows for a customer the CRM knows.
public enum ScreenPopMode: String, CaseIterable, Hashable, Sendable {
  /// No screen pop at all, not even the new-customer form.
  case off
  /// Always the customer record (the record of a named case's customer, if a case was named).
  case customerRecord = "customer-record"
  /// The case record when the customer named a known case; otherwise the customer record.
  case caseRecord = "case-record"
}

/// POP-3: when the screen pop appears.
public enum ScreenPopMoment: String, CaseIterable, Hashable, Sendable {
  case offer
  case accept
}

/// END-2: whether the agent is asked for a disposition before Finish.
public enum DispositionPolicy: String, CaseIterable, Hashable, Sendable {
  case off
  case optional
  /// Finish is refused until a disposition is chosen and confirmed with Continue (only for
  /// queues that define disposition codes).
  case required
}
