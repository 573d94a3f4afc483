import ClavardTestSupport
import Conformance
import ContactCenter
import Foundation
import Testing
import Wire

@testable import Exploration

/// The conformance suite against each fault: a fault that no script catches is a gap in it.
@Suite struct FaultCoverageTests {
  static let scripts: [Script] = ((try? Repository.scripts(fragments: false)) ?? []).compactMap { path in
    guard let text = try? Repository.read(path) else { return nil }
    return try? ScriptParser.parse(text, path: Repository.path(path))
  }

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
    let readme = try Repository.read("README.md")
    let rows = readme.split(separator: "\n").filter { $0.hasPrefix("| `") && $0.hasSuffix(") |") }
    let expected = Fault.allCases.map {
      "| `\($0)` | \($0.summary) (\($0.requirements.joined(separator: ", "))) |"
    }
    #expect(rows.map(String.init) == expected)
  }
}
