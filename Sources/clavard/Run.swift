import ArgumentParser
import Conformance
import ContactCenter

struct Run: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Run conformance scripts (*.chat files, or folders of them) and check every event.",
    discussion: """
      Files are sorted by path; --filter and --tags choose among them, then --shard takes its \
      share. A file that cannot be read or parsed is always selected (it cannot say what it \
      covers), reported as file:line:column under its FAIL line (on standard error with --tap; \
      path: cannot read this file: reason when it cannot be read), and counted as failed. `-` \
      alone runs a script read from standard input. \
      Under GITHUB_ACTIONS=true every failure is also printed as a ::error workflow command \
      (on standard error). The run ends with the line `N passed, N failed`.

      Exit status: 0 when every script passed, 1 when a script failed, 2 on a usage error or a \
      script that cannot be read or parsed.
      """
  )

  @Argument(
    help: """
      Script files or folders (searched recursively for *.chat, except fragments in setup/); \
      - reads a script from standard input.
      """,
    completion: .file(extensions: ["chat"]))
  var paths: [String]

  @Flag(
    help: """
      Rewrite the '<' and '!' lines of every file the run executes with what actually happened, \
      and print a unified diff of each change.
      """)
  var update = false

  @Flag(help: "With --update: print what would change (a unified diff), write nothing.")
  var dryRun = false

  @Option(
    help: ArgumentHelp("Also write a JUnit XML report to this file.", valueName: "file"), completion: .file())
  var junit: String?

  @Option(
    help: ArgumentHelp(
      "Also write an HTML report with each script's timeline to this file (one file, nothing external).",
      valueName: "file"),
    completion: .file())
  var html: String?

  @Flag(help: "Print TAP version 13 instead of the text report.")
  var tap = false

  // `.unconditional`: `--jobs -1` is a bad number, said as such, not a missing value.
  @Option(parsing: .unconditional, help: "Run this many scripts at once (the output is the same as with 1).")
  var jobs = 1

  @Option(
    parsing: .unconditional,
    help: ArgumentHelp("Run only shard I of N (from 1), such as 2/4.", valueName: "I/N"))
  var shard: String?

  @Option(
    help: ArgumentHelp(
      "Run only scripts whose path, covers id or step id contains this text (ignoring case).",
      valueName: "text"))
  var filter: String?

  @Option(help: ArgumentHelp("Run only scripts with any of these tags.", valueName: "a,b"))
  var tags: String?

  @Flag(help: "Stop after the first failing script (the summary still prints).")
  var bail = false

  @Option(
    help: ArgumentHelp(
      "Colour the text report: auto (on a terminal, unless NO_COLOR is set), always or never.",
      valueName: "when"))
  var color = ColorChoice.auto

  @OptionGroup var system: SUTOptions

  func validate() throws {
    guard (1...1024).contains(jobs) else {
      throw ValidationError("--jobs must be from 1 to 1024, not \(jobs)")
    }
    _ = try selection()
    if paths.contains("-"), paths.count > 1 {
      throw ValidationError("- (a script on standard input) is run alone, without other paths")
    }
    if update, paths.contains("-") {
      throw ValidationError("--update rewrites files; it cannot rewrite standard input (-)")
    }
    if update, bail {
      throw ValidationError("--update rewrites every selected script; it cannot be used with --bail")
    }
    if dryRun, !update {
      throw ValidationError("--dry-run shows what --update would change; use it with --update")
    }
    if update, system.sut != nil {
      throw ValidationError("--update writes what the reference does; it cannot be used with --sut")
    }
    if let junit, let html, ScriptFile.normalized(junit) == ScriptFile.normalized(html) {
      throw ValidationError(
        "--junit and --html name the same file, \(Escaping.controlsEscaped(junit)); one would replace the other"
      )
    }
  }

  func run() async throws {
    let selection = try selection()
    // --update reads each file once: what it parses is what it rewrites.
    let snapshots = FileSnapshots()
    if paths == ["-"] {
      let entry = StandardInputScript.run(recordsTimeline: html != nil)
      if tap { Output.text(Report.tapHeader(planned: 1)) }
      printEntry(entry, number: 1)
      return try finish(Report(entries: [entry]))
    }
    let discovered =
      update ? ScriptFiles.discover(paths, reading: snapshots.read) : ScriptFiles.discover(paths)
    // With nothing found at all, the one message below says so.
    for folder in discovered.emptyFolders where !discovered.files.isEmpty {
      Output.error("clavard: no .chat files in \(Escaping.controlsEscaped(folder))")
    }
    let filtered = Selection(filter: selection.filter, tags: selection.tags).select(discovered.files)
    guard !filtered.isEmpty else {
      let reason =
        discovered.files.isEmpty
        ? "no .chat files in \(Escaping.controlsEscaped(paths.joined(separator: " ")))"
        : "no script matches \(Self.described(selection))"
      Output.error("clavard: nothing to run: \(reason)")
      throw ExitCode(2)
    }
    let selected = selection.shard?.select(filtered) ?? filtered
    if update {
      try await runUpdate(selected, snapshots: snapshots)
    } else {
      try await runAndReport(selected, bail: bail)
    }
  }

  /// Runs the files, printing each as it is known (in file order), then the summary; writes
  /// the JUnit report; exits with the report's status.
  private func runAndReport(_ files: [ScriptFile], bail: Bool) async throws {
    let pool = system.pool()
    let runner = ScriptRunner(loader: ScriptFiles.loader, recordsTimeline: html != nil)
    let suite = SuiteRunner(runner: runner, jobs: jobs, bail: bail, mirrors: pool)
    if tap { Output.text(Report.tapHeader(planned: files.count)) }
    var number = 0
    let report = await suite.run(files) { entry in
      number += 1
      printEntry(entry, number: number)
    }
    pool?.close()
    if let pool, let note = SUTOptions.note(pool) {
      if tap { Output.text("# " + note + "\n") } else { Output.line(note) }
    }
    try finish(report)
  }

  /// One script: its TAP lines (and its parse error on standard error), or its text report
  /// lines (the parse error next to its `FAIL` line); its annotation under GitHub Actions.
  private func printEntry(_ entry: ReportEntry, number: Int) {
    Output.annotation(Report.githubAnnotation(entry, relativeTo: GitHubActions.workingDirectory))
    if tap {
      if let error = Report.errorText(entry) { Output.error(error) }
      Output.text(Report.tap(entry, number: number))
    } else {
      Output.line(Report.text(entry, style: color.style))
    }
  }

  /// The failing scripts, the `--bail` note, the summary, the JUnit file, and the exit status.
  private func finish(_ report: Report) throws {
    if tap {
      if !report.notRun.isEmpty { Output.text(Report.tapBailOut) }
      Output.text(report.tapSummary)
    } else {
      if let failed = report.failedScripts(style: color.style) { Output.line(failed) }
      if let note = report.bailNote { Output.line(note) }
      Output.line(report.summary(style: color.style))
    }
    var status = ExitStatus.of(report)
    if let junit {
      // The report so far goes first: the JUnit file may be standard output (`/dev/stdout`).
      Output.flush()
      do {
        try ScriptFiles.writeAtomically(report.junit(), to: junit)
      } catch {
        Output.error("clavard: cannot write the JUnit report \(Escaping.controlsEscaped(junit)): \(error)")
        status = 2
      }
    }
    if let html {
      do {
        try ScriptFiles.writeAtomically(report.html(), to: html)
      } catch {
        Output.error("clavard: cannot write the HTML report \(Escaping.controlsEscaped(html)): \(error)")
        status = 2
      }
    }
    if status != 0 { throw ExitCode(status) }
  }

  /// `--update`: refuses (writing nothing) when a file does not parse, or when two scripts
  /// would rewrite a fragment differently; otherwise rewrites the files, says which changed
  /// and shows how as a unified diff (on standard error with `--tap`, which must start with
  /// its version line), and runs the scripts again to report how they stand now. With
  /// `--dry-run`, says the same and stops there: nothing is written, nothing runs again.
  private func runUpdate(_ files: [ScriptFile], snapshots: FileSnapshots) async throws {
    var scripts: [Script] = []
    var errors: [ScriptProblem] = []
    for file in files {
      switch file.script {
      case .success(let script): scripts.append(script)
      case .failure(let error): errors.append(error)
      }
    }
    func say(_ text: String) {
      if tap { Output.error(text) } else { Output.line(text) }
    }
    do {
      guard errors.isEmpty else { throw ScriptUpdater.NothingUpdated(errors: errors) }
      let updates = try await ScriptUpdater.update(scripts, loader: snapshots.loader, jobs: jobs)
      // The diff is coloured only where the report would be: on standard output.
      let style = tap ? ReportStyle.plain : color.style
      var changed = 0
      var unwritten = 0
      for update in updates where update.changed {
        let path = Escaping.controlsEscaped(update.path)
        if !dryRun {
          do {
            try ScriptFiles.writeAtomically(update.updated, to: update.path, original: update.original)
          } catch {
            // The others are still written: each file is whole, old or new.
            Output.error("clavard: cannot write \(path): \(error)")
            unwritten += 1
            continue
          }
        }
        say((dryRun ? "would update " : "updated ") + path)
        say(
          String(
            UnifiedDiff.text(path: update.path, old: update.original, new: update.updated, style: style)
              .dropLast()))
        changed += 1
      }
      if unwritten > 0 { throw ExitCode(2) }
      if changed == 0 { say(dryRun ? "no file would change" : "no file changed") }
      if dryRun { return }
    } catch let refusal as ScriptUpdater.NothingUpdated {
      // The files that stop the update are the report: each one failed, nothing ran.
      let report = Report(
        entries: refusal.errors.map { ReportEntry(path: $0.location.file, outcome: .broken($0)) })
      if tap { Output.text(Report.tapHeader(planned: report.planned)) }
      for (offset, entry) in report.entries.enumerated() { printEntry(entry, number: offset + 1) }
      Output.error("nothing was updated: fix these files first")
      try finish(report)
      return
    }
    try await runAndReport(files.map { ScriptFiles.load($0.path) }, bail: false)
  }
}
