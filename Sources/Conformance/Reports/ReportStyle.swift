/// How the text reports look: plain, or with ANSI colours for a terminal (the command line
/// decides: `--color`, `NO_COLOR`, whether standard output is a terminal). Colour only adds
/// escape sequences around text that is already escaped; without it the text is the same.
public struct ReportStyle: Hashable, Sendable {
  public var colour: Bool

  public init(colour: Bool) {
    self.colour = colour
  }

  public static let plain = ReportStyle(colour: false)

  /// `FAIL`, and what failed.
  func failure(_ text: String) -> String { paint(text, "1;31") }
  /// `ok`.
  func success(_ text: String) -> String { paint(text, "32") }
  /// A line only expected (`-`).
  func removed(_ text: String) -> String { paint(text, "31") }
  /// A line only actual (`+`).
  func added(_ text: String) -> String { paint(text, "32") }
  /// A unified diff's `@@` line.
  func hunk(_ text: String) -> String { paint(text, "36") }
  /// The closing summary: green when nothing failed, red otherwise.
  func summary(_ text: String, failed: Bool) -> String { paint(text, failed ? "1;31" : "1;32") }

  /// The text between an SGR code and the reset, when colour is on: the one place that writes
  /// colour, for the reports and the REPL alike.
  public func paint(_ text: String, _ code: String) -> String {
    colour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
  }

  /// Diff lines (each starting with `-`, `+` or a space, already escaped), coloured, with the
  /// part of a changed line that differs shown in reverse video: each run of `-` lines
  /// followed by a run of `+` lines is paired line by line, and the text between their common
  /// beginning and common end is marked in both.
  func diff(_ lines: [String], indent: String = "") -> [String] {
    guard colour else { return lines.map { indent + $0 } }
    var styled: [String] = []
    var index = 0
    while index < lines.count {
      let removedRun = lines[index...].prefix { $0.hasPrefix("-") }
      let addedRun = lines[(index + removedRun.count)...].prefix { $0.hasPrefix("+") }
      guard !removedRun.isEmpty || !addedRun.isEmpty else {
        styled.append(indent + lines[index])
        index += 1
        continue
      }
      let pairs = min(removedRun.count, addedRun.count)
      for (offset, line) in removedRun.enumerated() {
        let other = offset < pairs ? addedRun[addedRun.startIndex + offset] : nil
        styled.append(indent + removed(Self.marked(line, against: other)))
      }
      for (offset, line) in addedRun.enumerated() {
        let other = offset < pairs ? removedRun[removedRun.startIndex + offset] : nil
        styled.append(indent + added(Self.marked(line, against: other)))
      }
      index += removedRun.count + addedRun.count
    }
    return styled
  }

  /// `line` with the part that differs from `other` (both past their one-character sign) in
  /// reverse video, widened to whole words; `line` as it is when there is no other line or
  /// nothing in common. Symmetric: both lines of a pair mark the same span of words.
  static func marked(_ line: String, against other: String?) -> String {
    guard let other, let sign = line.first else { return line }
    let mine = Array(line.dropFirst())
    let theirs = Array(other.dropFirst())
    func isWord(_ lines: [Character]..., at index: Int) -> Bool {
      lines.contains { $0.indices.contains(index) && ($0[index].isLetter || $0[index].isNumber) }
    }
    var prefix = zip(mine, theirs).prefix { $0 == $1 }.count
    // Not in the middle of a word: a changed word is marked whole.
    while prefix > 0, isWord(mine, at: prefix - 1), isWord(mine, theirs, at: prefix) { prefix -= 1 }
    var suffix = zip(mine[prefix...].reversed(), theirs[prefix...].reversed()).prefix { $0 == $1 }.count
    while suffix > 0, isWord(mine, at: mine.count - suffix),
      isWord(mine, at: mine.count - suffix - 1) || isWord(theirs, at: theirs.count - suffix - 1)
    {
      suffix -= 1
    }
    let changed = mine[prefix..<(mine.count - suffix)]
    // Marking everything tells nothing (the space after the sign is not a common part).
    let shares = suffix > 0 || mine[..<prefix].contains { $0 != " " }
    guard !changed.isEmpty, shares else { return line }
    return String(sign) + String(mine[..<prefix]) + "\u{1B}[7m" + String(changed) + "\u{1B}[27m"
      + String(mine[(mine.count - suffix)...])
  }
}
