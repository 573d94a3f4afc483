import ClavardTestSupport
import Foundation
import Testing

/// `--html FILE` of `clavard run` and `clavard coverage`: the wiring (the page itself is
/// checked in ConformanceTests, and in a real browser by HTMLBrowserTests).
@Suite struct HTMLCommandTests {
  @Test("run --html FILE writes the page; the text report and exit status are those of a plain run")
  func run() throws {
    let folder = try TemporaryFolder(RunCommandTests.all)
    let plain = try folder.run("run", "pass.chat", "fail.chat")
    let output = try folder.run("run", "pass.chat", "fail.chat", "--html", "report.html")
    #expect(output.status == 1)
    #expect(output.stdout == plain.stdout)
    #expect(output.stderr == "")
    let page = try folder.read("report.html")
    #expect(page.hasPrefix("<!DOCTYPE html>"))
    #expect(page.contains("<title>clavard run: 1 passed, 1 failed</title>"))
    #expect(page.contains("data-path=\"fail.chat\" data-verdict=\"failed\""))
    #expect(page.contains("<rect id=\"script-1-failure-row\" class=\"failure-row\""))
    #expect(page.contains("data-path=\"pass.chat\" data-verdict=\"passed\""))
    // Nothing but the page is written.
    #expect(folder.files() == ["fail.chat", "pass.chat", "report.html", "setup.chat"])
  }

  @Test("run - --html FILE: a script on standard input has its timeline too, across its pieces")
  func standardInput() throws {
    let folder = try TemporaryFolder()
    // More than one piece (64 KB) of steps: the last step's row is found by its index.
    let steps = (1...1_500).map { "step SES-3 \"again \($0)\"\nexpect alice status working-offline\n" }
    let output = try folder.run(
      "run", "-", "--html", "stdin.html", input: .bytes(Array((SampleScripts.pass + steps.joined()).utf8)))
    #expect(output.status == 0)
    let page = try folder.read("stdin.html")
    #expect(page.contains("data-path=\"&lt;stdin&gt;\" data-verdict=\"passed\""))
    #expect(page.contains("<rect id=\"script-1-step-1501\" class=\"step-row\""))
    #expect(page.contains("step SES-3 “again 1500” — passed</text>"))
  }

  @Test("a page that cannot be written: exit 2 and why, after the report")
  func unwritable() throws {
    let folder = try TemporaryFolder(RunCommandTests.all)
    let output = try folder.run("run", "pass.chat", "--html", "reports/report.html")
    #expect(output.status == 2)
    #expect(output.stdout.hasSuffix("1 passed, 0 failed\n"))
    #expect(
      output.stderr
        == "clavard: cannot write the HTML report reports/report.html: No such file or directory\n")
    let coverage = try CoverageCommandTests.folder().run("coverage", "--html", "reports/coverage.html")
    #expect(coverage.status == 2)
    #expect(
      coverage.stderr
        == "clavard: cannot write the HTML report reports/coverage.html: No such file or directory\n")
  }

  @Test("coverage --html FILE writes the table and, below it, each script with its timeline")
  func coverage() throws {
    let folder = try CoverageCommandTests.folder()
    let output = try folder.run("coverage", "--html", "coverage.html")
    #expect(output.status == 0)
    #expect(output.stdout.hasSuffix("2 requirements: 2 passed, 0 failed, 0 not covered\n"))
    let page = try folder.read("coverage.html")
    #expect(
      page.contains("<title>clavard coverage: 2 requirements: 2 passed, 0 failed, 0 not covered</title>"))
    #expect(
      page.contains(
        "<a class=\"step-link passed\" href=\"#script-1-step-item-0\" title=\"step fixtures/conformance/pass.chat:9:1 SES-2"
      ))
    #expect(page.contains("id=\"script-1-step-item-0\""))
    #expect(page.contains("<svg class=\"body\""))
  }
}
