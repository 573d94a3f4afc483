import ContactCenter

/// A system under test in memory: a ``ReferenceServer`` (with faults, or none) behind the
/// ``Transport`` interface, so that ``Lockstep`` can be tried, and faults found, without a child
/// process. Each line sent is answered at once, as `clavard serve` would answer it.
///
/// ```swift
/// let faulty = try Lockstep(transport: InProcessTransport(faults: [.seventhChat]))
/// ```
public final class InProcessTransport: Transport {
  private var server: ReferenceServer
  /// Replies written and not read yet, oldest first (at most one when the harness waits for
  /// each reply, as ``Lockstep`` does).
  private var replies: [[UInt8]] = []
  private var isClosed = false

  public init(faults: FaultSet = []) {
    server = ReferenceServer(faults: faults)
  }

  public func send(_ line: String) throws(TransportFailure) {
    guard !isClosed else { throw .closed }
    let bytes = Array(line.utf8)
    // As `clavard serve` reads: a line too long is refused whole, a blank line gets no reply.
    let reply = bytes.count > ReferenceServer.maximumLineBytes ? server.tooLong() : server.handle(bytes)
    if let reply { replies.append(Array(reply.utf8)) }
  }

  /// The oldest reply not read yet. With none, a process would leave the harness waiting until
  /// its timeout; here the wait could never end, so it fails at once.
  public func receive() throws(TransportFailure) -> [UInt8] {
    guard !isClosed else { throw .closed }
    guard !replies.isEmpty else { throw .io("nothing to read: every request has had its reply") }
    return replies.removeFirst()
  }

  public func logTail() -> [String] { [] }

  public func close() {
    isClosed = true
    replies = []
  }
}
