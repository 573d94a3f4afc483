import Testing

@testable import Conformance

/// `--tap`: TAP version 13 with a YAML block per failure.
@Suite struct ReportTAPTests {
  @Test("the run as TAP: plan, one line per script, YAML blocks for failures, the summary as a comment")
  func tap() async {
    let report = await ReportFixtures.report()
    #expect(
      report.tap == #"""
        TAP version 13
        1..3
        not ok 1 - broken.chat
          ---
          message: "unknown command 'bogus'; an actor's command is written 'name> command'"
          severity: fail
          at:
            file: "broken.chat"
            line: 3
            column: 1
          ...
        not ok 2 - fail.chat
          ---
          message: "the events of `alice> ready` differ"
          severity: fail
          at:
            file: "fail.chat"
            line: 5
            column: 1
          step: "SES-3 \"alice is ready & <waiting>\""
          diff:
            - "- alice is ready to work (Available)"
            - "+ alice is ready to work (Working Offline)"
          covers:
            - "SES-3"
            - "CAP-9"
          tags:
            - "session"
          steps:
            - "failed  SES-3 \"alice is ready & <waiting>\" (fail.chat:4:1)"
            - "not run SES-4 \"never reached\" (fail.chat:7:1)"
          ...
        ok 3 - pass.chat
        # 1 passed, 2 failed

        """#)
  }

  @Test("--bail: the plan counts every selected script and `Bail out!` follows the failure")
  func bail() async {
    let report = await ReportFixtures.report(["fail.chat", "pass.chat"], bail: true)
    #expect(report.tap.hasPrefix("TAP version 13\n1..2\nnot ok 1 - fail.chat\n"))
    #expect(
      report.tap.hasSuffix(
        "  ...\nBail out! stopped after the first failing script\n# 0 passed, 1 failed\n"))
  }

  @Test("an empty run is a valid TAP stream")
  func empty() {
    #expect(Report(entries: []).tap == "TAP version 13\n1..0\n# 0 passed, 0 failed\n")
  }

  @Test("YAML strings escape quotes, backslashes, line breaks and control characters")
  func yamlQuoting() {
    #expect(Report.yamlQuoted(#"a "b" \c"#) == #""a \"b\" \\c""#)
    #expect(Report.yamlQuoted("one\ntwo\r\tthree") == #""one\ntwo\r\tthree""#)
    #expect(
      Report.yamlQuoted("bell\u{07} esc\u{1B} del\u{7F} nel\u{85}") == #""bell\x07 esc\x1B del\x7F nel\x85""#)
    #expect(Report.yamlQuoted("ls\u{2028}bom\u{FEFF}") == #""ls\u2028bom\uFEFF""#)
    #expect(Report.yamlQuoted("rlo\u{202E} lri\u{2067} alm\u{61C}") == #""rlo\u202E lri\u2067 alm\u061C""#)
    #expect(Report.yamlQuoted("café 🙂") == "\"café 🙂\"")
  }

  @Test("a test description stays on one line and cannot start a directive")
  func description() {
    #expect(Report.tapDescription("a#b\\c\nd.chat") == ##"a\#b\\c\nd.chat"##)
    #expect(
      Report.tapDescription("t\u{1B}]2;x\u{7}\u{9B}2J\u{202E}\u{0}.chat")
        == #"t\u{1B}]2;x\u{7}\u{9B}2J\u{202E}\u{0}.chat"#)
  }
}
