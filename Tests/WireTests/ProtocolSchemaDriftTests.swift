import Conformance
import ContactCenter
import Testing
import Wire

/// The schema names exactly what the code has: a command, event kind, question, refusal kind,
/// setting or word added to the code without the schema fails here, with what to add.
@Suite("docs/protocol.schema.json names what the code has")
struct ProtocolSchemaDriftTests {
  let schema: SchemaFile

  init() throws { schema = try SchemaFile.load() }

  @Test("One definition per event kind, its fields in the order Clavard writes them")
  func events() {
    #expect(schema.names(after: "event-") == Event.Kind.allCases.map(\.rawValue))
    for event in Samples.allEvents {
      guard case .object(let members) = event.json else { continue }
      let name = "event-\(event.kind.rawValue)"
      // A setting's event is one object per setting, each with the words of its values.
      let definitions = schema.branches(of: name)
      #expect(!definitions.isEmpty, "\(name)")
      for definition in definitions {
        #expect(schema.properties(definition) == members.map(\.0), "\(name)")
        #expect(
          schema.required(definition) == members.map(\.0), "\(name): every field is written, null or not")
      }
    }
  }

  /// The schema's definition name of a command for an actor: `command-agent-queues-enable`.
  static func definitionName(_ name: String, _ role: CommandSpec.Roles) -> String {
    let roleName = role == .tenant ? "tenant" : role == .agent ? "agent" : "visitor"
    return "command-\(roleName)-" + name.split(separator: " ").joined(separator: "-")
  }

  @Test("One definition per command and actor, its members the vocabulary's arguments")
  func commands() {
    var expected: [String] = []
    for spec in Vocabulary.commands {
      for role in [CommandSpec.Roles.tenant, .agent, .customer] where spec.roles.contains(role) {
        let name = Self.definitionName(spec.name, role)
        expected.append(name)
        let actor = role == .tenant ? [] : [role == .agent ? "agent" : "visitor"]
        // A customer has one chat: its commands take none.
        let arguments = spec.arguments.filter { role != .customer || !$0.kind.isChat }
        let keys = arguments.map { String($0.name.map { $0 == "-" ? "_" : $0 }) }
        let required = arguments.filter { $0.form == .required || $0.form == .key(required: true) }.map {
          String($0.name.map { $0 == "-" ? "_" : $0 })
        }
        let request = ["id", "type", "command"] + actor
        #expect(schema.properties(of: name) == request + keys, "\(name)")
        #expect(schema.required(of: name) == request + required, "\(name)")
        for argument in arguments {
          guard case .choice(let choice) = argument.kind else { continue }
          #expect(schema.words(of: name, argument.name) == choice.words, "\(name) \(argument.name)")
        }
      }
    }
    #expect(
      schema.names(after: "command-") == expected.map { String($0.dropFirst("command-".count)) } + [
        "tenant-set"
      ])
  }

  @Test("One definition per question, its subject the members Clavard writes, and one per answer")
  func questions() {
    let kinds = QuestionKind.allCases.map(\.rawValue)
    #expect(schema.names(after: "question-") == kinds)
    #expect(schema.names(after: "answer-") == kinds)
    for kind in QuestionKind.allCases {
      for (question, _) in Samples.questions(of: kind) {
        guard case .object(let members) = Request.query(question).json(id: 1) else { continue }
        #expect(schema.properties(of: "question-\(kind.rawValue)") == members.map(\.0), "\(kind.rawValue)")
      }
    }
    #expect(schema.words(schema.definition("answer-agent-status")) == SessionAnswer.allCases.map(\.rawValue))
    #expect(schema.words(schema.definition("answer-chat-state")) == ChatState.Phase.allCases.map(\.rawValue))
    #expect(schema.words(schema.definition("answer-chat-log")) == LogAnswer.allCases.map(\.rawValue))
  }

  @Test("One definition per setting, its words the engine's; set and setting-changed take each")
  func settings() {
    #expect(schema.names(after: "setting-") == Setting.Key.allCases.map(\.rawValue))
    for name in ["command-tenant-set", "event-setting-changed"] {
      let settings = schema.branches(of: name).map { $0["properties"]?["setting"]?["const"]?.string }
      #expect(settings == Setting.Key.allCases.map(\.rawValue), "\(name)")
    }
    for key in Setting.Key.allCases where key != .acceptInterval && key != .chatsPerAgent {
      #expect(schema.words(schema.definition("setting-\(key.rawValue)")) == key.choices, "\(key)")
    }
    #expect(schema.words(of: "question-setting", "setting") == Setting.Key.allCases.map(\.rawValue))
  }

  @Test("Refusal kinds, error codes, the words of values, and what capabilities may name")
  func words() {
    #expect(schema.words(of: "reply-refused", "refusal") == Refusal.Kind.allCases.map(\.rawValue))
    #expect(schema.words(of: "reply-error", "code") == Reply.ErrorCode.all)
    #expect(schema.words(schema.definition("status")) == AgentStatus.allCases.map(\.keyword))
    #expect(schema.words(schema.definition("media")) == Media.allCases.map(\.rawValue))
    #expect(schema.words(schema.definition("case-state")) == CaseState.allCases.map(\.rawValue))
    let capabilities = Capabilities.everything.json
    for key in ["commands", "settings", "questions", "events"] {
      var seen: Set<String> = []
      let names = (capabilities[key]?.array ?? []).compactMap(\.string).filter { seen.insert($0).inserted }
      #expect(schema.words(of: "capabilities", key) == names, "capabilities \(key)")
    }
  }

  @Test("One definition per request and reply type")
  func messageTypes() {
    let call = CommandCall(.agent("alice", .login))
    let requests: [Request] = [.hello, .command(call), .clock(.start), .query(.clock), .reset]
    #expect(schema.names(after: "request-") == requests.map(\.type))
    let replies: [Reply] = [
      .hello(name: "", version: nil, capabilities: .everything), .events([]), .refused(kind: "", message: ""),
      .answer(nil), .noSuchSubject(message: ""), .error(code: "", text: ""),
    ]
    #expect(schema.names(after: "reply-") == replies.map(\.type))
  }
}
