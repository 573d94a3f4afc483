import ContactCenter
import Glibc
import Synchronization
import Wire

/// A system under test as a child process: `/bin/sh -c COMMAND` in a process group of
/// its own, its standard input and output the protocol's lines, its standard error its log.
///
/// Nothing it does can hang or flood the harness: every wait has a deadline (`timeout` per
/// request), a reply line is at most ``maximumLineBytes`` (longer is a failure), its log is
/// read as it comes and only the last ``logBytes`` are kept, and ``close()`` ends the whole
/// process group (SIGTERM, then SIGKILL) and reaps it, so no zombie is left behind.
public final class SystemProcess: Transport, Sendable {
  public static let maximumLineBytes = 1 << 20
  /// How much of its standard error is kept: the tail shown when it fails.
  public static let logBytes = 16 << 10
  /// The most of its standard error read at once: the rest waits for the next read, after the
  /// deadline of the request is checked again.
  static let logBytesPerRead = 256 << 10

  struct State {
    var pid: pid_t
    var input: Int32
    var output: Int32
    var errors: Int32
    /// What it wrote and was not read as a line yet: the bytes from `pendingStart` on (lines are
    /// taken from the front without moving the rest each time).
    var pending: [UInt8] = []
    var pendingStart = 0
    /// Where each read lands before it joins `pending` or `log`: one buffer, not one a read.
    var chunk = [UInt8](repeating: 0, count: 1 << 16)

    /// The bytes not read as a line yet.
    var unread: Int { pending.count - pendingStart }
    var log: [UInt8] = []
    /// How the process ended, once it did (and was reaped).
    var ended: TransportFailure?
  }

  public let command: String
  private let timeout: Double
  private let state: Mutex<State>

  /// Starts `command` with `/bin/sh`, in the current directory and environment.
  public init(command: String, timeout: Double) throws(TransportFailure) {
    self.command = command
    self.timeout = timeout
    var started: State?
    try Registry.shared.start { () throws(TransportFailure) -> pid_t in
      let state = try Self.spawn(command)
      started = state
      return state.pid
    }
    guard let started else { preconditionFailure("a system registered without being started") }
    state = Mutex(started)
  }

  deinit { close() }

  // MARK: Transport

  public func send(_ line: String) throws(TransportFailure) { try send(lines: [line]) }

  public func send(lines: [String]) throws(TransportFailure) {
    let deadline = Deadline(seconds: timeout)
    try state.withLock { state throws(TransportFailure) in
      var bytes: [UInt8] = []
      for line in lines {
        bytes += line.utf8
        bytes.append(UInt8(ascii: "\n"))
      }
      var written = 0
      while written < bytes.count {
        if let ended = state.ended { throw ended }
        let count = bytes[written...].withUnsafeBytes { write(state.input, $0.baseAddress, $0.count) }
        if count > 0 {
          written += count
          continue
        }
        switch errno {
        case EINTR: continue
        case EAGAIN:
          // Its input is full: read what it writes meanwhile, so that neither side waits forever.
          try Self.wait(&state, for: [state.input: Int16(POLLOUT)], until: deadline, timeout: timeout)
        case EPIPE:
          throw Self.ending(&state, otherwise: Self.closedInput)
        default:
          throw TransportFailure.io("cannot write to it: \(String(cString: strerror(errno)))")
        }
      }
    }
  }

  public func receive() throws(TransportFailure) -> [UInt8] {
    let deadline = Deadline(seconds: timeout)
    return try state.withLock { state throws(TransportFailure) -> [UInt8] in
      while true {
        if let newline = state.pending[state.pendingStart...].firstIndex(of: UInt8(ascii: "\n")) {
          let line = Array(state.pending[state.pendingStart..<newline])
          state.pendingStart = newline + 1
          if state.pendingStart == state.pending.count {
            state.pending.removeAll(keepingCapacity: true)
            state.pendingStart = 0
          }
          return line.last == UInt8(ascii: "\r") ? Array(line.dropLast()) : line
        }
        if state.unread > Self.maximumLineBytes {
          throw TransportFailure.lineTooLong(bytes: Self.maximumLineBytes)
        }
        if state.output < 0 { throw Self.ending(&state, otherwise: .closed) }
        try Self.wait(&state, for: [state.output: Int16(POLLIN)], until: deadline, timeout: timeout)
      }
    }
  }

  public func logTail() -> [String] {
    state.withLock { state in
      Self.drain(&state.errors, into: &state.log, keeping: Self.logBytes, using: &state.chunk)
      let text = String(decoding: state.log, as: UTF8.self)
      let lines = text.split(separator: "\n", omittingEmptySubsequences: true).suffix(10)
      return lines.map { line in
        let kept = String(String.UnicodeScalarView(line.unicodeScalars.prefix(300)))
        return Escaping.controlsEscaped(kept) + (line.unicodeScalars.count > 300 ? "…" : "")
      }
    }
  }

  public func close() {
    let pid = state.withLock { state -> pid_t in
      for descriptor in [state.input, state.output, state.errors] where descriptor >= 0 {
        Glibc.close(descriptor)
      }
      (state.input, state.output, state.errors) = (-1, -1, -1)
      return state.ended == nil ? state.pid : 0
    }
    guard pid > 0 else { return }
    Self.terminate(pid)
    state.withLock { $0.ended = .closed }
    Registry.shared.remove(pid)
  }
}
