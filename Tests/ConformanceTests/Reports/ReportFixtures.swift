import ClavardTestSupport

@testable import Conformance

/// A small fixed set of in-memory scripts for the report tests: the shared samples, with a
/// failing script whose step title holds characters that XML and TAP must escape.
enum ReportFixtures {
  static let pass = SampleScripts.pass

  static let fail = """
    # covers: SES-3 CAP-9
    # tags: session
    use setup.chat
    step SES-3 "alice is ready & <waiting>"
    alice> ready
    < alice is ready to work (Available)
    step SES-4 "never reached"
    alice> queues confirm

    """

  static let setup = SampleScripts.setup
  static let broken = SampleScripts.broken

  static let files: [String: String] = [
    "pass.chat": pass, "fail.chat": fail, "setup.chat": setup, "broken.chat": broken,
  ]

  struct Missing: Error, CustomStringConvertible {
    var description: String { "no such file" }
  }

  static func loader(_ files: [String: String] = files) -> ScriptRunner.Loader {
    { path in
      guard let text = files[path] else { throw Missing() }
      return Array(text.utf8)
    }
  }

  static func scriptFiles(_ paths: [String], in files: [String: String] = files) -> [ScriptFile] {
    paths.map { path in
      guard let text = files[path] else { return ScriptFile(path: path, unreadable: "no such file") }
      return ScriptFile(path: path, bytes: Array(text.utf8))
    }
  }

  /// The run of `broken.chat`, `fail.chat` and `pass.chat` (in that, sorted, order), untimed.
  static func report(
    _ paths: [String] = ["pass.chat", "fail.chat", "broken.chat"], jobs: Int = 1, bail: Bool = false
  ) async -> Report {
    let suite = SuiteRunner(
      runner: ScriptRunner(loader: loader()), jobs: jobs, bail: bail, measuresTime: false)
    return await suite.run(Selection().select(scriptFiles(paths)))
  }
}
