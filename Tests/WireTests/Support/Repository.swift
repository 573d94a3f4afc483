import Conformance
import Foundation

/// The repository's files, found from this source file's place in it, and its fixture scripts.
enum Repository {
  /// Three levels above this file (`Tests/WireTests/Support`).
  static let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

  static func read(_ relative: String) throws -> String {
    try String(contentsOf: root.appendingPathComponent(relative), encoding: .utf8)
  }

  /// Reads a script's `use` files relative to the repository's root, as `clavard run` does
  /// from there.
  static let loader: ScriptRunner.Loader = { path in
    Array(try Data(contentsOf: root.appendingPathComponent(path)))
  }

  /// Every `.chat` file under `fixtures/`, as repository paths, sorted.
  static func fixtureScripts() throws -> [String] {
    let folder = root.appendingPathComponent("fixtures")
    guard let walker = FileManager.default.enumerator(atPath: folder.path) else {
      throw Missing(path: folder.path)
    }
    let paths = walker.compactMap { $0 as? String }.filter { $0.hasSuffix(".chat") }
    return paths.sorted().map { "fixtures/" + $0 }
  }

  /// Every fixture script, parsed.
  static func parsedFixtures() throws -> [Script] {
    try fixtureScripts().map { path in try ScriptParser.parse(bytes: try loader(path), path: path) }
  }

  struct Missing: Error, CustomStringConvertible {
    var path: String
    var description: String { "\(path) cannot be listed" }
  }
}
