import Testing

@testable import Conformance

@Suite("Line diff (-expected +actual)")
struct LineDiffTests {
  @Test("Equal lists: every line kept, marked with two spaces")
  func equal() {
    #expect(LineDiff.lines(expected: ["a", "b"], actual: ["a", "b"]) == ["  a", "  b"])
    #expect(LineDiff.lines(expected: [], actual: []) == [])
  }

  @Test("Only expected, only actual")
  func oneSided() {
    #expect(LineDiff.lines(expected: ["a", "b"], actual: []) == ["- a", "- b"])
    #expect(LineDiff.lines(expected: [], actual: ["a", "b"]) == ["+ a", "+ b"])
  }

  @Test("A missing line and an extra line, in place")
  func missingAndExtra() {
    #expect(LineDiff.lines(expected: ["a", "b", "c"], actual: ["a", "c"]) == ["  a", "- b", "  c"])
    #expect(LineDiff.lines(expected: ["a", "c"], actual: ["a", "b", "c"]) == ["  a", "+ b", "  c"])
    #expect(LineDiff.lines(expected: ["a"], actual: ["a", "b"]) == ["  a", "+ b"])
  }

  @Test("A changed line shows as - then + (expected first on ties)")
  func changed() {
    #expect(
      LineDiff.lines(expected: ["a", "b", "c"], actual: ["a", "x", "c"]) == ["  a", "- b", "+ x", "  c"])
    #expect(LineDiff.lines(expected: ["b"], actual: ["x"]) == ["- b", "+ x"])
  }

  @Test("Order matters: swapped lines keep the longest common part")
  func reordered() {
    #expect(LineDiff.lines(expected: ["a", "b"], actual: ["b", "a"]) == ["- a", "  b", "+ a"])
    #expect(
      LineDiff.lines(expected: ["a", "b", "c", "d"], actual: ["b", "c", "d", "a"]) == [
        "- a", "  b", "  c", "  d", "+ a",
      ])
  }

  @Test("Repeated lines are matched one for one")
  func repeated() {
    #expect(LineDiff.lines(expected: ["a", "a", "a"], actual: ["a", "a"]) == ["  a", "  a", "- a"])
    #expect(LineDiff.lines(expected: ["a"], actual: ["a", "a"]) == ["  a", "+ a"])
  }

  @Test("Every line of both lists appears once, in order")
  func completeness() {
    let expected = ["x", "a", "b", "y", "c", "d", "e"]
    let actual = ["a", "z", "b", "c", "e", "w", "d"]
    let diff = LineDiff.lines(expected: expected, actual: actual)
    let fromExpected = diff.filter { !$0.hasPrefix("+") }.map { String($0.dropFirst(2)) }
    let fromActual = diff.filter { !$0.hasPrefix("-") }.map { String($0.dropFirst(2)) }
    #expect(fromExpected == expected)
    #expect(fromActual == actual)
    // a, b, c, e or a, b, c, d: four lines in common at most.
    #expect(diff.filter { $0.hasPrefix("  ") }.count == 4)
  }
}
