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

/// `clavard repl` (and `clavard` alone): the script language, live, on a terminal. With
/// standard input or output not a terminal it reads standard input as a script instead and
/// exits as `clavard run` does. This file owns what the REPL library leaves out: the terminal,
/// signals, files and exit codes.
struct Repl: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "An interactive session in the script language, with completion, history and recording.",
    discussion: """
      What you type is a script line; what it prints is what a script expects after that line \
      (`< event`, `! refusal`). `.help` lists the commands, Tab completes, Up recalls earlier \
      lines (kept in $CLAVARD_HISTORY, else $XDG_STATE_HOME/clavard/history, else \
      ~/.local/state/clavard/history), `.record FILE` writes the session as a script that \
      `clavard run` passes. Ctrl-C abandons the line, or stops a `.read` before its next \
      command; Ctrl-D on an empty line leaves.

      When standard input or output is not a terminal, standard input is read as one script \
      and run as `clavard run` runs it: exit status 0 passed, 1 failed, 2 cannot be read or parsed.
      """
  )

  @Flag(help: .hidden)
  var measure = false

  func run() throws {
    if measure {
      try ReplMeasurement.run()
      return
    }
    if isatty(0) == 1 && isatty(1) == 1 {
      Terminal.run()
    } else {
      throw ExitCode(ScriptFromStandardInput.run())
    }
  }
}

// MARK: The terminal

/// The write end of the pipe the SIGINT handler writes to (see ``LineEditor``); -1 before
/// the handler is installed.
let interruptPipe = Atomic<Int32>(-1)
/// Set by the SIGINT handler, cleared before each line runs: a `.read` stops at its next command.
let interruptRequested = Atomic<Bool>(false)

enum Terminal {
  static let historyLimit = 2000

  static func run() {
    let environment = Environment.current
    let colour = environment["NO_COLOR"] == nil && environment["TERM"] != "dumb"
    let repl = ReplSession(
      files: PosixFiles(), style: Style(colour: colour),
      isInterrupted: { interruptRequested.load(ordering: .relaxed) })
    signal(SIGPIPE, SIG_IGN)
    let editor = LineEditor(
      name: "clavard", wordBreakCharacters: Completer.wordBreakCharacters,
      interruptDescriptor: installInterruptHandler())
    editor.limitHistory(to: historyLimit)
    let history = HistoryLocation.path(environment: environment).map {
      HistoryFile(path: $0, limit: historyLimit)
    }
    do {
      for line in try history?.load() ?? [] { editor.addToHistory(line) }
    } catch {
      warn("clavard: cannot read the history (\(error)); lines typed now are still kept")
    }
    print(
      repl.style.colour
        ? "\u{1B}[2mclavard repl: .help lists the commands, Tab completes, Ctrl-D leaves\u{1B}[0m"
        : "clavard repl: .help lists the commands, Tab completes, Ctrl-D leaves")

    var output = StandardOutput()
    var lastEntry: String?
    var historyFailed = false
    while true {
      editor.clearInputErrors()
      // Cleared before the prompt, not after it: a Ctrl-C pressed just after Enter must still
      // stop the `.read` that line starts.
      interruptRequested.store(false, ordering: .relaxed)
      switch read(editor, repl) {
      case .interrupted:
        interruptRequested.store(false, ordering: .relaxed)
        // Ctrl-C: the line is dropped; a fresh prompt on the next line.
        print("^C")
      case .end:
        print("")
        repl.finish()
        return
      case .invalidUTF8(let count):
        print(repl.style.colour ? "\u{1B}[1;31merror: \u{1B}[0m" : "error: ", terminator: "")
        print(
          "this line had \(count == 1 ? "a byte" : "\(count) bytes") that \(count == 1 ? "is" : "are") not UTF-8 (shown as \u{FFFD}); it was not run"
        )
      case .line(let line):
        let entry = line.trimmingCharacters()
        if !entry.isEmpty, entry != lastEntry, entry.unicodeScalars.count <= ReplSession.maximumLineLength {
          editor.addToHistory(entry)
          lastEntry = entry
          do {
            try history?.append(entry)
          } catch {
            if !historyFailed { warn("clavard: cannot write the history (\(error))") }
            historyFailed = true
          }
        }
        if repl.handle(line, into: &output) == .quit {
          repl.finish()
          return
        }
      }
    }
  }

  /// One prompt. The completion context (a copy of the session) lives only as long as this
  /// call, so that the session is not copied when the line runs.
  private static func read(_ editor: LineEditor, _ repl: ReplSession) -> LineInput {
    let context = repl.completionContext
    return editor.readLine(prompt: repl.prompt) { before in
      switch Completer.complete(before, in: context) {
      case .candidates(let candidates): .candidates(candidates)
      case .fileNames: .fileNames
      }
    }
  }

  /// SIGINT writes a byte to a pipe whose read end the line editor watches: the line being
  /// typed is abandoned and the session goes on. While a line runs, it sets a flag that a
  /// `.read` checks before each command of the script, so a long script stops where it is.
  /// libedit, which catches signals while it reads, restores the terminal first and then
  /// passes the signal on to this handler. Returns the pipe's read end.
  private static func installInterruptHandler() -> Int32? {
    var ends: [Int32] = [-1, -1]
    guard pipe(&ends) == 0 else { return nil }
    for end in ends {
      _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
      _ = fcntl(end, F_SETFD, FD_CLOEXEC)
    }
    interruptPipe.store(ends[1], ordering: .relaxed)
    // Touched here so that the globals exist before the handler can run: a debug build creates
    // them lazily, which a signal handler must not do.
    interruptRequested.store(false, ordering: .relaxed)
    var action = sigaction()
    action.__sigaction_handler.sa_handler = { _ in
      interruptRequested.store(true, ordering: .relaxed)
      var byte: UInt8 = 3
      _ = write(interruptPipe.load(ordering: .relaxed), &byte, 1)
    }
    sigemptyset(&action.sa_mask)
    action.sa_flags = SA_RESTART
    sigaction(SIGINT, &action, nil)
    // A blocked SIGINT is inherited through exec (from a test runner, say): unblock it.
    var set = sigset_t()
    sigemptyset(&set)
    sigaddset(&set, SIGINT)
    pthread_sigmask(SIG_UNBLOCK, &set, nil)
    return ends[0]
  }

  static func warn(_ text: String) {
    fflush(nil)
    var bytes = Array((text + "\n").utf8)
    _ = bytes.withUnsafeMutableBytes { write(2, $0.baseAddress, $0.count) }
  }
}

/// Standard output as a text stream (Swift's `print`, so it shares the C library's buffer
/// with libedit's prompt; `LineEditor` flushes before each prompt).
struct StandardOutput: TextOutputStream {
  mutating func write(_ string: String) {
    print(string, terminator: "")
  }
}

enum Environment {
  /// The variables the REPL reads.
  static var current: [String: String] {
    var result: [String: String] = [:]
    for key in ["NO_COLOR", "TERM", "CLAVARD_HISTORY", "XDG_STATE_HOME", "HOME"] {
      if let value = getenv(key) { result[key] = String(cString: value) }
    }
    return result
  }
}

extension String {
  func trimmingCharacters() -> String {
    let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
    guard let start = firstIndex(where: { !isSpace($0) }), let end = lastIndex(where: { !isSpace($0) }) else {
      return ""
    }
    return String(self[start...end])
  }
}

// MARK: Files

/// The REPL's files on the file system.
struct PosixFiles: ReplFiles {
  func read(_ path: String) throws -> [UInt8] {
    try ScriptFiles.read(path)
  }

  func write(_ text: String, to path: String) throws {
    try ScriptFiles.writeAtomically(text, to: path)
  }

  func create(_ path: String) throws -> any ScriptSink {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_APPEND | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else {
      if errno == EEXIST {
        throw ReplFileError("it already exists; choose another name (a recording never replaces a file)")
      }
      throw ReplFileError(String(cString: strerror(errno)))
    }
    return DescriptorSink(descriptor: descriptor)
  }

  func remove(_ path: String) {
    _ = unlink(path)
  }
}

struct ReplFileError: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}

/// Appends with `write(2)`: each piece is in the file (the kernel's) before `append` returns.
final class DescriptorSink: ScriptSink {
  private var descriptor: Int32

  init(descriptor: Int32) {
    self.descriptor = descriptor
  }

  func append(_ text: String) throws {
    guard descriptor >= 0 else { throw ReplFileError("the file is closed") }
    let bytes = Array(text.utf8)
    var written = 0
    while written < bytes.count {
      let result = bytes[written...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
      if result < 0 {
        if errno == EINTR { continue }
        throw ReplFileError(String(cString: strerror(errno)))
      }
      written += result
    }
  }

  func close() {
    guard descriptor >= 0 else { return }
    _ = Glibc.close(descriptor)
    descriptor = -1
  }

  deinit { close() }
}

// MARK: Standard input as a script

/// Not on a terminal: standard input is one script, run and reported as `clavard run` does.
enum ScriptFromStandardInput {
  static let path = "<stdin>"

  static func run() -> Int32 {
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let count = buffer.withUnsafeMutableBytes { Glibc.read(0, $0.baseAddress, $0.count) }
      if count < 0 {
        if errno == EINTR { continue }
        Output.error("clavard: cannot read standard input: \(String(cString: strerror(errno)))")
        return 2
      }
      if count == 0 { break }
      bytes += buffer[0..<count]
    }
    let entry: ReportEntry
    switch ScriptFile(path: path, bytes: bytes).script {
    case .failure(let error):
      entry = ReportEntry(path: path, outcome: .broken(error))
    case .success(let script):
      entry = ReportEntry(path: path, outcome: .ran(ScriptRunner(loader: ScriptFiles.loader).run(script)))
    }
    let report = Report(entries: [entry])
    Output.text(report.text)
    return ExitStatus.of(report)
  }
}
