import Conformance
import ContactCenter
import Synchronization

/// The systems under test of a run: each script gets one, fresh or started again (`reset`) if
/// the system says it can; a system that failed is ended and the next script gets a new one.
/// Shared by the jobs of a run.
public final class LockstepPool: MirrorSource {
  /// Starts a system (a child process, or a server in memory in tests).
  public typealias Start = @Sendable () throws(TransportFailure) -> any Transport

  private struct State {
    var idle: [Lockstep] = []
    var name: String?
    var unreported: Set<Event.Kind> = []
  }

  private let start: Start
  private let state = Mutex(State())

  public init(start: @escaping Start) { self.start = start }

  /// The name the system gave in its handshake, once one started.
  public var systemName: String? { state.withLock { $0.name } }

  /// The event kinds the reference produced that the system does not report: left out of
  /// every comparison, and said once at the end of the run.
  public var unreportedKinds: [Event.Kind] {
    let kinds = state.withLock { $0.unreported }
    return Event.Kind.allCases.filter(kinds.contains)
  }

  public func take() -> Result<any Mirror, Divergence> {
    if let reused = state.withLock({ $0.idle.popLast() }) { return .success(reused) }
    return takeFresh()
  }

  /// A system just started, whatever is kept for reuse.
  public func takeFresh() -> Result<any Mirror, Divergence> {
    do {
      let lockstep = try Lockstep(transport: try start())
      state.withLock { $0.name = lockstep.name }
      return .success(lockstep)
    } catch TransportFailure.cannotStart(let reason) {
      // Not "could not be started: it could not be started: ...".
      return .failure(Divergence(message: "the system under test could not be started: \(reason)"))
    } catch let failure as TransportFailure {
      return .failure(Divergence(message: "the system under test could not be started: \(failure)"))
    } catch let divergence as Divergence {
      return .failure(divergence)
    } catch {
      return .failure(Divergence(message: "the system under test could not be started: \(error)"))
    }
  }

  public func giveBack(_ mirror: any Mirror) {
    guard let lockstep = mirror as? Lockstep else { return }
    let unreported = lockstep.unreportedKinds
    state.withLock { $0.unreported.formUnion(unreported) }
    if !lockstep.isBroken, lockstep.reset() {
      state.withLock { $0.idle.append(lockstep) }
    } else {
      lockstep.close()
    }
  }

  /// Ends every system kept for another script.
  public func close() {
    let idle = state.withLock { state in
      defer { state.idle.removeAll() }
      return state.idle
    }
    for lockstep in idle { lockstep.close() }
  }
}
