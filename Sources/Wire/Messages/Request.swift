import Conformance
import ContactCenter

/// The protocol's version: the harness and the system under test must say the same.
public enum ProtocolVersion {
  public static let current = 1
}

/// What the harness asks of a system under test: one JSON object per line, with an `"id"` the
/// reply names in `"in_reply_to"`.
public enum Request: Hashable, Sendable {
  /// The handshake: always first, answered with the system's name and capabilities.
  case hello
  case command(CommandCall)
  /// Move the clock to this time since the start (never back); timers due by then fire.
  case clock(Instant)
  case query(Question)
  /// Back to a fresh contact center (only if the system said it can).
  case reset

  public var type: String {
    switch self {
    case .hello: "hello"
    case .command: "command"
    case .clock: "clock"
    case .query: "query"
    case .reset: "reset"
    }
  }

  /// The request as one line of JSON.
  public func json(id: Int) -> JSON {
    var members: [(String, JSON)] = [("id", .number(id)), ("type", .string(type))]
    switch self {
    case .hello:
      members += [("protocol", .number(ProtocolVersion.current)), ("harness", "clavard")]
    case .command(let call):
      members += call.members
    case .clock(let instant):
      members.append(("now_ms", .number(Int(instant.milliseconds))))
    case .query(let question):
      members += question.jsonMembers
    case .reset:
      break
    }
    return .object(members)
  }

  /// Reads a request line; the id comes back apart so that an error can still name it.
  public static func decode(_ json: JSON) throws(WireError) -> (id: Int, request: Request) {
    let fields = try Fields(json, "a request")
    let id = try fields.int("id")
    switch try fields.string("type") {
    case "hello":
      let version = try fields.int("protocol")
      guard version == ProtocolVersion.current else {
        throw WireError("protocol \(version) is not spoken here; this side speaks \(ProtocolVersion.current)")
      }
      return (id, .hello)
    case "command": return (id, .command(try CommandCall.decode(json)))
    case "clock":
      let milliseconds = try fields.int("now_ms")
      guard milliseconds >= 0 else { throw WireError("clock: \"now_ms\" must be 0 or more") }
      return (id, .clock(Instant(milliseconds: Int64(milliseconds))))
    case "query": return (id, .query(try Question.decode(fields)))
    case "reset": return (id, .reset)
    case let other: throw WireError.unsupported("unknown request type \"\(other)\"")
    }
  }
}

extension Question {
  /// `"question": KIND` and its subject: `"agent"`, `"name"` and `"text"` (sees), `"queue"`,
  /// `"chat"`, `"case"`, `"customer"`, `"setting"`; none for the clock.
  var jsonMembers: [(String, JSON)] {
    var members: [(String, JSON)] = [("question", .string(kind.rawValue))]
    switch self {
    case .agentStatus(let id), .agentChats(let id), .agentOffer(let id), .agentQueues(let id):
      members.append(("agent", .string(id.rawValue)))
    case .sees(let name, let text):
      members += [("name", .string(name)), ("text", .string(text))]
    case .queueWaiting(let queue): members.append(("queue", .string(queue.rawValue)))
    case .chatState(let chat), .chatAgent(let chat), .chatLog(let chat), .chatDisposition(let chat),
      .chatWrapUp(let chat), .chatMessages(let chat):
      members.append(("chat", .string(chat.description)))
    case .caseRecord(let id): members.append(("case", .string(id.rawValue)))
    case .customerRecord(let id): members.append(("customer", .string(id.rawValue)))
    case .setting(let key): members.append(("setting", .string(key.rawValue)))
    case .clock: break
    }
    return members
  }

  static func decode(_ fields: Fields) throws(WireError) -> Question {
    let kind = try fields.choice("question", QuestionKind.self)
    switch kind {
    case .agentStatus: return .agentStatus(try fields.id("agent"))
    case .agentChats: return .agentChats(try fields.id("agent"))
    case .agentOffer: return .agentOffer(try fields.id("agent"))
    case .agentQueues: return .agentQueues(try fields.id("agent"))
    case .sees: return .sees(try fields.string("name"), text: try fields.string("text"))
    case .queueWaiting: return .queueWaiting(try fields.id("queue"))
    case .chatState: return .chatState(try fields.chat())
    case .chatAgent: return .chatAgent(try fields.chat())
    case .chatLog: return .chatLog(try fields.chat())
    case .chatDisposition: return .chatDisposition(try fields.chat())
    case .chatWrapUp: return .chatWrapUp(try fields.chat())
    case .chatMessages: return .chatMessages(try fields.chat())
    case .caseRecord: return .caseRecord(try fields.id("case"))
    case .customerRecord: return .customerRecord(try fields.id("customer"))
    case .setting: return .setting(try fields.choice("setting", Setting.Key.self))
    case .clock: return .clock
    }
  }
}
