import Conformance
import ContactCenter
import Synchronization

/// A system under test run beside the reference, command by command: each command the
/// reference runs is sent to the system, and the two outcomes are compared (events by kind and
/// fields in order, refusals by kind, answers by value). Its declared capabilities say what
/// it is asked: scripts that need more are skipped, event kinds it does not report are left out.
///
/// One script at a time uses it; its state sits behind a lock so that it can move between the
/// tasks of a run.
public final class Lockstep: Mirror, Sendable {
  /// What the system said of itself in the handshake.
  public let name: String
  public let version: String?
  public let capabilities: Capabilities
  /// It reports every kind of event: none is left out of a comparison.
  let reportsEveryKind: Bool

  struct State {
    var transport: any Transport
    var names = NameMap()
    var nextID = 1
    /// The reference's event kinds the system does not report (left out of comparisons).
    var unreported: Set<Event.Kind> = []
    /// The transport failed: the system cannot be asked again.
    var isBroken = false
    /// What was handed to the system and not read back yet (``submit(_:)``).
    var pipeline = Pipeline()
    /// Where the line the reference server would write is made, to compare a reply with.
    var expectedLine: [UInt8] = []
  }

  let state: Mutex<State>

  /// Greets the system (the handshake) and reads its capabilities.
  public init(transport: sending any Transport) throws(Divergence) {
    var state = State(transport: transport)
    let reply: Reply
    do {
      reply = try Self.exchange(.hello, id: 0, &state)
    } catch {
      transport.close()
      throw Divergence(message: "the handshake failed: \(error.message)", diff: error.diff)
    }
    guard case .hello(let name, let version, let capabilities) = reply else {
      transport.close()
      throw Divergence(message: "the handshake failed: it answered hello with \(reply.typePhrase)")
    }
    self.name = name
    self.version = version
    self.capabilities = capabilities
    reportsEveryKind = Set(Event.Kind.allCases).isSubset(of: capabilities.events)
    self.state = Mutex(state)
  }

  /// The event kinds the reference produced so far that the system does not report.
  public var unreportedKinds: Set<Event.Kind> { state.withLock { $0.unreported } }

  /// True once the system failed (timed out, exited, wrote garbage): it must be replaced.
  public var isBroken: Bool { state.withLock { $0.isBroken } }

  /// Back to a fresh contact center, if the system can; false when it cannot or failed to.
  public func reset() -> Bool {
    guard capabilities.reset else { return false }
    return state.withLock { state in
      // Replies still waiting would be read as the reset's: a system in that state is restarted.
      guard !state.isBroken, state.pipeline.waitingCount == 0,
        let reply = try? Self.exchange(.reset, id: Self.nextID(&state), &state),
        case .events = reply
      else { return false }
      state.names = NameMap()
      return true
    }
  }

  public func close() { state.withLock { $0.transport.close() } }

  // MARK: Mirror

  public func unsupported(_ command: ScriptCommand) -> String? {
    let needed: String
    switch command {
    case .engine(.set(let setting)):
      guard !capabilities.settings.contains(setting.key) else { return nil }
      needed = "the setting `\(setting.key)`"
    case .engine(let command):
      let name = CommandCall(command).name
      guard !capabilities.commands.contains(name) else { return nil }
      needed = "`\(name)`"
    case .actor(_, let command):
      guard !capabilities.commands.contains(command.name) else { return nil }
      needed = "`\(command.name)`"
    case .expect(let query):
      guard !capabilities.questions.contains(query.question.kind) else { return nil }
      needed = "the question `\(query.question.kind.rawValue)`"
    case .clock:
      return nil
    }
    return "needs \(needed), which \(name) does not support"
  }

  public func mirror(_ execution: Execution, in session: Session) -> Divergence? {
    guard let request = execution.request else { return nil }
    return state.withLock { state -> Divergence? in
      guard !state.isBroken else { return Divergence(message: "\(name) failed earlier in this script") }
      // Its reply would be taken for one of theirs.
      precondition(state.pipeline.waitingCount == 0, "a command mirrored with submitted ones waiting")
      do throws(Divergence) {
        switch request {
        case .command(let command):
          let reply = try Self.exchange(.command(CommandCall(command)), id: Self.nextID(&state), &state)
          return compare(execution, reply, &state)
        case .clock(let instant):
          let reply = try Self.exchange(.clock(instant), id: Self.nextID(&state), &state)
          return compare(execution, reply, &state)
        case .question(let question):
          let reply = try Self.exchange(.query(question), id: Self.nextID(&state), &state)
          return compare(question, session.answer(question), reply, state.names)
        }
      } catch {
        return error
      }
    }
  }

  // MARK: Exchanging

  static func nextID(_ state: inout State) -> Int {
    defer { state.nextID += 1 }
    return state.nextID
  }

  /// Sends a request (in the system's names) and reads its reply; a failure of the transport or
  /// a reply that is not one breaks the connection.
  static func exchange(_ request: Request, id: Int, _ state: inout State) throws(Divergence) -> Reply {
    try send(request, id: id, &state)
    return try receive(id: id, &state)
  }

  static func send(_ request: Request, id: Int, _ state: inout State) throws(Divergence) {
    try send(lines: [line(request, id: id, state)], &state)
  }

  /// A request as its line, in the system's names.
  static func line(_ request: Request, id: Int, _ state: State) -> String {
    state.names.translate(request.json(id: id), toSystem: true).text
  }

  static func send(lines: [String], _ state: inout State) throws(Divergence) {
    do {
      try state.transport.send(lines: lines)
    } catch {
      throw broken(by: error, &state)
    }
  }

  /// The next reply, which must answer request `id`.
  static func receive(id: Int, _ state: inout State) throws(Divergence) -> Reply {
    try reply(to: id, in: receiveLine(&state), &state)
  }

  /// The next line the system writes.
  static func receiveLine(_ state: inout State) throws(Divergence) -> [UInt8] {
    do {
      return try state.transport.receive()
    } catch {
      throw broken(by: error, &state)
    }
  }

  /// A line read as the reply to request `id`.
  static func reply(to id: Int, in bytes: [UInt8], _ state: inout State) throws(Divergence) -> Reply {
    do {
      let json: JSON
      do {
        json = try JSON.parse(bytes)
      } catch {
        throw Divergence(message: "it wrote a line that is not JSON (\(error)): \(shown(bytes))")
      }
      let (inReplyTo, reply) = try Reply.decode(json)
      guard inReplyTo == id else {
        if case .error(let code, let text) = reply {
          throw Divergence(
            message:
              "it answered request \(id) with an error for request \(inReplyTo.map(String.init) ?? "null"): \(code): \(text)"
          )
        }
        throw Divergence(
          message: "it answered request \(id) with a reply to request \(inReplyTo.map(String.init) ?? "null")"
        )
      }
      return reply
    } catch {
      throw broken(by: error, &state)
    }
  }

  /// What a failure to exchange says, with the end of the system's log; the connection is
  /// broken from then on.
  static func broken(by error: any Error, _ state: inout State) -> Divergence {
    state.isBroken = true
    let log = log(state.transport)
    switch error {
    case let failure as TransportFailure:
      return Divergence(message: "the system under test failed: \(failure)", diff: log)
    case let error as WireError where error.isHandshake:
      return Divergence(message: error.message, diff: log)
    case let error as WireError:
      return Divergence(message: "it wrote a reply Clavard cannot read: \(error)", diff: log)
    case let divergence as Divergence:
      return Divergence(message: divergence.message, diff: divergence.diff + log)
    default:
      return Divergence(message: "the system under test failed: \(error)", diff: log)
    }
  }

  private static func log(_ transport: any Transport) -> [String] {
    let tail = transport.logTail()
    return tail.isEmpty ? [] : ["its standard error ended with:"] + tail.map { "| " + $0 }
  }

  /// A line as it can be shown: escaped, and cut to 200 characters.
  static func shown(_ bytes: [UInt8]) -> String {
    let text = String(decoding: bytes.prefix(800), as: UTF8.self)
    let kept = String(String.UnicodeScalarView(text.unicodeScalars.prefix(200)))
    return Escaping.quoted(kept) + (bytes.count > 200 ? "… (\(bytes.count) bytes)" : "")
  }
}
