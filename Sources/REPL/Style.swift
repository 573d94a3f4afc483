import Conformance
import ContactCenter

/// How the REPL's output looks: the reports' style (plain, or with ANSI colours only on a
/// terminal and only when `NO_COLOR` is unset; the executable decides), with the REPL's own
/// kinds of line. Every line the REPL prints goes through ``visible(_:limit:)`` first, so no
/// user text reaches the terminal raw.
public typealias Style = ReportStyle

extension ReportStyle {
  /// `< event` lines.
  func event(_ text: String) -> String { paint(text, "32") }
  /// `! refusal` lines.
  func refusal(_ text: String) -> String { paint(text, "31") }
  /// Errors: a line that cannot be read, a file that cannot be written.
  func error(_ text: String) -> String { paint(text, "1;31") }
  /// Comments: an `expect` that holds, notes, `.help`.
  func note(_ text: String) -> String { paint(text, "2") }
  /// A warning: an `expect` that does not hold, a broken invariant.
  func warning(_ text: String) -> String { paint(text, "33") }
  /// Headings of `.state` and `.help`.
  func heading(_ text: String) -> String { paint(text, "1") }

  /// The text with every control character, line or paragraph separator and bidirectional
  /// control shown as an escape (`\u{1B}`, `\n`), and cut to `limit` characters with its
  /// length given: what may be printed of text a user typed. Backslashes stay as they are,
  /// so text the engine already escaped reads the same.
  public static func visible(_ text: String, limit: Int = 300) -> String {
    let total = text.unicodeScalars.count
    guard total > limit else { return Escaping.controlsEscaped(text) }
    let kept = String(String.UnicodeScalarView(text.unicodeScalars.prefix(limit)))
    return Escaping.controlsEscaped(kept) + "… (\(total) characters)"
  }
}
