import ContactCenter
import Testing

@testable import Conformance

/// Inputs built to make the runner do too much are stopped with a message.
@Suite struct LimitsTests {
  @Test("a chain of files each including the next twice stops after 10,000 includes")
  func includesMultiplying() throws {
    var files: [String: String] = [:]
    for level in 0..<20 { files["f\(level).chat"] = "use f\(level + 1).chat\nuse f\(level + 1).chat\n" }
    files["f20.chat"] = "clock +1s\n"
    let result = try run("f0.chat", files: files)
    #expect(result.failure?.message == "this script runs more than 10000 'use' lines")
  }

  @Test("a very long event list is shown as removed then added lines, not diffed")
  func longDiffs() {
    let expected = (0..<2000).map { "e\($0)" }
    let actual = (0..<1000).map { "a\($0)" }
    let diff = LineDiff.lines(expected: expected, actual: actual)
    #expect(diff.count == 3000)
    #expect(diff.first == "- e0")
    #expect(diff.last == "+ a999")
  }
}
