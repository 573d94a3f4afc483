import ArgumentParser
import Conformance
import LineEditor
import REPL
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

// MARK: Measuring (`clavard repl --measure`, hidden; scripts/bench can call it)

/// Measures, in this build, how soon the prompt appears after launch and how fast a
/// completion answers with 10,000 agents defined; prints Markdown table rows.
enum ReplMeasurement {
  static let agents = 10_000
  static let queues = 100

  static func run() throws {
    let folder = try temporaryFolder()
    defer { removeTree(folder) }
    // A history file full to its limit: what a long-time user starts with.
    let history = folder + "/history"
    try PosixFiles().write(
      (1...Terminal.historyLimit).map { "alice> say \"line \($0)\"" }.joined(separator: "\n") + "\n",
      to: history)

    // 10,000 agents in 100 queues, defined through the REPL itself and saved as a script.
    let repl = ReplSession(files: PosixFiles())
    var discard = DiscardOutput()
    for queue in 1...queues {
      _ = repl.handle("queue q\(queue) media=chat dispositions=resolved,callback", into: &discard)
    }
    for agent in 1...agents {
      _ = repl.handle(
        "agent agent-\(agent) queues=q\(agent % queues + 1),q\((agent + 7) % queues + 1)", into: &discard)
    }
    for line in [
      "agent-42> login", "agent-42> ready", "agent-42> queues enable q43", "agent-42> queues confirm",
      "agent-42> status available",
      "marie> open q43 name=\"Marie\" email=marie@example.com ip=203.0.113.7",
    ] {
      _ = repl.handle(line, into: &discard)
    }
    let script = folder + "/agents.chat"
    _ = repl.handle(".save \(script)", into: &discard)

    print("| REPL (release build, \(agents) agents, \(queues) queues) | measured |")
    print("|---|---|")
    let context = repl.completionContext
    let cases: [(String, String)] = [
      ("Tab on an empty line (every keyword and actor)", ""),
      ("Tab after `agent-9` (1,111 agents)", "agent-9"),
      ("Tab after `expect agent-1234` (one agent)", "expect agent-1234"),
      ("Tab after `agent-42> ` (command words)", "agent-42> "),
      ("Tab after `agent-42> queues enable `", "agent-42> queues enable "),
      ("Tab after `expect queue q43 waiting `", "expect queue q43 waiting "),
    ]
    for (label, before) in cases {
      let word = String(
        before.split(omittingEmptySubsequences: false) { Completer.wordBreakCharacters.contains($0) }.last
          ?? "")
      var samples: [Double] = []
      var count = 0
      for _ in 0..<300 {
        let start = monotonicSeconds()
        count = LineEditor.completeOffline(before, word: word) { text in
          switch Completer.complete(text, in: context) {
          case .candidates(let candidates): .candidates(candidates)
          case .fileNames: .fileNames
          }
        }
        samples.append(monotonicSeconds() - start)
      }
      print("| completion: \(label), \(count) matches | \(summary(samples)) |")
    }

    guard let executable = selfPath() else {
      print("| prompt after launch | cannot find this executable |")
      return
    }
    let environment = [
      "TERM=xterm", "HOME=\(folder)", "CLAVARD_HISTORY=\(history)", "NO_COLOR=1", "PATH=/usr/bin:/bin",
      "LANG=C.UTF-8",
    ]
    var launches: [Double] = []
    for _ in 0..<20 {
      let start = monotonicSeconds()
      guard var child = PtyChild.spawn(executable, ["repl"], environment: environment) else { continue }
      if child.waitFor("]> ", timeout: 5) { launches.append(monotonicSeconds() - start) }
      child.finish()
    }
    print("| prompt after launch, in a pseudo-terminal (20 launches) | \(summary(launches)) |")

    // A real Tab in a pseudo-terminal, with the 10,000 agents read from the saved script.
    guard var child = PtyChild.spawn(executable, ["repl"], environment: environment),
      child.waitFor("]> ", timeout: 5)
    else {
      print("| Tab in a pseudo-terminal | the REPL did not start |")
      return
    }
    defer { child.finish() }
    child.send(".read \(script)\r")
    guard child.waitFor("every event as expected", timeout: 60), child.waitFor("]> ", timeout: 5) else {
      print("| Tab in a pseudo-terminal | .read of the agents failed |")
      return
    }
    var tabs: [Double] = []
    for _ in 0..<30 {
      child.send("expect agent-1234")
      guard child.waitFor("agent-1234", timeout: 5) else { break }
      child.drain(for: 0.02)
      let start = monotonicSeconds()
      child.send("\t")
      guard child.waitForAnyOutput(timeout: 5) else { break }
      tabs.append(monotonicSeconds() - start)
      child.send("\u{03}")
      guard child.waitFor("]> ", timeout: 5) else { break }
    }
    print(
      "| Tab to completed word, in a pseudo-terminal, after `expect agent-1234` (\(tabs.count) times) | \(summary(tabs)) |"
    )
  }

  static func summary(_ samples: [Double]) -> String {
    guard !samples.isEmpty else { return "no sample" }
    let sorted = samples.sorted()
    func ms(_ value: Double) -> String {
      let microseconds = Int((value * 1_000_000).rounded())
      let fraction = String(microseconds % 1000)
      return "\(microseconds / 1000).\(String(repeating: "0", count: 3 - fraction.count))\(fraction) ms"
    }
    let p50 = sorted[sorted.count / 2]
    let p99 = sorted[min(sorted.count - 1, Int(Double(sorted.count) * 0.99))]
    return "p50 \(ms(p50)), p99 \(ms(p99)), max \(ms(sorted[sorted.count - 1]))"
  }

  static func monotonicSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
  }

  static func selfPath() -> String? {
    var buffer = [CChar](repeating: 0, count: 4096)
    let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
    guard count > 0 else { return nil }
    return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }

  static func temporaryFolder() throws -> String {
    var template = Array("/tmp/clavard-measure-XXXXXX".utf8CString)
    let made = template.withUnsafeMutableBufferPointer { buffer -> Bool in
      guard let base = buffer.baseAddress else { return false }
      return mkdtemp(base) != nil
    }
    guard made else {
      throw ReplFileError("cannot make a temporary folder: \(String(cString: strerror(errno)))")
    }
    return template.withUnsafeBufferPointer { buffer in
      buffer.baseAddress.map { String(cString: $0) } ?? "/tmp"
    }
  }

  static func removeTree(_ folder: String) {
    guard let directory = opendir(folder) else { return }
    while let entry = readdir(directory) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
      }
      if name != "." && name != ".." { unlink(folder + "/" + name) }
    }
    closedir(directory)
    rmdir(folder)
  }
}

struct DiscardOutput: TextOutputStream {
  mutating func write(_ string: String) {}
}

/// A child process on a pseudo-terminal, read and written with time limits.
struct PtyChild {
  let pid: pid_t
  let master: Int32
  private(set) var output: [UInt8] = []
  private var searchFrom = 0

  static func spawn(
    _ path: String, _ arguments: [String], environment: [String], rows: UInt16 = 40, columns: UInt16 = 120
  )
    -> PtyChild?
  {
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
    guard pid > 0 else { return nil }
    return PtyChild(pid: pid, master: master)
  }

  func send(_ text: String) {
    let bytes = Array(text.utf8)
    var written = 0
    while written < bytes.count {
      let result = bytes[written...].withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
      if result < 0 {
        if errno == EINTR || errno == EAGAIN { continue }
        return
      }
      written += result
    }
  }

  /// Reads what is there within `timeout` seconds; false when nothing came.
  @discardableResult
  mutating func readSome(timeout: Double) -> Bool {
    var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
    guard poll(&descriptor, 1, Int32(max(0, timeout * 1000))) > 0 else { return false }
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    let count = buffer.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
    guard count > 0 else { return false }
    output += buffer[0..<count]
    return true
  }

  /// Waits until `text` appears after what was already matched.
  mutating func waitFor(_ text: String, timeout: Double) -> Bool {
    let needle = Array(text.utf8)
    let deadline = ReplMeasurement.monotonicSeconds() + timeout
    while true {
      if let range = find(needle) {
        searchFrom = range
        return true
      }
      let left = deadline - ReplMeasurement.monotonicSeconds()
      guard left > 0 else { return false }
      readSome(timeout: left)
    }
  }

  mutating func waitForAnyOutput(timeout: Double) -> Bool {
    let before = output.count
    let deadline = ReplMeasurement.monotonicSeconds() + timeout
    while output.count == before {
      let left = deadline - ReplMeasurement.monotonicSeconds()
      guard left > 0 else { return false }
      readSome(timeout: left)
    }
    searchFrom = output.count
    return true
  }

  /// Reads whatever arrives for `seconds`.
  mutating func drain(for seconds: Double) {
    let deadline = ReplMeasurement.monotonicSeconds() + seconds
    while ReplMeasurement.monotonicSeconds() < deadline {
      readSome(timeout: deadline - ReplMeasurement.monotonicSeconds())
    }
    searchFrom = output.count
  }

  private func find(_ needle: [UInt8]) -> Int? {
    guard !needle.isEmpty, output.count - searchFrom >= needle.count else { return nil }
    var index = searchFrom
    while index + needle.count <= output.count {
      if output[index] == needle[0], Array(output[index..<(index + needle.count)]) == needle {
        return index + needle.count
      }
      index += 1
    }
    return nil
  }

  /// Ctrl-D, then waits a little for the child to leave before killing it.
  mutating func finish() {
    send("\u{15}\u{04}")
    var status: Int32 = 0
    for _ in 0..<200 {
      if waitpid(pid, &status, WNOHANG) == pid {
        close(master)
        return
      }
      readSome(timeout: 0.01)
    }
    kill(pid, SIGKILL)
    _ = waitpid(pid, &status, 0)
    close(master)
  }
}
