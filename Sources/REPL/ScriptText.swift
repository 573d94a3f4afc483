import Conformance
import ContactCenter

/// Turns what happened at the prompt into script text: a command followed by its actual
/// events as `<` lines or its refusal as a `!` line, so that `clavard run` on the text passes.
/// A command that could not be carried out as written (an `expect` that does not hold, a
/// customer's command given to an agent) is kept as a comment: it changed nothing, and a
/// script line for it would fail.
public enum ScriptText {
  /// The first lines of a saved or recorded session; `replay` is the command that replays it
  /// (`clavard run FILE`, with `--sut` when the session ran beside a system under test).
  public static func header(replay: String = defaultReplay) -> [String] {
    [comment("# A session of clavard repl. Replay it with: " + replay)]
  }

  public static let defaultReplay = "clavard run FILE"

  /// The lines for one command and its outcome.
  public static func lines(command source: String, outcome: Outcome) -> [String] {
    if case .failed(let message) = outcome {
      return [comment("# not carried out: " + source), comment("#   " + message)]
    }
    return [ExpectedLine.singleLine(escapingControls(source))] + (outcome.expectationLines ?? [])
  }

  /// A comment line: free text, so control characters are written as escapes (no one should
  /// find an escape sequence when they `cat` a bug report).
  public static func comment(_ text: String) -> String {
    Style.visible(text, limit: Int.max)
  }

  /// The whole text of a session: the header, then its lines, ending with a newline.
  public static func document(_ lines: [String], replay: String = defaultReplay) -> String {
    (header(replay: replay) + lines).joined(separator: "\n") + "\n"
  }
}

extension ScriptText {
  /// A command line with its control characters written as escapes, so that a recording, a
  /// saved session or the history never holds them raw (Ctrl-V Esc typed at the prompt, a
  /// `.read` file that had one). Inside a quoted text the escape (`"a\u{1B}b"`) is read back
  /// as the same text; outside quotes, where a control character never makes a valid word,
  /// it is shown escaped all the same.
  public static func escapingControls(_ source: String) -> String {
    // Nearly every line has nothing to escape: it is kept as it is, not rebuilt.
    guard source.unicodeScalars.contains(where: { $0 != "\t" && Escaping.isUnsafe($0) }) else {
      return source
    }
    return Escaping.replacingScalars(in: source) {
      $0 != "\t" && Escaping.isUnsafe($0) ? Escaping.braced($0) : nil
    }
  }
}
