import ContactCenter

/// A unified diff of two versions of a file (`--- PATH`, `+++ PATH`, `@@ -a,b +c,d @@` hunks
/// with three lines of context), as `diff -u` and `git diff` print it: what `--update` shows
/// it changed.
///
/// Lines are shown as people read them: a line's `\r` ending is left out, and every other
/// control character, line separator or bidirectional control is escaped (`\u{1B}`), so the
/// diff is for reading, not for `patch`. A last line without its newline is followed by
/// `\ No newline at end of file`.
///
/// The lines are matched by Myers' algorithm after the common beginning and end are set aside:
/// time and memory grow with the number of changed lines, not the size of the file; past
/// ``maximumChanges`` changed lines the differing middle is shown removed, then added.
public enum UnifiedDiff {
  /// Past this many changed lines, lines are no longer matched (a bound on time and memory).
  public static let maximumChanges = 1_000

  /// The diff of `old` and `new`, named `path`; empty when they are the same.
  public static func text(path: String, old: String, new: String, style: ReportStyle = .plain) -> String {
    let before = lines(old)
    let after = lines(new)
    let edits = self.edits(before, after)
    guard edits.contains(where: { $0.kind != .same }) else { return "" }
    let name = Escaping.controlsEscaped(path)
    var output = ["--- \(name)", "+++ \(name)"]
    for hunk in hunks(edits) {
      output.append(style.hunk(hunk.header))
      // One styled line for each edit, in order.
      for (edit, line) in zip(hunk.lines, style.diff(hunk.lines.map(\.shown))) {
        output.append(line)
        if !edit.line.endsWithNewline { output.append(noNewline) }
      }
    }
    return output.joined(separator: "\n") + "\n"
  }

  static let noNewline = "\\ No newline at end of file"

  struct Line: Hashable {
    var text: String
    var endsWithNewline: Bool
  }

  enum Kind { case same, removed, added }

  struct Edit {
    var kind: Kind
    var line: Line
    /// Line numbers from 1 in the old and new file (the next line's, for a line not there).
    var old: Int
    var new: Int

    var shown: String {
      let sign =
        switch kind {
        case .same: " "
        case .removed: "-"
        case .added: "+"
        }
      var text = line.text
      if text.unicodeScalars.last == "\r" {
        text = String(String.UnicodeScalarView(text.unicodeScalars.dropLast()))
      }
      return sign + Escaping.controlsEscaped(text)
    }
  }

  static func lines(_ text: String) -> [Line] {
    var parts = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map {
      String(String.UnicodeScalarView($0))
    }
    let endsWithNewline = parts.last == ""
    if endsWithNewline { parts.removeLast() }
    return parts.enumerated().map { index, text in
      Line(text: text, endsWithNewline: endsWithNewline || index < parts.count - 1)
    }
  }

  /// The edit script from `old` to `new`: the common beginning and end as they are, the middle
  /// by Myers' shortest edit script (removals before additions at each change).
  static func edits(_ old: [Line], _ new: [Line]) -> [Edit] {
    let prefix = zip(old, new).prefix { $0 == $1 }.count
    let suffix = zip(old[prefix...].reversed(), new[prefix...].reversed()).prefix { $0 == $1 }.count
    let oldMiddle = Array(old[prefix..<(old.count - suffix)])
    let newMiddle = Array(new[prefix..<(new.count - suffix)])
    var edits: [Edit] = []
    var oldNumber = 1
    var newNumber = 1
    func add(_ kind: Kind, _ line: Line) {
      edits.append(Edit(kind: kind, line: line, old: oldNumber, new: newNumber))
      if kind != .added { oldNumber += 1 }
      if kind != .removed { newNumber += 1 }
    }
    for line in old[..<prefix] { add(.same, line) }
    for (kind, line) in middle(oldMiddle, newMiddle) { add(kind, line) }
    for line in old[(old.count - suffix)...] { add(.same, line) }
    return edits
  }

  /// Myers' greedy algorithm, keeping each round's furthest points to walk the path back.
  private static func middle(_ old: [Line], _ new: [Line]) -> [(Kind, Line)] {
    let n = old.count
    let m = new.count
    let everything = old.map { (Kind.removed, $0) } + new.map { (Kind.added, $0) }
    guard n > 0, m > 0 else { return everything }
    let offset = min(n + m, maximumChanges) + 1
    var furthest = [Int](repeating: 0, count: 2 * offset + 1)
    var rounds: [[Int]] = []
    var found = false
    search: for d in 0...min(n + m, maximumChanges) {
      rounds.append(furthest)
      for k in stride(from: -d, through: d, by: 2) {
        var x =
          k == -d || (k != d && furthest[offset + k - 1] < furthest[offset + k + 1])
          ? furthest[offset + k + 1] : furthest[offset + k - 1] + 1
        var y = x - k
        while x < n, y < m, old[x] == new[y] {
          x += 1
          y += 1
        }
        furthest[offset + k] = x
        if x >= n, y >= m {
          found = true
          break search
        }
      }
    }
    guard found else { return everything }
    // Walk back from (n, m) through the rounds.
    var path: [(Kind, Line)] = []
    var x = n
    var y = m
    for d in stride(from: rounds.count - 1, to: 0, by: -1) {
      let previous = rounds[d]
      let k = x - y
      let down = k == -d || (k != d && previous[offset + k - 1] < previous[offset + k + 1])
      let previousK = down ? k + 1 : k - 1
      let previousX = previous[offset + previousK]
      let previousY = previousX - previousK
      while x > previousX, y > previousY {
        x -= 1
        y -= 1
        path.append((.same, old[x]))
      }
      if down {
        y -= 1
        path.append((.added, new[y]))
      } else {
        x -= 1
        path.append((.removed, old[x]))
      }
    }
    while x > 0, y > 0 {
      x -= 1
      y -= 1
      path.append((.same, old[x]))
    }
    return reorderedChanges(path.reversed())
  }

  /// Within each run of changes, removals first, then additions: how diffs are read.
  private static func reorderedChanges(_ path: [(Kind, Line)]) -> [(Kind, Line)] {
    var result: [(Kind, Line)] = []
    var removed: [(Kind, Line)] = []
    var added: [(Kind, Line)] = []
    for step in path {
      switch step.0 {
      case .removed: removed.append(step)
      case .added: added.append(step)
      case .same:
        result += removed + added + [step]
        removed = []
        added = []
      }
    }
    return result + removed + added
  }

  struct Hunk {
    var header: String
    var lines: [Edit]
  }

  /// The changes with three lines of context around each, changes closer than seven lines
  /// apart in one hunk.
  static func hunks(_ edits: [Edit], context: Int = 3) -> [Hunk] {
    let changed = edits.indices.filter { edits[$0].kind != .same }
    var ranges: [ClosedRange<Int>] = []
    for index in changed {
      let range = max(0, index - context)...min(edits.count - 1, index + context)
      if let last = ranges.last, range.lowerBound <= last.upperBound + 1 {
        ranges[ranges.count - 1] = last.lowerBound...max(last.upperBound, range.upperBound)
      } else {
        ranges.append(range)
      }
    }
    return ranges.map { range in
      let lines = Array(edits[range])
      let oldCount = lines.count(where: { $0.kind != .added })
      let newCount = lines.count(where: { $0.kind != .removed })
      let first = lines[0]
      return Hunk(
        header:
          "@@ -\(Self.range(start: first.old, count: oldCount)) +\(Self.range(start: first.new, count: newCount)) @@",
        lines: lines)
    }
  }

  /// `start,count` as `diff -u` writes it: `,1` left out, and an empty range starting at the
  /// line before.
  private static func range(start: Int, count: Int) -> String {
    switch count {
    case 0: "\(start - 1),0"
    case 1: "\(start)"
    default: "\(start),\(count)"
    }
  }
}
