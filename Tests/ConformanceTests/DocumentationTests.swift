import ClavardTestSupport
import Testing

@testable import Conformance

/// The examples of docs/script-language.md, checked as written.
///
/// Every ```chat block must parse. HTML comments just before a block say more:
/// - `<!-- file: PATH -->`: the block is the file PATH (other examples `use` it); otherwise it
///   is `example.chat`;
/// - `<!-- runs -->`: running the block passes;
/// - `<!-- fails -->`: running it fails, with exactly the text of the ```text block after it;
/// - `<!-- parse-error -->`: it does not parse, and the ```text block after it is the error.
struct DocExample: Sendable, CustomTestStringConvertible {
  enum Check: Sendable, Equatable {
    case parses, runs, fails, parseError
  }
  var path = "example.chat"
  var check = Check.parses
  var text = ""
  /// The line of the doc where the block starts.
  var line = 0
  /// The ```text block after a `fails` or `parse-error` example.
  var output: String?

  var testDescription: String { "docs/script-language.md:\(line) (\(path))" }
}

private let documentPath = "docs/script-language.md"

private let examples: [DocExample] = {
  guard let document = try? Repository.read(documentPath) else { return [] }
  var examples: [DocExample] = []
  var pending = DocExample()
  var block: (language: String, line: Int, lines: [String])?
  var awaitingOutput: Int?
  for (index, line) in document.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
    if var open = block {
      if line == "```" {
        let text = open.lines.joined(separator: "\n")
        if open.language == "chat" {
          pending.text = text
          pending.line = open.line
          examples.append(pending)
          awaitingOutput = pending.check == .fails || pending.check == .parseError ? examples.count - 1 : nil
          pending = DocExample()
        } else if open.language == "text", let example = awaitingOutput {
          examples[example].output = text
          awaitingOutput = nil
        }
        block = nil
      } else {
        open.lines.append(String(line))
        block = open
      }
      continue
    }
    if line.hasPrefix("```") {
      block = (String(line.dropFirst(3)), index + 1, [])
    } else if line.hasPrefix("<!-- file: "), line.hasSuffix(" -->") {
      pending.path = String(line.dropFirst("<!-- file: ".count).dropLast(" -->".count))
    } else if line == "<!-- runs -->" {
      pending.check = .runs
    } else if line == "<!-- fails -->" {
      pending.check = .fails
    } else if line == "<!-- parse-error -->" {
      pending.check = .parseError
    }
  }
  return examples
}()

/// The named blocks, for `use`.
private let loader = inMemoryLoader(
  Dictionary(
    examples.filter { $0.path != "example.chat" }.map { ($0.path, $0.text + "\n") },
    uniquingKeysWith: { first, _ in first }))

@Suite("docs/script-language.md: every example parses, runs or fails as shown")
struct DocumentationTests {
  @Test("The page is found and has examples of every kind")
  func found() {
    #expect(examples.count > 40, "found \(examples.count) examples in \(documentPath)")
    for check in [DocExample.Check.parses, .runs, .fails, .parseError] {
      #expect(examples.contains { $0.check == check }, "no example of \(check)")
    }
    for example in examples where example.check == .fails || example.check == .parseError {
      #expect(example.output != nil, "\(example.testDescription) has no ```text block after it")
    }
  }

  @Test("Examples", arguments: examples)
  func example(_ example: DocExample) throws {
    switch example.check {
    case .parseError:
      #expect(parseFailure(example.text + "\n", path: example.path) == example.output)
    case .parses:
      #expect(parseFailure(example.text + "\n", path: example.path) == "parsed")
    case .runs, .fails:
      let script = try ScriptParser.parse(example.text + "\n", path: example.path)
      let result = ScriptRunner(loader: loader).run(script)
      if example.check == .runs {
        #expect(result.failure == nil, "\(result.failure?.description ?? "")")
      } else {
        #expect(result.failure?.description == example.output)
      }
    }
  }
}

@Suite("docs/script-language.md: the reference tables are the vocabulary's")
struct DocumentationTableTests {
  /// The lines of the table after `<!-- table: NAME -->`.
  private func table(_ name: String) -> [String]? {
    guard let document = try? Repository.read(documentPath) else { return nil }
    let lines = document.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    guard let marker = lines.firstIndex(of: "<!-- table: \(name) -->") else { return nil }
    return Array(lines[(marker + 1)...].prefix { $0.hasPrefix("|") })
  }

  @Test("Each table of the page is written from Vocabulary", arguments: Vocabulary.Table.allCases)
  func matches(_ name: Vocabulary.Table) {
    let expected = Vocabulary.markdown(name)
    let written = table(name.rawValue)
    #expect(written != nil, "docs/script-language.md has no <!-- table: \(name.rawValue) --> marker")
    #expect(
      written == expected,
      "docs/script-language.md's table \(name.rawValue) differs from the vocabulary; it should read:\n\(expected.joined(separator: "\n"))"
    )
  }
}
