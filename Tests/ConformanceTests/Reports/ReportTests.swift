import Testing

@testable import Conformance

/// The run's text report, summary and exit status.
@Suite struct ReportTests {
  @Test(
    "the text report: ok and FAIL lines in file order, each failure or parse error, the failing scripts, the summary"
  )
  func text() async {
    let report = await ReportFixtures.report()
    #expect(
      report.text == """
        FAIL broken.chat
        broken.chat:3:1: unknown command 'bogus'; an actor's command is written 'name> command'
        FAIL fail.chat
        fail.chat:5:1: in step SES-3 "alice is ready & <waiting>": the events of `alice> ready` differ
          - alice is ready to work (Available)
          + alice is ready to work (Working Offline)
        ok   pass.chat
        Failed scripts (2):
          broken.chat
          fail.chat
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
  }

  @Test("the counts the exit status is made of: broken files, failed scripts")
  func counts() async {
    let passing = await ReportFixtures.report(["pass.chat", "setup.chat"])
    #expect([passing.passed, passing.failed, passing.broken] == [2, 0, 0])
    let failing = await ReportFixtures.report(["pass.chat", "fail.chat"])
    #expect([failing.passed, failing.failed, failing.broken] == [1, 1, 0])
    let missing = await ReportFixtures.report(["missing.chat"])
    #expect([missing.passed, missing.failed, missing.broken] == [0, 1, 1])
    #expect(Report(entries: []).summary == "0 passed, 0 failed")
  }

  @Test(
    "a file that cannot be read is reported with the system's reason, and no line: nothing in it is wrong")
  func unreadable() async {
    let report = await ReportFixtures.report(["missing.chat"])
    #expect(
      report.entries.map { Report.errorText($0) } == ["missing.chat: cannot read this file: no such file"]
    )
    #expect(
      report.text
        == "FAIL missing.chat\nmissing.chat: cannot read this file: no such file\n"
        + "Failed scripts (1):\n  missing.chat\n0 passed, 1 failed\n")
  }

  @Test(
    "a run stopped at its first failure: the note says how many scripts did not run, and the summary still closes the run"
  )
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
        Failed scripts (1):
          fail.chat
        stopped after the first failing script: 2 not run
        0 passed, 1 failed

        """)
  }

  @Test("a fragment is a file under a folder named setup, below the folder searched")
  func fragments() {
    #expect(ScriptFile.isFragment(relativePath: "setup/one-agent.chat"))
    #expect(ScriptFile.isFragment(relativePath: "a/setup/b/c.chat"))
    #expect(!ScriptFile.isFragment(relativePath: "setup.chat"))
    #expect(!ScriptFile.isFragment(relativePath: "a/setups/b.chat"))
    #expect(!ScriptFile.isFragment(relativePath: "a/my-setup/b.chat"))
    #expect(!ScriptFile.isFragment(relativePath: "CHAT-1.chat"))
  }

  @Test("paths are normalized as `use` resolves them")
  func normalizedPaths() {
    #expect(ScriptFile.normalized("./fixtures/a/../b.chat") == "fixtures/b.chat")
    #expect(ScriptFile.normalized("fixtures//b.chat") == "fixtures/b.chat")
    #expect(ScriptFile.normalized("/abs/./b.chat") == "/abs/b.chat")
    #expect(ScriptFile.normalized("b.chat") == "b.chat")
  }
}
