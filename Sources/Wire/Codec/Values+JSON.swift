import ContactCenter

/// The JSON forms of the values commands and events carry: the same words as the script
/// language, durations as whole milliseconds.
extension Setting {
  /// `"setting": KEY, "value": VALUE`: a word for a choice, a number for `chats-per-agent`,
  /// milliseconds for `accept-interval`.
  var jsonMembers: [(String, JSON)] {
    let value: JSON
    switch self {
    case .acceptInterval(let interval): value = .milliseconds(interval)
    case .chatsPerAgent(let cap): value = .number(cap)
    default: value = .string(valueText)
    }
    return [("setting", .string(key.rawValue)), ("value", value)]
  }

  static func decode(_ fields: Fields) throws(WireError) -> Setting {
    let key = try fields.string("setting")
    let text: String
    switch fields.members["value"] {
    case .string(let word)?: text = word
    case .number(let number)? where key == Setting.Key.acceptInterval.rawValue:
      text = Interval(milliseconds: Int64(number)).description
    case .number(let number)?: text = String(number)
    default: throw WireError("\(fields.context): \"value\" must be a string or a whole number")
    }
    do {
      return try Setting.parse(key: key, value: text)
    } catch {
      throw WireError("\(fields.context): \(error.description)")
    }
  }
}

extension ChatRequest {
  var json: JSON {
    [
      "name": .string(name), "email": .string(email), "ip": .string(ipAddress), "account": .optional(account),
      "case": .optional(caseNumber),
    ]
  }

  static func decode(_ fields: Fields) throws(WireError) -> ChatRequest {
    ChatRequest(
      name: try fields.string("name"), email: try fields.string("email"), ipAddress: try fields.string("ip"),
      account: try fields.optionalString("account"), caseNumber: try fields.optionalString("case"))
  }
}

extension Party {
  /// `{"agent": NAME}` or `{"visitor": NAME}`.
  var json: JSON {
    switch self {
    case .agent(let id): ["agent": .string(id.rawValue)]
    case .customer(let id): ["visitor": .string(id.rawValue)]
    }
  }

  static func decode(_ fields: Fields) throws(WireError) -> Party {
    if let agent = try fields.optionalString("agent") { return .agent(AgentID(agent)) }
    if let visitor = try fields.optionalString("visitor") { return .customer(VisitorID(visitor)) }
    throw WireError("\(fields.context) must have \"agent\" or \"visitor\"")
  }
}

extension ScreenPop {
  var json: JSON {
    switch self {
    case .customerRecord(let customer): ["kind": "customer-record", "customer": .string(customer.rawValue)]
    case .caseRecord(let id, let customer):
      ["kind": "case-record", "case": .string(id.rawValue), "customer": .string(customer.rawValue)]
    case .newCustomerForm: ["kind": "new-customer-form"]
    }
  }

  static func decode(_ fields: Fields) throws(WireError) -> ScreenPop {
    switch try fields.string("kind") {
    case "customer-record": return .customerRecord(try fields.id("customer"))
    case "case-record": return .caseRecord(try fields.id("case"), customer: try fields.id("customer"))
    case "new-customer-form": return .newCustomerForm
    case let other: throw WireError("\(fields.context): unknown kind \(other)")
    }
  }
}

extension WithdrawalReason {
  var json: JSON {
    switch self {
    case .statusChanged(let status): ["kind": "status-changed", "status": .string(status.keyword)]
    case .queueDisabled(let queue): ["kind": "queue-disabled", "queue": .string(queue.rawValue)]
    case .customerLeft(let visitor): ["kind": "customer-left", "visitor": .string(visitor.rawValue)]
    case .capLowered(let cap): ["kind": "cap-lowered", "cap": .number(cap)]
    }
  }

  static func decode(_ fields: Fields) throws(WireError) -> WithdrawalReason {
    switch try fields.string("kind") {
    case "status-changed": return .statusChanged(try AgentStatus.decode(fields, "status"))
    case "queue-disabled": return .queueDisabled(try fields.id("queue"))
    case "customer-left": return .customerLeft(try fields.id("visitor"))
    case "cap-lowered": return .capLowered(try fields.int("cap"))
    case let other: throw WireError("\(fields.context): unknown kind \(other)")
    }
  }
}

extension AgentStatus {
  static func decode(_ fields: Fields, _ key: String) throws(WireError) -> AgentStatus {
    try fields.choice(key, AgentStatus.allCases.map { ($0.keyword, $0) })
  }
}

extension QueuePath {
  var word: String {
    switch self {
    case .assignedQueues: "assigned-queues"
    case .profile: "profile"
    }
  }

  static func decode(_ fields: Fields, _ key: String) throws(WireError) -> QueuePath {
    try fields.choice(key, [("assigned-queues", .assignedQueues), ("profile", .profile)])
  }
}

extension ChatLogMode {
  static func decode(_ fields: Fields, _ key: String) throws(WireError) -> ChatLogMode {
    try fields.choice(key, [ChatLogMode.view, .edit].map { ($0.rawValue, $0) })
  }
}

extension CustomerMatch.Basis {
  static func decode(_ fields: Fields, _ key: String) throws(WireError) -> CustomerMatch.Basis {
    try fields.choice(key, [CustomerMatch.Basis.caseNumber, .account, .email].map { ($0.rawValue, $0) })
  }
}
