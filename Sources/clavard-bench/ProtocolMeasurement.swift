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
  }

  private static func now() -> UInt64 {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
  }
}
