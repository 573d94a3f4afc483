import Testing

@testable import Conformance

/// `::error` workflow commands under `GITHUB_ACTIONS=true`.
@Suite struct ReportGitHubTests {
  @Test("messages escape %, CR and LF as GitHub requires; properties also escape : and ,")
  func escaping() {
    #expect(GitHubAnnotation.escapedData("100% done\r\nnext: a,b") == "100%25 done%0D%0Anext: a,b")
    #expect(GitHubAnnotation.escapedProperty("dir:1,2/a%.chat\n") == "dir%3A1%2C2/a%25.chat%0A")
    #expect(
      GitHubAnnotation.error(file: "a.chat", line: 3, message: "one\ntwo")
        == "::error file=a.chat,line=3::one%0Atwo")
    #expect(GitHubAnnotation.error(file: nil, line: nil, message: "m") == "::error::m")
    #expect(
      GitHubAnnotation.error(file: "a.chat", line: 3, column: 5, title: "S-1 \"a: b, c\"", message: "m")
        == "::error file=a.chat,line=3,col=5,title=S-1 \"a%3A b%2C c\"::m")
  }

  @Test("file names, titles and message lines show controls escaped; line breaks stay line breaks")
  func controls() {
    #expect(
      GitHubAnnotation.error(
        file: "a\u{1B}]2;x\u{7}.chat", line: 1, title: "T\u{202E}\r\n",
        message: "m\u{1B}[2J 50%\r\nnext\u{85}")
        == "::error file=a\\u{1B}]2;x\\u{7}.chat,line=1,title=T\\u{202E}\\r\\n::m\\u{1B}[2J 50%25\\r%0Anext\\u{85}"
    )
  }

  @Test("absolute paths under the working directory are written relative to it")
  func relativePaths() {
    #expect(Paths.relative("/w/a/b.chat", to: "/w") == "a/b.chat")
    #expect(Paths.relative("/w/a/b.chat", to: "/w/") == "a/b.chat")
    #expect(Paths.relative("/w/./a/../b.chat", to: "/w") == "b.chat")
    #expect(Paths.relative("/wx/b.chat", to: "/w") == "/wx/b.chat")
    #expect(Paths.relative("/other/b.chat", to: "/w") == "/other/b.chat")
    #expect(Paths.relative("a/b.chat", to: "/w") == "a/b.chat")
    #expect(Paths.relative("/w/b.chat", to: nil) == "/w/b.chat")
    let entry = ReportEntry(
      path: "/w/x.chat",
      outcome: .broken(.invalid(ParseError("bad", at: SourceLocation(file: "/w/x.chat", line: 2, column: 4))))
    )
    #expect(Report.githubAnnotation(entry, relativeTo: "/w") == "::error file=x.chat,line=2,col=4::bad")
  }

  @Test("a failing script is annotated at its failing line with the step, message and diff")
  func failure() async {
    let report = await ReportFixtures.report()
    #expect(
      report.entries.map { Report.githubAnnotation($0) } == [
        "::error file=broken.chat,line=3,col=1::unknown command 'bogus'; an actor's command is written 'name> command'",
        "::error file=fail.chat,line=5,col=1,title=SES-3 \"alice is ready & <waiting>\"::in step SES-3 \"alice is ready & <waiting>\": the events of `alice> ready` differ"
          + "%0A  - alice is ready to work (Available)%0A  + alice is ready to work (Working Offline)",
        nil,
      ])
  }

  @Test("a failure in an included file is annotated there, with the chain that led to it")
  func includedFailure() async {
    var files = ReportFixtures.files
    files["setup.chat"] = files["setup.chat"]?.replacingFirst("< alice logged in", with: "< alice logged out")
    let suite = SuiteRunner(runner: ScriptRunner(loader: ReportFixtures.loader(files)), measuresTime: false)
    let report = await suite.run(ReportFixtures.scriptFiles(["fail.chat"], in: files))
    #expect(
      report.entries.map { Report.githubAnnotation($0) } == [
        "::error file=setup.chat,line=5,col=1::the events of `alice> login` differ"
          + "%0A  - alice logged out%0A  + alice logged in%0A  included from fail.chat:3:1"
      ])
  }
}

extension String {
  func replacingFirst(_ target: String, with replacement: String) -> String {
    replacing(target, with: replacement, maxReplacements: 1)
  }
}
