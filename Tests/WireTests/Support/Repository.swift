import ClavardTestSupport
import Conformance

extension Repository {
  /// Reads a script's `use` files relative to the repository's root, as `clavard run` does
  /// from there.
  static let loader: ScriptRunner.Loader = { path in try bytes(path) }

  /// Every `.chat` file under `fixtures/`, as repository paths, sorted.
  static func fixtureScripts() throws -> [String] { try scripts() }

  /// Every fixture script, parsed.
  static func parsedFixtures() throws -> [Script] {
    try fixtureScripts().map { path in try ScriptParser.parse(bytes: try loader(path), path: path) }
  }
}
