/// How the harness reaches a system under test: lines out, lines in. A child process in the
/// executable (`SystemProcess`), a reference server in memory in tests.
public protocol Transport: AnyObject {
  /// Sends one line; the transport adds the newline.
  func send(_ line: String) throws(TransportFailure)
  /// Sends several lines at once (a batch sent ahead of its replies): one write where the
  /// transport can.
  func send(lines: [String]) throws(TransportFailure)
  /// The next line the system writes, without its newline, within the request timeout.
  func receive() throws(TransportFailure) -> [UInt8]
  /// The last lines the system wrote to its standard error (its log), escaped, for a failure
  /// message; empty when there are none.
  func logTail() -> [String]
  /// Ends the connection (and the process, and everything it started).
  func close()
}

extension Transport {
  public func send(lines: [String]) throws(TransportFailure) {
    for line in lines { try send(line) }
  }
}

/// Why the system under test could not be asked: what happened to it.
public enum TransportFailure: Error, Hashable, Sendable, CustomStringConvertible {
  /// No complete line within the timeout.
  case timedOut(seconds: Double)
  case exited(status: Int32)
  case killed(signal: Int32)
  /// A line longer than the limit (a flood, or a line without its newline).
  case lineTooLong(bytes: Int)
  /// The system closed its output (or input) while running.
  case closed
  case cannotStart(String)
  case io(String)

  public var description: String {
    switch self {
    case .timedOut(let seconds):
      "it did not answer within \(Self.seconds(seconds)) (--sut-timeout)"
    case .exited(let status): "it exited with status \(status)"
    case .killed(let signal):
      "it was killed by signal \(signal)\(Self.signalName(signal).map { " (\($0))" } ?? "")"
    case .lineTooLong(let bytes): "it wrote a line longer than \(bytes) bytes"
    case .closed: "it closed its standard output"
    case .cannotStart(let reason): "it could not be started: \(reason)"
    case .io(let reason): reason
    }
  }

  private static func seconds(_ value: Double) -> String {
    value == value.rounded() ? "\(Int(value)) s" : "\(value) s"
  }

  private static func signalName(_ signal: Int32) -> String? {
    switch signal {
    case 6: "SIGABRT"
    case 9: "SIGKILL"
    case 11: "SIGSEGV"
    case 15: "SIGTERM"
    case 4: "SIGILL"
    case 7: "SIGBUS"
    case 8: "SIGFPE"
    default: nil
    }
  }
}
