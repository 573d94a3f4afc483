import Dispatch
import Glibc
import Synchronization
import Wire

/// Every system under test still running, so that an interrupted run (Ctrl-C, SIGTERM, a
/// closed terminal) ends them all before Clavard exits: they run in process groups of their
/// own, which a terminal's Ctrl-C does not reach.
final class Registry: Sendable {
  static let shared = Registry()

  private struct Groups {
    var running: Set<pid_t> = []
    /// The program is ending: a system that starts now is killed as it starts.
    var closed = false
  }

  private let groups = Mutex(Groups())

  /// The signal that is ending the program, 0 before one arrives. Set before the systems are
  /// killed, so that whoever sees a system die afterwards can tell a crash from an interruption.
  let signalled = Atomic<Int32>(0)

  /// Starts a system (`spawn` returns its process group's leader) and registers its group in
  /// one step under the lock: a signal that ends the program finds it registered and kills
  /// it, or comes first and stops it from starting. None outlives the program.
  func start(_ spawn: () throws(TransportFailure) -> pid_t) throws(TransportFailure) {
    try groups.withLock { groups throws(TransportFailure) in
      guard !groups.closed else { throw TransportFailure.cannotStart("the program is ending") }
      groups.running.insert(try spawn())
    }
  }

  func remove(_ pid: pid_t) { _ = groups.withLock { $0.running.remove(pid) } }

  /// Kills every group registered, for good, then reaps their leaders. The kills are sent
  /// under the lock: a second caller returns only once every group has been sent its SIGKILL.
  func endAll() {
    let pids = groups.withLock { groups in
      groups.closed = true
      for pid in groups.running { kill(-pid, SIGKILL) }
      defer { groups.running.removeAll() }
      return groups.running
    }
    for pid in pids {
      var status: Int32 = 0
      while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    }
  }
}

extension SystemProcess {
  /// Ends every system under test when Clavard is interrupted or terminated, then calls
  /// `exit` with the signal (not in a signal handler: on a queue of its own, where locks and
  /// waiting are safe). A second signal while that runs (an exit held up by a paused pager)
  /// ends the program at once. Start-up calls it before starting any system; later calls do
  /// nothing.
  public static func endAllOnSignals(then exit: @escaping @Sendable (Int32) -> Void) {
    let first = installed.withLock { installed in
      defer { installed = true }
      return !installed
    }
    guard first else { return }
    let handled = [SIGINT, SIGTERM, SIGHUP]
    // A queue of its own: its thread is not one of those the run's jobs may all be holding.
    let queue = DispatchQueue(label: "clavard.signals")
    for signalNumber in handled {
      signal(signalNumber, SIG_IGN)
      let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: queue)
      source.setEventHandler {
        Registry.shared.signalled.store(signalNumber, ordering: .sequentiallyConsistent)
        Registry.shared.endAll()
        for other in handled { signal(other, SIG_DFL) }
        exit(signalNumber)
      }
      // Registration happens later on dispatch's own thread; a signal before it would be
      // ignored (SIG_IGN above) and a Ctrl-C right after start-up lost, so wait for it (a
      // registration that never comes, which no report says can happen, costs two seconds).
      let registered = DispatchSemaphore(value: 0)
      source.setRegistrationHandler { registered.signal() }
      source.resume()
      _ = registered.wait(timeout: .now() + 2)
      sources.append(source)
    }
  }

  private static let installed = Mutex(false)

  /// The signal sources, kept alive for the life of the program. Written once, by the first
  /// call of ``endAllOnSignals(then:)``, which ``installed`` lets through alone.
  nonisolated(unsafe) private static var sources: [any DispatchSourceSignal] = []

  /// The signal (SIGINT, SIGTERM, SIGHUP) that is ending the program, if one arrived: the
  /// systems under test were killed because of it, not by a fault of their own.
  public static var endingSignal: Int32? {
    let signal = Registry.shared.signalled.load(ordering: .sequentiallyConsistent)
    return signal == 0 ? nil : signal
  }

  /// Ends every system under test still running, for good (a system started afterwards is
  /// killed as it starts); returns once each has been sent SIGKILL and reaped.
  public static func endAll() { Registry.shared.endAll() }
}
