import Foundation

/// The repository's files, found from this source file's place in it, for the tests that check
/// the docs, the README and the fixtures against the code (one copy of "where is the root").
public enum Repository {
  /// Two levels above this file's folder (`Tests/ClavardTestSupport`).
  public static let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// The absolute path of a file given relative to the root.
  public static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

  public static func read(_ relative: String) throws -> String {
    try String(contentsOf: root.appendingPathComponent(relative), encoding: .utf8)
  }

  public static func bytes(_ relative: String) throws -> [UInt8] {
    Array(try Data(contentsOf: root.appendingPathComponent(relative)))
  }

  /// Every `.chat` file under `folder` (`fixtures` by default), as paths relative to the root,
  /// sorted; the fragments under `setup/` folders too unless `fragments` is false.
  public static func scripts(under folder: String = "fixtures", fragments: Bool = true) throws -> [String] {
    guard let walker = FileManager.default.enumerator(atPath: path(folder)) else {
      throw Missing(path: path(folder))
    }
    let paths = walker.compactMap { $0 as? String }.filter {
      $0.hasSuffix(".chat") && (fragments || !($0.hasPrefix("setup/") || $0.contains("/setup/")))
    }
    return paths.sorted().map { folder + "/" + $0 }
  }

  public struct Missing: Error, CustomStringConvertible {
    public var path: String
    public var description: String { "\(path) cannot be listed" }
  }
}
