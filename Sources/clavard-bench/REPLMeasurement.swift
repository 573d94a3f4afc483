import Conformance
import ContactCenter
import Glibc
import LineEditor
import PseudoTerminal
import REPL
import SystemFiles

/// Measures, in this build, how soon the prompt appears after launch and how fast a
/// completion answers with 10,000 agents defined; prints Markdown table rows.
enum REPLMeasurement {
  static let agents = 10_000
  static let queues = 100

  struct Failure: Error, CustomStringConvertible {
    var description: String
  }

  static func run(clavard executable: String) throws {
    let folder = try temporaryFolder()
    defer { removeTree(folder) }
    // A history file full to its limit: what a long-time user starts with.
    let history = folder + "/history"
    try FileSystem.replaceFile(
      history,
      with: Array(
        (1...HistoryFile(path: history).limit).map { "alice> say \"line \($0)\"" }.joined(separator: "\n")
          .utf8)
        + [10])

    // 10,000 agents in 100 queues, defined through the REPL itself and saved as a script.
    let repl = REPLSession(files: NoFiles())
    var discard = DiscardOutput()
    for queue in 1...queues {
      _ = repl.handle("queue q\(queue) media=chat dispositions=resolved,callback", into: &discard)
    }
    for agent in 1...agents {
      _ = repl.handle(
        "agent agent-\(agent) queues=q\(agent % queues + 1),q\((agent + 7) % queues + 1)", into: &discard)
    }
    for line in [
      "agent-42> login", "agent-42> ready", "agent-42> queues enable q43", "agent-42> queues confirm",
      "agent-42> status available",
      "marie> open q43 name=\"Marie\" email=marie@example.com ip=203.0.113.7",
    ] {
      _ = repl.handle(line, into: &discard)
    }
    let script = folder + "/agents.chat"
    try FileSystem.replaceFile(script, with: Array(ScriptText.document(repl.transcript).utf8))

    print("| REPL (release build, \(agents) agents, \(queues) queues) | measured |")
    print("|---|---|")
    let context = repl.completionContext
    let cases: [(String, String)] = [
      ("Tab on an empty line (every keyword and actor)", ""),
      ("Tab after `agent-9` (1,111 agents)", "agent-9"),
      ("Tab after `expect agent-1234` (one agent)", "expect agent-1234"),
      ("Tab after `agent-42> ` (command words)", "agent-42> "),
      ("Tab after `agent-42> queues enable `", "agent-42> queues enable "),
      ("Tab after `expect queue q43 waiting `", "expect queue q43 waiting "),
    ]
    for (label, before) in cases {
      let word = String(
        before.split(omittingEmptySubsequences: false) { Completer.wordBreakCharacters.contains($0) }.last
          ?? "")
      var samples: [Double] = []
      var count = 0
      for _ in 0..<300 {
        let start = PseudoTerminal.now()
        count = LineEditor.completeOffline(before, word: word, leavingOut: Escaping.isUnsafe) { text in
          switch Completer.complete(text, in: context) {
          case .candidates(let candidates): .candidates(candidates)
          case .fileNames: .fileNames
          }
        }
        samples.append(PseudoTerminal.now() - start)
      }
      print("| completion: \(label), \(count) matches | \(summary(samples)) |")
    }

    let environment = [
      "TERM=xterm", "HOME=\(folder)", "CLAVARD_HISTORY=\(history)", "NO_COLOR=1", "PATH=/usr/bin:/bin",
      "LANG=C.UTF-8",
    ]
    var launches: [Double] = []
    for _ in 0..<20 {
      let start = PseudoTerminal.now()
      guard let child = try? PseudoTerminal(executable, ["repl"], environment: environment) else { continue }
      if (try? child.expect("]> ", timeout: 5)) != nil { launches.append(PseudoTerminal.now() - start) }
      child.finish()
    }
    print("| prompt after launch, in a pseudo-terminal (20 launches) | \(summary(launches)) |")

    // A real Tab in a pseudo-terminal, with the 10,000 agents read from the saved script.
    let child = try PseudoTerminal(executable, ["repl"], environment: environment)
    defer { child.finish() }
    guard (try? child.expect("]> ", timeout: 5)) != nil else {
      print("| Tab in a pseudo-terminal | the REPL did not start |")
      return
    }
    try child.type(".read \(script)\r", chunk: 4096)
    guard (try? child.expect("every event as expected", timeout: 60)) != nil,
      (try? child.expect("]> ", timeout: 5)) != nil
    else {
      print("| Tab in a pseudo-terminal | .read of the agents failed |")
      return
    }
    var tabs: [Double] = []
    for _ in 0..<30 {
      try child.type("expect agent-1234", chunk: 4096)
      do {
        try child.expect("agent-1234", timeout: 5)
      } catch {
        complain("clavard-bench: \(error)")
        break
      }
      child.drain(for: 0.02)
      let start = PseudoTerminal.now()
      child.send(bytes: [9])
      guard child.waitForAnyOutput(timeout: 5) else { break }
      tabs.append(PseudoTerminal.now() - start)
      child.send(bytes: [3])
      guard (try? child.expect("]> ", timeout: 5)) != nil else { break }
    }
    print(
      "| Tab to completed word, in a pseudo-terminal, after `expect agent-1234` (\(tabs.count) times) | \(summary(tabs)) |"
    )
  }

  static func summary(_ samples: [Double]) -> String {
    guard !samples.isEmpty else { return "no sample" }
    let sorted = samples.sorted()
    func ms(_ value: Double) -> String {
      let microseconds = Int((value * 1_000_000).rounded())
      let fraction = String(microseconds % 1000)
      return "\(microseconds / 1000).\(String(repeating: "0", count: 3 - fraction.count))\(fraction) ms"
    }
    let p50 = sorted[sorted.count / 2]
    let p99 = sorted[min(sorted.count - 1, Int(Double(sorted.count) * 0.99))]
    return "p50 \(ms(p50)), p99 \(ms(p99)), max \(ms(sorted[sorted.count - 1]))"
  }

  /// `clavard` in the folder of this executable (both are built into the same folder).
  static func siblingClavard() -> String {
    var buffer = [CChar](repeating: 0, count: 4096)
    let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
    guard count > 0 else { return "clavard" }
    let path = String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    return String(path[...(path.lastIndex(of: "/") ?? path.startIndex)]) + "clavard"
  }

  static func temporaryFolder() throws -> String {
    var template = Array("/tmp/clavard-measure-XXXXXX".utf8CString)
    let made = template.withUnsafeMutableBufferPointer { buffer -> Bool in
      guard let base = buffer.baseAddress else { return false }
      return mkdtemp(base) != nil
    }
    guard made else {
      throw Failure(description: "cannot make a temporary folder: \(String(cString: strerror(errno)))")
    }
    return template.withUnsafeBufferPointer { buffer in
      buffer.baseAddress.map { String(cString: $0) } ?? "/tmp"
    }
  }

  static func removeTree(_ folder: String) {
    guard let directory = opendir(folder) else { return }
    while let entry = readdir(directory) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
      }
      if name != "." && name != ".." { unlink(folder + "/" + name) }
    }
    closedir(directory)
    rmdir(folder)
  }
}

struct DiscardOutput: TextOutputStream {
  mutating func write(_ string: String) {}
}

/// The measurement's session touches no file.
struct NoFiles: REPLFiles {
  struct Refused: Error {}
  func read(_ path: String) throws -> [UInt8] { throw Refused() }
  func write(_ text: String, to path: String) throws { throw Refused() }
  func create(_ path: String) throws -> any ScriptSink { throw Refused() }
  func remove(_ path: String) {}
}
