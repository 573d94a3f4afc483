import Foundation

/// A temporary folder of files, removed (with everything in it) at the end of the test. Open
/// to every user (mode 0755), so that a test may run a program as `nobody` in it.
public final class TemporaryFolder {
  public let url: URL
  public var path: String { url.path }

  public init(_ files: [String: String] = [:]) throws {
    url = FileManager.default.temporaryDirectory.appendingPathComponent("clavard-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(
      at: url, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
    for (path, text) in files { try write(path, text) }
  }

  deinit {
    // Folders a test made unreadable are opened again first, so that they can be removed.
    if let enumerator = FileManager.default.enumerator(atPath: url.path) {
      for case let path as String in enumerator {
        try? FileManager.default.setAttributes(
          [.posixPermissions: 0o755], ofItemAtPath: url.appendingPathComponent(path).path)
      }
    }
    try? FileManager.default.removeItem(at: url)
  }

  /// Writes a file (its folders are made as needed).
  public func write(_ path: String, _ text: String) throws {
    try write(path, bytes: Array(text.utf8))
  }

  public func write(_ path: String, bytes: [UInt8]) throws {
    let file = url.appendingPathComponent(path)
    try FileManager.default.createDirectory(
      at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(bytes).write(to: file)
  }

  public func read(_ path: String) throws -> String {
    String(decoding: try Data(contentsOf: url.appendingPathComponent(path)), as: UTF8.self)
  }

  /// Every file under the folder (relative paths, sorted), hidden ones included.
  public func files() -> [String] {
    let enumerator = FileManager.default.enumerator(atPath: url.path)
    return (enumerator?.compactMap { $0 as? String } ?? []).filter { path in
      var isDirectory: ObjCBool = false
      return FileManager.default.fileExists(
        atPath: url.appendingPathComponent(path).path, isDirectory: &isDirectory)
        && !isDirectory.boolValue
    }.sorted()
  }

  /// Runs the built `clavard` with `arguments` in this folder.
  public func run(
    _ arguments: String..., environment: [String: String] = [:], input: ChildProcess.Input = .bytes([])
  )
    throws -> ChildProcess.Result
  {
    try ChildProcess.run(
      try BuiltProducts.clavard(), arguments, in: path, environment: environment, input: input)
  }
}
