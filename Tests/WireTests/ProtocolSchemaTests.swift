import ClavardTestSupport
import Conformance
import ContactCenter
import Testing
import Wire

/// `docs/protocol.schema.json` against real messages: every line of every fixture script run
/// through the protocol (in memory, and through the built `clavard serve`), checked by Python's
/// `jsonschema`; and samples of every event, command, question and answer against their own
/// definitions.
@Suite("docs/protocol.schema.json: every message of a real session is valid")
struct ProtocolSchemaTests {
  /// The instances to check for one session: each request and reply against the schema's
  /// request or reply, and each answer against its question's own answer.
  private static func instances(_ run: Sessions.Run) throws -> [SchemaValidator.Instance] {
    var instances: [SchemaValidator.Instance] = []
    for (index, exchange) in Sessions.exchanges(run.lines).enumerated() {
      let label = "\(run.result.path), exchange \(index)"
      instances.append(.init(exchange.request, against: "#/$defs/request", label: label + " request"))
      instances.append(.init(exchange.reply, against: "#/$defs/reply", label: label + " reply"))
      let request = try JSON.parse(exchange.request)
      let reply = try JSON.parse(exchange.reply)
      guard let question = request["question"]?.string, let answer = reply["answer"] else { continue }
      let pointer =
        question == QuestionKind.setting.rawValue
        ? "#/$defs/setting-\(request["setting"]?.string ?? "")" : "#/$defs/answer-\(question)"
      instances.append(.init(answer.text, against: pointer, label: label + " answer"))
    }
    return instances
  }

  @Test("Every fixture script passes through the reference server, and every line of it is valid")
  func fixturesInMemory() throws {
    let runs = try Sessions.referenceSessions()
    #expect(runs.count > 40)
    for run in runs {
      #expect(
        run.result.passed,
        "\(run.result.path): \(run.result.failure?.description ?? run.result.skipped ?? "")")
      #expect(run.unreported.isEmpty)
    }
    let instances = try runs.flatMap(Self.instances)
    #expect(instances.count > 2_000)
    let problems = try SchemaValidator.problems(instances)
    #expect(problems.isEmpty, "\(problems.prefix(20).joined(separator: "\n"))")
  }

  /// Lines a harness would never send, and the error replies they get.
  private static let hostileLines = [
    #"{"id":0,"type":"hello","protocol":1,"harness":"clavard"}"#, "not json", #"{"type":"hello"}"#,
    #"{"id":1,"type":"dance"}"#, #"{"id":2,"type":"command","command":"fly","agent":"alice"}"#,
    #"{"id":3,"type":"command","command":"login"}"#, #"{"id":4,"type":"clock","now_ms":-1}"#,
    #"{"id":5,"type":"query","question":"weather"}"#, #"{"id":6,"type":"hello","protocol":2}"#,
    #"{"id":7,"type":"command","command":"set","setting":"chats-per-agent","value":9}"#,
    #"{"id":8,"type":"query","question":"chat-state","chat":"chat-0"}"#, "[1,2]", #"{"id":1.5}"#,
  ]

  @Test("The built clavard serve answers every fixture's requests as the reference in memory does")
  func fixturesThroughTheBinary() throws {
    let runs = try Sessions.referenceSessions()
    var input: [String] = []
    var sessionReplies: [String] = []
    for run in runs {
      for exchange in Sessions.exchanges(run.lines) {
        input.append(exchange.request)
        sessionReplies.append(exchange.reply)
      }
      // One process for all: each script starts again from a fresh contact center.
      input.append(Request.reset.json(id: 1_000_000).text)
      sessionReplies.append(Reply.events([]).json(inReplyTo: 1_000_000).text)
    }
    input += Self.hostileLines
    // What one server answers to all the lines: the sessions' replies (reset gives a fresh
    // center), then the errors, which name the line.
    var server = ReferenceServer()
    let expected = input.map { server.handle(Array($0.utf8)) }
    #expect(Array(expected.prefix(sessionReplies.count)) == sessionReplies)
    let served = try ChildProcess.run(
      try BuiltProducts.clavard(), ["serve"], input: .bytes(Array(input.map { $0 + "\n" }.joined().utf8)))
    #expect(served.status == 0)
    #expect(served.stderr == "")
    let lines = served.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    #expect(lines == expected + [""])
    let hostile = input.count - Self.hostileLines.count
    let problems = try SchemaValidator.problems(
      input.enumerated().dropFirst(hostile).filter { !$1.hasPrefix("not") }.map {
        .init($1, against: "#/$defs/request", label: "request line \($0 + 1)")
      }
        + lines.dropLast().enumerated().dropFirst(hostile).map {
          .init($1, against: "#/$defs/reply", label: "reply line \($0 + 1)")
        })
    // Every hostile line but three is not a request of the protocol: the hello, the line that is
    // not JSON (not given to the validator), and the question about chat-0 (a system may name
    // its chats as it likes; the reference knows only its own chat-N and says so). Every reply
    // to them is a reply of the protocol.
    #expect(problems.count == Self.hostileLines.count - 3, "\(problems.joined(separator: "\n"))")
    #expect(problems.allSatisfy { $0.hasPrefix("request line") })
  }

  @Test("Samples of every event, command, question and answer are valid against their own definitions")
  func samples() throws {
    var instances: [SchemaValidator.Instance] = []
    for event in Samples.allEvents {
      instances.append(
        .init(event.json.text, against: "#/$defs/event-\(event.kind.rawValue)", label: "\(event)"))
      instances.append(.init(event.json.text, against: "#/$defs/event", label: "\(event)"))
    }
    for full in [true, false] {
      for command in Samples.commands(full: full) {
        let line = Request.command(CommandCall(command)).json(id: 1).text
        instances.append(.init(line, against: "#/$defs/request", label: line))
      }
    }
    for kind in QuestionKind.allCases {
      for (question, answers) in Samples.questions(of: kind) {
        let line = Request.query(question).json(id: 1).text
        instances.append(.init(line, against: "#/$defs/request", label: line))
        for answer in answers {
          let text = answer.json(for: question).text
          instances.append(.init(text, against: "#/$defs/answer-\(kind.rawValue)", label: "\(line): \(text)"))
          instances.append(.init(text, against: "#/$defs/answer", label: "\(line): \(text)"))
        }
      }
    }
    for kind in Refusal.Kind.allCases {
      let line = Reply.refused(kind: kind.rawValue, message: "m").json(inReplyTo: 1).text
      instances.append(.init(line, against: "#/$defs/reply", label: line))
    }
    for code in Reply.ErrorCode.all {
      let line = Reply.error(code: code, text: "t").json(inReplyTo: nil).text
      instances.append(.init(line, label: line))
    }
    let problems = try SchemaValidator.problems(instances)
    #expect(problems.isEmpty, "\(problems.prefix(20).joined(separator: "\n"))")
  }

  @Test("The schema refuses what is not the protocol's canonical form")
  func refusesWrongMessages() throws {
    let wrong: [(String, String)] = [
      (#"{"id":1,"type":"command","command":"login","agent":"alice","chat":"chat-1"}"#, "#/$defs/request"),
      (
        #"{"id":1,"type":"command","command":"say","visitor":"marie","chat":"chat-1","text":"a"}"#,
        "#/$defs/request"
      ),
      (
        #"{"id":1,"type":"command","command":"set","setting":"accept-interval","value":"30s"}"#,
        "#/$defs/request"
      ),
      (#"{"id":1,"type":"clock","now_ms":1.5}"#, "#/$defs/request"),
      (#"{"in_reply_to":1,"type":"events","events":[{"event":"logged-in"}]}"#, "#/$defs/reply"),
      (
        #"{"in_reply_to":1,"type":"events","events":[{"event":"logged-in","agent":"a","x":1}]}"#,
        "#/$defs/reply"
      ),
      (#"{"in_reply_to":1,"type":"refused","refusal":"no-reason","message":"m"}"#, "#/$defs/reply"),
      (#"{"in_reply_to":1,"type":"error","code":"oops","text":"t"}"#, "#/$defs/reply"),
      (#""sometimes""#, "#/$defs/answer-sees"),
    ]
    let problems = try SchemaValidator.problems(wrong.map { .init($0.0, against: $0.1, label: $0.0) })
    #expect(problems.count == wrong.count, "\(problems.joined(separator: "\n"))")
  }
}
