import ContactCenter
import Testing

@testable import Conformance

/// Scripts saved on Windows end lines with CR LF. Swift counts "\r\n" as one Character, so a
/// parser splitting on "\n" alone would read such a file as one comment line that runs nothing
/// and passes.
@Suite struct LineEndingTests {
  @Test("CRLF line endings give the same statements as LF")
  func crlfReadsLikeLF() throws {
    let lf =
      "# covers: SES-2\nagent alice\n< agent alice defined: no queues\nalice> login\n< alice logged in\n"
    let crlf = lf.replacingOccurrences(of: "\n", with: "\r\n")
    let fromLF = try ScriptParser.parse(lf, path: "a.chat")
    let fromCRLF = try ScriptParser.parse(crlf, path: "a.chat")
    #expect(fromCRLF.statements.count == 2)
    #expect(fromCRLF == fromLF)
  }

  @Test("a CRLF script with a wrong event line fails")
  func crlfScriptsAreChecked() throws {
    let script = try ScriptParser.parse(
      "agent alice\r\n< agent alice defined: queues nowhere\r\n", path: "a.chat")
    let result = ScriptRunner(loader: { _ in [] }).run(script)
    #expect(result.failure?.message == "the events of `agent alice` differ")
  }
}

extension String {
  fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
    split(separator: Character(target), omittingEmptySubsequences: false).joined(separator: replacement)
  }
}
