import ContactCenter

/// Where something is in a script: file, line and column, all from 1.
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
  public var file: String
  public var line: Int
  public var column: Int

  public init(file: String, line: Int, column: Int = 1) {
    self.file = file
    self.line = line
    self.column = column
  }

  /// `file:line:column`, as compilers and editors print it.
  public var description: String { "\(file):\(line):\(column)" }
}

/// A parsed script: its metadata and its statements, each with where it was written.
///
/// A script is a session with its expectations written down: every command is followed by the
/// events it must produce (`<` lines, exhaustive and ordered) or the refusal it must meet (`!`).
public struct Script: Hashable, Sendable {
  public var path: String
  /// `# covers: ID ...` in the leading comment block: the requirement ids the script checks.
  public var covers: [String]
  /// `# tags: ...` in the leading comment block.
  public var tags: [String]
  /// The leading comment block, without `covers:` and `tags:` lines: what the script is about.
  public var summary: [String]
  public var statements: [Statement]
  /// The code points its texts hold once repeated (`"a"*N` counts N): what it costs in memory,
  /// bounded per file (``ScriptParser/maximumTextPerFile``) and per run of `use`d files
  /// (``IncludeResolver/maximumUsedText``).
  public var textSize = 0

  public init(
    path: String, covers: [String] = [], tags: [String] = [], summary: [String] = [],
    statements: [Statement] = []
  ) {
    self.path = path
    self.covers = covers
    self.tags = tags
    self.summary = summary
    self.statements = statements
  }
}

/// One thing a script does.
public struct Statement: Hashable, Sendable {
  public enum Kind: Hashable, Sendable {
    /// `step ID "title"`: the start of a step of the documented procedure.
    case step(id: String, title: String)
    /// `use path`: runs another script here.
    case use(path: String)
    /// A command with the events or refusal expected of it.
    case command(ScriptCommand, expected: Expected)
  }

  public var kind: Kind
  public var location: SourceLocation
  /// The line as written, for reports and `.save`.
  public var source: String

  public init(kind: Kind, location: SourceLocation, source: String) {
    self.kind = kind
    self.location = location
    self.source = source
  }
}

/// What a command must produce: its events in order, or a refusal.
public struct Expected: Hashable, Sendable {
  public var events: [ExpectedLine] = []
  public var refusal: ExpectedLine?

  public init(events: [ExpectedLine] = [], refusal: ExpectedLine? = nil) {
    self.events = events
    self.refusal = refusal
  }
}

/// One `<` or `!` line.
public struct ExpectedLine: Hashable, Sendable {
  public var text: String
  public var line: Int

  public init(text: String, line: Int) {
    self.text = text
    self.line = line
  }
}

extension ExpectedLine {
  /// How a `<` or `!` line is written back (`--update`, the REPL's `.record` and `.save`):
  /// `< text`, or the marker alone for an empty text.
  public static func written(_ marker: String, _ text: String) -> String {
    text.isEmpty ? marker : marker + " " + singleLine(text)
  }

  /// The text with line breaks written as escapes, so it cannot split its line (the engine
  /// escapes its own texts; this is a safeguard for everything else).
  public static func singleLine(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: { $0 == "\n" || $0 == "\r" }) else { return text }
    var result = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\n": result += "\\n"
      case "\r": result += "\\r"
      default: result.unicodeScalars.append(scalar)
      }
    }
    return result
  }
}

/// A command of the script language, before it meets the engine.
public enum ScriptCommand: Hashable, Sendable {
  /// Definitions and settings: go to the engine as they are.
  case engine(Command)
  /// `name> ...`: whether `name` is an agent or a customer is known only when the script runs
  /// (agents are those defined); the parser keeps both readings where a word means both.
  case actor(String, ActorCommand)
  /// `clock +30s` or `clock 00:02:00`.
  case clock(ClockChange)
  /// `expect ...`: a question about the state, with the answer it must have.
  case expect(Query)
}

/// An actor's command, read for an agent, a customer, or either.
public struct ActorCommand: Hashable, Sendable {
  public var agent: AgentAction?
  public var customer: CustomerAction?
  /// The command's word(s), for messages: `accept`, `queues enable`.
  public var name: String

  public init(name: String, agent: AgentAction? = nil, customer: CustomerAction? = nil) {
    self.name = name
    self.agent = agent
    self.customer = customer
  }
}

public enum ClockChange: Hashable, Sendable {
  case forward(Interval)
  case to(Instant)
}
