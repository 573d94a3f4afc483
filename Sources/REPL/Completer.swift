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
