import Glibc
import Subprocesses
import Synchronization
import SystemFiles

/// Standard output and error, every write checked. A report that cannot be written (a full
/// disk, `>/dev/full`, a closed descriptor) is never lost quietly and never crashes the
/// program: the first failure is remembered, said on the other stream when that one works,
/// and the exit status becomes 2.
///
/// Standard output is buffered (a TAP stream of 50,000 tests is not 50,000 system calls) and
/// flushed before anything goes to standard error, so that the two read in order on a terminal.
enum Output {
  private struct State {
    var buffer: [UInt8] = []
    /// Why standard output, then standard error, could not be written (the first time).
    var outputFailure: String?
    var errorFailure: String?
    /// A stream that was closed when the program started (now /dev/null, see ``prepare()``).
    var closedAtStart: Set<Int32> = []
    /// What a failure of standard output costs, as the closing message says it.
    var outputLoss = "the report is incomplete"
  }

  /// Says what standard output carries, for the message when it cannot be written: `clavard
  /// serve` writes replies, not a report.
  static func outputLoss(_ loss: String) { state.withLock { $0.outputLoss = loss } }

  private static let state = Mutex(State())
  private static let bufferSize = 1 << 16

  /// Run first, before anything is opened: a standard stream that is closed (`2>&-`) gets
  /// `/dev/null` in its place, so that no file opened later takes its number (error messages
  /// would then go into a script), and writes to it count as failures.
  static func prepare() {
    for descriptor: Int32 in [0, 1, 2] where fcntl(descriptor, F_GETFD) < 0 && errno == EBADF {
      let null = open("/dev/null", O_RDWR | O_CLOEXEC)
      if null >= 0, null != descriptor {
        _ = dup2(null, descriptor)
        close(null)
      }
      state.withLock { _ = $0.closedAtStart.insert(descriptor) }
    }
    // A reader that went away (`clavard run | head -1`) is a write error, not a silent death.
    signal(SIGPIPE, SIG_IGN)
  }

  /// Whether standard input was closed when the program started (it reads as empty now).
  static var inputWasClosed: Bool { state.withLock { $0.closedAtStart.contains(0) } }

  static func line(_ text: String) {
    self.text(text + "\n")
  }

  /// Text that already ends with its own newline (TAP, reports).
  static func text(_ text: String) {
    state.withLock { state in
      state.buffer += text.utf8
      if state.buffer.count >= bufferSize { flushOutput(&state) }
    }
  }

  /// Whether standard output could not be written (a reader that went away, a full disk).
  static var outputFailed: Bool { state.withLock { $0.outputFailure != nil } }

  /// Writes what standard output holds.
  static func flush() {
    state.withLock { flushOutput(&$0) }
  }

  static func error(_ text: String) {
    state.withLock { state in
      flushOutput(&state)
      write(Array((text.hasSuffix("\n") ? text : text + "\n").utf8), to: 2, in: &state)
    }
  }

  /// A status line on standard error (a terminal): it replaces the one before (`\r`, then
  /// erase the line); an empty text clears it. No newline.
  static func status(_ text: String) {
    state.withLock { state in
      flushOutput(&state)
      write(Array(("\r\u{1B}[K" + text).utf8), to: 2, in: &state)
    }
  }

  private static func flushOutput(_ state: inout State) {
    guard !state.buffer.isEmpty else { return }
    let bytes = state.buffer
    state.buffer.removeAll(keepingCapacity: true)
    write(bytes, to: 1, in: &state)
  }

  private static func write(_ bytes: [UInt8], to descriptor: Int32, in state: inout State) {
    let failed = descriptor == 1 ? state.outputFailure : state.errorFailure
    guard failed == nil else { return }
    var reason: String?
    if state.closedAtStart.contains(descriptor) {
      reason = "it is closed"
    } else {
      do {
        try FileSystem.writeAll(bytes, to: descriptor, path: "")
      } catch {
        reason = error.reason
      }
    }
    guard let reason else { return }
    if descriptor == 1 { state.outputFailure = reason } else { state.errorFailure = reason }
  }

  /// Under GitHub Actions (`GITHUB_ACTIONS=true`), workflow commands are printed too.
  static let isGitHubActions = getenv("GITHUB_ACTIONS").map { String(cString: $0) } == "true"

  /// A workflow command, on standard error (GitHub reads both streams; standard output stays
  /// the report, TAP included).
  static func annotation(_ text: String?) {
    guard isGitHubActions, let text else { return }
    error(text)
  }

  /// Flushes standard output and tells what could not be written: on standard error when
  /// standard output failed, on standard output when only standard error did (where else?).
  /// The status to exit with: `status`, or 2 when a stream failed.
  static func finish(_ status: Int32) -> Int32 {
    flush()
    // What went through the C library's buffer (ArgumentParser's help, `print`) is checked too.
    if fflush(nil) != 0 {
      let reason = systemMessage(errno)
      state.withLock { state in
        if state.outputFailure == nil { state.outputFailure = reason }
      }
    }
    let (output, error, loss) = state.withLock { ($0.outputFailure, $0.errorFailure, $0.outputLoss) }
    if let output {
      Output.error("clavard: cannot write to standard output: \(output); \(loss)")
    }
    if let error, output == nil {
      state.withLock { state in
        write(
          Array("clavard: cannot write to standard error: \(error); messages were lost\n".utf8), to: 1,
          in: &state)
      }
    }
    return output == nil && error == nil ? status : max(status, 2)
  }

  /// Exits once: a signal handler's exit and the main thread's may race (the handler kills
  /// the systems under test, and the main thread sees them die), and the status of a run that
  /// was interrupted is the signal's (128 + signal), whichever thread gets here first.
  static func exit(_ status: Int32) -> Never {
    let first = exiting.withLock { exiting in
      defer { exiting = true }
      return !exiting
    }
    guard first else {
      while true { pause() }
    }
    let interrupted = SystemProcess.endingSignal.map { 128 + $0 }
    // The main thread may get here first, having seen one system die: the others are killed
    // (by the signal's thread, which this waits for) before the program ends.
    if interrupted != nil { SystemProcess.endAll() }
    Glibc.exit(finish(interrupted ?? status))
  }

  private static let exiting = Mutex(false)
}
