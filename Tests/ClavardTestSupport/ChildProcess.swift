import Foundation
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// Runs a program and collects its exit status, standard output and standard error, with
/// what the tests of the process edge need beyond `Process`: a standard stream closed or sent
/// to a file (`/dev/full`), a file size limit (a full disk, as a non-root user meets it:
/// writes past the limit fail with EFBIG, and SIGXFSZ is ignored so that they fail instead of
/// killing the program), a memory limit, and running as another user (root can read a
/// `chmod 000` folder; `nobody` cannot).
public enum ChildProcess {
  public enum Input: Sendable {
    case bytes([UInt8])
    case path(String)
    case closed
  }

  public enum Sink: Sendable {
    case capture
    case path(String)
    case closed
  }

  public struct Result: Sendable {
    /// The exit status, or 128 + the signal that ended the program.
    public var status: Int32
    public var stdout: String
    public var stderr: String
    /// The signal that ended the program, if one did.
    public var signal: Int32?
  }

  public struct Failure: Error, CustomStringConvertible {
    public var description: String
  }

  private static let spawning = NSLock()

  /// The user the tests run programs as when they must not be root.
  public static let nobody: (uid: uid_t, gid: gid_t) = (65534, 65534)

  /// Copies of programs that any user may run, made once per test process, by program: in
  /// one folder of the system's temporary folder, each copy replacing the last one made (by
  /// this or an earlier test run) so that they do not pile up.
  private static let copies = Mutex<[String: String]>([:])

  private static func reachableCopy(of executable: String) throws -> String {
    try copies.withLock { copies in
      if let copy = copies[executable] { return copy }
      let folder = "/tmp/clavard-tests-programs"
      let manager = FileManager.default
      try manager.createDirectory(atPath: folder, withIntermediateDirectories: true)
      _ = chmod(folder, 0o1777)
      let name = (executable as NSString).lastPathComponent
      let copy = folder + "/" + name + "-\(getuid())"
      let partial = copy + ".\(getpid())"
      try? manager.removeItem(atPath: partial)
      // Written under the lock that forks: a child forked meanwhile would inherit the copy open
      // for writing, and the copy could not run while it lived (ETXTBSY).
      spawning.lock()
      defer { spawning.unlock() }
      try manager.copyItem(atPath: executable, toPath: partial)
      _ = chmod(partial, 0o755)
      guard rename(partial, copy) == 0 else { throw CocoaError(.fileWriteUnknown) }
      copies[executable] = copy
      return copy
    }
  }

  /// Runs `executable` with `arguments` in `directory`. The environment is this process's,
  /// without `GITHUB_ACTIONS`, with `environment` added. A program still running after
  /// `timeout` seconds is killed and reported as a failure: a hang is a bug, and a test must
  /// not wait for it forever.
  public static func run(
    _ executable: String, _ arguments: [String], in directory: String? = nil,
    environment: [String: String] = [:], input: Input = .bytes([]), stdout: Sink = .capture,
    stderr: Sink = .capture, fileSizeLimit: Int? = nil, memoryLimit: Int? = nil,
    user: (uid: uid_t, gid: gid_t)? = nil, timeout: Double = 120
  ) throws -> Result {
    // Another user may not reach the build folder (a clone in a folder only its owner may
    // enter, such as one from `mktemp -d`): that user runs a copy anyone may run.
    let executable = try user == nil ? executable : reachableCopy(of: executable)
    var variables = ProcessInfo.processInfo.environment
    variables["GITHUB_ACTIONS"] = nil
    variables.merge(environment) { $1 }
    // Everything the child needs is made before fork: after it, the child only makes system
    // calls that are safe there (dup2, setrlimit, sigaction, setuid, execve).
    let argv = ([executable] + arguments).map { strdup($0) } + [nil]
    let envp = variables.map { strdup("\($0.key)=\($0.value)") } + [nil]
    let folder = strdup(directory ?? ".")
    defer {
      for pointer in argv + envp { free(pointer) }
      free(folder)
    }
    var inputPipe: [Int32] = [-1, -1]
    var outputPipe: [Int32] = [-1, -1]
    var errorPipe: [Int32] = [-1, -1]
    // Close-on-exec, and made and forked under one lock: a program started at the same time
    // by another test must not inherit these ends (it would keep this program's standard
    // input open, and both would wait).
    spawning.lock()
    var unlocked = false
    defer { if !unlocked { spawning.unlock() } }
    for index in 0..<3 {
      var ends: [Int32] = [-1, -1]
      guard pipe(&ends) == 0 else {
        throw Failure(description: "pipe failed: \(String(cString: strerror(errno)))")
      }
      for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
      switch index {
      case 0: inputPipe = ends
      case 1: outputPipe = ends
      default: errorPipe = ends
      }
    }
    func openSink(_ sink: Sink, pipeEnd: Int32) throws -> Int32 {
      switch sink {
      case .capture: return pipeEnd
      case .closed: return -1
      case .path(let path):
        let descriptor = open(path, O_WRONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw Failure(description: "cannot open \(path)") }
        return descriptor
      }
    }
    let inputDescriptor: Int32
    switch input {
    case .bytes: inputDescriptor = inputPipe[0]
    case .closed: inputDescriptor = -1
    case .path(let path):
      inputDescriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
      guard inputDescriptor >= 0 else { throw Failure(description: "cannot open \(path)") }
      // The child reads it blocking.
      _ = fcntl(inputDescriptor, F_SETFL, fcntl(inputDescriptor, F_GETFL) & ~O_NONBLOCK)
    }
    let outputDescriptor = try openSink(stdout, pipeEnd: outputPipe[1])
    let errorDescriptor = try openSink(stderr, pipeEnd: errorPipe[1])
    var fileLimit = rlimit(rlim_cur: rlim_t(fileSizeLimit ?? 0), rlim_max: rlim_t(fileSizeLimit ?? 0))
    var dataLimit = rlimit(rlim_cur: rlim_t(memoryLimit ?? 0), rlim_max: rlim_t(memoryLimit ?? 0))
    var ignore = sigaction()
    ignore.__sigaction_handler.sa_handler = SIG_IGN
    var noSignalsBlocked = sigset_t()
    sigemptyset(&noSignalsBlocked)

    let pid = argv.withUnsafeBufferPointer { argvBuffer in
      envp.withUnsafeBufferPointer { envpBuffer -> pid_t in
        guard let argvBase = argvBuffer.baseAddress, let envpBase = envpBuffer.baseAddress,
          let file = argvBase[0]
        else { return -1 }
        let pid = fork()
        guard pid == 0 else { return pid }
        if let folder, chdir(folder) != 0 { _exit(126) }
        for (source, target) in [(inputDescriptor, Int32(0)), (outputDescriptor, 1), (errorDescriptor, 2)] {
          if source < 0 {
            close(target)
          } else if dup2(source, target) < 0 {
            _exit(126)
          }
        }
        if fileSizeLimit != nil {
          sigaction(SIGXFSZ, &ignore, nil)
          setrlimit(__rlimit_resource_t(RLIMIT_FSIZE.rawValue), &fileLimit)
        }
        if memoryLimit != nil { setrlimit(__rlimit_resource_t(RLIMIT_DATA.rawValue), &dataLimit) }
        pthread_sigmask(SIG_SETMASK, &noSignalsBlocked, nil)
        if let user {
          if setgroups(0, nil) != 0 || setgid(user.gid) != 0 || setuid(user.uid) != 0 { _exit(126) }
        }
        execve(file, argvBase, envpBase)
        _exit(127)
      }
    }
    // The parent keeps only its ends.
    for descriptor in [inputPipe[0], outputPipe[1], errorPipe[1]] { close(descriptor) }
    for descriptor in [inputDescriptor, outputDescriptor, errorDescriptor]
    where descriptor >= 0 && ![inputPipe[0], outputPipe[1], errorPipe[1]].contains(descriptor) {
      close(descriptor)
    }
    guard pid > 0 else {
      for descriptor in [inputPipe[1], outputPipe[0], errorPipe[0]] { close(descriptor) }
      throw Failure(description: "fork failed: \(String(cString: strerror(errno)))")
    }
    spawning.unlock()
    unlocked = true
    return try collect(
      pid: pid, input: { if case .bytes(let bytes) = input { bytes } else { [] } }(),
      inputEnd: inputPipe[1], outputEnd: outputPipe[0], errorEnd: errorPipe[0], timeout: timeout)
  }

  /// Feeds standard input and reads both outputs until the program exits (poll, so that no
  /// pipe fills while another is waited on).
  private static func collect(
    pid: pid_t, input: [UInt8], inputEnd: Int32, outputEnd: Int32, errorEnd: Int32, timeout: Double
  ) throws -> Result {
    var written = 0
    var inputOpen = true
    if input.isEmpty {
      close(inputEnd)
      inputOpen = false
    } else {
      _ = fcntl(inputEnd, F_SETFL, fcntl(inputEnd, F_GETFL) | O_NONBLOCK)
    }
    var outputs: [Int32: [UInt8]] = [outputEnd: [], errorEnd: []]
    var open: Set<Int32> = [outputEnd, errorEnd]
    let deadline = Date().addingTimeInterval(timeout)
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    while !open.isEmpty || inputOpen {
      guard Date() < deadline else {
        kill(pid, SIGKILL)
        var status: Int32 = 0
        _ = waitpid(pid, &status, 0)
        throw Failure(
          description: "the program still ran after \(timeout) s and was killed; it printed: "
            + String(decoding: outputs[outputEnd] ?? [], as: UTF8.self).suffix(500))
      }
      var descriptors = open.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
      if inputOpen { descriptors.append(pollfd(fd: inputEnd, events: Int16(POLLOUT), revents: 0)) }
      _ = poll(&descriptors, nfds_t(descriptors.count), 100)
      for descriptor in descriptors where descriptor.revents != 0 {
        if descriptor.fd == inputEnd {
          let count = input[written...].withUnsafeBytes { write(inputEnd, $0.baseAddress, $0.count) }
          if count > 0 { written += count }
          if count < 0 && errno != EAGAIN && errno != EINTR || written == input.count {
            close(inputEnd)
            inputOpen = false
          }
          continue
        }
        let count = buffer.withUnsafeMutableBytes { read(descriptor.fd, $0.baseAddress, $0.count) }
        if count > 0 {
          outputs[descriptor.fd, default: []] += buffer[0..<count]
        } else if count == 0 || errno != EINTR {
          close(descriptor.fd)
          open.remove(descriptor.fd)
        }
      }
    }
    var status: Int32 = 0
    // The streams are closed; the program may still be running (it closed them itself).
    while waitpid(pid, &status, WNOHANG) == 0 {
      guard Date() < deadline else {
        kill(pid, SIGKILL)
        _ = waitpid(pid, &status, 0)
        throw Failure(description: "the program still ran after \(timeout) s and was killed")
      }
      _ = poll(nil, 0, 10)
    }
    let signal = status & 0x7F
    return Result(
      status: signal == 0 ? (status >> 8) & 0xFF : 128 + signal,
      stdout: String(decoding: outputs[outputEnd] ?? [], as: UTF8.self),
      stderr: String(decoding: outputs[errorEnd] ?? [], as: UTF8.self),
      signal: signal == 0 ? nil : signal)
  }
}
