import Conformance
import ContactCenter
import Synchronization
import Testing

@testable import Wire

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
    #expect(lockstep.mirror(batch: try Mirroring.items(conversation)) == nil)
    #expect(transport.waitingMost > 5, "the batch was not pipelined")
  }

  @Test("a system that names its chats its own way: the batch waits for a chat's name before using it")
  func ownNames() throws {
    // Its chat `chat-1` is `c1` on the wire, both ways.
    let transport = RewritingTransport(
      rewrite: { $0.replacing("\"chat\":\"chat-", with: "\"chat\":\"c") },
      request: { $0.replacing("\"chat\":\"c", with: "\"chat\":\"chat-") })
    let lockstep = try Lockstep(transport: transport)
    #expect(lockstep.mirror(batch: try Mirroring.items(conversation)) == nil)
  }

  @Test("a divergence is reported at its item, and the items after it are not compared")
  func divergence() throws {
    let transport = RewritingTransport { $0.replacing("\"Merci\"", with: "\"Merci!\"") }
    let lockstep = try Lockstep(transport: transport)
    let found = lockstep.mirror(batch: try Mirroring.items(conversation))
    #expect(found?.index == 12)
    #expect(found?.divergence.diff == ["- chat-1 marie says \"Merci\"", "+ chat-1 marie says \"Merci!\""])
  }

  @Test(
    "after a divergence, the replies to the requests sent ahead are read: the system can be reset and asked again"
  )
  func drainedAfterDivergence() throws {
    let transport = RewritingTransport { $0.replacing("\"Merci\"", with: "\"Merci!\"") }
    let lockstep = try Lockstep(transport: transport)
    // Long enough that another stretch is on its way when the divergence is found.
    let ticks = String(repeating: "clock +1s\n", count: 2 * Lockstep.maximumInFlight)
    #expect(lockstep.mirror(batch: try Mirroring.items(conversation + "\n" + ticks))?.index == 12)
    #expect(lockstep.reset())
    #expect(lockstep.mirror(batch: try Mirroring.items(ticks)) == nil)
  }
}

@Suite struct LockstepPoolTests {
  /// What the pool says when its system does not start, as `clavard run --sut` fails a script.
  private static func failure(starting failure: TransportFailure) -> String? {
    let pool = LockstepPool { () throws(TransportFailure) -> any Transport in throw failure }
    guard case .failure(let divergence) = pool.take() else { return nil }
    return divergence.message
  }

  @Test("a system that cannot be started: why, said once")
  func cannotStart() {
    #expect(
      Self.failure(starting: .cannotStart("no pipe: Too many open files"))
        == "the system under test could not be started: no pipe: Too many open files")
    #expect(
      Self.failure(starting: .io("cannot wait for it: Interrupted"))
        == "the system under test could not be started: cannot wait for it: Interrupted")
  }

  @Test("take reuses a system that started again; takeFresh always starts one")
  func fresh() throws {
    let starts = Mutex(0)
    let pool = LockstepPool { () throws(TransportFailure) -> any Transport in
      starts.withLock { $0 += 1 }
      return InProcessTransport()
    }
    let first = try pool.take().get()
    pool.giveBack(first)
    let reused = try pool.take().get()
    #expect(starts.withLock { $0 } == 1)
    pool.giveBack(reused)
    let fresh = try pool.takeFresh().get()
    #expect(starts.withLock { $0 } == 2)
    pool.giveBack(fresh)
    pool.close()
  }

  @Test("a system that starts: its handshake, and its name for the report")
  func starts() {
    let pool = LockstepPool { () throws(TransportFailure) -> any Transport in InProcessTransport() }
    #expect(pool.systemName == nil)
    guard case .success(let mirror) = pool.take() else {
      Issue.record("the reference server did not start")
      return
    }
    #expect(pool.systemName == "clavard-reference")
    pool.giveBack(mirror)
    pool.close()
  }
}
