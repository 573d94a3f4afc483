import Dispatch
import Glibc
import Synchronization

/// Every system under test still running, so that an interrupted run (Ctrl-C, SIGTERM, a
/// closed terminal) ends them all before Clavard exits: they run in process groups of their
/// own, which a terminal's Ctrl-C does not reach.
final class Registry: Sendable {
  static let shared = Registry()

  private let groups = Mutex<Set<pid_t>>([])

  /// The signal that is ending the program, 0 before one arrives. Set before the systems are
  /// killed, so that whoever sees a system die afterwards can tell a crash from an interruption.
  let signalled = Atomic<Int32>(0)

  func add(_ pid: pid_t) { _ = groups.withLock { $0.insert(pid) } }
  func remove(_ pid: pid_t) { _ = groups.withLock { $0.remove(pid) } }

  /// Kills every group still registered and reaps its leader.
  func endAll() {
    let pids = groups.withLock { groups in
      defer { groups.removeAll() }
      return groups
    }
    for pid in pids {
      kill(-pid, SIGKILL)
      var status: Int32 = 0
      while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    }
  }
}

extension SystemProcess {
  /// Ends every system under test when Clavard is interrupted or terminated, then calls
  /// `exit` with the signal (not in a signal handler: on a dispatch queue, where locks and
  /// waiting are safe). Call once, before starting any.
  public static func endAllOnSignals(then exit: @escaping @Sendable (Int32) -> Void) {
    for signalNumber in [SIGINT, SIGTERM, SIGHUP] {
      signal(signalNumber, SIG_IGN)
      let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
      source.setEventHandler {
        Registry.shared.signalled.store(signalNumber, ordering: .sequentiallyConsistent)
        Registry.shared.endAll()
        exit(signalNumber)
      }
      // Registration happens later on dispatch's own thread; a signal before it would be
      // ignored (SIG_IGN above) and a Ctrl-C right after start-up lost, so wait for it.
      let registered = DispatchSemaphore(value: 0)
      source.setRegistrationHandler { registered.signal() }
      source.resume()
      registered.wait()
      sources.append(source)
    }
  }

  /// The signal sources, kept alive for the life of the program. Written only by
  /// ``endAllOnSignals(then:)``, called once at start-up before any other thread runs.
  nonisolated(unsafe) private static var sources: [any DispatchSourceSignal] = []

  /// The signal (SIGINT, SIGTERM, SIGHUP) that is ending the program, if one arrived: the
  /// systems under test were killed because of it, not by a fault of their own.
  public static var endingSignal: Int32? {
    let signal = Registry.shared.signalled.load(ordering: .sequentiallyConsistent)
    return signal == 0 ? nil : signal
  }

  /// Ends every system under test still running (at the end of a run).
  public static func endAll() { Registry.shared.endAll() }
}
