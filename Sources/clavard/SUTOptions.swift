import ArgumentParser
import Conformance
import ContactCenter
import REPL
import Subprocesses
import Wire

/// `--sut COMMAND` and `--sut-timeout`: a system under test run beside the reference, the same
/// options for `run`, `coverage`, `repl` and `explore`.
struct SUTOptions: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      """
      Run each command also on this system under test (started with /bin/sh -c, speaking \
      docs/protocol.md on its standard input and output) and compare its outcome with the \
      reference's.
      """, valueName: "command"))
  var sut: String?

  /// Optional so that one given without `--sut` is seen (and refused) rather than ignored.
  @Option(
    parsing: .unconditional,
    help: ArgumentHelp(
      "With --sut: how long the system may take to answer one request, in seconds (default: \(Int(SUTOptions.defaultTimeout))).",
      valueName: "seconds"))
  var sutTimeout: Double?

  /// How long a request may take when `--sut-timeout` is not given.
  static let defaultTimeout = 10.0
  /// The longest request timeout accepted: an hour.
  static let maximumTimeout = 3600.0

  func validate() throws {
    if let sutTimeout {
      guard sut != nil else { throw ValidationError("--sut-timeout needs --sut") }
      guard sutTimeout > 0, sutTimeout <= Self.maximumTimeout, sutTimeout.isFinite else {
        throw ValidationError("--sut-timeout must be more than 0 and at most 3600 seconds, not \(sutTimeout)")
      }
    }
    if let sut, sut.allSatisfy({ $0 == " " || $0 == "\t" }) {
      throw ValidationError("--sut needs a command, such as --sut \"clavard serve\"")
    }
  }

  /// The systems of a run, started as scripts need them; nil without `--sut`. Ctrl-C ends them.
  func pool() -> LockstepPool? {
    guard let sut else { return nil }
    SystemProcess.endAllOnSignals { signal in Output.exit(128 + signal) }
    let timeout = sutTimeout ?? Self.defaultTimeout
    return LockstepPool { () throws(TransportFailure) -> any Transport in
      try SystemProcess(command: sut, timeout: timeout)
    }
  }

  /// The command that replays a recorded REPL session: `clavard run FILE`, with this `--sut`
  /// quoted for a POSIX shell when there is one.
  var replayCommand: String {
    guard let sut else { return ScriptText.defaultReplay }
    return "clavard run --sut '" + sut.replacingOccurrences(of: "'", with: #"'\''"#) + "' FILE"
  }

  /// What a run against a system under test says at its end: the event kinds it does not
  /// report, left out of every comparison.
  static func note(_ pool: LockstepPool) -> String? {
    let kinds = pool.unreportedKinds
    guard !kinds.isEmpty else { return nil }
    let name = pool.systemName.map { Escaping.controlsEscaped($0) } ?? "the system under test"
    return
      "\(name) does not report \(kinds.map(\.rawValue).joined(separator: ", ")); those events were left out of the comparison"
  }
}
