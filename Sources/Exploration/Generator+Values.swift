import Conformance
import ContactCenter

extension Generator {
  // MARK: The tenant

  mutating func defineQueue(_ queue: QueueID) -> Step {
    var arguments: [String: StepValue] = ["queue": .value(.text(queue.rawValue))]
    if chance(10) { arguments["media"] = .value(.text(pick(["phone", "email"]))) }
    if chance(60) {
      arguments["dispositions"] = .value(.list(pick([["resolved", "callback"], ["resolved"]])))
    }
    return .command(spec: Self.tenantSpec("queue"), actor: .tenant, arguments: arguments)
  }

  mutating func defineAgent(_ agent: AgentID) -> Step {
    let all = queues
    var assigned = all.filter { _ in chance(70) }
    if assigned.isEmpty { assigned = [pick(queues)] }
    var arguments: [String: StepValue] = [
      "agent": .value(.text(agent.rawValue)), "queues": .value(.list(assigned.map(\.rawValue))),
    ]
    if chance(15) { arguments["max-chats"] = .value(.number(Int(roll(3)) + 1)) }
    return .command(spec: Self.tenantSpec("agent"), actor: .tenant, arguments: arguments)
  }

  /// Customer records `c1`…`c3` (with accounts `A-1`…), their cases `k1`…, FAQs `f1`, `f2`; and
  /// now and then a queue or agent defined twice.
  mutating func definitionStep() -> Step {
    let number = Int(roll(3)) + 1
    switch roll(100) {
    case 0..<40:
      var arguments: [String: StepValue] = [
        "customer": .value(.text("c\(number)")), "name": .value(.text("Customer \(number)")),
        "email": .value(.text("c\(number)@example.com")),
      ]
      if chance(50) { arguments["account"] = .value(.text("A-\(number)")) }
      return .command(spec: Self.tenantSpec("customer-record"), actor: .tenant, arguments: arguments)
    case 40..<65:
      return .command(
        spec: Self.tenantSpec("case"), actor: .tenant,
        arguments: [
          "case": .value(.text("k\(number)")), "customer": .value(.text("c\(roll(3) + 1)")),
          "subject": .value(.text("Case \(number)")),
        ])
    case 65..<90:
      let answer = chance(80) ? "We are open 8-17" : String(repeating: "b", count: 1930)
      return .command(
        spec: Self.tenantSpec("faq"), actor: .tenant,
        arguments: ["faq": .value(.text("f\(roll(2) + 1)")), "answer": .value(.text(answer))])
    default:
      return chance(50) ? defineQueue(pick(queues)) : defineAgent(pick(agents))
    }
  }

  /// A setting changed mid-run: each key, with each of its values.
  mutating func settingStep() -> Step {
    let key = pick(Setting.Key.allCases)
    let value = key.choices.map { pick($0) } ?? pick(["1s", "5s", "30s", "1m"])
    do {
      return .set(try Setting.parse(key: key, value: value))
    } catch {
      preconditionFailure("the setting \(key) refuses its own value \(value): \(error)")
    }
  }

  // MARK: Customers

  /// A customer opens a chat, or one with a chat open talks, types or leaves, at whatever
  /// stage the chat is (waiting, offered, accepted).
  mutating func customerStep(_ center: Center) -> Step {
    let recent = Array(visitors.suffix(6))
    if !recent.isEmpty, !chance(35) {
      let visitor = pick(recent)
      if center.openChat(of: visitor) != nil {
        switch roll(100) {
        case 0..<34: return customerCommand("say", visitor, ["text": .value(.text(message()))])
        case 34..<50: return customerCommand("typing", visitor)
        case 50..<58: return customerCommand("typing stop", visitor)
        case 58..<94: return customerCommand("leave", visitor)
        default: return open(visitor, center)
        }
      }
    }
    if !visitors.isEmpty, chance(10) { return open(pick(visitors), center) }
    let visitor = VisitorID("v\(visitors.count + 1)")
    visitors.append(visitor)
    return open(visitor, center)
  }

  private mutating func open(_ visitor: VisitorID, _ center: Center) -> Step {
    let details = customerDetails()
    var arguments: [String: StepValue] = [
      "queue": .value(.text(chance(95) ? pick(queues).rawValue : "q9")), "name": .value(.text(details.name)),
      "email": .value(.text(details.email)), "ip": .value(.text(chance(97) ? "192.0.2.1" : "192.0.2")),
    ]
    if chance(10) { arguments["account"] = .value(.text("A-\(roll(3) + 1)")) }
    if chance(10) { arguments["case"] = .value(.text("k\(roll(3) + 1)")) }
    return customerCommand("open", visitor, arguments)
  }

  mutating func customerCommand(_ words: String, _ visitor: VisitorID, _ arguments: [String: StepValue] = [:])
    -> Step
  {
    .command(spec: Self.actorSpec(words), actor: .visitor(visitor), arguments: arguments)
  }

  /// A name and e-mail: mostly a new customer's, sometimes one the CRM knows (`c1@…`), now and
  /// then an e-mail that is not one.
  mutating func customerDetails() -> (name: String, email: String) {
    let number = roll(1000)
    switch roll(100) {
    case 0..<75: return ("Visitor \(number)", "v\(number)@example.com")
    case 75..<96: return ("Customer \(number % 3 + 1)", "c\(number % 3 + 1)@example.com")
    default: return ("Visitor \(number)", "v\(number)-at-example.com")
    }
  }

  /// A message: mostly short; 1940 characters (the window's size) and 1941; accents composed
  /// and not; now and then empty or blank, which is refused.
  mutating func message() -> String {
    switch roll(100) {
    case 0..<60: pick(["Bonjour", "Merci", "ok", "Ça va ?", "Cafe\u{301} ?"])
    case 60..<70: String(repeating: "a", count: 1940)
    case 70..<80: String(repeating: "a", count: 1941)
    case 80..<85: String(repeating: "e\u{301}", count: chance(50) ? 1940 : 1941)
    case 85..<92: String(repeating: "a", count: Int(roll(200)) + 1)
    default: pick(["", "   "])
    }
  }

  // MARK: The clock

  /// To the next deadline, a millisecond before or after it, or forward by a usual interval.
  mutating func clockStep(_ center: Center) -> Step {
    if center.nextDeadline != nil, chance(60) { return .clock(.deadline(offset: Int64(roll(3)) - 1)) }
    let seconds: [Int64] = [0, 1, 1, 5, 15, 30, 120]
    let pickedSeconds = pick(seconds)
    return .clock(.by(pickedSeconds == 0 ? Interval(milliseconds: 1) : .seconds(pickedSeconds)))
  }

  // MARK: Anything

  /// Any command of the vocabulary, its values drawn from the state or not: mostly refused.
  mutating func anyCommand(_ center: Center) -> Step {
    let index = Int(roll(UInt64(Vocabulary.commands.count)))
    let spec = Vocabulary.commands[index]
    let actor: CommandSpec.Actor
    if spec.roles.contains(.tenant) {
      actor = .tenant
    } else if spec.roles.contains(.agent), !spec.roles.contains(.customer) || chance(50) {
      actor = .agent(chance(95) ? pick(agents) : "a9")
    } else {
      actor = .visitor(visitors.isEmpty || chance(20) ? VisitorID("v\(visitors.count + 1)") : pick(visitors))
    }
    return .command(spec: index, actor: actor, arguments: arguments(for: spec, center))
  }

  /// Any command of an agent's.
  mutating func anyAgentCommand(_ agent: AgentID, _ center: Center?) -> Step {
    let index = pick(Self.agentSpecs)
    let spec = Vocabulary.commands[index]
    return .command(
      spec: index, actor: .agent(agent), arguments: center.map { arguments(for: spec, $0) } ?? [:])
  }

  private static let agentSpecs = Vocabulary.commands.indices.filter {
    Vocabulary.commands[$0].roles.contains(.agent)
  }

  /// Values for a command's arguments by their kind, from the state where there is one; the
  /// optional ones half the time.
  private mutating func arguments(for spec: CommandSpec, _ center: Center) -> [String: StepValue] {
    var arguments: [String: StepValue] = [:]
    for argument in spec.arguments {
      switch argument.form {
      case .required, .key(required: true): break
      case .optionalChat, .key(required: false), .optionalLast: if chance(50) { continue }
      }
      arguments[argument.name] = value(argument, center)
    }
    return arguments
  }

  private mutating func value(_ argument: ArgumentSpec, _ center: Center) -> StepValue {
    switch argument.kind {
    case .chat, .pendingOffer, .heldChat, .wrapUpChat, .logChat:
      return .chat(visitors.isEmpty || chance(15) ? .unknown : .openedBy(pick(visitors)))
    case .queueList:
      let all = queues
      return .value(.list(all.filter { _ in chance(50) }.map(\.rawValue) + ["q1"]))
    case .newCodeList: return .value(.list(["resolved"]))
    case .number, .chatLimit: return .value(.number(Int(roll(8))))
    case .choice(let choice): return .value(.text(pick(choice.words)))
    case .customerRecord: return .value(.text("c\(roll(4) + 1)"))
    case .caseRecord: return .value(.text("k\(roll(4) + 1)"))
    case .faq: return .value(.text("f\(roll(3) + 1)"))
    case .account: return .value(.text("A-\(roll(4) + 1)"))
    case .disposition: return .value(.text(pick(["resolved", "callback", "wrong"])))
    case .newName, .queue, .chatQueue, .queueToEnable, .enabledQueue:
      switch argument.name {
      case "agent": return .value(.text(pick(agents).rawValue))
      case "customer": return .value(.text("c\(roll(3) + 1)"))
      case "case": return .value(.text("k\(roll(3) + 1)"))
      case "faq": return .value(.text("f\(roll(2) + 1)"))
      default: return .value(.text(chance(90) ? pick(queues).rawValue : "q9"))
      }
    default:
      switch argument.name {
      case "name": return .value(.text(customerDetails().name))
      case "email": return .value(.text(customerDetails().email))
      case "ip": return .value(.text("192.0.2.1"))
      case "subject": return .value(.text("Case"))
      default: return .value(.text(message()))
      }
    }
  }
}
