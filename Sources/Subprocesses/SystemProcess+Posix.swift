import ContactCenter
import Glibc
import Synchronization
import Wire

extension SystemProcess {
  /// A point in time that a wait must not pass.
  struct Deadline {
    let end: timespec

    init(seconds: Double) {
      var now = timespec()
      clock_gettime(CLOCK_MONOTONIC, &now)
      let whole = Int(seconds.rounded(.down))
      var nanoseconds = now.tv_nsec + Int((seconds - Double(whole)) * 1e9)
      var secondsPart = now.tv_sec + whole + nanoseconds / 1_000_000_000
      nanoseconds %= 1_000_000_000
      if secondsPart < now.tv_sec { secondsPart = Int.max }
      end = timespec(tv_sec: secondsPart, tv_nsec: nanoseconds)
    }

    /// Milliseconds left, 0 once passed.
    var remainingMilliseconds: Int32 {
      var now = timespec()
      clock_gettime(CLOCK_MONOTONIC, &now)
      let left = (end.tv_sec - now.tv_sec) * 1000 + (end.tv_nsec - now.tv_nsec) / 1_000_000
      return Int32(clamping: max(0, left))
    }
  }

  /// `/bin/sh -c COMMAND` (see ``shellLine(_:)``) with three pipes, in a new process group, signals as the
  /// default (this process ignores SIGPIPE; the child must not inherit that).
  static func spawn(_ command: String) throws(TransportFailure) -> State {
    // Pipes made close-on-exec and the child started under one lock: a system started at the
    // same time by another job must not inherit these ends (it would hold this one's input open).
    try spawning.withLock { _ throws(TransportFailure) -> State in try spawnLocked(command) }
  }

  private static let spawning = Mutex<Void>(())

  /// The line given to `/bin/sh -c`: `exec COMMAND` for a simple command, so that the system is
  /// the process itself (one process fewer, its signals its own); the command as written
  /// otherwise: `exec` would run only the first part of a list or pipeline and lose its exit
  /// status (`sleep 1; exit 3` must end with status 3), and would take `VAR=value` or a reserved
  /// word (`if`, `while`) for the program's name.
  static func shellLine(_ command: String) -> String {
    let special = ";&|<>()`$\n{}!".unicodeScalars
    let words = command.split(whereSeparator: { $0 == " " || $0 == "\t" })
    guard let first = words.first,
      !command.unicodeScalars.contains(where: special.contains),
      !first.contains("="), !reservedWords.contains(String(first))
    else { return command }
    return "exec " + command
  }

  private static let reservedWords: Set<String> = [
    "if", "then", "else", "elif", "fi", "case", "esac", "for", "while", "until", "do", "done",
    "in", "exec", "command", "time",
  ]

  private static func spawnLocked(_ command: String) throws(TransportFailure) -> State {
    var pipes: [[Int32]] = [[-1, -1], [-1, -1], [-1, -1]]
    for index in 0..<3 {
      guard pipe(&pipes[index]) == 0 else {
        for pair in pipes { for end in pair where end >= 0 { Glibc.close(end) } }
        throw TransportFailure.cannotStart("no pipe: \(String(cString: strerror(errno)))")
      }
      for end in pipes[index] { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
    }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_adddup2(&actions, pipes[0][0], 0)
    posix_spawn_file_actions_adddup2(&actions, pipes[1][1], 1)
    posix_spawn_file_actions_adddup2(&actions, pipes[2][1], 2)
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var defaults = sigset_t()
    sigemptyset(&defaults)
    for signal in [SIGPIPE, SIGINT, SIGTERM, SIGHUP, SIGQUIT] { sigaddset(&defaults, signal) }
    var none = sigset_t()
    sigemptyset(&none)
    posix_spawnattr_setsigdefault(&attributes, &defaults)
    posix_spawnattr_setsigmask(&attributes, &none)
    posix_spawnattr_setpgroup(&attributes, 0)
    posix_spawnattr_setflags(
      &attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
    let arguments = ["/bin/sh", "-c", shellLine(command)]
    let argv = arguments.map { strdup($0) } + [nil]
    defer { for pointer in argv { free(pointer) } }
    var pid: pid_t = 0
    let result = posix_spawn(&pid, "/bin/sh", &actions, &attributes, argv, environ)
    // The child's ends belong to the child now (or to no one, if it did not start).
    Glibc.close(pipes[0][0])
    Glibc.close(pipes[1][1])
    Glibc.close(pipes[2][1])
    guard result == 0 else {
      for end in [pipes[0][1], pipes[1][0], pipes[2][0]] { Glibc.close(end) }
      throw TransportFailure.cannotStart(String(cString: strerror(result)))
    }
    for end in [pipes[0][1], pipes[1][0], pipes[2][0]] {
      _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
    }
    return State(pid: pid, input: pipes[0][1], output: pipes[1][0], errors: pipes[2][0])
  }

  /// Waits until `wanted` is ready or the deadline passes, reading its output and log as they
  /// come (a process that writes much while we wait must not block on a full pipe).
  static func wait(
    _ state: inout State, for wanted: [Int32: Int16], until deadline: Deadline, timeout: Double
  )
    throws(TransportFailure)
  {
    while true {
      var descriptors = [pollfd]()
      for (descriptor, events) in wanted where descriptor >= 0 {
        descriptors.append(pollfd(fd: descriptor, events: events, revents: 0))
      }
      if wanted[state.output] == nil, state.output >= 0 {
        descriptors.append(pollfd(fd: state.output, events: Int16(POLLIN), revents: 0))
      }
      if state.errors >= 0 { descriptors.append(pollfd(fd: state.errors, events: Int16(POLLIN), revents: 0)) }
      let left = deadline.remainingMilliseconds
      let writing = wanted[state.input] != nil
      guard left > 0 else { throw timedOut(&state, timeout: timeout, writing: writing) }
      let ready = poll(&descriptors, nfds_t(descriptors.count), left)
      if ready < 0 {
        if errno == EINTR { continue }
        throw TransportFailure.io("cannot wait for it: \(String(cString: strerror(errno)))")
      }
      if ready == 0 { throw timedOut(&state, timeout: timeout, writing: writing) }
      var wantedReady = false
      for entry in descriptors where entry.revents != 0 {
        if entry.fd == state.errors {
          drain(&state.errors, into: &state.log, keeping: logBytes, using: &state.chunk)
        } else if entry.fd == state.output {
          // Output is kept whole up to a line's limit (and a little more, to tell it is too long).
          if state.pendingStart > 0 {
            state.pending.removeFirst(state.pendingStart)
            state.pendingStart = 0
          }
          let closed = readAvailable(
            state.output, into: &state.pending, limit: maximumLineBytes + 1, using: &state.chunk)
          if closed {
            Glibc.close(state.output)
            state.output = -1
          }
          if wanted[entry.fd] != nil { wantedReady = true }
        } else if wanted[entry.fd] != nil {
          if entry.revents & Int16(POLLERR | POLLHUP) != 0 { throw ending(&state, otherwise: closedInput) }
          wantedReady = true
        }
      }
      if wantedReady || state.unread > maximumLineBytes { return }
    }
  }

  /// Reads what a descriptor has, until the buffer holds more than `limit` or `budget` bytes
  /// were read; with `keeping`, only the buffer's last `keeping` bytes are kept after each read.
  /// True at its end.
  static func readAvailable(
    _ descriptor: Int32, into buffer: inout [UInt8], limit: Int = .max, keeping: Int = .max,
    budget: Int = .max, using chunk: inout [UInt8]
  )
    -> Bool
  {
    var total = 0
    while total < budget {
      let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
      if count > 0 {
        buffer += chunk[0..<count]
        total += count
        if buffer.count > keeping { buffer.removeFirst(buffer.count - keeping) }
        if buffer.count > limit { return false }
        continue
      }
      if count == 0 { return true }
      if errno == EINTR { continue }
      return errno != EAGAIN
    }
    return false
  }

  /// Reads the log as it comes, keeping only its last `keeping` bytes: older bytes are dropped
  /// after each read, so a flood costs no memory, and at most ``logBytesPerRead`` are read a
  /// call, so that a system writing its log without a pause cannot keep a wait past its deadline.
  static func drain(
    _ descriptor: inout Int32, into log: inout [UInt8], keeping: Int, using chunk: inout [UInt8]
  ) {
    guard descriptor >= 0 else { return }
    let closed = readAvailable(
      descriptor, into: &log, keeping: keeping, budget: logBytesPerRead, using: &chunk)
    if closed {
      Glibc.close(descriptor)
      descriptor = -1
    }
  }

  /// How the process ended, once its output closed or its input broke: its status if it has
  /// exited (waiting a little for it), else `otherwise`.
  static func ending(_ state: inout State, otherwise: TransportFailure) -> TransportFailure {
    if let ended = state.ended { return ended }
    for _ in 0..<50 {
      var status: Int32 = 0
      let result = waitpid(state.pid, &status, WNOHANG)
      if result == state.pid { return reaped(&state, status: status) }
      if result < 0 { break }
      var pause = timespec(tv_sec: 0, tv_nsec: 10_000_000)
      nanosleep(&pause, nil)
    }
    return otherwise
  }

  /// What a write that finds no reader says (the process's own status says more, if it ended).
  static let closedInput = TransportFailure.io("it closed its standard input")

  /// The request's time is up. If the process itself has exited meanwhile, a process it started
  /// holds the pipe open (else its end would have been seen): its status says more than the
  /// timeout.
  static func timedOut(_ state: inout State, timeout: Double, writing: Bool) -> TransportFailure {
    var status: Int32 = 0
    guard state.ended == nil, waitpid(state.pid, &status, WNOHANG) == state.pid else {
      return .timedOut(seconds: timeout)
    }
    let stream = writing ? "input" : "output"
    return .io(
      "\(reaped(&state, status: status)), and a process it started still holds its standard \(stream) open")
  }

  /// How the process ended, from its status, kept; whatever it started is ended too.
  private static func reaped(_ state: inout State, status: Int32) -> TransportFailure {
    let ended: TransportFailure =
      (status & 0x7F) == 0 ? .exited(status: (status >> 8) & 0xFF) : .killed(signal: status & 0x7F)
    state.ended = ended
    Registry.shared.remove(state.pid)
    kill(-state.pid, SIGKILL)
    return ended
  }

  /// SIGTERM to the group, a moment to end, then SIGKILL; reaped either way.
  static func terminate(_ pid: pid_t) {
    kill(-pid, SIGTERM)
    var status: Int32 = 0
    for _ in 0..<20 {
      if waitpid(pid, &status, WNOHANG) == pid {
        kill(-pid, SIGKILL)
        return
      }
      var pause = timespec(tv_sec: 0, tv_nsec: 10_000_000)
      nanosleep(&pause, nil)
    }
    kill(-pid, SIGKILL)
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
  }

}
