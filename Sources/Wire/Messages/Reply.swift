import Conformance
import ContactCenter

/// What a system under test may do: the commands, settings, questions and event kinds it
/// supports, and whether it can start again without a new process. Clock control is not a
/// capability but a requirement: a system must say `"clock": true`.
public struct Capabilities: Hashable, Sendable {
  /// Command names as ``CommandSpec/name`` writes them, and `set`.
  public var commands: Set<String>
  public var settings: Set<Setting.Key>
  public var questions: Set<QuestionKind>
  public var events: Set<Event.Kind>
  public var reset: Bool

  public init(
    commands: Set<String>, settings: Set<Setting.Key>, questions: Set<QuestionKind>, events: Set<Event.Kind>,
    reset: Bool
  ) {
    self.commands = commands
    self.settings = settings
    self.questions = questions
    self.events = events
    self.reset = reset
  }

  /// Everything the reference does: what `clavard serve` declares.
  public static let everything = Capabilities(
    commands: Set(Vocabulary.commands.map(\.name) + [Vocabulary.Keyword.set.rawValue]),
    settings: Set(Setting.Key.allCases), questions: Set(QuestionKind.allCases),
    events: Set(Event.Kind.allCases),
    reset: true)

  public var json: JSON {
    [
      "commands": .strings(Self.ordered(commands, Vocabulary.commands.map(\.name) + ["set"])),
      "settings": .strings(Self.ordered(Set(settings.map(\.rawValue)), Setting.Key.allCases.map(\.rawValue))),
      "questions": .strings(
        Self.ordered(Set(questions.map(\.rawValue)), QuestionKind.allCases.map(\.rawValue))),
      "events": .strings(Self.ordered(Set(events.map(\.rawValue)), Event.Kind.allCases.map(\.rawValue))),
      "clock": true, "reset": .bool(reset),
    ]
  }

  /// The names of a set in the vocabulary's order.
  /// The names of a set in the vocabulary's order, each once (`faq` is both the tenant's
  /// definition and the agent's insertion, one name).
  private static func ordered(_ names: Set<String>, _ order: [String]) -> [String] {
    var seen: Set<String> = []
    return order.filter { names.contains($0) && seen.insert($0).inserted }
  }

  static func decode(_ fields: Fields) throws(WireError) -> Capabilities {
    guard try fields.bool("clock") else {
      throw WireError.handshake(
        "the system under test does not control its clock (\"clock\": false); Clavard moves every system's clock as scripts move the reference's (docs/protocol.md, \"The clock\")"
      )
    }
    func names<T>(_ key: String, _ make: (String) -> T?) throws(WireError) -> Set<T> {
      let strings = try fields.strings(key)
      let unknown = strings.filter { make($0) == nil }
      guard unknown.isEmpty else {
        throw WireError.handshake("it declares unknown \(key): \(unknown.joined(separator: ", "))")
      }
      return Set(strings.compactMap(make))
    }
    let known = Set(everything.commands)
    return Capabilities(
      commands: try names("commands") { known.contains($0) ? $0 : nil },
      settings: try names("settings", Setting.Key.init(rawValue:)),
      questions: try names("questions", QuestionKind.init(rawValue:)),
      events: try names("events", Event.Kind.init(rawValue:)), reset: try fields.bool("reset"))
  }
}

/// What a system under test answers: one JSON object per line, naming the request's id in
/// `"in_reply_to"`.
public enum Reply: Hashable, Sendable {
  case hello(name: String, version: String?, capabilities: Capabilities)
  /// The events a command or a clock move caused, in order, as JSON (names still the
  /// system's own: the harness maps them before reading them).
  case events([JSON])
  /// The command was refused: its kind (``Refusal/Kind``) is compared, the message shown.
  case refused(kind: String, message: String)
  case answer(JSON)
  /// A question about something that does not exist (an agent, a chat...).
  case noSuchSubject(message: String)
  /// The request could not be handled: `malformed-request`, `not-supported`, `internal-error`.
  case error(code: String, text: String)

  public var type: String {
    switch self {
    case .hello: "hello"
    case .events: "events"
    case .refused: "refused"
    case .answer: "answer"
    case .noSuchSubject: "no-such-subject"
    case .error: "error"
    }
  }

  /// Its type as a message names it: "a refused reply", "an events reply".
  var typePhrase: String {
    (type.first.map { "aeiou".contains($0) } == true ? "an " : "a ") + type + " reply"
  }

  /// The error codes a reply may carry.
  public enum ErrorCode {
    public static let malformedRequest = "malformed-request"
    public static let notSupported = "not-supported"
    public static let internalError = "internal-error"
    public static let all = [malformedRequest, notSupported, internalError]
  }

  /// The reference's reply to a command or a clock move it ran: what `clavard serve` writes,
  /// and what the harness compares a system's line with before it reads it.
  public init(_ execution: Execution) {
    if let refusal = execution.refusal {
      self = .refused(kind: refusal.kind.rawValue, message: refusal.description)
    } else {
      self = .events(execution.events.map(\.json))
    }
  }

  public func json(inReplyTo id: Int?) -> JSON {
    var members: [(String, JSON)] = [("in_reply_to", .optional(id)), ("type", .string(type))]
    switch self {
    case .hello(let name, let version, let capabilities):
      members += [
        ("protocol", .number(ProtocolVersion.current)), ("name", .string(name)),
        ("version", .optional(version)),
        ("capabilities", capabilities.json),
      ]
    case .events(let events): members.append(("events", .array(events)))
    case .refused(let kind, let message):
      members += [("refusal", .string(kind)), ("message", .string(message))]
    case .answer(let answer): members.append(("answer", answer))
    case .noSuchSubject(let message): members.append(("message", .string(message)))
    case .error(let code, let text): members += [("code", .string(code)), ("text", .string(text))]
    }
    return .object(members)
  }

  /// Reads a reply line: the id it answers (nil when it says null) and the reply.
  public static func decode(_ json: JSON) throws(WireError) -> (inReplyTo: Int?, reply: Reply) {
    let fields = try Fields(json, "a reply")
    guard fields.members["in_reply_to"] != nil else { throw WireError("a reply must have \"in_reply_to\"") }
    let id = try fields.optionalInt("in_reply_to")
    switch try fields.string("type") {
    case "hello":
      let version = try fields.int("protocol")
      guard version == ProtocolVersion.current else {
        throw WireError.handshake(
          "the system under test speaks protocol \(version); Clavard speaks \(ProtocolVersion.current)")
      }
      return (
        id,
        .hello(
          name: try fields.string("name"), version: try fields.optionalString("version"),
          capabilities: try Capabilities.decode(try fields.object("capabilities")))
      )
    case "events":
      guard let events = fields.members["events"]?.array else {
        throw WireError("events: \"events\" must be an array")
      }
      return (id, .events(events))
    case "refused":
      return (id, .refused(kind: try fields.string("refusal"), message: try fields.string("message")))
    case "answer":
      guard let answer = fields.members["answer"] else { throw WireError("answer: \"answer\" is missing") }
      return (id, .answer(answer))
    case "no-such-subject": return (id, .noSuchSubject(message: try fields.string("message")))
    case "error": return (id, .error(code: try fields.string("code"), text: try fields.string("text")))
    case let other: throw WireError("unknown reply type \"\(other)\"")
    }
  }
}
