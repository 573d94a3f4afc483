/// Runs a set of script files, `jobs` at a time, and reports them in the order of the files:
/// with any number of jobs, the entries, their order and the report are those of a serial run.
///
/// Each script runs on its own fresh session, so scripts share nothing but the loader (which
/// must be safe to call from several threads at once).
public struct SuiteRunner: Sendable {
  public var runner: ScriptRunner
  /// How many scripts run at once (at least 1).
  public var jobs: Int
  /// Stop after the first script that fails (in file order): the entries after it are left out,
  /// exactly as a serial run would.
  public var bail: Bool
  /// Measure each script's wall-clock time (`ReportEntry.seconds`).
  public var measuresTime: Bool
  /// A system under test run beside the reference: each script gets a mirror from here.
  public var mirrors: (any MirrorSource)?

  public init(
    runner: ScriptRunner, jobs: Int = 1, bail: Bool = false, measuresTime: Bool = true,
    mirrors: (any MirrorSource)? = nil
  ) {
    self.runner = runner
    self.jobs = max(1, jobs)
    self.bail = bail
    self.measuresTime = measuresTime
    self.mirrors = mirrors
  }

  /// Runs the files and calls `onEntry` with each entry as soon as it and all the entries before
  /// it are known (so output streams in file order).
  public func run(_ files: [ScriptFile], onEntry: (ReportEntry) -> Void = { _ in }) async -> Report {
    var entries: [ReportEntry] = []
    entries.reserveCapacity(files.count)
    let runner = runner
    let measuresTime = measuresTime
    let bail = bail
    let mirrors = mirrors
    let run: @Sendable (ScriptFile) -> ReportEntry = {
      Self.entry(for: $0, runner: runner, measuresTime: measuresTime, mirrors: mirrors)
    }
    await forEachConcurrently(files, jobs: jobs, run) { entry in
      entries.append(entry)
      onEntry(entry)
      return !(bail && !entry.passed)
    }
    return Report(entries: entries, notRun: files[entries.count...].map(\.path))
  }

  static func entry(
    for file: ScriptFile, runner: ScriptRunner, measuresTime: Bool, mirrors: (any MirrorSource)? = nil
  ) -> ReportEntry {
    switch file.script {
    case .failure(let error):
      return ReportEntry(path: file.path, outcome: .broken(error))
    case .success(let script):
      let clock = ContinuousClock()
      let start = clock.now
      let result = run(script, runner: runner, mirrors: mirrors)
      guard measuresTime else { return ReportEntry(path: file.path, outcome: .ran(result)) }
      let elapsed = (clock.now - start).components
      let seconds = Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18
      return ReportEntry(path: file.path, outcome: .ran(result), seconds: seconds)
    }
  }

  /// One script, with a mirror when there is a source: a system that cannot be had fails the
  /// script with why (the next script asks for a new one).
  private static func run(_ script: Script, runner: ScriptRunner, mirrors: (any MirrorSource)?)
    -> ScriptResult
  {
    guard let mirrors else { return runner.run(script) }
    switch mirrors.take() {
    case .failure(let divergence):
      var result = ScriptResult(path: script.path, covers: script.covers, tags: script.tags)
      result.failure = RunFailure(
        location: script.statements.first?.location ?? SourceLocation(file: script.path, line: 1),
        message: divergence.message, diff: divergence.diff)
      return result
    case .success(let mirror):
      defer { mirrors.giveBack(mirror) }
      return runner.run(script, mirror: mirror)
    }
  }
}
