import Conformance

/// `clavard repl` reading a pipe or a file (`clavard repl < steps.chat`), as `sqlite3 < file`
/// does: each line runs as if typed at the prompt and prints its events and refusals, and the
/// `<` and `!` lines written after a command are checked against what it did. A command
/// without them is not checked: its events are shown, not expected. Unlike `clavard run`,
/// nothing stops at the first failure.
///
/// ```swift
/// var piped = PipedInput(repl: repl)
/// piped.handle("agent alice", into: &output)        // < agent alice defined: no queues
/// piped.handle("< agent alice defined", into: &output)
/// piped.finish(into: &output)                        // error: <stdin>:2: ... differ
/// ```
public struct PipedInput {
  public let repl: REPLSession
  /// How input lines are named in messages.
  public let name: String
  /// Written expectations that did not hold (and `expect` lines that did not).
  public private(set) var mismatches = 0
  private var lineNumber = 0
  private var pending: (source: String, outcome: Outcome, line: Int)?
  private var expected = Expected()

  public init(repl: REPLSession, name: String = "<stdin>") {
    self.repl = repl
    self.name = name
  }

  /// 0 when every line was understood, every written expectation held and nothing differed
  /// from the system under test, else 1.
  public var exitStatus: Int32 { mismatches == 0 && repl.errorsShown == 0 && repl.failuresShown == 0 ? 0 : 1 }

  /// Handles one line of input.
  public mutating func handle(_ line: String, into output: inout some TextOutputStream) -> REPLAction {
    lineNumber += 1
    let content = line.trimmingWhitespace()
    if let marker = content.first, marker == "<" || marker == "!" {
      expect(content, marker: marker, into: &output)
      return .proceed
    }
    settle(into: &output)
    let action = repl.handle(line, into: &output)
    if let command = repl.lastCommand {
      pending = (command.source, command.outcome, lineNumber)
      // An `expect` that does not hold, a command the actor cannot do: failures as they are.
      if case .failed = command.outcome { mismatches += 1 }
    }
    return action
  }

  /// A line that could not be read as text (not UTF-8, too long): said, counted, not run.
  public mutating func refuse(_ reason: String, into output: inout some TextOutputStream) {
    lineNumber += 1
    settle(into: &output)
    say(repl.style.error("error: ") + "\(name):\(lineNumber): \(reason)", into: &output)
    mismatches += 1
  }

  /// Checks the last command's written lines, at the end of the input.
  public mutating func finish(into output: inout some TextOutputStream) {
    settle(into: &output)
  }

  private mutating func expect(_ content: String, marker: Character, into output: inout some TextOutputStream)
  {
    guard pending != nil else {
      say(
        repl.style.error("error: ") + "\(name):\(lineNumber): a '\(marker)' line must follow the command it "
          + "describes; it was not checked", into: &output)
      mismatches += 1
      return
    }
    var text = content.dropFirst()
    if text.first == " " { text = text.dropFirst() }
    let written = ExpectedLine(text: String(text), line: lineNumber)
    if marker == "<" {
      expected.events.append(written)
    } else if expected.refusal == nil {
      expected.refusal = written
    } else {
      // A second `!` line: the command cannot have met two refusals.
      expected.events.append(ExpectedLine(text: "! " + written.text, line: lineNumber))
    }
  }

  private mutating func settle(into output: inout some TextOutputStream) {
    defer {
      pending = nil
      expected = Expected()
    }
    // Only written lines are checked: a command with none is shown, not judged.
    guard let pending, expected != Expected() else { return }
    // A command that could not be carried out was reported and counted when it ran.
    if case .failed = pending.outcome { return }
    guard let problem = ScriptRunner.mismatch(pending.outcome, expected, source: pending.source) else {
      return
    }
    mismatches += 1
    say(
      repl.style.error("error: ") + Style.visible("\(name):\(pending.line): \(problem.message)"),
      into: &output)
    for line in problem.diff {
      say(repl.style.warning("  " + Style.visible(line, limit: 2000)), into: &output)
    }
  }

  private func say(_ text: String, into output: inout some TextOutputStream) {
    output.write(text)
    output.write("\n")
  }
}
