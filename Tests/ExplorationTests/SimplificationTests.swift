import Conformance
import ContactCenter
import Testing

@testable import Exploration

/// The shrinker's second half: each step made plainer, and the names put in order.
@Suite struct SimplificationTests {
  static func spec(_ name: String) throws -> Int {
    try #require(Vocabulary.commands.firstIndex { $0.name == name })
  }

  static func say(_ text: String, by actor: CommandSpec.Actor, chat: ChatReference? = nil) throws -> Step {
    .command(spec: try spec("say"), actor: actor, arguments: Arguments(["text": .text(text)]), chat: chat)
  }

  @Test("A clock move becomes a move of 1 ms or half as long; a move to a deadline lands on it exactly")
  func clockMoves() {
    #expect(
      Simplification.simpler(.clock(.by(.seconds(37))))
        == [.clock(.by(Interval(milliseconds: 1))), .clock(.by(Interval(milliseconds: 18_500)))])
    #expect(Simplification.simpler(.clock(.by(Interval(milliseconds: 1)))) == [])
    #expect(Simplification.simpler(.clock(.deadline(offset: 1))) == [.clock(.deadline(offset: 0))])
    #expect(Simplification.simpler(.clock(.deadline(offset: -1))) == [.clock(.deadline(offset: 0))])
    #expect(Simplification.simpler(.clock(.deadline(offset: 0))) == [])
    #expect(Simplification.simpler(.set(.chatsPerAgent(4))) == [])
  }

  @Test("A text becomes one letter or its first half; a chat named is left for the engine to find")
  func texts() throws {
    let visitor = CommandSpec.Actor.visitor("v7")
    #expect(
      try Simplification.simpler(Self.say("Bonjour", by: visitor))
        == [Self.say("a", by: visitor), Self.say("Bon", by: visitor)])
    #expect(try Simplification.simpler(Self.say("a", by: visitor)) == [])
    let agent = CommandSpec.Actor.agent("a2")
    #expect(
      try Simplification.simpler(Self.say("ok", by: agent, chat: .openedBy("v7")))
        == [
          Self.say("ok", by: agent), Self.say("a", by: agent, chat: .openedBy("v7")),
          Self.say("o", by: agent, chat: .openedBy("v7")),
        ])
  }

  @Test("An agent's definition loses optional values, list items one at a time, and smaller numbers")
  func definition() throws {
    let agent = try Self.spec("agent")
    func define(_ values: [String: Arguments.Value]) -> Step {
      .command(spec: agent, actor: .tenant, arguments: Arguments(values), chat: nil)
    }
    let full = define(["agent": .text("bob"), "queues": .list(["q1", "q2"]), "max-chats": .number(3)])
    #expect(
      Simplification.simpler(full) == [
        define(["agent": .text("bob"), "max-chats": .number(3)]),
        define(["agent": .text("bob"), "queues": .list(["q2"]), "max-chats": .number(3)]),
        define(["agent": .text("bob"), "queues": .list(["q1"]), "max-chats": .number(3)]),
        define(["agent": .text("bob"), "queues": .list(["q1", "q2"])]),
        define(["agent": .text("bob"), "queues": .list(["q1", "q2"]), "max-chats": .number(1)]),
        define(["agent": .text("bob"), "queues": .list(["q1", "q2"]), "max-chats": .number(2)]),
      ])
    // A name is not a text to shorten: it would name another agent.
    #expect(Simplification.simpler(define(["agent": .text("bob")])) == [])
  }

  @Test("An e-mail address becomes the plainest one, once")
  func email() throws {
    let open = try Self.spec("open")
    func opening(_ email: String) -> Step {
      .command(
        spec: open, actor: .visitor("v1"),
        arguments: Arguments([
          "queue": .text("q1"), "name": .text("a"), "email": .text(email), "ip": .text("a"),
        ]),
        chat: nil)
    }
    #expect(Simplification.simpler(opening("marie@example.com")) == [opening("v@example.com")])
    #expect(Simplification.simpler(opening("v@example.com")) == [])
  }

  @Test(
    "Agents, customers and queues are renamed a1, v1, q1… in order of appearance, wherever they are named")
  func renamedInOrder() throws {
    let queue = try Self.spec("queue")
    let agent = try Self.spec("agent")
    let open = try Self.spec("open")
    let accept = try Self.spec("accept")
    func steps(_ q: (String, String), _ a: (String, String), _ v: String) -> [Step] {
      [
        .command(spec: queue, actor: .tenant, arguments: Arguments(["queue": .text(q.0)]), chat: nil),
        .command(spec: queue, actor: .tenant, arguments: Arguments(["queue": .text(q.1)]), chat: nil),
        .command(
          spec: agent, actor: .tenant,
          arguments: Arguments(["agent": .text(a.0), "queues": .list([q.1, q.0])]), chat: nil),
        .command(spec: agent, actor: .tenant, arguments: Arguments(["agent": .text(a.1)]), chat: nil),
        .command(
          spec: open, actor: .visitor(VisitorID(v)), arguments: Arguments(["queue": .text(q.1)]), chat: nil),
        .command(
          spec: accept, actor: .agent(AgentID(a.1)), arguments: Arguments(), chat: .openedBy(VisitorID(v))),
        .clock(.by(.seconds(1))),
      ]
    }
    let renamed = Simplification.renamedInOrder(steps(("sales", "support"), ("zed", "bob"), "marie"))
    #expect(renamed == steps(("q1", "q2"), ("a1", "a2"), "v1"))
    // Already in order: nothing changes, and the shrinker tries no candidate for it.
    #expect(Simplification.renamedInOrder(renamed) == renamed)
  }
}
