import Conformance
import ContactCenter

extension Generator {
  // MARK: The tenant

  mutating func defineQueue(_ queue: QueueID) -> Step {
    var arguments = Arguments(["queue": .text(queue.rawValue)])
    if chance(10) { arguments["media"] = .text(pick(["phone", "email"])) }
    if chance(60) { arguments["dispositions"] = .list(pick([["resolved", "callback"], ["resolved"]])) }
    return .command(spec: Self.tenantSpec("queue"), actor: .tenant, arguments: arguments, chat: nil)
  }

  mutating func defineAgent(_ agent: AgentID) -> Step {
    let all = queues
    var assigned = all.filter { _ in chance(70) }
    if assigned.isEmpty { assigned = [pick(queues)] }
    var arguments = Arguments(["agent": .text(agent.rawValue), "queues": .list(assigned.map(\.rawValue))])
    if chance(15) { arguments["max-chats"] = .number(Int(roll(3)) + 1) }
    return .command(spec: Self.tenantSpec("agent"), actor: .tenant, arguments: arguments, chat: nil)
  }

  /// Customer records `c1`…`c3` (with accounts `A-1`…), their cases `k1`…, FAQs `f1`, `f2`; and
  /// now and then a queue or agent defined twice.
  mutating func definitionStep() -> Step {
    let number = roll(3) + 1
    let values: [String: Arguments.Value]
    let words: String
    switch roll(100) {
    case 0..<40:
      words = "customer-record"
      values = [
        "customer": .text("c\(number)"), "name": .text("Customer \(number)"),
        "email": .text("c\(number)@example.com"),
      ].merging(chance(50) ? ["account": .text("A-\(number)")] : [:]) { $1 }
    case 40..<65:
      words = "case"
      values = [
        "case": .text("k\(number)"), "customer": .text("c\(roll(3) + 1)"), "subject": .text("Case \(number)"),
      ]
    case 65..<90:
      words = "faq"
      values = [
        "faq": .text("f\(roll(2) + 1)"), "answer": .text(chance(80) ? "We are open 8-17" : Self.longFAQ),
      ]
    default:
      return chance(50) ? defineQueue(pick(queues)) : defineAgent(pick(agents))
    }
    return .command(spec: Self.tenantSpec(words), actor: .tenant, arguments: Arguments(values), chat: nil)
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
    if !visitors.isEmpty, !chance(35) {
      let visitor = visitors[visitors.count - 1 - Int(roll(UInt64(min(visitors.count, 6))))]
      if center.openChat(of: visitor) != nil {
        switch roll(100) {
        case 0..<34: return customerCommand("say", visitor, ["text": .text(message())])
        case 34..<50: return customerCommand("typing", visitor)
        case 50..<58: return customerCommand("typing stop", visitor)
        case 58..<94: return customerCommand("leave", visitor)
        default: return open(visitor)
        }
      }
    }
    if !visitors.isEmpty, chance(10) { return open(pick(visitors)) }
    let visitor = VisitorID("v\(visitors.count + 1)")
    visitors.append(visitor)
    return open(visitor)
  }

  private mutating func open(_ visitor: VisitorID) -> Step {
    let details = customerDetails()
    var arguments = Arguments([
      "queue": .text(chance(95) ? pick(queues).rawValue : "q9"), "name": .text(details.name),
      "email": .text(details.email), "ip": .text(chance(97) ? "192.0.2.1" : "192.0.2"),
    ])
    if chance(10) { arguments["account"] = .text("A-\(roll(3) + 1)") }
    if chance(10) { arguments["case"] = .text("k\(roll(3) + 1)") }
    return .command(spec: Self.actorSpec("open"), actor: .visitor(visitor), arguments: arguments, chat: nil)
  }

  func customerCommand(_ words: String, _ visitor: VisitorID, _ values: [String: Arguments.Value] = [:])
    -> Step
  {
    .command(spec: Self.actorSpec(words), actor: .visitor(visitor), arguments: Arguments(values), chat: nil)
  }

  /// A name and e-mail: mostly a new customer's, sometimes one the CRM knows (`c1@…`), now and
  /// then an e-mail that is not one.
  mutating func customerDetails() -> (name: String, email: String) {
    let number = Int(roll(UInt64(Self.visitorNames.count)))
    switch roll(100) {
    case 0..<75: return (Self.visitorNames[number], Self.visitorEmails[number])
    case 75..<96: return (Self.customerNames[number % 3], Self.customerEmails[number % 3])
    default: return (Self.visitorNames[number], "v\(number)-at-example.com")
    }
  }

  /// Names and e-mails made once (an e-mail is too long to be kept inline in a string).
  private static let visitorNames = (0..<1000).map { "Visitor \($0)" }
  private static let visitorEmails = (0..<1000).map { "v\($0)@example.com" }
  private static let customerNames = (1...3).map { "Customer \($0)" }
  private static let customerEmails = (1...3).map { "c\($0)@example.com" }

  /// A message: mostly short; now and then 1940 characters (the window's size) or 1941, with
  /// accents composed and not; empty or blank, which is refused. Long ones are few: checking
  /// one costs the engine as much as a hundred short ones.
  mutating func message() -> String {
    switch roll(100) {
    case 0..<72: pick(["Bonjour", "Merci", "ok", "Ça va ?", "Cafe\u{301} ?"])
    case 72..<74: Self.longTexts[Int(roll(2))]
    case 74..<75: Self.longTexts[2 + Int(roll(2))]
    case 75..<92: Self.shortRuns[Int(roll(UInt64(Self.shortRuns.count)))]
    default: pick(["", "   "])
    }
  }

  /// The long texts, made once: messages of 1940 and 1941 characters, of one scalar each and of
  /// two (an accent apart), and an FAQ answer that nearly fills the window.
  private static let longTexts = [
    String(repeating: "a", count: 1940), String(repeating: "a", count: 1941),
    String(repeating: "e\u{301}", count: 1940), String(repeating: "e\u{301}", count: 1941),
  ]
  private static let longFAQ = String(repeating: "b", count: 1930)
  private static let shortRuns = (1...200).map { String(repeating: "a", count: $0) }

  // MARK: The clock

  /// To the next deadline, a millisecond before or after it, or forward by a usual interval.
  mutating func clockStep(_ center: Center) -> Step {
    if center.nextDeadline != nil, chance(60) { return .clock(.deadline(offset: Int64(roll(3)) - 1)) }
    let seconds = pick([0, 1, 1, 5, 15, 30, 120] as [Int64])
    return .clock(.by(seconds == 0 ? Interval(milliseconds: 1) : .seconds(seconds)))
  }

  // MARK: Anything

  /// Any command of the vocabulary, its values drawn from the run's names or not: mostly refused.
  mutating func anyCommand() -> Step {
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
    return command(index, by: actor)
  }

  /// Any command of an agent's.
  mutating func anyAgentCommand(_ agent: AgentID) -> Step {
    command(pick(Self.agentSpecs), by: .agent(agent))
  }

  private static let agentSpecs = Vocabulary.commands.indices.filter {
    Vocabulary.commands[$0].roles.contains(.agent)
  }

  /// A command with values for its arguments by their kind; the optional ones half the time.
  private mutating func command(_ index: Int, by actor: CommandSpec.Actor) -> Step {
    var arguments = Arguments()
    var chat: ChatReference?
    for argument in Vocabulary.commands[index].arguments {
      if argument.isOptional, chance(50) { continue }
      if argument.kind.isChat {
        chat = visitors.isEmpty || chance(15) ? .unknown : .openedBy(pick(visitors))
      } else {
        arguments[argument.name] = value(argument)
      }
    }
    return .command(spec: index, actor: actor, arguments: arguments, chat: chat)
  }

  private mutating func value(_ argument: ArgumentSpec) -> Arguments.Value {
    switch argument.kind {
    case .queueList:
      let all = queues
      return .list(all.filter { _ in chance(50) }.map(\.rawValue) + ["q1"])
    case .newCodeList: return .list(["resolved"])
    case .number, .chatLimit: return .number(Int(roll(8)))
    case .choice(let choice): return .text(pick(choice.words))
    case .customerRecord: return .text("c\(roll(4) + 1)")
    case .caseRecord: return .text("k\(roll(4) + 1)")
    case .faq: return .text("f\(roll(3) + 1)")
    case .account: return .text("A-\(roll(4) + 1)")
    case .disposition: return .text(pick(["resolved", "callback", "wrong"]))
    case .newName, .queue, .chatQueue, .queueToEnable, .enabledQueue:
      switch argument.name {
      case "agent": return .text(pick(agents).rawValue)
      case "customer": return .text("c\(roll(3) + 1)")
      case "case": return .text("k\(roll(3) + 1)")
      case "faq": return .text("f\(roll(2) + 1)")
      default: return .text(chance(90) ? pick(queues).rawValue : "q9")
      }
    default:
      switch argument.name {
      case "name": return .text(customerDetails().name)
      case "email": return .text(customerDetails().email)
      case "ip": return .text("192.0.2.1")
      case "subject": return .text("Case")
      default: return .text(message())
      }
    }
  }
}
