import ClavardTestSupport
import Foundation
import Testing

/// The documents link only to what the repository holds: a reader (or a fresh clone) finds
/// every file a link names.
@Suite struct DocumentationLinkTests {
  /// Every link target of a Markdown text: `[text](target)`, without a `#fragment`.
  static func linkTargets(in text: String) -> [String] {
    var targets: [String] = []
    var rest = Substring(text)
    while let open = rest.range(of: "](") {
      rest = rest[open.upperBound...]
      guard let close = rest.firstIndex(of: ")") else { break }
      targets.append(String(rest[..<close]))
      rest = rest[close...]
    }
    return targets
  }

  static var documents: [String] {
    let docs =
      (try? FileManager.default.contentsOfDirectory(
        atPath: Repository.root.appendingPathComponent("docs").path)) ?? []
    return ["README.md"] + docs.filter { $0.hasSuffix(".md") }.sorted().map { "docs/" + $0 }
  }

  @Test("every relative link of README.md and docs/*.md names a file or folder of the repository")
  func relativeLinksResolve() throws {
    #expect(Self.documents.contains("docs/engine.md"))
    for document in Self.documents {
      let folder = Repository.root.appendingPathComponent(document).deletingLastPathComponent()
      for target in Self.linkTargets(in: try Repository.read(document)) {
        let path = String(target.prefix { $0 != "#" })
        guard !path.isEmpty, !path.contains("://"), !path.hasPrefix("mailto:") else { continue }
        let resolved = folder.appendingPathComponent(path).standardized
        #expect(
          resolved.path.hasPrefix(Repository.root.standardized.path + "/"),
          "\(document): \(target) leads out of the repository")
        #expect(
          FileManager.default.fileExists(atPath: resolved.path), "\(document): \(target) does not exist")
      }
    }
  }

  /// The code spans of a text that read as a path in the repository (`Sources/...`, `docs/x.md`):
  /// no spaces, a slash, only path characters, and a file extension or a final slash.
  static func pathSpans(in text: String) -> [String] {
    let pathCharacters = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._+-/")
    return text.split(separator: "`", omittingEmptySubsequences: false).enumerated()
      .filter { $0.offset % 2 == 1 }.map { String($0.element) }
      .filter { span in
        span.contains("/") && span.allSatisfy(pathCharacters.contains) && !span.hasPrefix("/")
          && (span.hasSuffix("/") || span.split(separator: "/").last?.contains(".") == true)
      }
  }

  @Test("docs/engine.md names no file the repository does not hold, linked or in code")
  func enginePathsExist() throws {
    // Code blocks out: their lines are Swift, not prose that names files.
    var inBlock = false
    let prose = try Repository.read("docs/engine.md").split(
      separator: "\n", omittingEmptySubsequences: false
    )
    .filter { line in
      if line.hasPrefix("```") { inBlock.toggle() }
      return !inBlock && !line.hasPrefix("```")
    }
    .joined(separator: "\n")
    for path in Self.pathSpans(in: prose) {
      #expect(
        FileManager.default.fileExists(atPath: Repository.root.appendingPathComponent(path).path),
        "docs/engine.md names \(path), which is not in the repository")
    }
  }

  @Test("the link finder finds links and the check would see a missing file")
  func linkFinder() {
    #expect(
      Self.linkTargets(in: "see [a](../x.md#part) and [b](y/), not [c]") == ["../x.md#part", "y/"])
    #expect(
      Self.pathSpans(in: "from `shared/procedure.md` and `shared/seeds/`, not `a b/c.md` or `advance(to:)`")
        == ["shared/procedure.md", "shared/seeds/"])
    #expect(
      !FileManager.default.fileExists(
        atPath: Repository.root.appendingPathComponent("shared/procedure.md").path))
  }
}
