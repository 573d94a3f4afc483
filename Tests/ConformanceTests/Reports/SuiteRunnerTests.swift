import Testing

@testable import Conformance

/// Running many scripts, `jobs` at a time, with the results of a serial run.
@Suite struct SuiteRunnerTests {
  /// Forty files: copies of the passing, failing, broken and set-up scripts, in a mixed order.
  static let files: [String: String] = {
    var files = ReportFixtures.files
    for index in 0..<40 {
      let kind = ["pass.chat", "fail.chat", "broken.chat", "setup.chat"][index * 7 % 4]
      files["many/\(index)-\(kind)"] = ReportFixtures.files[kind]?.replacing(
        "use setup.chat", with: "use ../setup.chat")
    }
    return files
  }()

  static func run(jobs: Int, bail: Bool = false) async -> (report: Report, streamed: [ReportEntry]) {
    let paths = files.keys.filter { $0.hasPrefix("many/") }
    let suite = SuiteRunner(
      runner: ScriptRunner(loader: ReportFixtures.loader(files)), jobs: jobs, bail: bail, measuresTime: false)
    var streamed: [ReportEntry] = []
    let report = await suite.run(Selection().select(ReportFixtures.scriptFiles(paths, in: files))) {
      streamed.append($0)
    }
    return (report, streamed)
  }

  @Test("jobs=1 and jobs=4 give the same results in the same order", arguments: [2, 4, 16, 64])
  func parallelIsSerial(jobs: Int) async {
    let serial = await Self.run(jobs: 1)
    let parallel = await Self.run(jobs: jobs)
    #expect(serial.report.entries.count == 40)
    #expect(serial.report.passed == 20)
    #expect(parallel.report == serial.report)
    #expect(parallel.streamed == serial.report.entries)
    #expect(serial.streamed == serial.report.entries)
    #expect(parallel.report.text == serial.report.text)
  }

  @Test("--bail stops after the first failing script, with any number of jobs")
  func bail() async {
    let serial = await Self.run(jobs: 1, bail: true)
    let parallel = await Self.run(jobs: 8, bail: true)
    #expect(
      serial.report.entries.map(\.path) == ["many/0-pass.chat", "many/1-setup.chat", "many/10-broken.chat"])
    #expect(serial.report.notRun.count == 37)
    #expect(parallel.report == serial.report)
    #expect(parallel.streamed == serial.report.entries)
  }

  @Test("each script is timed when asked")
  func timing() async {
    let suite = SuiteRunner(runner: ScriptRunner(loader: ReportFixtures.loader()))
    let report = await suite.run(ReportFixtures.scriptFiles(["pass.chat", "broken.chat"]))
    #expect(report.entries[0].seconds.map { $0 >= 0 } == true)
    #expect(report.entries[1].seconds == nil)
  }
}
