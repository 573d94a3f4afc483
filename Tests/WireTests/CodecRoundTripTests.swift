import Conformance
import ContactCenter
import Testing
import Wire

/// Everything the protocol carries goes to a line of JSON and back unchanged: what Clavard
/// writes, a system under test can write back and Clavard reads the same.
@Suite("The codec: every command, event, refusal kind, question and answer round-trips")
struct CodecRoundTripTests {
  /// Through the text of a line: written, then read by the strict reader.
  private func line(_ json: JSON) throws -> JSON { try JSON.parse(json.text) }

  @Test("Every vocabulary command, with every argument or only the required ones", arguments: [true, false])
  func commands(full: Bool) throws {
    let commands = Samples.commands(full: full)
    // Each command of the vocabulary, once per role, and `set` once per setting value.
    let roles = Vocabulary.commands.map { spec in
      [CommandSpec.Roles.tenant, .agent, .customer].filter { spec.roles.contains($0) }.count
    }
    #expect(commands.count == roles.reduce(0, +) + Samples.settingSamples.count)
    for command in commands {
      let request = Request.command(CommandCall(command)).json(id: 4)
      let (id, decoded) = try Request.decode(try line(request))
      #expect(id == 4)
      guard case .command(let call) = decoded else {
        Issue.record("\(request.text) was read as \(decoded.type)")
        continue
      }
      #expect(call == CommandCall(command), "\(request.text)")
      #expect(try call.command() == command, "\(request.text)")
    }
  }

  @Test("Every command's words are the vocabulary's", arguments: Vocabulary.commands.map(\.name))
  func commandNames(_ name: String) {
    let names = Set(Samples.commands(full: true).map { CommandCall($0).name })
    #expect(names.contains(name))
  }

  @Test("Every kind of event, each sample", arguments: Event.Kind.allCases)
  func events(_ kind: Event.Kind) throws {
    let samples = Samples.events(of: kind)
    #expect(!samples.isEmpty)
    for event in samples {
      #expect(event.kind == kind)
      #expect(event.json["event"] == .string(kind.rawValue))
      #expect(try Event.decode(try line(event.json)) == event, "\(event.json.text)")
    }
    // And inside a reply, as a system under test sends them.
    let reply = Reply.events(samples.map(\.json)).json(inReplyTo: 9)
    let (inReplyTo, decoded) = try Reply.decode(try line(reply))
    #expect(inReplyTo == 9)
    #expect(decoded == .events(samples.map(\.json)))
  }

  @Test("Every refusal kind's name", arguments: Refusal.Kind.allCases)
  func refusals(_ kind: Refusal.Kind) throws {
    let reply = Reply.refused(kind: kind.rawValue, message: "why, with \"quotes\"\n").json(inReplyTo: 3)
    let (inReplyTo, decoded) = try Reply.decode(try line(reply))
    #expect(inReplyTo == 3)
    #expect(decoded == .refused(kind: kind.rawValue, message: "why, with \"quotes\"\n"))
    #expect(Refusal.Kind(rawValue: kind.rawValue) == kind)
  }

  @Test("Every question, and every form of its answer", arguments: QuestionKind.allCases)
  func questions(_ kind: QuestionKind) throws {
    let samples = Samples.questions(of: kind)
    #expect(!samples.isEmpty)
    for (question, answers) in samples {
      #expect(question.kind == kind)
      let request = Request.query(question).json(id: 5)
      let (_, decoded) = try Request.decode(try line(request))
      #expect(decoded == .query(question), "\(request.text)")
      #expect(!answers.isEmpty)
      for answer in answers {
        let json = answer.json(for: question)
        let reply = Reply.answer(json).json(inReplyTo: 5)
        let (_, readBack) = try Reply.decode(try line(reply))
        #expect(readBack == .answer(json))
        #expect(try Answer.decode(try line(json), for: question) == answer, "\(kind.rawValue): \(json.text)")
      }
    }
  }

  @Test("The forms of answers: numbers, milliseconds, null for none, arrays, objects")
  func answerForms() {
    #expect(Answer("none").json(for: .agentOffer("alice")) == .null)
    #expect(Answer("chat-2").json(for: .agentOffer("alice")) == "chat-2")
    #expect(Answer("sales,support").json(for: .agentQueues("alice")) == ["sales", "support"])
    #expect(Answer("none").json(for: .agentQueues("alice")) == [])
    #expect(Answer("1m30s").json(for: .chatWrapUp(ChatID(1))) == 90_000)
    #expect(Answer("00:01:30.250").json(for: .clock) == 90_250)
    #expect(Answer(Answer.yes).json(for: .sees("a", text: "b")) == true)
    #expect(
      Answer(["c-100", "open"]).json(for: .caseRecord("k-7")) == ["customer": "c-100", "state": "open"])
    #expect(Answer("1m").json(for: .setting(.acceptInterval)) == 60_000)
    #expect(Answer("4").json(for: .setting(.chatsPerAgent)) == 4)
    #expect(Answer("granted").json(for: .setting(.rejectPermission)) == "granted")
  }

  @Test("Queues come back in any order; the answer compares as a set")
  func queueOrder() throws {
    #expect(try Answer.decode(["support", "sales"], for: .agentQueues("alice")) == Answer("sales,support"))
  }

  @Test("The other requests and replies")
  func otherMessages() throws {
    for request in [Request.hello, .clock(Instant(milliseconds: 90_250)), .reset] {
      let (id, decoded) = try Request.decode(try line(request.json(id: 11)))
      #expect(id == 11)
      #expect(decoded == request)
    }
    let limited = Capabilities(
      commands: ["login", "say", "set"], settings: [.acceptInterval], questions: [.clock, .agentStatus],
      events: [.loggedIn, .message], reset: false)
    for capabilities in [Capabilities.everything, limited] {
      let hello = Reply.hello(name: "sut", version: "2.1", capabilities: capabilities)
      let (_, decoded) = try Reply.decode(try line(hello.json(inReplyTo: 0)))
      #expect(decoded == hello)
    }
    for reply in [
      Reply.noSuchSubject(message: "no agent named bob is defined"),
      .error(code: Reply.ErrorCode.notSupported, text: "line 3: no"),
    ] {
      let (id, decoded) = try Reply.decode(try line(reply.json(inReplyTo: nil)))
      #expect(id == nil)
      #expect(decoded == reply)
    }
  }
}
