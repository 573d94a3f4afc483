import Testing

@testable import Conformance

/// `--junit FILE`: one `<testsuite>` per run, one `<testcase>` per script.
@Suite struct ReportJUnitTests {
  @Test("the run as JUnit XML: properties, steps in system-out, failure and error, all escaped")
  func junit() async {
    let report = await ReportFixtures.report()
    #expect(
      report.junit() == #"""
        <?xml version="1.0" encoding="UTF-8"?>
        <testsuites name="clavard run" tests="3" failures="1" errors="1" skipped="0">
          <testsuite name="clavard run" tests="3" failures="1" errors="1" skipped="0">
            <testcase name="broken.chat" classname=".">
              <error message="broken.chat:3:1: unknown command &apos;bogus&apos;; an actor&apos;s command is written &apos;name&gt; command&apos;" type="parse error">broken.chat:3:1: unknown command 'bogus'; an actor's command is written 'name&gt; command'</error>
            </testcase>
            <testcase name="fail.chat" classname=".">
              <properties>
                <property name="covers" value="SES-3 CAP-9"/>
                <property name="tags" value="session"/>
              </properties>
              <failure message="fail.chat:5:1: in step SES-3 &quot;alice is ready &amp; &lt;waiting&gt;&quot;: the events of `alice&gt; ready` differ" type="script failed">fail.chat:5:1: in step SES-3 "alice is ready &amp; &lt;waiting&gt;": the events of `alice&gt; ready` differ
          - alice is ready to work (Available)
          + alice is ready to work (Working Offline)</failure>
              <system-out>failed  SES-3 "alice is ready &amp; &lt;waiting&gt;" (fail.chat:4:1)
        not run SES-4 "never reached" (fail.chat:7:1)
        4 commands run
        </system-out>
            </testcase>
            <testcase name="pass.chat" classname=".">
              <properties>
                <property name="covers" value="SES-2 SES-3"/>
                <property name="tags" value="session smoke"/>
              </properties>
              <system-out>passed  SES-2 "alice logs in" (pass.chat:9:1)
        passed  SES-3 "alice is ready" (pass.chat:12:1)
        4 commands run
        </system-out>
            </testcase>
          </testsuite>
        </testsuites>

        """#)
  }

  @Test("times, folders as class names, and scripts left out by --bail as skipped")
  func timesAndSkipped() {
    var result = ScriptResult(path: "fixtures/a/x.chat")
    result.commandsRun = 1
    let report = Report(
      entries: [ReportEntry(path: "fixtures/a/x.chat", outcome: .ran(result), seconds: 0.0126)],
      notRun: ["fixtures/b.chat"])
    #expect(
      report.junit(name: "shard 1/2") == #"""
        <?xml version="1.0" encoding="UTF-8"?>
        <testsuites name="shard 1/2" tests="2" failures="0" errors="0" skipped="1" time="0.013">
          <testsuite name="shard 1/2" tests="2" failures="0" errors="0" skipped="1" time="0.013">
            <testcase name="fixtures/a/x.chat" classname="fixtures/a" time="0.013">
              <system-out>no steps
        1 command run
        </system-out>
            </testcase>
            <testcase name="fixtures/b.chat" classname="fixtures">
              <skipped message="not run: the run stopped at the first failing script"/>
            </testcase>
          </testsuite>
        </testsuites>

        """#)
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

  @Test("seconds are written with three decimals")
  func seconds() {
    #expect(Report.junitSeconds(0) == "0.000")
    #expect(Report.junitSeconds(0.0004) == "0.000")
    #expect(Report.junitSeconds(0.0126) == "0.013")
    #expect(Report.junitSeconds(1.5) == "1.500")
    #expect(Report.junitSeconds(62.04) == "62.040")
  }
}
