import Testing

@testable import Conformance

/// Colour in the text report: what is coloured, and the part of a changed line that differs.
@Suite struct ReportStyleTests {
  static let colour = ReportStyle(colour: true)

  @Test("the part of a changed line that differs is shown in reverse video")
  func marked() {
    #expect(
      ReportStyle.marked("- alice is ready (Available)", against: "+ alice is ready (Working Offline)")
        == "- alice is ready (\u{1B}[7mAvailable\u{1B}[27m)")
    #expect(
      ReportStyle.marked("+ alice is ready (Working Offline)", against: "- alice is ready (Available)")
        == "+ alice is ready (\u{1B}[7mWorking Offline\u{1B}[27m)")
    // Only added words: nothing to mark on the shorter line, the addition on the longer.
    #expect(ReportStyle.marked("-a b", against: "+a b c") == "-a b")
    #expect(ReportStyle.marked("+a b c", against: "-a b") == "+a b\u{1B}[7m c\u{1B}[27m")
    // A word is marked whole, never from its middle.
    #expect(ReportStyle.marked("-chat-12 x", against: "+chat-13 x") == "-chat-\u{1B}[7m12\u{1B}[27m x")
    #expect(ReportStyle.marked("-ready x", against: "+reader x") == "-\u{1B}[7mready\u{1B}[27m x")
    // Nothing in common but the space after the sign: the whole line is the change.
    #expect(ReportStyle.marked("- abc", against: "+ xyz") == "- abc")
    #expect(ReportStyle.marked("- abc", against: nil) == "- abc")
  }

  @Test("diff lines: runs of - then + are paired line by line; the others stay plain")
  func diff() {
    let lines = ["  same", "- one a", "- two", "+ one b", "  end"]
    #expect(ReportStyle.plain.diff(lines, indent: "  ") == lines.map { "  " + $0 })
    #expect(
      Self.colour.diff(lines, indent: "  ") == [
        "    same",
        "  \u{1B}[31m- one \u{1B}[7ma\u{1B}[27m\u{1B}[0m",
        "  \u{1B}[31m- two\u{1B}[0m",
        "  \u{1B}[32m+ one \u{1B}[7mb\u{1B}[27m\u{1B}[0m",
        "    end",
      ])
  }

  @Test("in colour: FAIL and ok, the diff, the failing scripts and the summary; plain is the text report")
  func report() async {
    let report = await ReportFixtures.report(["fail.chat", "pass.chat"])
    #expect(report.text(style: .plain) == report.text)
    #expect(
      report.text(style: Self.colour) == """
        \u{1B}[1;31mFAIL\u{1B}[0m fail.chat
        fail.chat:5:1: in step SES-3 "alice is ready & <waiting>": the events of `alice> ready` differ
          \u{1B}[31m- alice is ready to work (\u{1B}[7mAvailable\u{1B}[27m)\u{1B}[0m
          \u{1B}[32m+ alice is ready to work (\u{1B}[7mWorking Offline\u{1B}[27m)\u{1B}[0m
        \u{1B}[32mok\u{1B}[0m   pass.chat
        \u{1B}[1;31mFailed scripts (1):\u{1B}[0m
          fail.chat
        \u{1B}[1;31m1 passed, 1 failed\u{1B}[0m

        """)
    let passing = await ReportFixtures.report(["pass.chat"])
    #expect(passing.summary(style: Self.colour) == "\u{1B}[1;32m1 passed, 0 failed\u{1B}[0m")
  }
}
