import Testing

@testable import Conformance

/// Reading the requirement catalogue (`id<TAB>group<TAB>requirement`).
@Suite struct RequirementCatalogueTests {
  static func failure(_ text: String) -> String {
    do {
      _ = try RequirementCatalogue.parse(text, path: "r.tsv")
      return "parsed"
    } catch {
      return error.description
    }
  }

  @Test("a catalogue: the header, then one requirement a line; blank lines and spaces around fields ignored")
  func parse() throws {
    let catalogue = try RequirementCatalogue.parse(
      "id\tgroup\trequirement\nSES-2\tSession\tThe agent logs in.\n\n CAP-1 \tFeatures\tAt most six chats.\n",
      path: "r.tsv")
    #expect(
      catalogue.requirements == [
        Requirement(
          id: "SES-2", group: "Session", text: "The agent logs in.",
          location: SourceLocation(file: "r.tsv", line: 2)),
        Requirement(
          id: "CAP-1", group: "Features", text: "At most six chats.",
          location: SourceLocation(file: "r.tsv", line: 4)),
      ])
  }

  @Test("Windows line endings, a byte-order mark and a missing final newline are accepted")
  func tolerant() throws {
    let catalogue = try RequirementCatalogue.parse(
      "\u{FEFF}id\tgroup\trequirement\r\nA-1\tG\tText\r\nA-2\t\tNo group", path: "r.tsv")
    #expect(catalogue.requirements.map(\.id) == ["A-1", "A-2"])
    #expect(catalogue.requirements.map(\.text) == ["Text", "No group"])
    #expect(catalogue.requirements.map(\.group) == ["G", ""])
  }

  @Test("mistakes are reported at their line, with what was expected")
  func errors() {
    #expect(
      Self.failure("")
        == "r.tsv:1:1: the first line must be the header 'id<TAB>group<TAB>requirement' (tab-separated)")
    #expect(
      Self.failure("id,group,requirement\n")
        == "r.tsv:1:1: the first line must be the header 'id<TAB>group<TAB>requirement' (tab-separated)")
    #expect(
      Self.failure("id\tgroup\trequirement\nA-1\tG\n")
        == "r.tsv:2:1: expected 3 tab-separated fields (id, group, requirement), found 2")
    #expect(
      Self.failure("id\tgroup\trequirement\nA-1\tG\tT\tmore\n")
        == "r.tsv:2:1: expected 3 tab-separated fields (id, group, requirement), found 4")
    #expect(
      Self.failure("id\tgroup\trequirement\n\tG\tT\n")
        == "r.tsv:2:1: a requirement id is one word, such as CHAT-4, not ''")
    #expect(
      Self.failure("id\tgroup\trequirement\nA 1\tG\tT\n")
        == "r.tsv:2:1: a requirement id is one word, such as CHAT-4, not 'A 1'")
    #expect(Self.failure("id\tgroup\trequirement\nA-1\tG\t \n") == "r.tsv:2:1: requirement A-1 has no text")
    #expect(
      Self.failure("id\tgroup\trequirement\nA-1\tG\tT\n\nA-1\tG\tU\n")
        == "r.tsv:4:1: requirement A-1 is already defined on line 2")
    #expect(
      throws: ParseError(
        "this file is not valid UTF-8; save it as UTF-8", at: SourceLocation(file: "r.tsv", line: 1))
    ) {
      try RequirementCatalogue.parse(bytes: [0x69, 0x64, 0xFF], path: "r.tsv")
    }
  }
}
