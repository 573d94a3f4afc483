import Foundation
import Testing

/// Runs the built `clavard` binary, which SwiftPM puts next to the test bundle.
struct ClavardProcess {
  struct Missing: Error, CustomStringConvertible {
    var searched: [String]
    var description: String {
      "the clavard binary was not found next to the tests (searched \(searched.joined(separator: ", "))); "
        + "build it with `swift build` (or run `swift test`, which builds it)"
    }
  }

  struct Output {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  /// The folders where the binary may be: beside this test executable (Linux), beside the
  /// `.xctest` bundle (macOS), and beside the main bundle.
  static func locate() throws -> URL {
    var folders: [URL] = []
    if let executable = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
      folders.append(URL(fileURLWithPath: executable).deletingLastPathComponent())
    }
    folders += Bundle.allBundles.filter { $0.bundlePath.hasSuffix(".xctest") }.map {
      $0.bundleURL.deletingLastPathComponent()
    }
    folders.append(Bundle.main.bundleURL.deletingLastPathComponent())
    folders.append(Bundle.main.bundleURL)
    let candidates = folders.map { $0.appendingPathComponent("clavard") }
    guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) })
    else {
      throw Missing(searched: candidates.map(\.path))
    }
    return found
  }

  /// Runs `clavard arguments...` in `directory`, without `GITHUB_ACTIONS` unless given.
  static func run(_ arguments: [String], in directory: URL, environment: [String: String] = [:]) throws
    -> Output
  {
    let process = Process()
    process.executableURL = try locate()
    process.arguments = arguments
    process.currentDirectoryURL = directory
    var variables = ProcessInfo.processInfo.environment
    variables["GITHUB_ACTIONS"] = nil
    variables.merge(environment) { $1 }
    process.environment = variables
    // Files rather than pipes: no deadlock however much the process prints.
    let out = directory.appendingPathComponent(".stdout-\(UUID().uuidString)")
    let err = directory.appendingPathComponent(".stderr-\(UUID().uuidString)")
    _ = FileManager.default.createFile(atPath: out.path, contents: nil)
    _ = FileManager.default.createFile(atPath: err.path, contents: nil)
    defer {
      try? FileManager.default.removeItem(at: out)
      try? FileManager.default.removeItem(at: err)
    }
    let outHandle = try FileHandle(forWritingTo: out)
    let errHandle = try FileHandle(forWritingTo: err)
    process.standardOutput = outHandle
    process.standardError = errHandle
    try process.run()
    process.waitUntilExit()
    try outHandle.close()
    try errHandle.close()
    return Output(
      status: process.terminationStatus,
      stdout: String(decoding: try Data(contentsOf: out), as: UTF8.self),
      stderr: String(decoding: try Data(contentsOf: err), as: UTF8.self))
  }
}

/// A temporary folder of files, removed at the end of the test.
final class TemporaryFolder {
  let url: URL

  init(_ files: [String: String] = [:]) throws {
    url = FileManager.default.temporaryDirectory.appendingPathComponent("clavard-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    for (path, text) in files { try write(path, text) }
  }

  deinit {
    try? FileManager.default.removeItem(at: url)
  }

  func write(_ path: String, _ text: String) throws {
    let file = url.appendingPathComponent(path)
    try FileManager.default.createDirectory(
      at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: file)
  }

  func read(_ path: String) throws -> String {
    String(decoding: try Data(contentsOf: url.appendingPathComponent(path)), as: UTF8.self)
  }

  /// Every file under the folder (relative paths, sorted), hidden ones included.
  func files() -> [String] {
    let enumerator = FileManager.default.enumerator(atPath: url.path)
    return (enumerator?.compactMap { $0 as? String } ?? []).filter { path in
      var isDirectory: ObjCBool = false
      return FileManager.default.fileExists(
        atPath: url.appendingPathComponent(path).path, isDirectory: &isDirectory)
        && !isDirectory.boolValue
    }.sorted()
  }

  func run(_ arguments: String..., environment: [String: String] = [:]) throws -> ClavardProcess.Output {
    try ClavardProcess.run(arguments, in: url, environment: environment)
  }
}
