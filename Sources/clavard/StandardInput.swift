import Conformance
import Glibc
import REPL
import SystemFiles

/// `clavard repl` on a pipe or a file: see ``PipedInput``.
enum PipedREPL {
  static func run(mirrors: (any MirrorSource)? = nil, replay: String = ScriptText.defaultReplay) -> Int32 {
    let colour = isatty(1) == 1 && Environment.allowsColour(Environment.current)
    let repl = REPLSession(files: replFiles, style: Style(colour: colour), mirrors: mirrors, replay: replay)
    guard REPLCommand.connect(repl) else { return 2 }
    var piped = PipedInput(repl: repl)
    var output = StandardOutput()
    var reader = LineReader(
      descriptor: 0, maximumLineBytes: ScriptFiles.maximumLineBytes, name: "standard input")
    defer { piped.repl.finish() }
    do {
      while let line = try reader.next() {
        switch line {
        case .text(var bytes):
          if bytes.last == UInt8(ascii: "\r") { bytes.removeLast() }
          guard let text = String(validating: bytes, as: UTF8.self) else {
            piped.refuse("this line is not valid UTF-8; it was not run", into: &output)
            continue
          }
          if piped.handle(text, into: &output) == .quit { return finish(&piped, &output) }
          // Each line's output as soon as it is known: a person may be typing (`clavard repl | tee`).
          Output.flush()
        case .tooLong:
          piped.refuse(
            "this line is longer than \(FileSystem.describeSize(ScriptFiles.maximumLineBytes)); it was not run",
            into: &output)
        }
      }
    } catch {
      piped.finish(into: &output)
      Output.error("clavard: cannot read standard input: \(error.reason)")
      return 2
    }
    return finish(&piped, &output)
  }

  private static func finish(_ piped: inout PipedInput, _ output: inout StandardOutput) -> Int32 {
    piped.finish(into: &output)
    return piped.exitStatus
  }
}

/// Standard input as one script (`clavard run -`, and `clavard` alone off a terminal), read and
/// run a piece at a time, strictly: the first failure ends the run, as in a file. Lines are at
/// most ``ScriptFiles/maximumLineBytes`` long and the whole input at most
/// ``ScriptFiles/maximumScriptBytes``, as a file: `clavard < /dev/zero` stops at its first
/// megabyte, and `yes 'queue a' | clavard` at its second line, which fails.
enum StandardInputScript {
  static let path = "<stdin>"
  /// Statements are run in pieces of about this many bytes, cut before a `step` line (or,
  /// with no step in sight, before any command once the piece is 16 times larger).
  static let pieceBytes = 64 << 10

  /// With `recordsTimeline`, each command's instant and events are kept too (`--html`).
  static func run(recordsTimeline: Bool = false) -> ReportEntry {
    var runner = PieceRunner(
      runner: ScriptRunner(loader: ScriptFiles.loader, recordsTimeline: recordsTimeline))
    var reader = LineReader(
      descriptor: 0, maximumLineBytes: ScriptFiles.maximumLineBytes, name: "standard input")
    var piece: [UInt8] = []
    var pieceStart = 1
    var number = 0
    var total = 0
    func unreadable(_ reason: String) -> ReportEntry {
      // What was read before the problem runs first: a failure there is reported instead.
      if let finished = runner.run(piece, firstLine: pieceStart) { return finished }
      let file = UnreadableFile(path: path, message: "cannot read standard input: \(reason)")
      return ReportEntry(path: path, outcome: .broken(.unreadable(file)))
    }
    if Output.inputWasClosed { return unreadable("it is closed") }
    do {
      while let line = try reader.next() {
        number += 1
        guard case .text(let text) = line else { return unreadable(ScriptFiles.longLineReason(number)) }
        total += text.count + 1
        guard total <= ScriptFiles.maximumScriptBytes else {
          return unreadable(FileSystem.tooLarge("standard input", ScriptFiles.maximumScriptBytes).reason)
        }
        if piece.count >= pieceBytes, startsPiece(text, large: piece.count >= 16 * pieceBytes) {
          if let finished = runner.run(piece, firstLine: pieceStart) { return finished }
          piece.removeAll(keepingCapacity: true)
          pieceStart = number
        }
        piece += text
        piece.append(UInt8(ascii: "\n"))
      }
    } catch {
      return unreadable(error.reason)
    }
    return runner.run(piece, firstLine: pieceStart) ?? runner.entry
  }

  /// Whether a line may start a new piece: a `step` line; with `large`, any command (a line
  /// that is not blank, a comment, or a `<` or `!` line, which belong to the command above).
  private static func startsPiece(_ line: [UInt8], large: Bool) -> Bool {
    let content = line.drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
    if content.starts(with: Array("step ".utf8)) || content.starts(with: Array("step\t".utf8)) { return true }
    guard large, let first = content.first else { return false }
    return !"#<!\r".utf8.contains(first)
  }

  /// Runs the pieces one after the other on one session, as one script.
  private struct PieceRunner {
    var session = Session()
    var result: ScriptResult?
    let runner: ScriptRunner

    init(runner: ScriptRunner) { self.runner = runner }

    var entry: ReportEntry {
      ReportEntry(path: path, outcome: .ran(result ?? ScriptResult(path: path)))
    }

    /// Runs a piece whose first line is line `firstLine` of the input; the final entry when
    /// the script ends there (a failure, a parse error), nil when it goes on.
    mutating func run(_ piece: [UInt8], firstLine: Int) -> ReportEntry? {
      guard !piece.isEmpty else { return nil }
      let offset = firstLine - 1
      var script: Script
      do {
        script = try ScriptParser.parse(bytes: piece, path: path)
      } catch {
        var error = error
        error.location.line += offset
        return ReportEntry(path: path, outcome: .broken(.invalid(error)))
      }
      for index in script.statements.indices {
        script.statements[index].location.line += offset
        if case .command(let command, var expected) = script.statements[index].kind {
          for event in expected.events.indices { expected.events[event].line += offset }
          expected.refusal?.line += offset
          script.statements[index].kind = .command(command, expected: expected)
        }
      }
      var ran = runner.run(script, in: &session)
      // Only `--update` needs each outcome; the input may be long.
      ran.outcomes = []
      if var merged = result {
        // The piece's commands point at its steps, which follow the steps so far.
        merged.timeline += ran.timeline.map { command in
          var command = command
          command.step = command.step.map { $0 + merged.steps.count }
          return command
        }
        merged.steps += ran.steps
        merged.commandsRun += ran.commandsRun
        merged.failure = ran.failure
        result = merged
      } else {
        result = ran
      }
      return ran.failure == nil ? nil : entry
    }
  }
}
