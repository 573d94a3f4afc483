import Testing

@testable import Conformance

/// The run's text report, summary and exit status.
@Suite struct ReportTests {
  @Test("the text report: ok and FAIL lines in file order, the failure, then the summary")
  func text() async {
    let report = await ReportFixtures.report()
    #expect(
      report.text == """
        FAIL broken.chat
        FAIL fail.chat
        fail.chat:5:1: in step SES-3 "alice is ready & <waiting>": the events of `alice> ready` differ
          - alice is ready to work (Available)
          + alice is ready to work (Working Offline)
        ok   pass.chat
        1 passed, 2 failed

        """)
    #expect(
      report.entries.map { Report.errorText($0) } == [
        "broken.chat:3:1: unknown command 'bogus'; an actor's command is written 'name> command'", nil, nil,
      ])
  }

  @Test("a file that cannot be parsed is counted as failed and makes the exit status 2")
  func brokenCountsAsFailed() async {
    let report = await ReportFixtures.report()
    #expect(report.passed == 1)
    #expect(report.failed == 2)
    #expect(report.broken == 1)
    #expect(report.summary == "1 passed, 2 failed")
    #expect(report.exitStatus == 2)
  }

  @Test("exit status: 0 all passed, 1 a script failed, 2 a file cannot be read or parsed")
  func exitStatus() async {
    #expect(await ReportFixtures.report(["pass.chat", "setup.chat"]).exitStatus == 0)
    #expect(await ReportFixtures.report(["pass.chat", "fail.chat"]).exitStatus == 1)
    #expect(await ReportFixtures.report(["pass.chat", "broken.chat"]).exitStatus == 2)
    #expect(await ReportFixtures.report(["missing.chat"]).exitStatus == 2)
    #expect(Report(entries: []).exitStatus == 0)
    #expect(Report(entries: []).summary == "0 passed, 0 failed")
  }

  @Test(
    "a file that cannot be read is reported with the system's reason, and no line: nothing in it is wrong")
  func unreadable() async {
    let report = await ReportFixtures.report(["missing.chat"])
    #expect(
      report.entries.map { Report.errorText($0) } == ["missing.chat: cannot read this file: no such file"]
    )
    #expect(report.text == "FAIL missing.chat\n0 passed, 1 failed\n")
  }

  @Test("--bail: the note says how many scripts did not run, and the summary still closes the run")
  func bailNote() async {
    let report = await ReportFixtures.report(["fail.chat", "pass.chat", "setup.chat"], bail: true)
    #expect(report.notRun == ["pass.chat", "setup.chat"])
    #expect(report.planned == 3)
    #expect(
      report.text == """
        FAIL fail.chat
        fail.chat:5:1: in step SES-3 "alice is ready & <waiting>": the events of `alice> ready` differ
          - alice is ready to work (Available)
          + alice is ready to work (Working Offline)
        stopped after the first failing script (--bail): 2 not run
        0 passed, 1 failed

        """)
  }

  @Test("paths are normalized as `use` resolves them")
  func normalizedPaths() {
    #expect(ScriptFile.normalized("./fixtures/a/../b.chat") == "fixtures/b.chat")
    #expect(ScriptFile.normalized("fixtures//b.chat") == "fixtures/b.chat")
    #expect(ScriptFile.normalized("/abs/./b.chat") == "/abs/b.chat")
    #expect(ScriptFile.normalized("b.chat") == "b.chat")
  }
}
