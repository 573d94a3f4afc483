import Testing

@testable import Conformance

/// `clavard coverage`: each requirement with what covers it and the verdicts.
@Suite struct CoverageTests {
  static let catalogue = """
    id\tgroup\trequirement
    SES-2\tSession\tThe agent logs in.
    SES-3\tSession\tReady to Work starts the session.
    SES-4\tSession\tConfirm selections applies queue switches.
    CAP-1\tFeatures\tAt most six chats.

    """

  static func coverage(
    _ paths: [String] = ["pass.chat", "fail.chat", "broken.chat"], catalogue: String = catalogue
  ) async throws -> Coverage {
    Coverage(
      catalogue: try RequirementCatalogue.parse(catalogue, path: "r.tsv"),
      report: await ReportFixtures.report(paths))
  }

  @Test("verdicts: passed, failed (a covering script or step failed or did not run), not covered")
  func verdicts() async throws {
    let coverage = try await Self.coverage()
    #expect(coverage.rows.map(\.verdict) == [.passed, .failed, .failed, .notCovered])
    #expect(
      coverage.rows[1].covers.map(\.label) == [
        "script fail.chat", #"step fail.chat:4:1 SES-3 "alice is ready & <waiting>""#,
        "script pass.chat", #"step pass.chat:12:1 SES-3 "alice is ready""#,
      ])
    #expect(coverage.unknown == [Coverage.UnknownID(id: "CAP-9", scripts: ["fail.chat"])])
    #expect(
      coverage.broken.map(\.description) == [
        "broken.chat:3:1: unknown command 'bogus'; an actor's command is written 'name> command'"
      ])
    #expect(coverage.summary == "4 requirements: 1 passed, 2 failed, 1 not covered")
    #expect(!coverage.isComplete)
  }

  @Test("the text lists every requirement with its covers and their verdicts")
  func text() async throws {
    let coverage = try await Self.coverage()
    #expect(
      coverage.text == #"""
        passed      SES-2 (Session) The agent logs in.
          passed  script pass.chat
          passed  step pass.chat:9:1 SES-2 "alice logs in"
        FAILED      SES-3 (Session) Ready to Work starts the session.
          failed  script fail.chat
          failed  step fail.chat:4:1 SES-3 "alice is ready & <waiting>"
          passed  script pass.chat
          passed  step pass.chat:12:1 SES-3 "alice is ready"
        FAILED      SES-4 (Session) Confirm selections applies queue switches.
          not run step fail.chat:7:1 SES-4 "never reached"
        NOT COVERED CAP-1 (Features) At most six chats.
        not in the catalogue: CAP-9, named by fail.chat
        4 requirements: 1 passed, 2 failed, 1 not covered

        """#)
  }

  @Test("the Markdown table, escaped for a CI summary")
  func markdown() async throws {
    let coverage = try await Self.coverage()
    #expect(
      coverage.markdown == #"""
        | ID | Group | Requirement | Verdict | Covered by |
        |---|---|---|---|---|
        | SES-2 | Session | The agent logs in. | ✅ passed | script pass.chat (passed)<br>step pass.chat:9:1 SES-2 "alice logs in" (passed) |
        | SES-3 | Session | Ready to Work starts the session. | ❌ failed | script fail.chat (failed)<br>step fail.chat:4:1 SES-3 "alice is ready &amp; &lt;waiting&gt;" (failed)<br>script pass.chat (passed)<br>step pass.chat:12:1 SES-3 "alice is ready" (passed) |
        | SES-4 | Session | Confirm selections applies queue switches. | ❌ failed | step fail.chat:7:1 SES-4 "never reached" (not run) |
        | CAP-1 | Features | At most six chats. | ⚠️ not covered | — |

        Not in the catalogue: CAP-9, named by fail.chat

        **4 requirements: 1 passed, 2 failed, 1 not covered**

        """#)
    #expect(
      Coverage.markdownCell("a|b *c* _d_ `e` [f] #g\\h\ni") == ##"a\|b \*c\* \_d\_ \`e\` \[f\] \#g\\h i"##)
  }

  @Test("complete only when everything is covered and passing, and no file is broken")
  func completeness() async throws {
    let covered = "id\tgroup\trequirement\nSES-2\tSession\tLogin.\nSES-3\tSession\tReady.\n"
    #expect(try await Self.coverage(["pass.chat"], catalogue: covered).isComplete)
    #expect(try await !Self.coverage(["pass.chat"]).isComplete)  // SES-4 and CAP-1 not covered
    #expect(try await !Self.coverage(["pass.chat", "fail.chat"], catalogue: covered).isComplete)
    let broken = try await Self.coverage(["pass.chat", "broken.chat"], catalogue: covered)
    #expect(!broken.isComplete)
    #expect(broken.broken.count == 1)
  }

  @Test("a failing script that covers nothing of the catalogue still fails the run")
  func failingScriptOutsideCatalogue() async throws {
    let other = "id\tgroup\trequirement\nSES-2\tSession\tLogin.\n"
    let coverage = try await Self.coverage(["pass.chat", "fail.chat"], catalogue: other)
    #expect(coverage.rows.map(\.verdict) == [.passed])
    #expect(coverage.failedScripts == ["fail.chat"])
    #expect(
      coverage.text.hasSuffix(
        "FAILED fail.chat (covers no requirement of the catalogue)\n1 requirement: 1 passed, 0 failed, 0 not covered\n"
      ))
    #expect(!coverage.isComplete)
  }

  @Test("GitHub annotations point at the catalogue line of each requirement not covered or failed")
  func annotations() async throws {
    let coverage = try await Self.coverage()
    var absolute = coverage
    absolute.catalogue.path = "/work/fixtures/r.tsv"
    absolute.rows = absolute.rows.map { row in
      var row = row
      row.requirement.location.file = "/work/fixtures/r.tsv"
      return row
    }
    #expect(
      absolute.githubAnnotations(relativeTo: "/work").last
        == "::error file=fixtures/r.tsv,line=5::requirement CAP-1 is covered by no script or step")
    #expect(
      coverage.githubAnnotations(relativeTo: "/work") == [
        "::error file=r.tsv,line=3::requirement SES-3 failed in: script fail.chat; step fail.chat:4:1 SES-3 \"alice is ready & <waiting>\"",
        "::error file=r.tsv,line=4::requirement SES-4 failed in: step fail.chat:7:1 SES-4 \"never reached\"",
        "::error file=r.tsv,line=5::requirement CAP-1 is covered by no script or step",
      ])
  }
}
