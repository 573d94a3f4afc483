import Conformance
import ContactCenter

/// The dot-commands (`.help`, `.save`, `.record`, `.read`, ...): what they print and change.
extension REPLSession {
  // MARK: Dot-commands

  func dotCommand(_ command: DotCommand, argument: String, into output: inout some TextOutputStream)
    -> REPLAction
  {
    switch command {
    case .actor:
      setDefaultActor(argument, into: &output)
    case .help:
      help(argument, into: &output)
    case .quit:
      return .quit
    case .state:
      for (heading, line) in StateView.lines(session.center) {
        say(
          heading ? style.heading(Style.visible(line, limit: 2000)) : Style.visible(line, limit: 2000),
          to: &output)
      }
    case .reset:
      guard recording == nil else {
        say(
          style.error("error: ")
            + "a script cannot start again from nothing: `.record stop` first, then `.reset`", to: &output)
        break
      }
      session = Session()
      clearTranscript()
      defaultActor = nil
      routingViolationsShown = 0
      if let mirrors, let current = mirror {
        mirrors.giveBack(current)
        mirror = nil
        switch mirrors.take() {
        case .success(let fresh): mirror = fresh
        case .failure(let problem):
          say(style.error("error: ") + Style.visible(problem.message) + "; going on without it", to: &output)
        }
      }
      say(style.note("# a new, empty contact center; the clock is at \(session.center.now)"), to: &output)
    case .read:
      guard let path = singlePath(argument, usage: ".read FILE", into: &output) else { break }
      read(path, into: &output)
    case .save:
      save(argument, into: &output)
    case .record:
      record(argument, into: &output)
    case .timeline:
      guard transcriptIsWhole(for: ".timeline", into: &output),
        let path = target(argument, of: ".timeline", into: &output)
      else { break }
      writeTimeline(to: path, into: &output)
    }
    return .proceed
  }

  /// The file a `.save` or `.timeline` writes: `FILE [--replace]`. Nil, having said why, when
  /// there is none, when it is the file being recorded, or when it exists and `--replace` was
  /// not given.
  private func target(_ argument: String, of command: String, into output: inout some TextOutputStream)
    -> String?
  {
    let usage = "\(command) FILE  or  \(command) FILE \(Self.replaceOption)"
    var argument = argument
    let replaces = argument == Self.replaceOption || argument.hasSuffix(" " + Self.replaceOption)
    if replaces { argument = argument.dropLast(Self.replaceOption.count).trimmingWhitespace() }
    guard let path = singlePath(argument, usage: usage, into: &output) else { return nil }
    let shown = Style.visible(path)
    if let recording, recording.path == path || files.isSameFile(path, as: recording.path) {
      say(
        style.error("error: ")
          + "\(shown) is the file being recorded; `.record stop` first, or save to another file", to: &output)
      return nil
    }
    guard replaces || !files.exists(path) else {
      say(
        style.error("error: ")
          + "\(shown) already exists; `\(command) \(shown) \(Self.replaceOption)` replaces it", to: &output)
      return nil
    }
    return path
  }

  private func help(_ argument: String, into output: inout some TextOutputStream) {
    guard !argument.isEmpty else {
      for (heading, line) in Help.overview() {
        say(heading.map { style.heading($0) } ?? line, to: &output)
      }
      return
    }
    guard let lines = Help.detail(argument) else {
      say(
        style.error("error: ") + "no command '\(Style.visible(argument, limit: 80))'; .help lists them",
        to: &output)
      return
    }
    for line in lines { say(line, to: &output) }
  }

  /// The one path a dot-command takes; quotes around it are allowed.
  private func singlePath(_ argument: String, usage: String, into output: inout some TextOutputStream)
    -> String?
  {
    var path = argument
    if path.count >= 2, path.hasPrefix("\""), path.hasSuffix("\"") {
      path = String(path.dropFirst().dropLast())
    }
    guard !path.isEmpty else {
      say(style.error("error: ") + "usage: \(usage)", to: &output)
      return nil
    }
    return path
  }

  /// The option of `.save` that lets it replace an existing file.
  public static let replaceOption = "--replace"

  /// `.save FILE [--replace]`: the session so far as a script. An existing file is replaced
  /// only when asked, and never the file being recorded (the recording would lose it).
  private func save(_ argument: String, into output: inout some TextOutputStream) {
    guard transcriptIsWhole(for: ".save", into: &output),
      let path = target(argument, of: ".save", into: &output)
    else { return }
    let shown = Style.visible(path)
    do {
      try files.write(ScriptText.document(transcript, replay: replay), to: path)
      say(style.note("# saved \(transcript.count) lines to \(shown)"), to: &output)
    } catch {
      say(
        style.error("error: ")
          + "cannot write \(shown): \(Style.visible(String(describing: error)))", to: &output)
    }
  }

  private func record(_ argument: String, into output: inout some TextOutputStream) {
    if argument == "stop" {
      guard let recording else {
        say(style.error("error: ") + "nothing is being recorded", to: &output)
        return
      }
      recording.sink.close()
      self.recording = nil
      say(style.note("# stopped recording to \(Style.visible(recording.path))"), to: &output)
      return
    }
    if let recording {
      say(
        style.error("error: ")
          + "already recording to \(Style.visible(recording.path)); `.record stop` first", to: &output)
      return
    }
    guard transcriptIsWhole(for: ".record", into: &output) else { return }
    guard let path = singlePath(argument, usage: ".record FILE  or  .record stop", into: &output) else {
      return
    }
    do {
      let sink = try files.create(path)
      do {
        try sink.append(ScriptText.document(transcript, replay: replay))
      } catch {
        // Nothing is left behind: half a script would replay as something that never happened.
        sink.close()
        files.remove(path)
        throw error
      }
      recording = (path, sink)
      let earlier = transcript.isEmpty ? "" : " (after the \(transcript.count) lines of the session so far)"
      say(
        style.note("# recording to \(Style.visible(path))\(earlier); each command is written as it runs"),
        to: &output)
    } catch {
      say(
        style.error("error: ")
          + "cannot record to \(Style.visible(path)): \(Style.visible(String(describing: error)))",
        to: &output)
    }
  }

  // MARK: .read and use

  /// Runs a script file in this session, checking its `<` and `!` lines; stops at its first
  /// failure and says where. What ran joins the transcript with its actual outcomes, so that
  /// `.save` and `.record` give a script that replays this session, not the file.
  func read(_ path: String, into output: inout some TextOutputStream) {
    let shown = Style.visible(path)
    let bytes: [UInt8]
    do {
      bytes = try files.read(path)
    } catch {
      say(
        style.error("error: ") + "cannot read \(shown): \(Style.visible(String(describing: error)))",
        to: &output)
      return
    }
    let script: Script
    do {
      script = try ScriptParser.parse(bytes: bytes, path: path, isInterrupted: isInterrupted)
    } catch {
      say(style.error("error: ") + Style.visible(error.description), to: &output)
      return
    }
    let files = self.files
    // Read afresh at each .read (the files may have been edited since), each file once.
    let includes = IncludeResolver(loader: { try files.read($0) }, isInterrupted: isInterrupted)
    let runner = ScriptRunner(includes: includes, isInterrupted: isInterrupted)
    let result = runner.run(script, in: &session, mirror: mirror)
    var sources = SourceLines(main: script, includes: includes)
    var lines: [String] = [ScriptText.comment("# .read " + path)]
    for recorded in result.outcomes {
      let source =
        sources.source(at: recorded.location) ?? "# (line \(recorded.location) could not be read again)"
      lines += ScriptText.lines(command: source, outcome: recorded.outcome)
    }
    let violations = newInvariantViolations()
    if !violations.isEmpty {
      lines.append(
        ScriptText.comment("# the engine broke its invariants: " + violations.joined(separator: "; ")))
    }
    append(lines)
    if result.wasInterrupted, let failure = result.failure {
      say(
        style.warning(
          "# \(shown): interrupted at \(Style.visible(failure.location.description)) after \(Self.commands(result.commandsRun))"
        )
          + style.note("; the session keeps what ran"), to: &output)
    } else if let failure = result.failure {
      say(
        style.error("error: ")
          + "\(shown) stopped at its first failure, after \(Self.commands(result.commandsRun)):", to: &output)
      for line in failure.description.split(separator: "\n", omittingEmptySubsequences: false) {
        say(style.warning(Style.visible(String(line), limit: 2000)), to: &output)
      }
      say(style.note("# the session keeps what ran, the failing command included"), to: &output)
    } else {
      say(
        style.note("# \(shown): \(Self.commands(result.commandsRun)), every event as expected"), to: &output)
    }
  }
}
