import Foundation
import Synchronization
import Wire

#if canImport(Glibc)
  import Glibc
#endif

/// Every line of a session, in order: what the harness sent and what came back.
final class Transcript: Sendable {
  enum Direction: Sendable { case request, reply }

  private let entries = Mutex<[(Direction, String)]>([])

  func append(_ direction: Direction, _ line: String) { entries.withLock { $0.append((direction, line)) } }

  var lines: [(Direction, String)] { entries.withLock { $0 } }
}

/// The reference server in memory: each line sent is handled at once, its reply kept for the
/// next receive.
final class ServerTransport: Transport {
  private var server = ReferenceServer()
  private var replies: [String] = []
  private let transcript: Transcript?

  init(transcript: Transcript? = nil) { self.transcript = transcript }

  func send(_ line: String) throws(TransportFailure) {
    transcript?.append(.request, line)
    if let reply = server.handle(Array(line.utf8)) { replies.append(reply) }
  }

  func receive() throws(TransportFailure) -> [UInt8] {
    guard !replies.isEmpty else { throw .closed }
    let reply = replies.removeFirst()
    transcript?.append(.reply, reply)
    return Array(reply.utf8)
  }

  func logTail() -> [String] { [] }
  func close() {}
}

/// A program on the other end of two pipes, as `clavard run --sut` drives one: lines to its
/// standard input, lines from its standard output, its standard error kept in a file for
/// ``logTail()``.
///
/// The pipes are made close-on-exec at once, so that another test's child does not inherit them. A reply that
/// does not come within ``hangLimit`` seconds is reported as a time-out: a guard against a hang
/// (the tests never assert a duration).
final class ChildTransport: Transport {
  static let hangLimit = 60.0
  static let maximumLineBytes = ReferenceServer.maximumLineBytes

  private let pid: pid_t
  private var input: Int32
  private var output: Int32
  private let logPath: String
  private var buffer: [UInt8] = []
  private let transcript: Transcript?
  private var closed = false

  struct CannotStart: Error, CustomStringConvertible {
    var description: String
  }

  /// Starts `arguments` (the first found on PATH).
  init(_ arguments: [String], transcript: Transcript? = nil) throws {
    signal(SIGPIPE, SIG_IGN)
    self.transcript = transcript
    logPath =
      FileManager.default.temporaryDirectory.appendingPathComponent(
        "clavard-sut-\(UUID().uuidString).log"
      ).path
    var toChild: [Int32] = [-1, -1]
    var fromChild: [Int32] = [-1, -1]
    guard pipe(&toChild) == 0 else { throw CannotStart(description: "pipe failed") }
    guard pipe(&fromChild) == 0 else {
      Glibc.close(toChild[0])
      Glibc.close(toChild[1])
      throw CannotStart(description: "pipe failed")
    }
    for end in toChild + fromChild { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_adddup2(&actions, toChild[0], 0)
    posix_spawn_file_actions_adddup2(&actions, fromChild[1], 1)
    posix_spawn_file_actions_addopen(&actions, 2, logPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    let argv = (["/usr/bin/env"] + arguments).map { strdup($0) } + [nil]
    defer { for pointer in argv { free(pointer) } }
    var pid: pid_t = 0
    let status = posix_spawn(&pid, "/usr/bin/env", &actions, nil, argv, environ)
    Glibc.close(toChild[0])
    Glibc.close(fromChild[1])
    guard status == 0 else {
      Glibc.close(toChild[1])
      Glibc.close(fromChild[0])
      throw CannotStart(description: "posix_spawn failed: \(String(cString: strerror(status)))")
    }
    self.pid = pid
    input = toChild[1]
    output = fromChild[0]
  }

  deinit { close() }

  func send(_ line: String) throws(TransportFailure) {
    transcript?.append(.request, line)
    let bytes = Array((line + "\n").utf8)
    var written = 0
    while written < bytes.count {
      let count = bytes[written...].withUnsafeBytes { Glibc.write(input, $0.baseAddress, $0.count) }
      if count < 0 {
        if errno == EINTR { continue }
        throw ended() ?? .io("cannot write to it: \(String(cString: strerror(errno)))")
      }
      written += count
    }
  }

  func receive() throws(TransportFailure) -> [UInt8] {
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      if let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
        let line = Array(buffer[..<newline])
        buffer.removeSubrange(...newline)
        transcript?.append(.reply, String(decoding: line, as: UTF8.self))
        return line
      }
      guard buffer.count <= Self.maximumLineBytes else { throw .lineTooLong(bytes: Self.maximumLineBytes) }
      var descriptor = pollfd(fd: output, events: Int16(POLLIN), revents: 0)
      let ready = poll(&descriptor, 1, Int32(Self.hangLimit * 1000))
      if ready < 0, errno == EINTR { continue }
      guard ready > 0 else { throw .timedOut(seconds: Self.hangLimit) }
      let count = chunk.withUnsafeMutableBytes { Glibc.read(output, $0.baseAddress, $0.count) }
      if count < 0, errno == EINTR { continue }
      guard count > 0 else { throw ended() ?? .closed }
      buffer += chunk[0..<count]
    }
  }

  /// How the program ended, if it has (waited for briefly: it closed its output as it ended).
  private func ended() -> TransportFailure? {
    var status: Int32 = 0
    for _ in 0..<200 {
      if waitpid(pid, &status, WNOHANG) == pid {
        closed = true
        let signal = status & 0x7F
        return signal == 0 ? .exited(status: (status >> 8) & 0xFF) : .killed(signal: signal)
      }
      _ = poll(nil, 0, 10)
    }
    return nil
  }

  func logTail() -> [String] {
    guard let data = FileManager.default.contents(atPath: logPath) else { return [] }
    let lines = String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
    return lines.suffix(10).map { String($0.unicodeScalars.prefix(200).map(Character.init)) }
  }

  /// Closes its standard input (a well-behaved program ends there), and kills it if it does not
  /// end soon after; always reaps it.
  func close() {
    if input >= 0 {
      Glibc.close(input)
      input = -1
    }
    if !closed {
      closed = true
      var status: Int32 = 0
      var reaped = false
      for _ in 0..<500 where !reaped {
        reaped = waitpid(pid, &status, WNOHANG) == pid
        if !reaped { _ = poll(nil, 0, 10) }
      }
      if !reaped {
        kill(pid, SIGKILL)
        _ = waitpid(pid, &status, 0)
      }
    }
    if output >= 0 {
      Glibc.close(output)
      output = -1
    }
    try? FileManager.default.removeItem(atPath: logPath)
  }
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
