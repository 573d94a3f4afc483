import ArgumentParser
import Conformance
import ContactCenter
import Exploration
import Glibc
import Subprocesses
import Wire

struct Explore: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Generate runs of commands, check each one, and shrink the first failure to a script.",
    discussion: """
      Each run is generated from the reference's state as it goes: agents log in, switch queues \
      on, take offers, talk, end, wrap up and finish; customers open chats and leave at every \
      stage; the clock lands on deadlines and a millisecond either side; settings change \
      mid-run; any command of the language may come, with values that are refused. After every \
      command the reference's invariants and routing audit are checked; with --sut, every \
      outcome is also compared with the system under test's, as `clavard run --sut` does (the \
      system is reset between runs when it can, started again otherwise; the commands it does \
      not support are left out, and the summary names them); with --fault, with \
      the reference made to get something wrong, in this process (as `--sut "clavard serve \
      --fault NAME"` would, without the pipe). The same seed gives the same runs; --shard I/N \
      makes shard I's own runs, so N shards explore N times as much.

      On the first failure the run is shrunk (chunks of commands removed, then agents and \
      customers, then texts, clock moves and values made plainer) while it fails the same way, \
      and written to --out as a script with the reference's events, which passes on the \
      reference and fails where the failure is. With --sut the shrunk run is replayed once on \
      a system just started: when it does not fail again (the failure depends on what ran before \
      it), the unshrunk run is written instead. Progress goes to standard error when it is a \
      terminal.

      Exit status: 0 when nothing failed, 1 when a failure was found (the script is written), \
      2 on a usage error or when the script cannot be written.
      """
  )

  @OptionGroup var system: SUTOptions

  @Option(
    name: .customLong("fault"),
    help: ArgumentHelp(
      "Compare with the reference made to get this wrong (repeatable; `clavard serve --list-faults`).",
      valueName: "name"),
    transform: Fault.parse)
  var faults: [Fault] = []

  @Option(parsing: .unconditional, help: "Seed of the runs.") var seed: UInt64 = 1
  @Option(parsing: .unconditional, help: "Runs to make (in this shard).") var runs = 1000
  @Option(parsing: .unconditional, help: "Commands in each run.") var commands = 100
  @Option(
    parsing: .unconditional,
    help: ArgumentHelp("Stop making runs after this long, such as 60s or 2m.", valueName: "duration"))
  var time: String?
  @Option(parsing: .unconditional, help: "Each run has from 1 to this many agents.") var agents = 3
  @Option(parsing: .unconditional, help: "Each run has from 1 to this many queues.") var queues = 2
  @Option(
    help: ArgumentHelp("Where to write the script of a failure.", valueName: "file"),
    completion: .file(extensions: ["chat"]))
  var out = "explore-failure.chat"
  @Flag(help: "Print one JSON object instead of a summary.") var json = false
  @Option(
    parsing: .unconditional,
    help: ArgumentHelp("Make only shard I of N's runs (from 1), such as 2/4.", valueName: "I/N"))
  var shard: String?

  func validate() throws {
    guard runs >= 1 else { throw ValidationError("--runs must be 1 or more, not \(runs)") }
    guard (1...ExplorationOptions.maximumCommands).contains(commands) else {
      throw ValidationError(
        "--commands must be from 1 to \(ExplorationOptions.maximumCommands), not \(commands)")
    }
    guard (1...ExplorationOptions.maximumAgents).contains(agents) else {
      throw ValidationError("--agents must be from 1 to \(ExplorationOptions.maximumAgents), not \(agents)")
    }
    guard (1...ExplorationOptions.maximumQueues).contains(queues) else {
      throw ValidationError("--queues must be from 1 to \(ExplorationOptions.maximumQueues), not \(queues)")
    }
    _ = try timeLimit()
    if let shard = try shard.map(Run.shard(parsing:)) {
      // Shard I of N makes runs I, I + N, I + 2N…: the last must have a number.
      let (span, spanOverflows) = (runs - 1).multipliedReportingOverflow(by: shard.count)
      let (_, lastOverflows) = span.addingReportingOverflow(shard.index)
      guard !spanOverflows, !lastOverflows else {
        throw ValidationError("--runs \(runs) of --shard \(shard) would number runs past \(Int.max)")
      }
    }
    guard !out.isEmpty else { throw ValidationError("--out needs a file name") }
    if !faults.isEmpty, system.sut != nil {
      throw ValidationError(
        "--fault compares with the reference made to get it wrong, in this process; it cannot be used with --sut"
      )
    }
  }

  /// `--time`: a duration of at least 1 ms.
  func timeLimit() throws(ValidationError) -> Interval? {
    guard let time else { return nil }
    guard let interval = Interval(parsing: time), interval.milliseconds > 0 else {
      throw ValidationError(
        "--time takes a duration such as 60s, 2m or 1m30s, not '\(Escaping.controlsEscaped(time))'")
    }
    return interval
  }

  func run() throws {
    var options = ExplorationOptions()
    options.seed = seed
    options.runs = runs
    options.commands = commands
    options.agents = agents
    options.queues = queues
    options.shard = try shard.map(Run.shard(parsing:))
    let faultSet = FaultSet(faults)
    let pool = faults.isEmpty ? system.pool() : LockstepPool { InProcessTransport(faults: faultSet) }
    defer { pool?.close() }
    let explorer = Explorer(options: options, system: pool, origin: origin, check: check)
    let meter = ExploreMeter(limit: try timeLimit(), showsProgress: !json && isatty(2) == 1)
    let exploration: Exploration
    do {
      exploration = try explorer.explore(keepGoing: meter.keepGoing) { run in meter.found(run: run) }
    } catch {
      meter.clear()
      Output.error(
        ([Escaping.controlsEscaped("clavard explore: \(error.message)")] + error.diff.map { "  " + $0 })
          .joined(separator: "\n"))
      throw ExitCode(2)
    }
    meter.clear()
    var written = false
    if let discovery = exploration.discovery {
      do {
        try ScriptFiles.writeAtomically(discovery.script, to: out)
        written = true
      } catch {
        Output.error("clavard explore: cannot write \(Escaping.controlsEscaped(out)): \(error)")
      }
    }
    let timing = meter.timing
    if json {
      Output.line(
        exploration.json(seed: seed, faults: faults, timing: timing, out: out, written: written).text)
    } else {
      let name = pool?.systemName ?? "the system under test"
      Output.line(exploration.summary(seed: seed, timing: timing, out: out, written: written, system: name))
    }
    guard exploration.discovery != nil else { return }
    throw ExitCode(written ? 1 : 2)
  }

  /// How the script's header says it was found.
  private var origin: String {
    var words = ["clavard explore --seed \(seed)"]
    if let shard { words.append("--shard \(shard)") }
    words += system.sut.map { ["--sut " + Self.quoted($0)] } ?? []
    words += faults.map { "--fault \($0)" }
    return words.joined(separator: " ")
  }

  /// How the script's header says to check it: the command that fails with it.
  private var check: String? {
    let sut =
      system.sut
      ?? (faults.isEmpty ? nil : (["clavard serve"] + faults.map { "--fault \($0)" }).joined(separator: " "))
    return sut.map { "clavard run --sut \(Self.quoted($0)) \(out)" }
  }

  /// A command line in double quotes, as a shell reads it back (`"`, `\\`, `$` and `` ` ``
  /// escaped).
  static func quoted(_ text: String) -> String {
    "\"" + Escaping.replacingScalars(in: text) { "\"\\$`".unicodeScalars.contains($0) ? "\\\($0)" : nil }
      + "\""
  }
}
