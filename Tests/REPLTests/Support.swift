import Conformance
import ContactCenter
import Synchronization
import Testing

@testable import REPL

/// Files in memory: what `.read`, `.save` and `.record` see in tests.
final class MemoryFiles: REPLFiles {
  private let contents = Mutex<[String: [UInt8]]>([:])
  /// Paths whose writes fail, as a full disk would.
  private let failing = Mutex<Set<String>>([])

  init(_ files: [String: String] = [:]) {
    contents.withLock { $0 = files.mapValues { Array($0.utf8) } }
  }

  subscript(path: String) -> String? {
    contents.withLock { $0[path].map { String(decoding: $0, as: UTF8.self) } }
  }

  func failWrites(to path: String) {
    _ = failing.withLock { $0.insert(path) }
  }

  func read(_ path: String) throws -> [UInt8] {
    guard let bytes = contents.withLock({ $0[path] }) else { throw TestFileError("no such file") }
    return bytes
  }

  func write(_ text: String, to path: String) throws {
    guard !failing.withLock({ $0.contains(path) }) else { throw TestFileError("disk full") }
    contents.withLock { $0[path] = Array(text.utf8) }
  }

  func create(_ path: String) throws -> any ScriptSink {
    try contents.withLock { files in
      guard files[path] == nil else { throw TestFileError("it already exists") }
      files[path] = []
    }
    return MemorySink(path: path, files: self)
  }

  func remove(_ path: String) {
    _ = contents.withLock { $0.removeValue(forKey: path) }
  }

  fileprivate func append(_ text: String, to path: String) throws {
    guard !failing.withLock({ $0.contains(path) }) else { throw TestFileError("disk full") }
    contents.withLock { $0[path, default: []] += Array(text.utf8) }
  }
}

final class MemorySink: ScriptSink {
  let path: String
  let files: MemoryFiles
  private(set) var closed = false

  init(path: String, files: MemoryFiles) {
    self.path = path
    self.files = files
  }

  func append(_ text: String) throws {
    guard !closed else { throw TestFileError("closed") }
    try files.append(text, to: path)
  }

  func close() { closed = true }
}

struct TestFileError: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}

/// A REPL with its files; `type` runs lines and returns what they printed.
final class Harness {
  let files: MemoryFiles
  let repl: REPLSession

  init(
    files: [String: String] = [:], style: Style = .plain,
    isInterrupted: @escaping ScriptRunner.Interruption = { false },
    transcriptLimit: TranscriptLimit = .standard
  ) {
    self.files = MemoryFiles(files)
    repl = REPLSession(
      files: self.files, style: style, isInterrupted: isInterrupted, transcriptLimit: transcriptLimit)
  }

  /// Runs each line; returns everything printed, one string.
  @discardableResult
  func type(_ lines: String...) -> String {
    var output = ""
    for line in lines { _ = repl.handle(line, into: &output) }
    return output
  }

  func complete(_ before: String) -> [String] {
    switch Completer.complete(before, in: repl.completionContext) {
    case .candidates(let candidates): candidates
    case .fileNames: ["<files>"]
    }
  }
}

/// A support queue and alice, Available in it; marie's chat-1 accepted by alice.
let aliceWithChat = [
  "queue support media=chat dispositions=resolved,callback",
  "queue sales",
  "agent alice queues=support,sales",
  "alice> login", "alice> ready", "alice> queues enable support", "alice> queues confirm",
  "alice> status available",
  "marie> open support name=\"Marie Tremblay\" email=marie@example.com ip=203.0.113.7",
  "alice> accept",
]

extension Harness {
  func type(_ lines: [String]) {
    var output = ""
    for line in lines { _ = repl.handle(line, into: &output) }
  }
}

/// Runs a script text from scratch as `clavard run` does; nil when it passes, else why not.
func runFailure(_ text: String, path: String = "recorded.chat") -> String? {
  do {
    let script = try ScriptParser.parse(text, path: path)
    let result = ScriptRunner(loader: { _ in throw TestFileError("no use in this test") }).run(script)
    return result.failure?.description
  } catch {
    return error.description
  }
}
