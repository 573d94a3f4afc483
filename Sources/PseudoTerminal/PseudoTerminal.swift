import Glibc

#if !os(Linux)
  #error("PseudoTerminal is written and tested for Linux only (forkpty from Glibc)")
#endif

/// A program running on a pseudo-terminal (`forkpty`), driven like a person at a keyboard:
/// keys are written to the master side a few at a time with short pauses, and what the
/// program prints is read with time limits (no unbounded wait anywhere). The terminal tests
/// and `clavard-bench` (the REPL's latencies) both drive `clavard repl` with it.
public final class PseudoTerminal {
  public let pid: pid_t
  private let master: Int32
  /// Everything the program printed so far.
  public private(set) var output: [UInt8] = []
  /// Where the next `expect` starts looking.
  private var mark = 0
  private var exitStatus: Int32?

  public struct Failure: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
  }

  /// Starts `path` with `arguments` (not including the program name) and exactly the
  /// variables of `environment` (`NAME=value`).
  public init(
    _ path: String, _ arguments: [String], environment: [String], rows: UInt16 = 40, columns: UInt16 = 200
  ) throws {
    // Everything the child needs is made before fork: after it, the child only calls execve.
    let argv = ([path] + arguments).map { strdup($0) } + [nil]
    let envp = environment.map { strdup($0) } + [nil]
    defer {
      for pointer in argv { free(pointer) }
      for pointer in envp { free(pointer) }
    }
    var master: Int32 = -1
    var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
    let pid = argv.withUnsafeBufferPointer { argvBuffer in
      envp.withUnsafeBufferPointer { envpBuffer -> pid_t in
        guard let argvBase = argvBuffer.baseAddress, let envpBase = envpBuffer.baseAddress,
          let file = argvBase[0]
        else { return -1 }
        let pid = forkpty(&master, nil, nil, &size)
        if pid == 0 {
          execve(file, argvBase, envpBase)
          _exit(127)
        }
        return pid
      }
    }
    guard pid > 0 else { throw Failure("forkpty failed: \(String(cString: strerror(errno)))") }
    self.pid = pid
    self.master = master
    _ = fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK)
  }

  deinit {
    if exitStatus == nil {
      kill(pid, SIGKILL)
      var status: Int32 = 0
      _ = waitpid(pid, &status, 0)
    }
    close(master)
  }

  /// Seconds on a clock that only goes forward.
  public static func now() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
  }

  /// The output as text (invalid UTF-8 repaired), from `start` on.
  public func text(from start: Int = 0) -> String {
    String(decoding: output[min(start, output.count)...], as: UTF8.self)
  }

  /// What the program printed since the last `expect` matched.
  public var recent: String { text(from: mark) }

  /// Types `keys`, `chunk` bytes at a time with a short pause between (libedit can mishandle
  /// a burst of keys), reading the output meanwhile so that the program never blocks on it.
  public func type(_ keys: String, chunk: Int = 1, pause: Double = 0.004) throws {
    let bytes = Array(keys.utf8)
    var index = 0
    let deadline = Self.now() + 60
    while index < bytes.count {
      guard Self.now() < deadline else { throw Failure("typing took more than 60 s") }
      let end = min(bytes.count, index + chunk)
      let written = bytes[index..<end].withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
      if written > 0 {
        index += written
      } else if written < 0, errno != EAGAIN, errno != EINTR {
        throw Failure("cannot write to the terminal: \(String(cString: strerror(errno)))")
      }
      readAvailable(timeout: pause)
    }
  }

  /// Writes raw bytes (invalid UTF-8 included) in one go, without reading what comes back
  /// (``waitForAnyOutput(timeout:)`` can time the answer).
  public func send(bytes: [UInt8]) {
    _ = bytes.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
  }

  /// Waits until `text` appears in the output after the previous match; throws with what was
  /// printed when it does not within `timeout` seconds.
  public func expect(_ text: String, timeout: Double = 10) throws {
    let needle = Array(text.utf8)
    let deadline = Self.now() + timeout
    while true {
      if let end = find(needle) {
        mark = end
        return
      }
      let left = deadline - Self.now()
      guard left > 0 else {
        throw Failure(
          "waited \(timeout) s for \(text.debugDescription); the terminal showed since: \(recent.debugDescription); "
            + "its last lines: \(self.text(from: max(0, output.count - 600)).debugDescription)")
      }
      readAvailable(timeout: min(left, 0.1))
    }
  }

  /// Waits for the REPL's next prompt (`[00:01:30]> ` or `[00:01:30] alice> `) at the start
  /// of a line, and for the terminal to be in libedit's raw mode: libedit draws the prompt a
  /// moment before it leaves the line discipline's canonical mode, and keys typed in that
  /// moment are handled by the line discipline (a Ctrl-D there is lost).
  public func expectPrompt(_ prompt: String? = nil, timeout: Double = 10) throws {
    if let prompt {
      try expect("\n" + prompt, timeout: timeout)
    } else {
      try expect("\n[", timeout: timeout)
      try expect("> ", timeout: timeout)
    }
    let deadline = Self.now() + timeout
    var settings = termios()
    while tcgetattr(master, &settings) == 0, settings.c_lflag & tcflag_t(ICANON) != 0 {
      guard Self.now() < deadline else {
        throw Failure("the terminal stayed in canonical mode after the prompt")
      }
      readAvailable(timeout: 0.002)
    }
  }

  /// Waits until anything new is printed; false when nothing comes within `timeout`.
  public func waitForAnyOutput(timeout: Double) -> Bool {
    let before = output.count
    let deadline = Self.now() + timeout
    while output.count == before {
      let left = deadline - Self.now()
      guard left > 0 else { return false }
      readAvailable(timeout: left)
    }
    mark = output.count
    return true
  }

  /// Reads whatever arrives for `seconds`, and forgets it for `expect`.
  public func drain(for seconds: Double) {
    let deadline = Self.now() + seconds
    while Self.now() < deadline { readAvailable(timeout: deadline - Self.now()) }
    mark = output.count
  }

  /// Reads whatever arrives within `timeout` seconds.
  public func readAvailable(timeout: Double) {
    var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
    guard poll(&descriptor, 1, Int32(max(0, timeout * 1000))) > 0 else { return }
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let count = buffer.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
      guard count > 0 else { return }
      output += buffer[0..<count]
    }
  }

  /// Waits for the program to exit; its exit status, or nil when it did not within `timeout`.
  public func waitForExit(timeout: Double = 10) -> Int32? {
    if let exitStatus { return exitStatus }
    let deadline = Self.now() + timeout
    var status: Int32 = 0
    while Self.now() < deadline {
      if waitpid(pid, &status, WNOHANG) == pid {
        readAvailable(timeout: 0)
        // WIFEXITED / WEXITSTATUS, spelled out (the C macros do not come through).
        exitStatus = status & 0x7F == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        return exitStatus
      }
      readAvailable(timeout: 0.02)
    }
    return nil
  }

  /// Ctrl-U and Ctrl-D, then waits a little for the program to leave (it is killed otherwise).
  public func finish() {
    send(bytes: [0x15, 0x04])
    if waitForExit(timeout: 2) == nil {
      kill(pid, SIGKILL)
      _ = waitForExit(timeout: 10)
    }
  }

  private func find(_ needle: [UInt8]) -> Int? {
    guard !needle.isEmpty, output.count - mark >= needle.count else { return nil }
    var index = mark
    while index + needle.count <= output.count {
      if output[index] == needle[0], output[index..<(index + needle.count)].elementsEqual(needle) {
        return index + needle.count
      }
      index += 1
    }
    return nil
  }
}
