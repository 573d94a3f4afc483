import ClavardTestSupport
import Conformance
import Testing
import Wire

/// `docs/protocol.md`, checked as written: its reference tables are the code's and the
/// schema's, its example sessions are what the reference server (or the example adapter)
/// answers, and its example messages are valid against the schema.
///
/// An HTML comment before each code block says how it is checked:
/// - `<!-- session -->`: lines `> REQUEST` are sent to a fresh reference server, and a line
///   `< REPLY` after one is its reply, exactly (a request without one is sent, its reply not
///   shown);
/// - `<!-- session: python -->`: the same, sent to `fixtures/adapters/python/adapter.py`;
/// - `<!-- messages -->`: each line is a message of the protocol, valid against the schema;
/// - `<!-- runs -->`: each line is a `clavard` command, run with the built binary from the
///   repository's root: it exits 0, and no script fails;
/// - `<!-- table: NAME -->` before a table: the table is ``ProtocolTables``'s.
@Suite("docs/protocol.md: the tables are the code's, the examples are what Clavard answers")
struct ProtocolDocumentationTests {
  static let path = "docs/protocol.md"

  struct Block: Sendable, CustomTestStringConvertible {
    var marker: String
    var lines: [String]
    var line: Int
    var testDescription: String { "\(ProtocolDocumentationTests.path):\(line) (\(marker))" }
  }

  static let document = (try? Repository.read(path)) ?? ""

  static var lines: [String] {
    document.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
  }

  /// Every code block, with the marker of the comment line just before it ("" when none).
  static let blocks: [Block] = {
    var blocks: [Block] = []
    var marker = ""
    var open: Block?
    for (index, line) in lines.enumerated() {
      if var block = open {
        if line == "```" {
          blocks.append(block)
          open = nil
        } else {
          block.lines.append(line)
          open = block
        }
      } else if line.hasPrefix("```") {
        open = Block(marker: marker, lines: [], line: index + 1)
        marker = ""
      } else if line.hasPrefix("<!-- "), line.hasSuffix(" -->") {
        marker = String(line.dropFirst(5).dropLast(4))
      } else if !line.isEmpty {
        marker = ""
      }
    }
    return blocks
  }()

  @Test("The page is there, says which protocol it describes, and every code block is checked")
  func found() {
    #expect(Self.document.contains("# The Clavard protocol (protocol \(ProtocolVersion.current))"))
    #expect(Self.blocks.count > 5)
    for block in Self.blocks {
      #expect(
        ["session", "session: python", "messages", "runs"].contains(block.marker),
        "\(block.testDescription): a code block needs <!-- session -->, <!-- session: python -->, <!-- messages --> or <!-- runs -->"
      )
    }
  }

  @Test("Each reference table is written from the code", arguments: ProtocolTables.Table.allCases)
  func table(_ table: ProtocolTables.Table) throws {
    let expected = ProtocolTables.markdown(
      table, schema: try SchemaFile.load(), engineDoc: try Repository.read("docs/engine.md"))
    let lines = Self.lines
    let marker = lines.firstIndex(of: "<!-- table: \(table.rawValue) -->")
    #expect(marker != nil, "\(Self.path) has no <!-- table: \(table.rawValue) --> marker")
    let written = marker.map { Array(lines[($0 + 1)...].prefix { $0.hasPrefix("|") }) }
    #expect(
      written == expected,
      "\(Self.path)'s table \(table.rawValue) differs from the code; it should read:\n\(expected.joined(separator: "\n"))"
    )
  }

  /// The requests of a session block and the replies it shows (nil where none is shown).
  private static func exchanges(_ block: Block) -> [(request: String, reply: String?)] {
    var exchanges: [(request: String, reply: String?)] = []
    for line in block.lines {
      if line.hasPrefix("> ") {
        exchanges.append((String(line.dropFirst(2)), nil))
      } else if line.hasPrefix("< "), let last = exchanges.indices.last, exchanges[last].reply == nil {
        exchanges[last].reply = String(line.dropFirst(2))
      } else {
        Issue.record("\(block.testDescription): \(line) is neither `> REQUEST` nor one `< REPLY` after it")
      }
    }
    return exchanges
  }

  @Test("Each example session is what the reference server answers; its lines are valid")
  func sessions() throws {
    let blocks = Self.blocks.filter { $0.marker == "session" }
    #expect(!blocks.isEmpty)
    var instances: [SchemaValidator.Instance] = []
    for block in blocks {
      var server = ReferenceServer()
      for (request, shown) in Self.exchanges(block) {
        let reply = server.handle(Array(request.utf8)) ?? ""
        if let shown { #expect(shown == reply, "\(block.testDescription)") }
        // A request answered with an error is one the protocol does not have, shown on purpose.
        if !reply.contains(#""type":"error""#) {
          instances.append(.init(request, label: "\(block.testDescription): \(request)"))
        }
        instances.append(.init(reply, label: "\(block.testDescription): the reply to \(request)"))
      }
    }
    let problems = try SchemaValidator.problems(instances)
    #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
  }

  @Test(
    "Each example session with the Python adapter is what it answers",
    arguments: ProtocolDocumentationTests.blocks.filter { $0.marker == "session: python" })
  func pythonSession(_ block: Block) throws {
    let exchanges = Self.exchanges(block)
    let input = exchanges.map { $0.request + "\n" }.joined()
    let result = try ChildProcess.run(
      PythonAdapterTests.python, [PythonAdapterTests.adapter], input: .bytes(Array(input.utf8)))
    let replies = result.stdout.split(separator: "\n").map(String.init)
    #expect(replies.count == exchanges.count)
    for ((_, shown), reply) in zip(exchanges, replies) {
      if let shown { #expect(shown == reply, "\(block.testDescription)") }
    }
  }

  @Test("Each example message is valid against the schema")
  func messages() throws {
    let blocks = Self.blocks.filter { $0.marker == "messages" }
    #expect(!blocks.isEmpty)
    let problems = try SchemaValidator.problems(
      blocks.flatMap { block in block.lines.map { .init($0, label: "\(block.testDescription): \($0)") } })
    #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
  }

  /// The page's text with its lines joined and spaces collapsed, as Markdown shows inline code
  /// broken over lines.
  private static var flowing: String {
    document.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
  }

  /// A handshake reply with the capabilities given (`clock`, `protocol`), as a system writes it.
  private static func hello(clock: Bool = true, protocol version: Int = 1) -> String {
    #"{"in_reply_to":0,"type":"hello","protocol":\#(version),"name":"sut","capabilities":"#
      + #"{"commands":["queue"],"settings":[],"questions":[],"events":["queue-defined"],"clock":\#(clock),"reset":false}}"#
  }

  private static func handshakeFailure(_ reply: String) -> String? {
    do {
      _ = try Lockstep(transport: CannedTransport([reply]))
      return nil
    } catch {
      return error.message
    }
  }

  @Test("The failures the page quotes are Clavard's words")
  func quotedFailures() throws {
    let clock =
      #"the system under test does not control its clock ("clock": false); Clavard moves every system's clock as scripts move the reference's (docs/protocol.md, "The clock")"#
    let version = "the system under test speaks protocol 2; Clavard speaks 1"
    #expect(Self.handshakeFailure(Self.hello(clock: false))?.hasSuffix(clock) == true)
    #expect(Self.handshakeFailure(Self.hello(protocol: 2))?.hasSuffix(version) == true)
    #expect(Self.handshakeFailure(Self.hello()) == nil)
    let wrongID = "it answered request 2 with a reply to request 1"
    let lockstep = try Lockstep(
      transport: CannedTransport([
        Self.hello(),
        #"{"in_reply_to":1,"type":"events","events":[{"event":"queue-defined","queue":"support","media":"chat","dispositions":[]}]}"#,
        #"{"in_reply_to":1,"type":"events","events":[]}"#,
      ]))
    let script = try ScriptParser.parse(
      """
      queue support
      < queue support defined: chat, no dispositions
      queue sales
      < queue sales defined: chat, no dispositions

      """, path: "two.chat")
    let result = ScriptRunner(loader: Repository.loader).run(script, mirror: lockstep)
    #expect(result.failure?.message == "`queue sales`: " + wrongID)
    #expect(result.failure?.diff == ["its standard error ended with:", "| the last line of its log"])
    let failures = [
      TransportFailure.timedOut(seconds: 10).description, TransportFailure.exited(status: 1).description,
      TransportFailure.killed(signal: 11).description, TransportFailure.closed.description,
    ]
    #expect(
      failures == [
        "it did not answer within 10 s (--sut-timeout)", "it exited with status 1",
        "it was killed by signal 11 (SIGSEGV)", "it closed its standard output",
      ])
    for quoted in [clock, version, wrongID] + failures {
      #expect(Self.flowing.contains("`\(quoted)`"), "\(Self.path) does not quote `\(quoted)`")
    }
  }

  /// A command line's words: spaces separate them, double quotes keep spaces in one.
  private static func words(_ line: String) -> [String] {
    var words: [String] = []
    var word: String?
    var quoted = false
    for character in line {
      if character == "\"" {
        quoted.toggle()
        word = word ?? ""
      } else if character == " ", !quoted {
        if let finished = word { words.append(finished) }
        word = nil
      } else {
        word = (word ?? "") + String(character)
      }
    }
    return words + (word.map { [$0] } ?? [])
  }

  @Test(
    "Each example command runs: exit 0, no script failed",
    arguments: ProtocolDocumentationTests.blocks.filter { $0.marker == "runs" })
  func commands(_ block: Block) throws {
    for line in block.lines {
      let words = Self.words(line)
      #expect(words.first == "clavard", "\(block.testDescription): \(line)")
      let result = try ChildProcess.run(
        try BuiltProducts.clavard(), Array(words.dropFirst()), in: Repository.root.path)
      #expect(result.status == 0, "\(line): \(result.stdout.suffix(500))\(result.stderr)")
      #expect(result.stdout.contains(" passed, 0 failed"), "\(line): \(result.stdout.suffix(500))")
    }
  }
}
