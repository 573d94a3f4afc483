import Testing

@testable import Conformance

@Suite("Did you mean")
struct SuggestionsTests {
  @Test(
    "Edit distance (Levenshtein)",
    arguments: [
      ("", "", 0), ("a", "", 1), ("", "abc", 3), ("queue", "queue", 0), ("queu", "queue", 1),
      ("qeueu", "queue", 2),
      ("kitten", "sitting", 3), ("acept", "accept", 1), ("stauts", "status", 2), ("é", "e", 1),
    ])
  func editDistance(a: String, b: String, distance: Int) {
    #expect(Suggestions.editDistance(a, b, limit: 10) == distance)
    #expect(Suggestions.editDistance(b, a, limit: 10) == distance)
  }

  @Test("Lengths further apart than the limit stop early at limit + 1")
  func editDistanceLimit() {
    #expect(Suggestions.editDistance("a", "abcdef", limit: 2) == 3)
    #expect(Suggestions.editDistance("abcdef", "a", limit: 0) == 1)
  }

  @Test("The closest candidate within 2 edits and less than half the word")
  func closest() {
    let keywords = Vocabulary.lineWords
    #expect(Suggestions.closest(to: "queu", among: keywords) == "queue")
    #expect(Suggestions.closest(to: "expct", among: keywords) == "expect")
    #expect(Suggestions.closest(to: "sett", among: keywords) == "set")
    #expect(Suggestions.closest(to: "QUEUE", among: keywords) == "queue")
    #expect(Suggestions.closest(to: "customer-recrd", among: keywords) == "customer-record")
    // Too far.
    #expect(Suggestions.closest(to: "login", among: keywords) == nil)
    #expect(Suggestions.closest(to: "qeueu", among: ["queue"]) == "queue")
    #expect(Suggestions.closest(to: "qxxxe", among: ["queue"]) == nil)
    // Short words allow one edit only.
    #expect(Suggestions.closest(to: "ab", among: ["a"]) == "a")
    #expect(Suggestions.closest(to: "xy", among: ["ab"]) == nil)
    #expect(Suggestions.closest(to: "abc", among: ["a"]) == nil)
    #expect(Suggestions.closest(to: "", among: ["a"]) == "a")
    #expect(Suggestions.closest(to: "anything", among: [String]()) == nil)
  }

  @Test("The nearest wins; among equals, the first listed")
  func ties() {
    #expect(Suggestions.closest(to: "cat", among: ["bat", "cut", "cat"]) == "cat")
    #expect(Suggestions.closest(to: "cat", among: ["bat", "cut"]) == "bat")
    #expect(Suggestions.closest(to: "cut", among: ["cat", "cu"]) == "cat")
  }

  @Test("The hint is '; did you mean 'X'?' or nothing")
  func hint() {
    #expect(Suggestions.hint(for: "stauts", among: Vocabulary.actorWords) == "; did you mean 'status'?")
    #expect(Suggestions.hint(for: "xyzzy", among: Vocabulary.actorWords) == "")
  }
}
