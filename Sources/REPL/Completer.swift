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

/// Tab completion, aware of where the cursor is in the line. What a position takes comes from
/// ``Vocabulary``: command words and their continuations, then each argument's candidates by
/// its kind (queues the agent may switch on, the chats it holds, FAQ ids, `key=` options and
/// their values), and for `expect` the actual answer first.
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
      var candidates = filter(Vocabulary.lineWords + [DotCommand.actor.rawValue], words.partial)
      if let actor = context.defaultActor {
        candidates += filter(commandWords(for: actor, context), words.partial)
      }
      // Agents and customers are distinct names, and none ends with `>` like these.
      for name in actorNames(context, prefix: words.partial) { candidates.append(name + ">") }
      return .candidates(candidates)
    }
    if first == DotCommand.actor.rawValue {
      return .candidates(words.complete.count == 1 ? actorNames(context, prefix: words.partial) : [])
    }
    if let keyword = Vocabulary.Keyword(rawValue: first) {
      return keywordCommand(keyword, words, context)
    }
    if Vocabulary.definitions.contains(where: { $0.words[0] == first }) {
      var candidates = command(Words(line), roles: .tenant, agent: nil, context)
      // `faq hours` is also the default actor's FAQ insert.
      if let actor = context.defaultActor, case .candidates(let asActor) = actorCommand(actor, words, context)
      {
        candidates = unique(candidates + asActor)
      }
      return .candidates(candidates)
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
  }

  /// `name>` at the start of the line, as the parser reads it.
  static func actorMarker(_ line: Substring) -> (String, Substring)? {
    guard let marker = line.firstIndex(of: ">"), marker > line.startIndex,
      line[..<marker].allSatisfy({ $0 != " " && $0 != "\t" && $0 != "\"" })
    else { return nil }
    return (String(line[..<marker]), line[line.index(after: marker)...].drop { $0 == " " || $0 == "\t" })
  }

  // MARK: Dot-commands

  static func dotCommand(_ words: Words, _ context: CompletionContext) -> Completion {
    guard let word = words.complete.first else {
      return .candidates(
        filter(DotCommand.allCases.map(\.rawValue).filter { $0.hasPrefix(".") }, words.partial))
    }
    guard words.complete.count == 1, let command = DotCommand(word: word) else { return .candidates([]) }
    switch command {
    case .help: return .candidates(filter(Help.names, words.partial))
    case .read, .save, .timeline: return .fileNames
    case .record: return context.isRecording ? .candidates(filter(["stop"], words.partial)) : .fileNames
    case .state, .reset, .quit, .actor: return .candidates([])
    }
  }

  // MARK: Statements

  static func keywordCommand(_ keyword: Vocabulary.Keyword, _ words: Words, _ context: CompletionContext)
    -> Completion
  {
    let args = Array(words.complete.dropFirst())
    let partial = words.partial
    if words.inQuote { return .candidates([]) }
    switch keyword {
    case .set:
      if args.isEmpty { return .candidates(filter(Vocabulary.settings.map(\.key.rawValue), partial)) }
      guard args.count == 1 else { return .candidates([]) }
      return .candidates(filter(values(of: .settingValue, subject: args[0], context), partial))
    case .clock:
      return .candidates(args.isEmpty ? unique(filter(values(of: .clockMove, context), partial)) : [])
    case .expect:
      return .candidates(expect(args, partial, context))
    case .use:
      return args.isEmpty ? .fileNames : .candidates([])
    case .step:
      return .candidates([])
    }
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

  static func filter(_ candidates: [String], _ prefix: String) -> [String] {
    prefix.isEmpty ? candidates : candidates.filter { $0.hasPrefix(prefix) }
  }

  static func unique(_ candidates: [String]) -> [String] {
    var seen: Set<String> = []
    return candidates.filter { seen.insert($0).inserted }
  }
}
