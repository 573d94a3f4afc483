import ArgumentParser
import Conformance
import Testing

@testable import clavard

/// How `--tags`, `--shard` and `--filter` are read, and the words of their mistakes.
@Suite struct SelectionOptionsTests {
  @Test("--tags: tags separated by commas, spaces around them ignored")
  func tags() throws {
    #expect(try Run.tags(parsing: "a,b") == ["a", "b"])
    #expect(try Run.tags(parsing: " a , b,,") == ["a", "b"])
    #expect(
      Self.message { _ = try Run.tags(parsing: " , ") }
        == "--tags takes tags separated by commas, such as smoke,routing")
  }

  @Test("--shard I/N is read from 1, with exact messages for mistakes")
  func shard() throws {
    #expect(try Run.shard(parsing: "2/4") == Shard(index: 2, count: 4))
    let malformed = [
      "", "1", "1/", "/2", "a/b", "1/2/3", " 1/2", "1/2 ", "+1/2", "1/-2", "١/٢", "99999999999999999999/1",
    ]
    for text in malformed {
      #expect(
        Self.message { _ = try Run.shard(parsing: text) }
          == "--shard takes I/N, such as 2/4 (shard 2 of 4), not '\(text)'")
    }
    #expect(
      Self.message { _ = try Run.shard(parsing: "0/4") } == "--shard I/N needs I from 1 to N (4), not 0")
    #expect(
      Self.message { _ = try Run.shard(parsing: "5/4") } == "--shard I/N needs I from 1 to N (4), not 5")
    #expect(Self.message { _ = try Run.shard(parsing: "1/0") } == "--shard I/N needs N of at least 1, not 0")
    #expect(
      Self.message { _ = try Run.shard(parsing: "1/\u{1B}]2;x\u{7}") }
        == "--shard takes I/N, such as 2/4 (shard 2 of 4), not '1/\\u{1B}]2;x\\u{7}'")
  }

  @Test("an empty selection is described with the options that made it")
  func described() {
    #expect(Run.described(Selection(filter: "zzz", tags: ["a", "b"])) == "--filter zzz --tags a,b")
    #expect(Run.described(Selection(filter: "\u{202E}x")) == "--filter \\u{202E}x")
  }

  static func message(_ body: () throws -> Void) -> String? {
    do {
      try body()
      return nil
    } catch let error as ValidationError {
      return error.message
    } catch {
      return "\(error)"
    }
  }
}
