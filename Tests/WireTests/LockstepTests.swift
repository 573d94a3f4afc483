import Conformance
import ContactCenter
import Synchronization
import Testing

@testable import Wire

/// A system in memory: the reference behind the protocol, its replies optionally rewritten
/// (a system with its own chat names, or a wrong one), counting how many requests wait.
private final class RewritingTransport: Transport, Sendable {
  private struct State {
    var server = ReferenceServer()
    var replies: [[UInt8]] = []
    var waitingMost = 0
  }
  private let state = Mutex(State())
  private let rewrite: @Sendable (String) -> String
  private let rewriteRequest: @Sendable (String) -> String

  init(
    rewrite: @escaping @Sendable (String) -> String = { $0 },
    request rewriteRequest: @escaping @Sendable (String) -> String = { $0 }
  ) {
    self.rewrite = rewrite
    self.rewriteRequest = rewriteRequest
  }

  /// The most requests sent before their replies were read.
  var waitingMost: Int { state.withLock { $0.waitingMost } }

  func send(_ line: String) throws(TransportFailure) {
    let rewrite = self.rewrite
    let request = rewriteRequest(line)
    state.withLock { state in
      if let reply = state.server.handle(Array(request.utf8)) {
        state.replies.append(Array(rewrite(reply).utf8))
      }
      state.waitingMost = max(state.waitingMost, state.replies.count)
    }
  }

  func receive() throws(TransportFailure) -> [UInt8] {
    guard let reply = state.withLock({ $0.replies.isEmpty ? nil : $0.replies.removeFirst() }) else {
      throw TransportFailure.timedOut(seconds: 0)
    }
    return reply
  }

  func logTail() -> [String] { [] }
  func close() {}
}

/// A script's commands run on the reference: what the lockstep is given, item by item.
private func items(_ text: String) throws -> [Lockstep.BatchItem] {
  let script = try ScriptParser.parse(text, path: "t.chat")
  var session = Session()
  var items: [Lockstep.BatchItem] = []
  for statement in script.statements {
    guard case .command(let command, _) = statement.kind else { continue }
    let execution = session.run(command)
    var answer: Result<Answer, Unanswerable>?
    if case .question(let question)? = execution.request { answer = session.answer(question) }
    items.append(Lockstep.BatchItem(execution: execution, answer: answer))
  }
  return items
}

private let conversation = """
  queue support dispositions=resolved
  agent alice queues=support
  agent bob queues=support
  alice> login
  alice> ready
  alice> queues enable support
  alice> queues confirm
  alice> status available
  bob> login
  marie> open support name="Marie Tremblay" email=marie@example.com ip=203.0.113.7
  alice> accept chat-1
  alice> say chat-1 "Bonjour"
  marie> say "Merci"
  expect alice offer none
  expect chat-1 state active
  alice> end chat-1
  alice> disposition chat-1 resolved
  alice> continue chat-1
  alice> finish chat-1
  paul> open support name=Paul email=paul@example.com ip=192.0.2.1
  clock +30s
  alice> login
  """

@Suite struct LockstepBatchTests {
  @Test("a batch against the reference itself agrees, with requests sent ahead of their replies")
  func agrees() throws {
    let transport = RewritingTransport()
    let lockstep = try Lockstep(transport: transport)
    #expect(lockstep.mirror(batch: try items(conversation)) == nil)
    #expect(transport.waitingMost > 5, "the batch was not pipelined")
  }

  @Test("a system that names its chats its own way: the batch waits for a chat's name before using it")
  func ownNames() throws {
    // Its chat `chat-1` is `c1` on the wire, both ways.
    let transport = RewritingTransport(
      rewrite: { $0.replacingOccurrences(of: "\"chat\":\"chat-", with: "\"chat\":\"c") },
      request: { $0.replacingOccurrences(of: "\"chat\":\"c", with: "\"chat\":\"chat-") })
    let lockstep = try Lockstep(transport: transport)
    #expect(lockstep.mirror(batch: try items(conversation)) == nil)
  }

  @Test("a divergence is reported at its item, and the items after it are not compared")
  func divergence() throws {
    let transport = RewritingTransport { $0.replacingOccurrences(of: "\"Merci\"", with: "\"Merci!\"") }
    let lockstep = try Lockstep(transport: transport)
    let found = lockstep.mirror(batch: try items(conversation))
    #expect(found?.index == 12)
    #expect(found?.divergence.diff == ["- chat-1 marie says \"Merci\"", "+ chat-1 marie says \"Merci!\""])
  }

  @Test(
    "after a divergence, the replies to the requests sent ahead are read: the system can be reset and asked again"
  )
  func drainedAfterDivergence() throws {
    let transport = RewritingTransport { $0.replacingOccurrences(of: "\"Merci\"", with: "\"Merci!\"") }
    let lockstep = try Lockstep(transport: transport)
    // Long enough that another stretch is on its way when the divergence is found.
    let ticks = String(repeating: "clock +1s\n", count: 2 * Lockstep.maximumInFlight)
    #expect(lockstep.mirror(batch: try items(conversation + "\n" + ticks))?.index == 12)
    #expect(lockstep.reset())
    #expect(lockstep.mirror(batch: try items(ticks)) == nil)
  }
}

extension String {
  fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
    split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
  }
}
