import ArgumentParser
import Conformance
import ContactCenter
import Glibc
import LineEditor
import REPL
import Synchronization
import SystemFiles

/// `clavard repl` (and `clavard` alone): the script language, live, on a terminal. This file
/// owns what the REPL library leaves out: the terminal, signals, files and exit codes.
struct REPLCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "repl",
    abstract: "An interactive session in the script language, with completion, history and recording.",
    discussion: """
      What you type is a script line; what it prints is what a script expects after that line \
      (`< event`, `! refusal`). `.help` lists the commands, Tab completes, Up recalls earlier \
      lines (kept in $CLAVARD_HISTORY, else $XDG_STATE_HOME/clavard/history, else \
      ~/.local/state/clavard/history), `.record FILE` writes the session as a script that \
      `clavard run` passes. Ctrl-C abandons the line, or stops a `.read` before its next \
      command; Ctrl-D on an empty line leaves.

      When standard input or output is not a terminal (`clavard repl < steps.chat`), each line \
      runs as if typed and prints its events and refusals; the '<' and '!' lines written after \
      a command are checked, a command without them is not. Nothing stops at a failure. Exit \
      status: 0 when every line was understood, every written expectation held, the engine \
      kept its invariants and (with --sut) the system under test did as the reference, else 1. \
      (`clavard run -` runs standard input as a strict script instead.)

      With --sut, every command also runs on that system under test, and where it differs \
      from the reference the REPL says so under the command; `.record` writes a script that \
      reproduces it with `clavard run --sut`.
      """
  )

  @OptionGroup var system: SUTOptions

  func run() throws {
    let pool = system.pool()
    defer { pool?.close() }
    if isatty(0) == 1 && isatty(1) == 1 {
      Terminal.run(mirrors: pool, replay: system.replayCommand)
    } else {
      throw ExitCode(PipedREPL.run(mirrors: pool, replay: system.replayCommand))
    }
  }

  /// Starts the system under test of a REPL, or says why it could not be started (exit 2).
  static func connect(_ repl: REPLSession) -> Bool {
    do {
      try repl.connect()
      return true
    } catch {
      Output.error("clavard: " + Escaping.controlsEscaped(error.message))
      for line in error.diff { Output.error("  " + Escaping.controlsEscaped(line)) }
      return false
    }
  }
}

/// The REPL's files: scripts as `clavard run` reads them.
let replFiles = DiskFiles()

// MARK: The terminal

/// The write end of the pipe the SIGINT handler writes to (see ``LineEditor``); -1 before
/// the handler is installed.
let interruptPipe = Atomic<Int32>(-1)
/// Set by the SIGINT handler, cleared before each line runs: a `.read` stops at its next command.
let interruptRequested = Atomic<Bool>(false)

enum Terminal {
  static let historyLimit = 2000

  static func run(mirrors: (any MirrorSource)? = nil, replay: String = ScriptText.defaultReplay) {
    let environment = Environment.current
    let repl = REPLSession(
      files: replFiles, style: Style(colour: Environment.allowsColour(environment)),
      isInterrupted: { interruptRequested.load(ordering: .relaxed) }, mirrors: mirrors, replay: replay)
    guard REPLCommand.connect(repl) else { Output.exit(2) }
    let editor = LineEditor(
      name: "clavard", wordBreakCharacters: Completer.wordBreakCharacters,
      interruptDescriptor: installInterruptHandler(), isUnsafe: Escaping.isUnsafe)
    editor.limitHistory(to: historyLimit)
    var history = HistoryLocation.path(environment: environment).map {
      HistoryFile(path: $0, limit: historyLimit)
    }
    do {
      for line in try history?.load() ?? [] { editor.addToHistory(line) }
    } catch {
      Output.error(
        "clavard: cannot read the history \(Style.visible(error.path)): \(error.reason); "
          + "this session keeps no history")
      history = nil
    }
    Output.line(
      repl.style.colour
        ? "\u{1B}[2mclavard repl: .help lists the commands, Tab completes, Ctrl-D leaves\u{1B}[0m"
        : "clavard repl: .help lists the commands, Tab completes, Ctrl-D leaves")

    var output = StandardOutput()
    var lastEntry: String?
    while true {
      editor.clearInputErrors()
      // Cleared before the prompt, not after it: a Ctrl-C pressed just after Enter must still
      // stop the `.read` that line starts.
      interruptRequested.store(false, ordering: .relaxed)
      Output.flush()
      switch read(editor, repl) {
      case .interrupted:
        interruptRequested.store(false, ordering: .relaxed)
        // Ctrl-C: the line is dropped; a fresh prompt on the next line.
        Output.line("^C")
      case .end:
        Output.line("")
        repl.finish()
        return
      case .invalidUTF8(let count):
        Output.text(repl.style.colour ? "\u{1B}[1;31merror: \u{1B}[0m" : "error: ")
        Output.line(
          "this line had \(count == 1 ? "a byte" : "\(count) bytes") that \(count == 1 ? "is" : "are") not UTF-8 (shown as \u{FFFD}); it was not run"
        )
      case .line(let line):
        if let entry = historyEntry(line), entry != lastEntry {
          editor.addToHistory(entry)
          lastEntry = entry
          do {
            try history?.append(entry)
          } catch {
            Output.error(
              "clavard: cannot write the history \(Style.visible(error.path)): \(error.reason); "
                + "lines typed from now on are not kept")
            history = nil
          }
        }
        if repl.handle(line, into: &output) == .quit {
          repl.finish()
          return
        }
      }
    }
  }

  /// What the history keeps of a line: the line trimmed, its control characters escaped
  /// (Ctrl-V Esc: the history never holds one raw); nothing for an empty or overlong line.
  static func historyEntry(_ line: String) -> String? {
    let entry = line.trimmingCharacters()
    guard !entry.isEmpty, entry.unicodeScalars.count <= REPLSession.maximumLineLength else { return nil }
    return ScriptText.escapingControls(entry)
  }

  /// One prompt. The completion context (a copy of the session) lives only as long as this
  /// call, so that the session is not copied when the line runs.
  private static func read(_ editor: LineEditor, _ repl: REPLSession) -> LineInput {
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
    Platform.handleSignal(SIGINT) { _ in
      interruptRequested.store(true, ordering: .relaxed)
      var byte: UInt8 = 3
      _ = write(interruptPipe.load(ordering: .relaxed), &byte, 1)
    }
    return ends[0]
  }
}

/// Standard output as a text stream, through ``Output`` (flushed before each prompt).
struct StandardOutput: TextOutputStream {
  mutating func write(_ string: String) {
    Output.text(string)
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

  /// Colour only without `NO_COLOR` and on a terminal that is not `dumb`.
  static func allowsColour(_ environment: [String: String]) -> Bool {
    environment["NO_COLOR"] == nil && environment["TERM"] != "dumb"
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
