import Conformance
import ContactCenter
import Foundation
import Testing
import Wire

@testable import Exploration

/// The conformance suite against each fault: a fault that no script catches is a gap in it.
@Suite struct FaultCoverageTests {
  static let fixtures: String = {
    let parts = #filePath.split(separator: "/", omittingEmptySubsequences: false).dropLast(3)
    return parts.joined(separator: "/") + "/fixtures"
  }()

  static let scripts: [Script] = {
    let folder = URL(fileURLWithPath: fixtures)
    let files =
      FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)?
      .compactMap { $0 as? URL }
      .filter { $0.pathExtension == "chat" && !$0.path.contains("/setup/") }
      .sorted { $0.path < $1.path } ?? []
    return files.compactMap { url in
      guard let text = try? String(contentsOf: url, encoding: .utf8) else { return nil }
      return try? ScriptParser.parse(text, path: url.path)
    }
  }()

  static let runner = ScriptRunner(loader: { path in Array(try Data(contentsOf: URL(fileURLWithPath: path))) }
  )

  @Test("Every fault is caught by a script of fixtures/", arguments: Fault.allCases)
  func caught(_ fault: Fault) {
    #expect(Self.scripts.count > 50)
    #expect(!FaultCoverage.scripts(catching: fault, among: Self.scripts, runner: Self.runner).isEmpty)
  }

  @Test("No script catches anything in the reference itself: without a fault every script agrees")
  func noFalseCatch() throws {
    let lockstep = try Lockstep(transport: InProcessTransport())
    for script in Self.scripts {
      #expect(Self.runner.run(script, mirror: lockstep).passed, "\(script.path)")
      #expect(lockstep.reset())
    }
  }
}

/// The README's table of faults is the catalogue, word for word.
@Suite struct FaultDocumentationTests {
  @Test("README.md lists every fault with its summary and requirements, as --list-faults does")
  func readmeTable() throws {
    let parts = #filePath.split(separator: "/", omittingEmptySubsequences: false).dropLast(3)
    let readme = try String(
      contentsOf: URL(fileURLWithPath: parts.joined(separator: "/") + "/README.md"), encoding: .utf8)
    let rows = readme.split(separator: "\n").filter { $0.hasPrefix("| `") && $0.hasSuffix(") |") }
    let expected = Fault.allCases.map {
      "| `\($0)` | \($0.summary) (\($0.requirements.joined(separator: ", "))) |"
    }
    #expect(rows.map(String.init) == expected)
  }
}
