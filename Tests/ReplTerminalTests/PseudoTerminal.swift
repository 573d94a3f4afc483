import Foundation

@testable import clavard

#if canImport(Glibc)
  import Glibc
#endif

/// The built `clavard`, next to this test bundle in the build folder.
func clavardExecutable() throws -> String {
  var buffer = [CChar](repeating: 0, count: 4096)
  let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
  let testBinary =
    count > 0
    ? String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    : CommandLine.arguments[0]
  var folder = URL(fileURLWithPath: testBinary).deletingLastPathComponent()
  // Under `swift test` the bundle is `<build>/debug/ClavardPackageTests.xctest`.
  for _ in 0..<3 {
    let candidate = folder.appendingPathComponent("clavard").path
    if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    folder.deleteLastPathComponent()
  }
  throw TerminalTestError("the clavard executable is not in the build folder of \(testBinary)")
}

struct TerminalTestError: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}

func temporaryFolder() throws -> String {
  var template = Array("/tmp/clavard-repl-test-XXXXXX".utf8CString)
  let made = template.withUnsafeMutableBufferPointer { buffer -> Bool in
    guard let base = buffer.baseAddress else { return false }
    return mkdtemp(base) != nil
  }
  guard made else { throw TerminalTestError("cannot make a temporary folder") }
  return template.withUnsafeBufferPointer { $0.baseAddress.map { String(cString: $0) } ?? "" }
}

/// A program running on a pseudo-terminal (forkpty), driven like a person at a keyboard:
/// keys are written to the master side a few at a time with short pauses, and what the
/// program prints is read with time limits (no unbounded wait anywhere).
final class PseudoTerminal {
  let pid: pid_t
  private let master: Int32
  /// Everything the program printed so far.
  private(set) var output: [UInt8] = []
  /// Where the next `expect` starts looking.
  private var mark = 0
  private var exitStatus: Int32?

  init(_ path: String, _ arguments: [String], environment: [String], rows: UInt16 = 40, columns: UInt16 = 200)
    throws
  {
    // The same spawning as `clavard repl --measure`.
    guard let child = PtyChild.spawn(path, arguments, environment: environment, rows: rows, columns: columns)
    else {
      throw TerminalTestError("forkpty failed: \(String(cString: strerror(errno)))")
    }
    self.pid = child.pid
    self.master = child.master
    let flags = fcntl(master, F_GETFL)
    _ = fcntl(master, F_SETFL, flags | O_NONBLOCK)
  }

  deinit {
    if exitStatus == nil {
      kill(pid, SIGKILL)
      var status: Int32 = 0
      _ = waitpid(pid, &status, 0)
    }
    close(master)
  }

  /// The output as text (invalid UTF-8 repaired), from `from` on.
  func text(from start: Int = 0) -> String {
    String(decoding: output[min(start, output.count)...], as: UTF8.self)
  }

  /// What the program printed since the last `expect` matched.
  var recent: String { text(from: mark) }

  /// Types `keys`, `chunk` bytes at a time with a short pause between (libedit can mishandle
  /// a burst of keys), reading the output meanwhile so that the program never blocks on it.
  func type(_ keys: String, chunk: Int = 1, pause: Double = 0.004) throws {
    let bytes = Array(keys.utf8)
    var index = 0
    let deadline = ReplMeasurement.monotonicSeconds() + 60
    while index < bytes.count {
      guard ReplMeasurement.monotonicSeconds() < deadline else {
        throw TerminalTestError("typing took more than 60 s")
      }
      let end = min(bytes.count, index + chunk)
      let written = bytes[index..<end].withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
      if written > 0 {
        index += written
      } else if written < 0, errno != EAGAIN, errno != EINTR {
        throw TerminalTestError("cannot write to the terminal: \(String(cString: strerror(errno)))")
      }
      readAvailable(timeout: pause)
    }
  }

  /// Writes raw bytes (invalid UTF-8 included) in one go.
  func send(bytes: [UInt8]) {
    _ = bytes.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
    readAvailable(timeout: 0.01)
  }

  /// Waits until `text` appears in the output after the previous match; throws with what was
  /// printed when it does not within `timeout` seconds.
  func expect(_ text: String, timeout: Double = 10) throws {
    let needle = Array(text.utf8)
    let deadline = ReplMeasurement.monotonicSeconds() + timeout
    while true {
      if let end = find(needle) {
        mark = end
        return
      }
      let left = deadline - ReplMeasurement.monotonicSeconds()
      guard left > 0 else {
        throw TerminalTestError(
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
  func expectPrompt(_ prompt: String? = nil, timeout: Double = 10) throws {
    if let prompt {
      try expect("\n" + prompt, timeout: timeout)
    } else {
      try expect("\n[", timeout: timeout)
      try expect("> ", timeout: timeout)
    }
    let deadline = ReplMeasurement.monotonicSeconds() + timeout
    var settings = termios()
    while tcgetattr(master, &settings) == 0, settings.c_lflag & tcflag_t(ICANON) != 0 {
      guard ReplMeasurement.monotonicSeconds() < deadline else {
        throw TerminalTestError("the terminal stayed in canonical mode after the prompt")
      }
      readAvailable(timeout: 0.002)
    }
  }

  /// Reads whatever arrives within `timeout` seconds.
  func readAvailable(timeout: Double) {
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
  func waitForExit(timeout: Double = 10) -> Int32? {
    if let exitStatus { return exitStatus }
    let deadline = ReplMeasurement.monotonicSeconds() + timeout
    var status: Int32 = 0
    while ReplMeasurement.monotonicSeconds() < deadline {
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

/// Runs `clavard` with arguments and standard input; its exit status and standard output.
func runClavard(_ arguments: [String], input: [UInt8] = [], environment: [String: String] = [:]) throws -> (
  status: Int32, output: String, error: String
) {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: try clavardExecutable())
  process.arguments = arguments
  if !environment.isEmpty { process.environment = environment }
  let stdin = Pipe()
  let stdout = Pipe()
  let stderr = Pipe()
  process.standardInput = stdin
  process.standardOutput = stdout
  process.standardError = stderr
  try process.run()
  stdin.fileHandleForWriting.write(Data(input))
  try stdin.fileHandleForWriting.close()
  let output = stdout.fileHandleForReading.readDataToEndOfFile()
  let error = stderr.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  return (
    process.terminationStatus, String(decoding: output, as: UTF8.self), String(decoding: error, as: UTF8.self)
  )
}
