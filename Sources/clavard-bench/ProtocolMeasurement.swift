import Conformance
import ContactCenter
import Glibc
import Subprocesses
import Wire

/// The protocol's own cost: requests sent one at a time to `clavard serve` over its pipes,
/// each timed from encoding the request to decoding its reply (JSON both ways included), on
/// a workload of whole chats: open, accept, two messages, end, Finish.
enum ProtocolMeasurement {
  static func run(clavard: String, chats: Int) throws {
    let system = try SystemProcess(command: "'\(clavard)' serve", timeout: 10)
    defer { system.close() }
    var id = 0
    var durations: [UInt64] = []
    durations.reserveCapacity(chats * 6 + 20)
    func send(_ request: Request, timed: Bool = true) throws {
      let start = now()
      try system.send(request.json(id: id).text)
      let reply = try Reply.decode(try JSON.parse(try system.receive()))
      let end = now()
      guard reply.inReplyTo == id else {
        throw TransportFailure.io("reply to \(reply.inReplyTo ?? -1), not \(id)")
      }
      if case .error(let code, let text) = reply.reply { throw TransportFailure.io("\(code): \(text)") }
      if timed { durations.append(end - start) }
      id += 1
    }
    try send(.hello, timed: false)
    let setUp: [Command] = [
      .defineQueue("support", media: .chat, dispositions: []),
      .defineAgent("alice", queues: ["support"], maximumChats: nil),
      .agent("alice", .login), .agent("alice", .readyToWork),
      .agent("alice", .selectQueue("support", enabled: true)),
      .agent("alice", .confirmSelections), .agent("alice", .setStatus(.available)),
    ]
    for command in setUp { try send(.command(CommandCall(command)), timed: false) }
    for number in 1...chats {
      let chat = ChatID(number)
      let visitor = VisitorID("v\(number)")
      let request = ChatRequest(
        name: "Visitor \(number)", email: "v\(number)@example.com", ipAddress: "192.0.2.1")
      for command: Command in [
        .customer(visitor, .open("support", request)), .agent("alice", .accept(chat)),
        .agent("alice", .say(chat, "Bonjour")), .customer(visitor, .say("Merci")),
        .agent("alice", .end(chat)),
        .agent("alice", .finish(chat)),
      ] {
        try send(.command(CommandCall(command)))
      }
    }
    durations.sort()
    /// Microseconds with one decimal, from nanoseconds.
    func percentile(_ p: Double) -> String {
      let nanoseconds = durations[min(durations.count - 1, Int(Double(durations.count) * p))]
      return "\(nanoseconds / 1000).\(nanoseconds % 1000 / 100) µs"
    }
    print(
      "| round trip per command through `clavard serve` (\(durations.count) commands) | "
        + "\(percentile(0.5)) | \(percentile(0.99)) |")
    try pipelined(clavard: clavard, chats: chats)
  }

  /// The same workload through a `Lockstep` in batches: the reference predicts each outcome,
  /// requests go ahead of their replies, every reply is compared. Commands per second.
  static func pipelined(clavard: String, chats: Int) throws {
    let lockstep = try Lockstep(transport: try SystemProcess(command: "'\(clavard)' serve", timeout: 10))
    defer { lockstep.close() }
    var session = Session(auditsRouting: false)
    var batch: [Lockstep.BatchItem] = []
    var commands = 0
    let start = now()
    func run(_ command: Command) throws {
      batch.append(Lockstep.BatchItem(execution: session.run(.engine(command))))
      commands += 1
      if batch.count == 256 { try flush() }
    }
    func flush() throws {
      if let (_, divergence) = lockstep.mirror(batch: batch) { throw TransportFailure.io(divergence.message) }
      batch.removeAll(keepingCapacity: true)
    }
    for command in setUp { try run(command) }
    for number in 1...chats { for command in chat(number) { try run(command) } }
    try flush()
    let seconds = Double(now() - start) / 1e9
    print(
      "| pipelined through `clavard serve`, every outcome compared (\(commands) commands) | "
        + "\(Int(Double(commands) / seconds)) commands/s | \(Int(seconds * 1000)) ms |")
  }

  static let setUp: [Command] = [
    .defineQueue("support", media: .chat, dispositions: []),
    .defineAgent("alice", queues: ["support"], maximumChats: nil),
    .agent("alice", .login), .agent("alice", .readyToWork),
    .agent("alice", .selectQueue("support", enabled: true)),
    .agent("alice", .confirmSelections), .agent("alice", .setStatus(.available)),
  ]

  /// One whole chat: open, accept, two messages, end, Finish.
  static func chat(_ number: Int) -> [Command] {
    let chat = ChatID(number)
    let visitor = VisitorID("v\(number)")
    let request = ChatRequest(
      name: "Visitor \(number)", email: "v\(number)@example.com", ipAddress: "192.0.2.1")
    return [
      .customer(visitor, .open("support", request)), .agent("alice", .accept(chat)),
      .agent("alice", .say(chat, "Bonjour")), .customer(visitor, .say("Merci")), .agent("alice", .end(chat)),
      .agent("alice", .finish(chat)),
    ]
  }

  private static func now() -> UInt64 {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
  }
}
