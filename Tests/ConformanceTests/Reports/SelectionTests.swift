import ClavardTestSupport
import Testing

@testable import Conformance

/// `--filter`, `--tags` and `--shard`: which files a run takes.
@Suite struct SelectionTests {
  static let files = ReportFixtures.scriptFiles(["pass.chat", "fail.chat", "setup.chat", "broken.chat"])

  static func paths(_ selection: Selection) -> [String] {
    selection.select(files).map(\.path)
  }

  @Test("files are sorted by path, each once")
  func ordered() {
    let files = ReportFixtures.scriptFiles(["pass.chat", "b/z.chat", "b/a.chat", "pass.chat", "B.chat"])
    #expect(Selection.ordered(files).map(\.path) == ["B.chat", "b/a.chat", "b/z.chat", "pass.chat"])
  }

  @Test("the filter keeps scripts whose path, covers id or step id contains the text, ignoring case")
  func filter() {
    #expect(Self.paths(Selection(filter: "pass")) == ["broken.chat", "pass.chat"])
    // CAP-9 is only in fail.chat's covers line; SES-4 only in its steps; SES-2 in pass.chat's.
    #expect(Self.paths(Selection(filter: "CAP-9")) == ["broken.chat", "fail.chat"])
    #expect(Self.paths(Selection(filter: "SES-4")) == ["broken.chat", "fail.chat"])
    #expect(Self.paths(Selection(filter: "SES-2")) == ["broken.chat", "pass.chat"])
    #expect(Self.paths(Selection(filter: "SES-")) == ["broken.chat", "fail.chat", "pass.chat"])
    // Case does not matter, and a file that cannot be parsed is always kept.
    #expect(Self.paths(Selection(filter: "ses-2")) == ["broken.chat", "pass.chat"])
    #expect(Self.paths(Selection(filter: "PASS.CHAT")) == ["broken.chat", "pass.chat"])
    #expect(Self.paths(Selection(filter: "cap-9")) == ["broken.chat", "fail.chat"])
    // Plain text, not a pattern: a dot is a dot.
    #expect(Self.paths(Selection(filter: "pass.chat")) == ["broken.chat", "pass.chat"])
    #expect(Self.paths(Selection(filter: "pass...")) == ["broken.chat"])
    #expect(Self.paths(Selection(filter: "")) == ["broken.chat", "fail.chat", "pass.chat", "setup.chat"])
  }

  @Test("tags keep scripts with any of the tags")
  func tags() throws {
    #expect(Self.paths(Selection(tags: ["smoke"])) == ["broken.chat", "pass.chat"])
    #expect(Self.paths(Selection(tags: ["smoke", "session"])) == ["broken.chat", "fail.chat", "pass.chat"])
    #expect(Self.paths(Selection(tags: ["nothing"])) == ["broken.chat"])
    #expect(Self.paths(Selection(filter: "fail", tags: ["smoke"])) == ["broken.chat"])
  }

  @Test("a shard is numbered from 1 to its count; anything else says which rule it breaks")
  func invalidShards() throws {
    #expect(try Shard(index: 2, count: 4).description == "2/4")
    #expect(throws: Shard.Invalid.indexOutOfRange(index: 0, count: 4)) { try Shard(index: 0, count: 4) }
    #expect(throws: Shard.Invalid.indexOutOfRange(index: 5, count: 4)) { try Shard(index: 5, count: 4) }
    #expect(throws: Shard.Invalid.noShards(count: 0)) { try Shard(index: 1, count: 0) }
    #expect(throws: Shard.Invalid.noShards(count: -2)) { try Shard(index: 1, count: -2) }
  }

  @Test("shards partition every file set exactly: each file in one shard, sizes within one")
  func shardPartition() throws {
    var generator = SplitMix64(seed: 7)  // The fuzz tests' generator.
    for _ in 0..<300 {
      let size = Int(generator.next() % 40)
      let names = (0..<size).map { _ in "d\(generator.next() % 5)/f\(generator.next() % 1000).chat" }
      let files = Selection.ordered(names.map { ScriptFile(path: $0, unreadable: "x") })
      let count = Int(generator.next() % 9) + 1
      var union: [String] = []
      var sizes: [Int] = []
      for index in 1...count {
        let shard = try Shard(index: index, count: count)
        let selected = Selection(shard: shard).select(files).map(\.path)
        // Each shard keeps the sorted order.
        #expect(selected == selected.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
        union += selected
        sizes.append(selected.count)
      }
      #expect(union.count == files.count)
      #expect(Set(union) == Set(files.map(\.path)))
      #expect((sizes.max() ?? 0) - (sizes.min() ?? 0) <= 1)
    }
  }

  @Test("the shard is taken after the filters, so filtered files are still split evenly")
  func shardAfterFilter() throws {
    let first = Selection(filter: "SES-", shard: try Shard(index: 1, count: 2))
    let second = Selection(filter: "SES-", shard: try Shard(index: 2, count: 2))
    #expect(Self.paths(first) == ["broken.chat", "pass.chat"])
    #expect(Self.paths(second) == ["fail.chat"])
  }
}
