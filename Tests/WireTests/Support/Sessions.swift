import ClavardTestSupport
import Conformance
import Wire

/// Scripts run on the reference with a system under test beside it (``Lockstep``), as
/// `clavard run --sut` runs them, keeping every line of the protocol that passed.
enum Sessions {
  struct Run: Sendable {
    var result: ScriptResult
    /// The lines of the session, in order: the handshake, then one reply after each request.
    var lines: [(Transcript.Direction, String)]
    /// Event kinds the reference produced that the system does not report.
    var unreported: Set<String>
  }

  /// Runs `script` with the system `transport` reaches beside the reference.
  static func run(_ script: Script, on transport: sending any Transport, transcript: Transcript) throws -> Run
  {
    let lockstep = try Lockstep(transport: transport)
    defer { lockstep.close() }
    let result = ScriptRunner(loader: Repository.loader).run(script, mirror: lockstep)
    return Run(
      result: result, lines: transcript.lines, unreported: Set(lockstep.unreportedKinds.map(\.rawValue)))
  }

  /// Every fixture script run beside the reference server in memory (once for all the tests
  /// that read them).
  static func referenceSessions() throws -> [Run] { try referenceRuns.get() }

  private static let referenceRuns = Result {
    try Repository.parsedFixtures().map { script in
      let transcript = Transcript()
      return try run(script, on: RecordingTransport(InProcessTransport(), transcript), transcript: transcript)
    }
  }

  /// A request and its reply, parsed.
  struct Exchange {
    var request: String
    var reply: String
  }

  /// The lines of a session paired: each request with the reply after it.
  static func exchanges(_ lines: [(Transcript.Direction, String)]) -> [Exchange] {
    var exchanges: [Exchange] = []
    var pending: String?
    for (direction, line) in lines {
      switch direction {
      case .request: pending = line
      case .reply:
        exchanges.append(Exchange(request: pending ?? "", reply: line))
        pending = nil
      }
    }
    return exchanges
  }
}
