import Conformance
import ContactCenter

/// What the REPL does after a line.
public enum REPLAction: Hashable, Sendable {
  case proceed
  case quit
}

/// The REPL without the terminal: takes the lines a person types, runs them against a live
/// session of the script language, and writes what happened to an output stream as the
/// script language writes it (`< event`, `! refusal`). It keeps the session's transcript (for
/// `.save`) and the recording (`.record`).
///
/// ```swift
/// let repl = REPLSession(files: files)
/// var output = ""
/// _ = repl.handle("agent alice", into: &output)   // output: "< agent alice defined: no queues\n"
/// ```
public final class REPLSession {
  /// Longer lines are refused with a message (long texts are written `"a"*1940`).
  public static let maximumLineLength = 10_000

  public internal(set) var session = Session()
  /// Where lines without `name>` go (`as alice`).
  public internal(set) var defaultActor: String?
  /// The session so far as script lines: what `.save` writes, and `.record` starts with; at
  /// most ``transcriptLimit``, and emptied when the session goes past it (see
  /// ``transcriptIsComplete``).
  public internal(set) var transcript: [String] = []
  /// How much of the session the transcript may hold.
  public let transcriptLimit: TranscriptLimit
  /// The UTF-8 bytes of the transcript as a script (each line and its newline).
  var transcriptBytes = 0
  /// False once the session went past ``transcriptLimit``: `.save`, `.timeline` and a new
  /// `.record` are refused until `.reset`.
  public internal(set) var transcriptIsComplete = true
  /// Set when the session goes past the limit, cleared when that has been said.
  var transcriptOverflowToTell = false
  public var style: Style
  public let files: any REPLFiles

  /// Asked between the commands of a `.read` whether the person pressed Ctrl-C.
  public let isInterrupted: ScriptRunner.Interruption

  var recording: (path: String, sink: any ScriptSink)?
  private var linesRead = 0
  var routingViolationsShown = 0

  /// The command the last line ran and what it did (nil when the line ran no command): for
  /// checking the `<` and `!` lines piped after it (``PipedInput``).
  public private(set) var lastCommand: (source: String, outcome: Outcome)?
  /// How many `error:` lines the session has printed (piped input exits 1 after any).
  public private(set) var errorsShown = 0
  /// How many times the system under test differed from the reference, or the engine broke
  /// its invariants (piped input exits 1 after any, as `clavard run` would fail).
  public private(set) var failuresShown = 0

  /// With `--sut`: where the system under test comes from, and the one in use. Each command
  /// runs on it too, and where it differs the REPL says so under the command.
  let mirrors: (any MirrorSource)?
  var mirror: (any Mirror)?

  /// The command a saved or recorded session says replays it.
  let replay: String

  /// With `mirrors`, call ``connect()`` before the first line; `replay` is the command that
  /// replays a saved or recorded session (with the system under test's `--sut`).
  public init(
    files: any REPLFiles, style: Style = .plain,
    isInterrupted: @escaping ScriptRunner.Interruption = { false }, mirrors: (any MirrorSource)? = nil,
    replay: String = ScriptText.defaultReplay, transcriptLimit: TranscriptLimit = .standard
  ) {
    self.files = files
    self.transcriptLimit = transcriptLimit
    self.style = style
    self.isInterrupted = isInterrupted
    self.mirrors = mirrors
    self.replay = replay
  }

  /// Starts the system under test; throws why it could not be started.
  public func connect() throws(Divergence) {
    guard let mirrors, mirror == nil else { return }
    mirror = try mirrors.take().get()
  }

  /// `[00:01:30] alice> `: the virtual clock and the default actor.
  public var prompt: String {
    "[\(session.center.now)]" + (defaultActor.map { " " + $0 } ?? "") + "> "
  }

  public var isRecording: Bool { recording != nil }
  public var recordingPath: String? { recording?.path }

  /// What completion works from; take it before reading a line and drop it before handling
  /// the line (it shares the session's storage until then).
  public var completionContext: CompletionContext {
    CompletionContext(session: session, defaultActor: defaultActor, isRecording: isRecording)
  }

  /// Stops the recording, if any (at the end of the REPL).
  public func finish() {
    recording?.sink.close()
    recording = nil
    if let mirror { mirrors?.giveBack(mirror) }
    mirror = nil
  }

  // MARK: Lines

  /// Handles one line typed at the prompt and writes what happened.
  public func handle(_ line: String, into output: inout some TextOutputStream) -> REPLAction {
    linesRead += 1
    lastCommand = nil
    defer {
      if let error = pendingRecordingError {
        say(style.error("error: ") + Style.visible(error), to: &output)
        pendingRecordingError = nil
      }
      if transcriptOverflowToTell {
        say(style.note("# " + transcriptLimit.pastIt + "; " + TranscriptLimit.consequence), to: &output)
        transcriptOverflowToTell = false
      }
    }
    let length = line.unicodeScalars.count
    guard length <= Self.maximumLineLength else {
      say(
        style.error("error: ") + "this line has \(length) characters; the REPL reads lines of at most "
          + "\(Self.maximumLineLength). Write long text as \"a\"*1940, or put it in a script and .read it",
        to: &output)
      return .proceed
    }
    let text = line.trimmingWhitespace()
    guard let first = text.first else { return .proceed }
    if first == "#" {
      append([ScriptText.comment(text)])
      return .proceed
    }
    let firstWord = String(text.prefix { $0 != " " && $0 != "\t" })
    if let command = DotCommand(word: firstWord) {
      return dotCommand(
        command, argument: text.dropFirst(firstWord.count).trimmingWhitespace(), into: &output)
    }
    if first == "." {
      let known = DotCommand.allWords.filter { $0.hasPrefix(".") }
      let hint = Suggestions.closest(to: firstWord, among: known).map { "; did you mean \($0)?" } ?? ""
      say(
        style.error("error: ")
          + "unknown command '\(Style.visible(firstWord, limit: 80))'\(hint) (.help lists them)", to: &output)
      return .proceed
    }
    switch parse(text) {
    case .error(let error, let prefix):
      showParseError(error, typed: text, prefix: prefix, into: &output)
    case .statement(let statement, let source):
      run(statement, source: source, into: &output)
    }
    return .proceed
  }

  /// A line read as the script language reads it: the statement and its source as a script
  /// would write it, or the error; `prefix` is how many characters `as` put before the typed
  /// text (`alice> `), so that an error's column points into what was typed.
  enum Parsed {
    case statement(Statement, source: String)
    case error(ParseError, prefix: Int)
  }

  /// Reads a line, sending it to the default actor when it has no `name>` and does not start
  /// with a keyword (`faq hours` is tried both ways: a definition, then the actor's insert).
  func parse(_ text: String) -> Parsed {
    func parseLine(_ line: String, prefix: Int) -> Parsed {
      do {
        guard let statement = try ScriptParser.parseLine(line, path: "<input>", lineNumber: linesRead) else {
          return .error(
            ParseError("nothing to run", at: SourceLocation(file: "<input>", line: linesRead)), prefix: 0)
        }
        return .statement(statement, source: statement.source)
      } catch {
        return .error(error, prefix: prefix)
      }
    }
    // A pasted `<` or `!` line is not the actor's: it gets the same message with `as` or without.
    guard let actor = defaultActor, Completer.actorMarker(Substring(text)) == nil, text.first != "<",
      text.first != "!"
    else {
      return parseLine(text, prefix: 0)
    }
    let firstWord = String(text.prefix { $0 != " " && $0 != "\t" })
    let asActor = parseLine("\(actor)> \(text)", prefix: actor.count + 2)
    guard Vocabulary.lineWords.contains(firstWord) else { return asActor }
    let asKeyword = parseLine(text, prefix: 0)
    if case .error = asKeyword, Completer.firstWords(.agent).contains(firstWord), case .statement = asActor {
      return asActor
    }
    return asKeyword
  }

  private func run(_ statement: Statement, source: String, into output: inout some TextOutputStream) {
    switch statement.kind {
    case .step:
      append([ScriptText.escapingControls(source)])
    case .use(let path):
      read(path, into: &output)
    case .command(let command, _):
      let execution = session.run(command)
      let outcome = execution.outcome
      lastCommand = (source, outcome)
      show(outcome, of: command, into: &output)
      var lines = ScriptText.lines(command: source, outcome: outcome)
      if let divergence = mirror?.mirror(execution, in: session) {
        // The script keeps the reference's lines: run with --sut, it fails right here.
        failuresShown += 1
        let said =
          ["differs from the system under test: " + divergence.message] + divergence.diff.map { "  " + $0 }
        for line in said { say(style.warning("# " + Style.visible(line, limit: 2000)), to: &output) }
        lines += said.map { ScriptText.comment("# " + $0) }
      }
      let violations = newInvariantViolations()
      if !violations.isEmpty {
        failuresShown += 1
        let message = "the engine broke its invariants: " + violations.joined(separator: "; ")
        say(style.warning("# " + Style.visible(message, limit: 2000)), to: &output)
        lines.append(ScriptText.comment("# " + message))
      }
      append(lines)
    }
  }

  /// Shows an outcome as a script writes it.
  private func show(_ outcome: Outcome, of command: ScriptCommand, into output: inout some TextOutputStream) {
    switch outcome {
    case .events(let events):
      if events.isEmpty, case .expect = command {
        say(style.note("# as expected"), to: &output)
      }
      for event in events {
        say(style.event(ExpectedLine.written("<", Style.visible(event, limit: 4000))), to: &output)
      }
    case .refused(let message):
      say(style.refusal("! " + Style.visible(message, limit: 500)), to: &output)
    case .failed(let message):
      let label = if case .expect = command { "# not as expected: " } else { "# not carried out: " }
      say(style.warning(label + Style.visible(message, limit: 500)), to: &output)
    }
  }

  /// The invariant violations of the last command not shown yet (routing audits accumulate).
  func newInvariantViolations() -> [String] {
    let all = session.invariantViolationsOfLastCommand()
    let routing = session.center.routingViolations
    guard !all.isEmpty else { return [] }
    let fresh = Array(routing.dropFirst(routingViolationsShown)) + Array(all.dropFirst(routing.count))
    routingViolationsShown = routing.count
    return fresh
  }

  /// `1 command`, `2 commands`.
  static func commands(_ count: Int) -> String { count == 1 ? "1 command" : "\(count) commands" }

  private func showParseError(
    _ error: ParseError, typed: String, prefix: Int, into output: inout some TextOutputStream
  ) {
    say(style.error("error: ") + Style.visible(error.message), to: &output)
    let column = error.location.column - prefix
    guard error.location.file == "<input>", column >= 1, column <= 120, typed.unicodeScalars.count <= 200
    else { return }
    say(style.note("  " + Style.visible(typed, limit: 200)), to: &output)
    // The caret goes under the column as shown: an escaped control character takes several.
    let before = String(String.UnicodeScalarView(typed.unicodeScalars.prefix(column - 1)))
    let shownColumn = Style.visible(before, limit: 200).unicodeScalars.count + 1
    say(style.note("  " + String(repeating: " ", count: shownColumn - 1) + "^"), to: &output)
  }

  func setDefaultActor(_ name: String, into output: inout some TextOutputStream) {
    guard !name.isEmpty else {
      defaultActor = nil
      say(style.note("# lines without 'name>' are no longer sent to an actor"), to: &output)
      return
    }
    guard AgentID.isValid(name) else {
      say(
        style.error("error: ")
          + "'\(Style.visible(name, limit: 80))' is not a name: use letters, digits, '-', '_' and '.'",
        to: &output)
      return
    }
    defaultActor = name
    let kind = session.center.agent(AgentID(name)) != nil ? "agent" : "customer"
    say(style.note("# lines without 'name>' now go to \(name) (\(kind)); `as` alone stops"), to: &output)
  }

  // MARK: Transcript and recording

  /// Adds lines to the transcript and, when recording, to the recording file at once.
  func append(_ lines: [String]) {
    keep(lines)
    guard let recording else { return }
    do {
      try recording.sink.append(lines.joined(separator: "\n") + "\n")
    } catch {
      pendingRecordingError = "cannot write to \(recording.path): \(error); the recording stopped"
      recording.sink.close()
      self.recording = nil
    }
  }

  /// A recording failure, told after the command's own output.
  var pendingRecordingError: String?

  func say(_ text: String, to output: inout some TextOutputStream) {
    if text.hasPrefix(style.error("error: ")) { errorsShown += 1 }
    output.write(text)
    output.write("\n")
  }
}
