import Conformance
import ContactCenter
import Wire

/// Samples of everything the protocol carries, derived from the vocabulary where it can be and
/// otherwise written out with a switch that has no default: a new event kind, question or
/// vocabulary command does not compile, or is sampled, without anyone remembering to add it.
enum Samples {
  // MARK: Events

  /// Samples of one kind of event: every optional field both present and absent where the kind
  /// has one, and texts that need escaping.
  static func events(of kind: Event.Kind) -> [Event] {
    let chat = ChatID(7)
    let alice: AgentID = "alice"
    let request = ChatRequest(
      name: "Marie \"Tremblay\"", email: "marie@example.com", ipAddress: "2001:db8::1")
    let full = ChatRequest(
      name: "Marie", email: "marie@example.com", ipAddress: "203.0.113.7", account: "A-1", caseNumber: "k-7")
    switch kind {
    case .queueDefined:
      return [
        .queueDefined(QueueDefinition(id: "support", media: .chat, dispositions: ["resolved", "callback"])),
        .queueDefined(QueueDefinition(id: "calls", media: .phone)),
      ]
    case .agentDefined:
      return [
        .agentDefined(alice, queues: ["support", "sales"], maximumChats: 3),
        .agentDefined("bob", queues: [], maximumChats: nil),
      ]
    case .customerDefined:
      return [
        .customerDefined(
          CustomerRecord(id: "c-100", name: "Marie", email: "marie@example.com", account: "A-1")),
        .customerDefined(
          CustomerRecord(id: "c-200", name: "Jean\nRoy", email: "jean@example.org", account: nil)),
      ]
    case .caseDefined:
      return [
        .caseDefined(
          CaseRecord(
            id: "k-7", customer: "c-100", subject: "Billing error", state: .open, chat: nil, text: nil)),
        .caseDefined(
          CaseRecord(
            id: "k-8", customer: "c-100", subject: "Call back", state: .draft, chat: chat, text: "Notes")),
      ]
    case .faqDefined: return [.faqDefined("hours", length: 16)]
    case .settingChanged: return settingSamples.map(Event.settingChanged)
    case .loggedIn: return [.loggedIn(alice)]
    case .readyToWork: return [.readyToWork(alice, status: .workingOffline)]
    case .statusChanged: return AgentStatus.allCases.map { .statusChanged(alice, to: $0) }
    case .loggedOut: return [.loggedOut(alice)]
    case .queueListed:
      return [
        .queueListed(alice, "support", media: .chat, enabled: true, pending: nil),
        .queueListed(
          alice, "sales", media: .email, enabled: false, pending: PendingSwitch(enabled: true, path: .profile)
        ),
        .queueListed(
          alice, "calls", media: .phone, enabled: true,
          pending: PendingSwitch(enabled: false, path: .assignedQueues)),
      ]
    case .queueSwitched:
      return [
        .queueSwitched(alice, "support", enabled: true, path: .assignedQueues),
        .queueSwitched(alice, "sales", enabled: false, path: .profile),
      ]
    case .queueEnabled: return [.queueEnabled(alice, "support")]
    case .queueDisabled: return [.queueDisabled(alice, "support")]
    case .chatQueued: return [.chatQueued(chat, queue: "support", visitor: "marie")]
    case .chatOffered: return [.chatOffered(chat, to: alice, acceptWithin: Interval(milliseconds: 1500))]
    case .screenPop:
      return [
        .screenPop(
          chat, for: alice, .customerRecord("c-100"), CRMSummary(customerName: "Marie", caseSubject: nil)),
        .screenPop(
          chat, for: alice, .caseRecord("k-7", customer: "c-100"),
          CRMSummary(customerName: "Marie", caseSubject: "Billing error")),
        .screenPop(chat, for: alice, .newCustomerForm, CRMSummary(customerName: nil, caseSubject: nil)),
      ]
    case .offerPreview:
      return [
        .offerPreview(chat, for: alice, request, match: nil),
        .offerPreview(
          chat, for: alice, full, match: CustomerMatch(customer: "c-100", caseID: "k-7", basis: .caseNumber)),
        .offerPreview(
          chat, for: alice, full, match: CustomerMatch(customer: "c-100", caseID: nil, basis: .email)),
      ]
    case .chatAccepted: return [.chatAccepted(chat, by: alice)]
    case .chatRejected: return [.chatRejected(chat, by: alice)]
    case .offerExpired: return [.offerExpired(chat, agent: alice)]
    case .offerWithdrawn:
      return [
        .statusChanged(.onBreak), .queueDisabled("support"), .customerLeft("marie"), .capLowered(2),
      ].map { .offerWithdrawn(chat, agent: alice, reason: $0) }
    case .chatReturned: return [.chatReturned(chat, queue: "support", position: 2)]
    case .chatAbandoned: return [.chatAbandoned(chat, visitor: "marie")]
    case .customerInfo:
      return [.customerInfo(chat, for: alice, request), .customerInfo(chat, for: alice, full)]
    case .message:
      return [
        .message(chat, from: .agent(alice), text: "Bonjour \u{1F44D}\u{1F3FD}\n\"quoted\" \\ \u{202E}"),
        .message(chat, from: .customer("marie"), text: "e\u{301}\u{0}\u{2028}"),
      ]
    case .typing:
      return [
        .typing(chat, .agent(alice), isTyping: true), .typing(chat, .customer("marie"), isTyping: false),
      ]
    case .faqInserted: return [.faqInserted(chat, "hours", agent: alice, draftLength: 33)]
    case .customerCreated:
      return [
        .customerCreated(
          CustomerRecord(id: "customer-1", name: "Paul", email: "paul@example.net", account: nil), from: chat),
        .customerCreated(
          CustomerRecord(id: "customer-2", name: "Ana", email: "ana@example.net", account: "A-9"), from: chat),
      ]
    case .chatEnded: return [.chatEnded(chat, by: .agent(alice)), .chatEnded(chat, by: .customer("marie"))]
    case .wrapUpTimer: return [.wrapUpTimer(chat, elapsed: Interval(milliseconds: 45_000))]
    case .dispositionSelected: return [.dispositionSelected(chat, "resolved")]
    case .dispositionConfirmed: return [.dispositionConfirmed(chat, "resolved")]
    case .chatFinished: return [.chatFinished(chat, by: alice, wrapUp: .zero)]
    case .logOpened:
      return [.logOpened(chat, for: alice, mode: .edit), .logOpened(chat, for: alice, mode: .view)]
    case .logShown:
      return [
        .logShown(
          chat,
          ChatLogSummary(
            mode: .edit, customer: nil, messageCount: 0, notes: nil, savedCase: nil, isDraft: false,
            isSaved: false)),
        .logShown(
          chat,
          ChatLogSummary(
            mode: .view, customer: "c-100", messageCount: 4, notes: "Called back", savedCase: "case-1",
            isDraft: true, isSaved: true)),
      ]
    case .logEdited: return [.logEdited(chat, by: alice, length: 11)]
    case .logCustomerSelected: return [.logCustomerSelected(chat, "customer-1")]
    case .logSaved:
      return [
        .logSaved(chat, asCase: "case-1", customer: "c-100", draft: false),
        .logSaved(chat, asCase: "case-2", customer: "customer-1", draft: true),
      ]
    }
  }

  static var allEvents: [Event] { Event.Kind.allCases.flatMap(events(of:)) }

  // MARK: Settings

  /// Every value of every setting with a closed set of values, and a few accept intervals.
  static let settingSamples: [Setting] = Setting.Key.allCases.flatMap { key -> [Setting] in
    let values = key.choices ?? ["1s", "30s", "1m1s500ms", "1h"]
    return values.compactMap { try? Setting.parse(key: key, value: $0) }
  }

  // MARK: Commands

  /// One command of each vocabulary command for each role that gives it: with every argument
  /// (`full`) or only the required ones.
  static func commands(full: Bool) -> [Command] {
    var commands: [Command] = []
    for spec in Vocabulary.commands {
      let actors: [CommandSpec.Actor] =
        (spec.roles.contains(.tenant) ? [.tenant] : [])
        + (spec.roles.contains(.agent) ? [.agent("alice")] : [])
        + (spec.roles.contains(.customer) ? [.visitor("marie")] : [])
      for actor in actors {
        var arguments = Arguments()
        for argument in spec.arguments {
          let required = argument.form == .required || argument.form == .key(required: true)
          guard full || required else { continue }
          // A customer has one chat: its commands take none.
          if argument.kind.isChat, actor == .visitor("marie") { continue }
          arguments[argument.name] = value(of: argument.kind)
        }
        if let command = spec.command(arguments, by: actor) { commands.append(command) }
      }
    }
    return commands + settingSamples.map(Command.set)
  }

  /// A value of a kind, as the parser would give it.
  static func value(of kind: ValueKind) -> Arguments.Value {
    switch kind {
    case .number, .chatLimit: .number(3)
    case .queueList, .newCodeList: .list(["support", "sales"])
    case .chat, .pendingOffer, .heldChat, .wrapUpChat, .logChat: .chat(ChatID(12))
    case .choice(let choice): .text(choice.words.last ?? "")
    case .text: .text("Bonjour \"Marie\" \u{1F44D}\u{1F3FD}\n")
    default: .text("n-1")
    }
  }

  // MARK: Questions and answers

  /// Questions of one kind, with canonical answers to each.
  static func questions(of kind: QuestionKind) -> [(Question, [Answer])] {
    let alice: AgentID = "alice"
    let chat = ChatID(3)
    switch kind {
    case .agentStatus:
      return [(.agentStatus(alice), SessionAnswer.allCases.map { Answer($0.rawValue) })]
    case .agentChats: return [(.agentChats(alice), [Answer("0"), Answer("6")])]
    case .agentOffer: return [(.agentOffer(alice), [Answer("chat-2"), Answer("none")])]
    case .agentQueues: return [(.agentQueues(alice), [Answer("none"), Answer("sales,support")])]
    case .sees:
      return [(.sees("marie", text: "Bonjour\n\u{1F44D}"), [Answer(Answer.yes), Answer(Answer.no)])]
    case .queueWaiting: return [(.queueWaiting("support"), [Answer("0"), Answer("12")])]
    case .chatState: return [(.chatState(chat), ChatState.Phase.allCases.map { Answer($0.rawValue) })]
    case .chatAgent: return [(.chatAgent(chat), [Answer("alice"), Answer("none")])]
    case .chatLog: return [(.chatLog(chat), LogAnswer.allCases.map { Answer($0.rawValue) })]
    case .chatDisposition: return [(.chatDisposition(chat), [Answer("resolved"), Answer("none")])]
    case .chatWrapUp: return [(.chatWrapUp(chat), [Answer("0s"), Answer("1m1s500ms")])]
    case .chatMessages: return [(.chatMessages(chat), [Answer("0"), Answer("5")])]
    case .caseRecord:
      return [(.caseRecord("k-7"), [Answer(["c-100", "open"]), Answer(["customer-1", "draft"])])]
    case .customerRecord:
      return [(.customerRecord("c-100"), [Answer(["Marie \"T\"", "marie@example.com"])])]
    case .setting:
      return Setting.Key.allCases.map { key in
        (.setting(key), settingSamples.filter { $0.key == key }.map { Answer($0.valueText) })
      }
    case .clock: return [(.clock, [Answer("00:00:00"), Answer("00:01:30.250"), Answer("999999:59:59.999")])]
    }
  }
}
