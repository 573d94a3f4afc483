/// The REPL's own commands: what it does besides running the script language. The REPL
/// switches over these cases, so a command listed here and not implemented does not compile.
public enum DotCommand: String, CaseIterable, Hashable, Sendable {
  case help = ".help"
  case read = ".read"
  case record = ".record"
  case save = ".save"
  case timeline = ".timeline"
  case state = ".state"
  case reset = ".reset"
  case quit = ".quit"
  /// `as NAME`: the default actor (a word without a dot, as people type it).
  case actor = "as"

  /// Other ways to write it, as sqlite3 and psql users type them.
  public var aliases: [String] {
    switch self {
    case .help: [".h", "help"]
    case .quit: [".exit", ".q", "exit", "quit", "\\q"]
    default: []
    }
  }

  public var usage: [String] {
    switch self {
    case .help: [".help [command]"]
    case .read: [".read FILE"]
    case .record: [".record FILE", ".record stop"]
    case .save: [".save FILE", ".save FILE --replace"]
    case .timeline: [".timeline FILE", ".timeline FILE --replace"]
    case .state: [".state"]
    case .reset: [".reset"]
    case .quit: [".quit"]
    case .actor: ["as NAME", "as"]
    }
  }

  public var summary: String {
    switch self {
    case .help: "this list, or how to write one command (\(alsoWritten))"
    case .read: "run a script here, checking its < and ! lines; stops at its first failure and says where"
    case .record:
      "write the session so far to a new FILE, then append each command with its events as it runs; the file passes `clavard run`"
    case .save:
      "write the whole session so far to FILE as a script (--replace to write over an existing file)"
    case .timeline:
      "write the session so far to FILE as an HTML page with its timeline, as `clavard run --html` draws it (--replace to write over an existing file)"
    case .state: "the clock, queues, agents, chats and changed settings at a glance"
    case .reset: "start again from an empty contact center"
    case .quit: "leave (\(alsoWritten); Ctrl-D on an empty line)"
    case .actor: "send later lines without `name>` to NAME (keywords still work); `as` alone stops"
    }
  }

  /// `also .h, help`: the aliases as a summary lists them, built from ``aliases`` so that the
  /// help never names one that does not work, nor leaves one out.
  private var alsoWritten: String {
    "also " + aliases.joined(separator: ", ")
  }

  /// The command a typed word names, by its name or an alias.
  public init?(word: String) {
    guard let command = Self.allCases.first(where: { $0.rawValue == word || $0.aliases.contains(word) })
    else {
      return nil
    }
    self = command
  }

  /// Every way to write a REPL command: names, then aliases.
  public static var allWords: [String] { allCases.map(\.rawValue) + allCases.flatMap(\.aliases) }
}
