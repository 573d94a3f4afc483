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
    for command in setUp { try send(.command(CommandCall(command)), timed: false) }
    for number in 1...chats {
      for command in chat(number) { try send(.command(CommandCall(command))) }
    }
    durations.sort()
    func percentile(_ p: Double) -> String { microseconds(durations, p) }
    print(
      "| round trip per command through `clavard serve` (\(durations.count) commands) | "
        + "\(percentile(0.5)) | \(percentile(0.99)) |")
    try echoed(lines: durations.count)
    try pipelined(clavard: clavard, chats: chats)
  }

  /// The floor under a round trip: a line to `cat` and back over the same pipes, no JSON and
  /// no engine. What a request costs above it is the protocol's own cost.
  static func echoed(lines: Int) throws {
    let system = try SystemProcess(command: "cat", timeout: 10)
    defer { system.close() }
    let line = #"{"id":1,"type":"command","command":"say","agent":"alice","chat":"chat-1","text":"Bonjour"}"#
    var durations: [UInt64] = []
    durations.reserveCapacity(lines)
    for _ in 0..<lines {
      let start = now()
      try system.send(line)
      _ = try system.receive()
      durations.append(now() - start)
    }
    durations.sort()
    print(
      "| round trip of a line through `cat` on the same pipes (\(lines) lines) | "
        + "\(microseconds(durations, 0.5)) | \(microseconds(durations, 0.99)) |")
  }

  /// A percentile of sorted nanoseconds, in microseconds with one decimal.
  static func microseconds(_ sorted: [UInt64], _ p: Double) -> String {
    let nanoseconds = sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))]
    return "\(nanoseconds / 1000).\(nanoseconds % 1000 / 100) µs"
  }

  /// The same workload through a `Lockstep`, as `clavard explore --sut` drives it: the
  /// reference predicts each outcome, each request goes out before the replies of those before
  /// it are read, every reply is compared. Commands per second.
  static func pipelined(clavard: String, chats: Int) throws {
    let lockstep = try Lockstep(transport: try SystemProcess(command: "'\(clavard)' serve", timeout: 10))
    defer { lockstep.close() }
    var session = Session(auditsRouting: false)
    var commands = 0
    let start = now()
    for command in setUp + (1...chats).flatMap(chat) {
      if let (_, divergence) = lockstep.submit(Lockstep.BatchItem(execution: session.run(.engine(command)))) {
        throw TransportFailure.io(divergence.message)
      }
      commands += 1
    }
    if let (_, divergence) = lockstep.settle() { throw TransportFailure.io(divergence.message) }
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
