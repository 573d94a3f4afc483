import Conformance
import ContactCenter

/// What Tab offers for the text before the cursor.
public enum Completion: Hashable, Sendable {
  /// Replacements for the word before the cursor: the text after the last of
  /// ``Completer/wordBreakCharacters``.
  case candidates([String])
  /// File names (`.read`, `.save`, `.record`, `use`): the line editor's own completion.
  case fileNames
}

/// What completion knows: a copy of the session (copy-on-write, so taking it costs nothing
/// until the session changes; drop it before the next command runs) and the default actor.
public struct CompletionContext: Sendable {
  public var session: Session
  public var defaultActor: String?
  public var isRecording: Bool

  public init(session: Session, defaultActor: String? = nil, isRecording: Bool = false) {
    self.session = session
    self.defaultActor = defaultActor
    self.isRecording = isRecording
  }

  var center: Center { session.center }
}

/// Tab completion, aware of where the cursor is in the line: command words and their
/// sub-words, actor names, queue names, chat ids, FAQ ids, case and customer ids, setting keys
/// and values, `key=` options and their values, and for `expect` the actual value first.
///
/// Pure: the same text and state give the same candidates. Candidates come filtered by the
/// word being completed, in a useful order (words before names, names in definition order).
public enum Completer {
  /// Where words start, for completion: the line editor must use the same characters. `=`
  /// and `,` let `queues=sup` and `queues=support,sa` complete the value alone; `>` lets
  /// `alice>acc` complete the command.
  public static let wordBreakCharacters = " \t\n=>,"

  public static func complete(_ before: String, in context: CompletionContext) -> Completion {
    // libedit prints candidates as they are: leave out any with a control character (an
    // account number typed with one, say), which would reach the terminal raw.
    guard case .candidates(let candidates) = unfiltered(before, in: context) else { return .fileNames }
    return .candidates(candidates.filter { !$0.unicodeScalars.contains(where: Escaping.isUnsafe) })
  }

  private static func unfiltered(_ before: String, in context: CompletionContext) -> Completion {
    let line = before.drop { $0 == " " || $0 == "\t" }
    if line.hasPrefix(".") { return dotCommand(Words(line), context) }
    if let (actor, rest) = actorMarker(line) {
      return actorCommand(actor, Words(rest), context)
    }
    let words = Words(line)
    guard !words.inQuote else { return .candidates([]) }
    guard let first = words.complete.first else {
      var candidates = filter(ScriptParser.keywords + ["as"], words.partial)
      if let actor = context.defaultActor {
        candidates += filter(commandWords(for: actor, context), words.partial)
      }
      // Agents and customers are distinct names, and none ends with `>` like these.
      for name in actorNames(context, prefix: words.partial) { candidates.append(name + ">") }
      return .candidates(candidates)
    }
    if first == "as" {
      return .candidates(words.complete.count == 1 ? actorNames(context, prefix: words.partial) : [])
    }
    if ScriptParser.keywords.contains(first) {
      var result = keywordCommand(first, words, context)
      // `faq hours` is also the default actor's FAQ insert.
      if first == "faq", let actor = context.defaultActor, case .candidates(let own) = result,
        case .candidates(let asActor) = actorCommand(actor, words, context)
      {
        result = .candidates(unique(own + asActor))
      }
      return result
    }
    if let actor = context.defaultActor { return actorCommand(actor, words, context) }
    return .candidates([])
  }

  // MARK: The words of the line

  /// The words before the cursor: those finished (followed by a space) and the one being
  /// typed. Quoted text counts as part of its word; a quote still open means the cursor is
  /// inside a text, where nothing is completed.
  struct Words {
    var complete: [String] = []
    var partial = ""
    var inQuote = false

    init(_ text: Substring) {
      var current = ""
      var escaped = false
      for character in text {
        if inQuote {
          current.append(character)
          if escaped {
            escaped = false
          } else if character == "\\" {
            escaped = true
          } else if character == "\"" {
            inQuote = false
          }
        } else if character == " " || character == "\t" {
          if !current.isEmpty { complete.append(current) }
          current = ""
        } else {
          if character == "\"" { inQuote = true }
          current.append(character)
        }
      }
      partial = current
    }

    /// The `key=` options already given.
    var keys: Set<String> {
      Set(complete.compactMap { word in word.firstIndex(of: "=").map { String(word[..<$0]) } })
    }

    /// The words that are not `key=value` options.
    var positional: [String] { complete.filter { !$0.contains("=") } }
  }

  /// `name>` at the start of the line, as the parser reads it.
  static func actorMarker(_ line: Substring) -> (String, Substring)? {
    guard let marker = line.firstIndex(of: ">"), marker > line.startIndex,
      line[..<marker].allSatisfy({ $0 != " " && $0 != "\t" && $0 != "\"" })
    else { return nil }
    return (String(line[..<marker]), line[line.index(after: marker)...].drop { $0 == " " || $0 == "\t" })
  }

  // MARK: Dot-commands

  static let dotCommands = [".help", ".read", ".record", ".save", ".state", ".reset", ".quit"]

  static func dotCommand(_ words: Words, _ context: CompletionContext) -> Completion {
    guard let command = words.complete.first else { return .candidates(filter(dotCommands, words.partial)) }
    guard words.complete.count == 1 else { return .candidates([]) }
    switch command {
    case ".help": return .candidates(filter(Help.names, words.partial))
    case ".read", ".save": return .fileNames
    case ".record": return context.isRecording ? .candidates(filter(["stop"], words.partial)) : .fileNames
    default: return .candidates([])
    }
  }

  // MARK: Keyword commands

  static let definitionKeys: [String: [String]] = [
    "queue": ["media", "dispositions"],
    "agent": ["queues", "max-chats"],
    "customer-record": ["name", "email", "account"],
    "case": ["customer", "subject", "state"],
  ]

  static func keywordCommand(_ keyword: String, _ words: Words, _ context: CompletionContext) -> Completion {
    let args = Array(words.complete.dropFirst())
    let partial = words.partial
    if words.inQuote { return .candidates([]) }
    switch keyword {
    case "queue", "agent", "customer-record", "case":
      // The name is new: nothing to offer until it is written.
      guard !args.isEmpty, let keys = definitionKeys[keyword] else { return .candidates([]) }
      return .candidates(options(keys, words, context))
    case "set":
      if args.isEmpty { return .candidates(filter(Setting.keys.map(\.key), partial)) }
      guard args.count == 1 else { return .candidates([]) }
      return .candidates(filter(settingValues(args[0], context), partial))
    case "clock":
      guard args.isEmpty else { return .candidates([]) }
      var candidates: [String] = []
      if let deadline = nextOfferDeadline(context.center) {
        candidates += ["+" + (deadline - context.center.now).description, deadline.description]
      }
      candidates += ["+1s", "+10s", "+30s", "+1m", "+5m"]
      return .candidates(unique(filter(candidates, partial)))
    case "expect":
      return .candidates(expect(args, partial, context))
    case "use":
      return args.isEmpty ? .fileNames : .candidates([])
    default:  // faq (a new id), step
      return .candidates([])
    }
  }

  /// When the earliest pending offer expires: the next thing the clock can make happen.
  /// (The engine's own next deadline may be a timer of an offer already accepted.)
  static func nextOfferDeadline(_ center: Center) -> Instant? {
    var earliest: Instant?
    for chat in center.chats {
      if case .offered(_, _, _, let deadline) = chat.state, earliest.map({ deadline < $0 }) ?? true {
        earliest = deadline
      }
    }
    return earliest
  }

  static func settingValues(_ key: String, _ context: CompletionContext) -> [String] {
    var values = Setting.keys.first { $0.key == key }?.values.filter { $0 != "..." } ?? []
    if key == "accept-interval" { values = ["30s", "45s", "1m", "2m"] }
    if let current = context.center.settings.all.first(where: { $0.key == key })?.valueText {
      values = [current] + values
    }
    return unique(values)
  }

  // MARK: expect

  static func expect(_ args: [String], _ partial: String, _ context: CompletionContext) -> [String] {
    let center = context.center
    guard let subject = args.first else {
      return filter(["queue", "case", "customer", "setting", "clock"], partial)
        + actorNames(context, prefix: partial) + chatIDs(center.chats.map(\.id), partial)
    }
    let rest = Array(args.dropFirst())
    switch subject {
    case "queue":
      switch rest.count {
      case 0: return filter(center.queues.keys.map(\.rawValue), partial)
      case 1: return filter(["waiting"], partial)
      case 2: return filter([String(center.waitingChats(in: QueueID(rest[0])).count)], partial)
      default: return []
      }
    case "case":
      switch rest.count {
      case 0: return filter(center.crm.cases.keys.map(\.rawValue), partial)
      case 1: return filter(["customer"], partial)
      case 2:
        let actual = center.crm.cases[CaseID(rest[0])]?.customer.rawValue
        return filter(unique([actual].compactMap { $0 } + center.crm.customers.keys.map(\.rawValue)), partial)
      case 3: return filter(["state"], partial)
      case 4:
        let actual = center.crm.cases[CaseID(rest[0])]?.state.rawValue
        return filter(unique([actual].compactMap { $0 } + CaseState.allCases.map(\.rawValue)), partial)
      default: return []
      }
    case "customer":
      switch rest.count {
      case 0: return filter(center.crm.customers.keys.map(\.rawValue), partial)
      case 1: return filter(["name"], partial)
      case 3: return filter(["email"], partial)
      case 4: return filter([center.crm.customers[CustomerID(rest[0])]?.email].compactMap { $0 }, partial)
      default: return []
      }
    case "setting":
      switch rest.count {
      case 0: return filter(Setting.keys.map(\.key), partial)
      case 1: return filter(settingValues(rest[0], context), partial)
      default: return []
      }
    case "clock":
      return rest.isEmpty ? filter([center.now.description], partial) : []
    default:
      if let chat = ChatID(parsing: subject) { return expectChat(chat, rest, partial, context) }
      return expectActor(subject, rest, partial, context)
    }
  }

  static func expectChat(_ id: ChatID, _ rest: [String], _ partial: String, _ context: CompletionContext)
    -> [String]
  {
    let center = context.center
    guard let question = rest.first else {
      return filter(["state", "agent", "log", "disposition", "wrap-up", "messages"], partial)
    }
    guard rest.count == 1 else { return [] }
    let chat = center.chat(id)
    var actual: String?
    var others: [String] = []
    switch question {
    case "state":
      actual = chat?.state.keyword
      others = ["queued", "offered", "active", "wrap-up", "finished", "abandoned"]
    case "agent":
      if let state = chat?.state {
        switch state {
        case .offered(let agent, _, _, _), .active(let agent, _), .wrapUp(let agent, _, _),
          .finished(let agent, _, _):
          actual = agent.rawValue
        case .queued, .abandoned: actual = nil
        }
      }
      others = agentNames(context, prefix: partial)
    case "log":
      if let chat {
        if let log = chat.log {
          actual =
            log.isSaved ? (log.mode == .view ? "view" : "saved") : (log.savedCase != nil ? "draft" : "edit")
        } else {
          actual = "none"
        }
      }
      others = ["view", "edit", "draft", "saved", "none"]
    case "disposition":
      actual = chat.map { $0.disposition?.rawValue ?? "none" }
      others = (chat.flatMap { center.queues[$0.queue]?.dispositions.map(\.rawValue) } ?? []) + ["none"]
    case "wrap-up":
      actual = center.wrapUpElapsed(id)?.description
    case "messages":
      actual = chat.map { String($0.messages.count) }
    default:
      return []
    }
    return filter(unique([actual].compactMap { $0 } + others), partial)
  }

  static func expectActor(_ name: String, _ rest: [String], _ partial: String, _ context: CompletionContext)
    -> [String]
  {
    guard let agent = context.center.agent(AgentID(name)) else {
      return rest.isEmpty ? filter(["sees"], partial) : []
    }
    guard let question = rest.first else {
      return filter(["status", "chats", "offer", "queues", "sees"], partial)
    }
    guard rest.count == 1 else { return [] }
    switch question {
    case "status":
      let actual: String =
        switch agent.session {
        case .loggedOut: "logged-out"
        case .loggedIn: "not-ready"
        case .ready(let status): status.keyword
        }
      return filter(
        unique([actual] + AgentStatus.allCases.map(\.keyword) + ["logged-out", "not-ready"]), partial)
    case "chats": return filter([String(agent.chats.count)], partial)
    case "offer": return filter(unique([agent.pendingOffer?.description ?? "none", "none"]), partial)
    case "queues":
      let enabled = agent.enabledQueues.map(\.rawValue)
      return filter(
        unique((enabled.isEmpty ? ["none"] : enabled) + agent.assignedQueues.map(\.rawValue) + ["none"]),
        partial)
    default: return []
    }
  }

  // MARK: Actors' commands

  static func commandWords(for actor: String, _ context: CompletionContext) -> [String] {
    context.center.agent(AgentID(actor)) != nil ? agentWords : customerWords
  }

  static let agentWords = [
    "login", "ready", "status", "queues", "profile", "preview", "accept", "reject", "info", "typing", "say",
    "faq",
    "send", "customer", "end", "timer", "disposition", "continue", "finish", "log", "logout",
  ]
  static let customerWords = ["open", "typing", "say", "leave"]

  static func actorCommand(_ actor: String, _ words: Words, _ context: CompletionContext) -> Completion {
    guard !words.inQuote else { return .candidates([]) }
    guard let command = words.complete.first else {
      return .candidates(filter(commandWords(for: actor, context), words.partial))
    }
    guard let agent = context.center.agent(AgentID(actor)) else {
      return .candidates(customerCommand(command, words, context))
    }
    return .candidates(agentCommand(agent, command, words, context))
  }

  static func customerCommand(_ command: String, _ words: Words, _ context: CompletionContext) -> [String] {
    let args = Array(words.complete.dropFirst())
    switch command {
    case "open":
      if args.isEmpty, !words.partial.contains("=") {
        return filter(
          context.center.queues.values.filter { $0.media == .chat }.map(\.id.rawValue), words.partial)
      }
      return options(["name", "email", "ip", "account", "case"], words, context)
    case "typing":
      return args.isEmpty ? filter(["stop"], words.partial) : []
    default:
      return []
    }
  }

  static func agentCommand(
    _ agent: AgentRecord, _ command: String, _ words: Words, _ context: CompletionContext
  ) -> [String] {
    let center = context.center
    let args = Array(words.complete.dropFirst())
    let partial = words.partial
    let held = agent.chats.map(\.description)
    let wrappingUp = agent.chats.filter { if case .wrapUp = center.chat($0)?.state { true } else { false } }
      .map(\.description)
    let assigned = agent.assignedQueues.map(\.rawValue)
    let enabled = agent.enabledQueues.map(\.rawValue)
    func queues(_ verb: String) -> [String] {
      let wanted = verb == "enable" ? assigned.filter { !enabled.contains($0) } : enabled
      return filter(wanted.isEmpty ? assigned : wanted, partial)
    }
    switch command {
    case "status":
      return args.isEmpty ? filter(AgentStatus.allCases.map(\.keyword), partial) : []
    case "queues":
      if args.isEmpty { return filter(["enable", "disable", "confirm"], partial) }
      return args.count == 1 && (args[0] == "enable" || args[0] == "disable") ? queues(args[0]) : []
    case "profile":
      if args.isEmpty { return filter(["queues"], partial) }
      if args == ["queues"] { return filter(["enable", "disable", "save"], partial) }
      return args.count == 2 && (args[1] == "enable" || args[1] == "disable") ? queues(args[1]) : []
    case "accept", "reject":
      return args.isEmpty ? filter([agent.pendingOffer?.description].compactMap { $0 }, partial) : []
    case "info", "send", "end", "say":
      return args.isEmpty ? filter(held, partial) : []
    case "timer", "continue", "finish":
      return args.isEmpty ? filter(wrappingUp, partial) : []
    case "typing":
      if args.isEmpty { return filter(["stop"] + held, partial) }
      return args == ["stop"] ? filter(held, partial) : []
    case "faq":
      let faqs = center.faqs.keys.map(\.rawValue)
      if args.isEmpty { return filter(held + faqs, partial) }
      return args.count == 1 && ChatID(parsing: args[0]) != nil ? filter(faqs, partial) : []
    case "disposition":
      func codes(_ chats: [ChatID]) -> [String] {
        unique(
          chats.compactMap { center.chat($0) }.flatMap {
            center.queues[$0.queue]?.dispositions.map(\.rawValue) ?? []
          })
      }
      let wrapUpChats = agent.chats.filter { wrappingUp.contains($0.description) }
      if args.isEmpty {
        return filter(
          wrappingUp + codes(wrapUpChats.isEmpty ? Array(agent.chats) : Array(wrapUpChats)), partial)
      }
      if args.count == 1, let chat = ChatID(parsing: args[0]) { return filter(codes([chat]), partial) }
      return []
    case "customer":
      if args.isEmpty { return filter(["save"], partial) }
      guard args.first == "save" else { return [] }
      var candidates: [String] = []
      if words.complete.count == 2, !partial.contains("=") { candidates += filter(held, partial) }
      return candidates + options(["name", "email", "account"], words, context)
    case "log":
      let logChats = unique(([agent.lastFinishedChat].compactMap { $0 } + agent.openLogs).map(\.description))
      if args.isEmpty { return filter(["open", "edit", "customer", "save", "draft"] + logChats, partial) }
      guard args.count == 1 || (args.count == 2 && args[0] == "customer" && ChatID(parsing: args[1]) != nil)
      else { return [] }
      let customers = center.crm.customers.keys.map(\.rawValue)
      switch args[0] {
      case "open", "save", "draft", "edit": return args.count == 1 ? filter(logChats, partial) : []
      case "customer": return filter((args.count == 1 ? logChats : []) + customers, partial)
      default: return []
      }
    default:
      return []
    }
  }

  // MARK: key=value options

  /// The `key=` options not given yet or, after `key=`, the values of that key.
  static func options(_ keys: [String], _ words: Words, _ context: CompletionContext) -> [String] {
    let partial = words.partial
    guard let equals = partial.firstIndex(of: "=") else {
      let given = words.keys
      return filter(keys.filter { !given.contains($0) }.map { $0 + "=" }, partial)
    }
    let key = String(partial[..<equals])
    let value = partial[partial.index(after: equals)...]
    // A comma-separated list completes its last item.
    let items = value.split(separator: ",", omittingEmptySubsequences: false)
    let current = items.last.map(String.init) ?? ""
    let before = Set(items.dropLast().map(String.init))
    let center = context.center
    let values: [String]
    switch key {
    case "queues": values = center.queues.keys.map(\.rawValue)
    case "media": values = ["chat", "phone", "email"]
    case "max-chats": values = (1...Settings.maximumChatsPerAgent).map(String.init)
    case "customer": values = center.crm.customers.keys.map(\.rawValue)
    case "state": values = CaseState.allCases.map(\.rawValue)
    case "account":
      values = center.crm.customers.values.compactMap(\.account).filter {
        !$0.contains(" ") && !$0.contains("\"")
      }
    case "case": values = center.crm.cases.keys.map(\.rawValue)
    default: values = []
    }
    return filter(values.filter { !before.contains($0) }, current)
  }

  // MARK: Names

  /// Agents in order of definition.
  static func agentNames(_ context: CompletionContext, prefix: String) -> [String] {
    // Indexing reads the one field; iterating would copy each whole record.
    let agents = context.center.agents
    var names: [String] = []
    names.reserveCapacity(prefix.isEmpty ? agents.count : 16)
    for index in agents.indices {
      let name = agents[index].id.rawValue
      if prefix.isEmpty || name.hasPrefix(prefix) { names.append(name) }
    }
    return names
  }

  /// Agents (in order of definition), then customers who opened a chat.
  static func actorNames(_ context: CompletionContext, prefix: String) -> [String] {
    var names = agentNames(context, prefix: prefix)
    let chats = context.center.chats
    var seen: Set<String> = []
    for index in chats.indices {
      let name = chats[index].visitor.rawValue
      if prefix.isEmpty || name.hasPrefix(prefix), seen.insert(name).inserted,
        context.center.agent(AgentID(name)) == nil
      {
        names.append(name)
      }
    }
    return names
  }

  static func chatIDs(_ ids: [ChatID], _ partial: String) -> [String] {
    guard partial.isEmpty || "chat-".hasPrefix(partial) || partial.hasPrefix("chat-") else { return [] }
    return filter(ids.map(\.description), partial)
  }

  static func filter(_ candidates: [String], _ prefix: String) -> [String] {
    prefix.isEmpty ? candidates : candidates.filter { $0.hasPrefix(prefix) }
  }

  static func unique(_ candidates: [String]) -> [String] {
    var seen: Set<String> = []
    return candidates.filter { seen.insert($0).inserted }
  }
}
