import ClavardTestSupport
import Testing

@testable import Conformance

/// What `--update` prints: a unified diff, as `diff -u` writes it.
@Suite struct UnifiedDiffTests {
  @Test("a change with three lines of context, numbered as diff -u numbers it")
  func change() {
    let old = "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\n"
    #expect(UnifiedDiff.text(path: "w.chat", old: old, new: old) == "")
    #expect(
      UnifiedDiff.text(path: "w.chat", old: old, new: "a\nb\nc\nX\nd\ne\nf\ng\nh\ni\nj") == #"""
        --- w.chat
        +++ w.chat
        @@ -1,10 +1,11 @@
         a
         b
         c
        +X
         d
         e
         f
         g
         h
         i
        -j
        +j
        \ No newline at end of file

        """#)
  }

  @Test("changes far apart make separate hunks; an empty side starts at the line before")
  func hunks() {
    let old = (1...20).map { "line \($0)\n" }.joined()
    var lines = (1...20).map { "line \($0)" }
    lines[1] = "line two"
    lines.insert("< added", at: 15)
    #expect(
      UnifiedDiff.text(path: "f", old: old, new: lines.joined(separator: "\n") + "\n") == """
        --- f
        +++ f
        @@ -1,5 +1,5 @@
         line 1
        -line 2
        +line two
         line 3
         line 4
         line 5
        @@ -13,6 +13,7 @@
         line 13
         line 14
         line 15
        +< added
         line 16
         line 17
         line 18

        """)
    #expect(UnifiedDiff.text(path: "e", old: "", new: "x\n") == "--- e\n+++ e\n@@ -0,0 +1 @@\n+x\n")
    #expect(UnifiedDiff.text(path: "e", old: "x\n", new: "") == "--- e\n+++ e\n@@ -1 +0,0 @@\n-x\n")
  }

  @Test("a line's \\r ending is not shown; controls in lines and the path are escaped")
  func escaping() {
    #expect(
      UnifiedDiff.text(path: "a\u{1B}]2;x\u{7}.chat", old: "a\r\nb\r\n", new: "a\r\n< \u{202E}\u{9B}2J\r\n")
        == #"""
        --- a\u{1B}]2;x\u{7}.chat
        +++ a\u{1B}]2;x\u{7}.chat
        @@ -1,2 +1,2 @@
         a
        -b
        +< \u{202E}\u{9B}2J

        """#)
  }

  @Test("in colour: - and + lines, the @@ lines, the words that differ")
  func colour() {
    #expect(
      UnifiedDiff.text(
        path: "f", old: "< alice is Available\n", new: "< alice is On Break", style: .init(colour: true))
          == """
          --- f
          +++ f
          \u{1B}[36m@@ -1 +1 @@\u{1B}[0m
          \u{1B}[31m-< alice is \u{1B}[7mAvailable\u{1B}[27m\u{1B}[0m
          \u{1B}[32m+< alice is \u{1B}[7mOn Break\u{1B}[27m\u{1B}[0m
          \\ No newline at end of file

          """)
  }

  @Test(
    "the edits are a shortest edit script: old and new are rebuilt, as many lines kept as in a longest common subsequence"
  )
  func shortestEditScript() {
    var generator = SplitMix64(seed: 12)
    for _ in 0..<300 {
      func random() -> [UnifiedDiff.Line] {
        (0..<Int(generator.next() % 12)).map { _ in
          UnifiedDiff.Line(text: String(generator.next() % 4), endsWithNewline: true)
        }
      }
      let old = random()
      let new = random()
      let edits = UnifiedDiff.edits(old, new)
      #expect(edits.filter { $0.kind != .added }.map(\.line) == old)
      #expect(edits.filter { $0.kind != .removed }.map(\.line) == new)
      let common = LineDiff.lines(expected: old.map(\.text), actual: new.map(\.text)).count {
        $0.hasPrefix(" ")
      }
      #expect(edits.count { $0.kind == .same } == common)
    }
  }

  @Test("a large file with changes at both ends: two hunks; past the bound, the middle is replaced whole")
  func large() {
    let old = (1...50_000).map { "< event \($0)\n" }.joined()
    let new = "first\n" + old + "last\n"
    let diff = UnifiedDiff.text(path: "big", old: old, new: new)
    #expect(
      diff.split(separator: "\n").filter { $0.hasPrefix("@@") } == [
        "@@ -1,3 +1,4 @@", "@@ -49998,3 +49999,4 @@",
      ])
    let scattered = (1...3_000).map { "x\($0)\n" }.joined()
    let rewritten = (1...3_000).map { $0 % 2 == 0 ? "y\($0)\n" : "x\($0)\n" }.joined()
    let replaced = UnifiedDiff.text(path: "s", old: scattered, new: rewritten)
    #expect(replaced.split(separator: "\n").count { $0.hasPrefix("-") && !$0.hasPrefix("---") } == 2_999)
  }
}
