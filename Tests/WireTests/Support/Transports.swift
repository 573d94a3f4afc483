import Subprocesses
import Synchronization
import Wire

/// Every line of a session, in order: what the harness sent and what came back.
final class Transcript: Sendable {
  enum Direction: Sendable { case request, reply }

  private let entries = Mutex<[(Direction, String)]>([])

  func append(_ direction: Direction, _ line: String) { entries.withLock { $0.append((direction, line)) } }

  var lines: [(Direction, String)] { entries.withLock { $0 } }
}

/// Another transport, every line it carries written down in a transcript: the reference server
/// in memory (``InProcessTransport``) or a child process (``SystemProcess``), as a harness
/// drives them.
final class RecordingTransport: Transport {
  private let wrapped: any Transport
  private let transcript: Transcript

  init(_ wrapped: any Transport, _ transcript: Transcript) {
    self.wrapped = wrapped
    self.transcript = transcript
  }

  /// A program started as `clavard run --sut` starts one, its arguments quoted for the shell.
  /// A reply that does not come within a minute is a time-out: a guard against a hang (the
  /// tests never assert a duration).
  convenience init(program arguments: [String], _ transcript: Transcript) throws {
    let command = arguments.map {
      "'" + $0.split(separator: "'", omittingEmptySubsequences: false).joined(separator: #"'\''"#) + "'"
    }
    self.init(try SystemProcess(command: command.joined(separator: " "), timeout: 60), transcript)
  }

  func send(_ line: String) throws(TransportFailure) {
    transcript.append(.request, line)
    try wrapped.send(line)
  }

  func send(lines: [String]) throws(TransportFailure) {
    for line in lines { transcript.append(.request, line) }
    try wrapped.send(lines: lines)
  }

  func receive() throws(TransportFailure) -> [UInt8] {
    let line = try wrapped.receive()
    transcript.append(.reply, String(decoding: line, as: UTF8.self))
    return line
  }

  func logTail() -> [String] { wrapped.logTail() }
  func close() { wrapped.close() }
}

/// A system that answers with lines written in advance, whatever it is asked.
final class CannedTransport: Transport {
  private var replies: [String]

  init(_ replies: [String]) { self.replies = replies }

  func send(_ line: String) throws(TransportFailure) {}

  func receive() throws(TransportFailure) -> [UInt8] {
    guard !replies.isEmpty else { throw .closed }
    return Array(replies.removeFirst().utf8)
  }

  func logTail() -> [String] { ["the last line of its log"] }
  func close() {}
}

/// A system in memory: the reference behind the protocol, its replies optionally rewritten
/// (a system with its own chat names, or a wrong one), counting how many requests wait.
final class RewritingTransport: Transport, Sendable {
  private struct State {
    var server = ReferenceServer()
    var replies: [[UInt8]] = []
    var waitingMost = 0
    var requests: [String] = []
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

  /// The requests as the harness sent them (before they were rewritten).
  var requests: [String] { state.withLock { $0.requests } }

  func send(_ line: String) throws(TransportFailure) {
    let rewrite = self.rewrite
    let request = rewriteRequest(line)
    state.withLock { state in
      state.requests.append(line)
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
