import Testing

@testable import Conformance

/// `--junit FILE`: one `<testsuite>` per run, one `<testcase>` per script.
@Suite struct ReportJUnitTests {
  @Test(
    "the run as JUnit XML: a suite per script with its properties, steps in system-out, failure and error")
  func junit() async {
    let report = await ReportFixtures.report()
    #expect(
      report.junit() == #"""
        <?xml version="1.0" encoding="UTF-8"?>
        <testsuites name="clavard run" tests="3" failures="1" errors="1">
          <testsuite name="broken.chat" tests="1" failures="0" errors="1" skipped="0" file="broken.chat">
            <testcase name="broken.chat" classname="clavard run">
              <error message="broken.chat:3:1: unknown command &apos;bogus&apos;; an actor&apos;s command is written &apos;name&gt; command&apos;" type="parse error">broken.chat:3:1: unknown command 'bogus'; an actor's command is written 'name&gt; command'</error>
            </testcase>
          </testsuite>
          <testsuite name="fail.chat" tests="1" failures="1" errors="0" skipped="0" file="fail.chat">
            <properties>
              <property name="covers" value="SES-3 CAP-9"/>
              <property name="tags" value="session"/>
            </properties>
            <testcase name="fail.chat" classname="clavard run">
              <failure message="fail.chat:5:1: in step SES-3 &quot;alice is ready &amp; &lt;waiting&gt;&quot;: the events of `alice&gt; ready` differ" type="script failed">fail.chat:5:1: in step SES-3 "alice is ready &amp; &lt;waiting&gt;": the events of `alice&gt; ready` differ
          - alice is ready to work (Available)
          + alice is ready to work (Working Offline)</failure>
              <system-out>failed  SES-3 "alice is ready &amp; &lt;waiting&gt;" (fail.chat:4:1)
        not run SES-4 "never reached" (fail.chat:7:1)
        4 commands run
        </system-out>
            </testcase>
          </testsuite>
          <testsuite name="pass.chat" tests="1" failures="0" errors="0" skipped="0" file="pass.chat">
            <properties>
              <property name="covers" value="SES-2 SES-3"/>
              <property name="tags" value="session smoke"/>
            </properties>
            <testcase name="pass.chat" classname="clavard run">
              <system-out>passed  SES-2 "alice logs in" (pass.chat:9:1)
        passed  SES-3 "alice is ready" (pass.chat:12:1)
        4 commands run
        </system-out>
            </testcase>
          </testsuite>
        </testsuites>

        """#)
  }

  /// A run with a folder, a time, and a script left out by a stopped run.
  static let timedAndSkipped: Report = {
    var result = ScriptResult(path: "fixtures/a/x.chat")
    result.commandsRun = 1
    return Report(
      entries: [ReportEntry(path: "fixtures/a/x.chat", outcome: .ran(result), seconds: 0.000_412_6)],
      notRun: ["fixtures/b.chat"])
  }()

  @Test("times to the microsecond, folders as class names, scripts left out by a stopped run as skipped")
  func timesAndSkipped() {
    #expect(
      Self.timedAndSkipped.junit(name: "shard 1/2") == #"""
        <?xml version="1.0" encoding="UTF-8"?>
        <testsuites name="shard 1/2" tests="2" failures="0" errors="0" time="0.000413">
          <testsuite name="fixtures/a/x.chat" tests="1" failures="0" errors="0" skipped="0" file="fixtures/a/x.chat" time="0.000413">
            <testcase name="fixtures/a/x.chat" classname="fixtures/a" time="0.000413">
              <system-out>no steps
        1 command run
        </system-out>
            </testcase>
          </testsuite>
          <testsuite name="fixtures/b.chat" tests="1" failures="0" errors="0" skipped="1" file="fixtures/b.chat">
            <testcase name="fixtures/b.chat" classname="fixtures">
              <skipped message="not run: the run stopped at the first failing script"/>
            </testcase>
          </testsuite>
        </testsuites>

        """#)
  }

  @Test("every kind of run is valid against the Jenkins xUnit schema (junit-10.xsd)")
  func validAgainstTheSchema() async throws {
    let hostile = await HostileTextTests.report()
    let reports = [
      await ReportFixtures.report(), Self.timedAndSkipped, hostile, Report(entries: []),
      await ReportFixtures.report(["fail.chat", "pass.chat"], bail: true),
    ]
    for report in reports {
      let xml = report.junit(name: HostileTextTests.hostile)
      #expect(try JUnitSchema.problems(in: xml) == nil, "\(xml)")
    }
  }

  @Test("the validator rejects what the schema forbids: properties in a test case, skipped on the run")
  func validatorRejects() throws {
    let forbidden = """
      <?xml version="1.0" encoding="UTF-8"?>
      <testsuites name="r" tests="1" failures="0" errors="0" skipped="0">
        <testsuite name="r" tests="1" failures="0" errors="0">
          <testcase name="a.chat" classname="." file="a.chat" line="1">
            <properties><property name="covers" value="A-1"/></properties>
          </testcase>
        </testsuite>
      </testsuites>

      """
    let problems = try JUnitSchema.problems(in: forbidden) ?? ""
    #expect(problems.contains("skipped"), "\(problems)")
    #expect(problems.contains("properties"), "\(problems)")
    #expect(problems.contains("file"), "\(problems)")
  }

  @Test("XML escaping: markup characters, line breaks in attributes, characters XML cannot hold")
  func escaping() {
    #expect(
      Report.xml(#"<a href="x">Tom & 'Jerry'</a>"#, attribute: false)
        == #"&lt;a href="x"&gt;Tom &amp; 'Jerry'&lt;/a&gt;"#)
    #expect(Report.xml(#"<"'&>"#, attribute: true) == "&lt;&quot;&apos;&amp;&gt;")
    #expect(Report.xml("a\tb\nc\rd", attribute: true) == "a&#9;b&#10;c\\rd")
    #expect(Report.xml("a\tb\nc\rd", attribute: false) == "a\tb\nc\\rd")
    #expect(
      Report.xml("nul\u{0} bell\u{7} esc\u{1B} del\u{7F} csi\u{9B} \u{FFFE}", attribute: false)
        == #"nul\u{0} bell\u{7} esc\u{1B} del\u{7F} csi\u{9B} \u{FFFE}"#)
    #expect(Report.xml("é 🙂 \u{2028} \u{202E}", attribute: false) == #"é 🙂 \u{2028} \u{202E}"#)
  }

  @Test("seconds are written with six decimals")
  func seconds() {
    #expect(Report.junitSeconds(0) == "0.000000")
    #expect(Report.junitSeconds(0.000_000_4) == "0.000000")
    #expect(Report.junitSeconds(0.000_412_6) == "0.000413")
    #expect(Report.junitSeconds(1.5) == "1.500000")
    #expect(Report.junitSeconds(62.04) == "62.040000")
    #expect(Report.junitSeconds(-1) == "0.000000")
    #expect(Report.junitSeconds(.nan) == "0.000000")
  }
}
