import ArgumentParser
import Simulation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

struct Simulate: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Drive the engine with a seeded load and report what happened and how fast routing was.",
    discussion: """
      Customers arrive in chat queues; agents accept after a delay, some reject or miss the \
      offer; conversations, typing, customers leaving, wrap-up with a disposition, Finish and \
      breaks follow, all on the engine's virtual clock. The same seed gives the same counts. \
      The load addresses agents and chats by handle, as a server holding sessions would (same \
      behaviour as by name). Routing decision times are measured around each engine call that made a decision.

      Chats in a queue no agent serves wait to the end and are counted as unserved. Sizes are \
      bounded by what memory and set-up allow: at most \
      \(SimulationConfiguration.maximumChats(chatLog: false)) chats (every chat stays in memory; \
      \(SimulationConfiguration.maximumChats(chatLog: true)) with --chat-log), \
      \(SimulationConfiguration.maximumAgents) agents, \
      \(SimulationConfiguration.maximumQueues) queues, and \
      \(SimulationConfiguration.maximumQueueAssignments) for agents times queues per agent.
      """
  )

  // `.unconditional`: the word after the option is its value even when it starts with `-`, so
  // that `--agents -1` is told what is wrong with -1, not that the value is missing.
  @Option(parsing: .unconditional, help: "Number of agents.") var agents = 1000
  @Option(parsing: .unconditional, help: "Number of chat queues.") var queues = 10
  @Option(parsing: .unconditional, help: "Queues assigned to (and enabled by) each agent.")
  var queuesPerAgent = 3
  @Option(parsing: .unconditional, help: "Number of chats that arrive.") var chats = 100_000
  @Option(parsing: .unconditional, help: "Seed of the random choices.") var seed: UInt64 = 1
  @Option(
    parsing: .unconditional, help: "Offered load, as a fraction of what the agents can hold (0.1 to 2).")
  var load = 0.9
  @Flag(help: "Check the engine's invariants as the load runs, and report violations.") var check = false
  @Flag(help: "Turn automatic chat logging on (a case per chat).") var chatLog = false
  @Flag(help: "Print one JSON object instead of a summary.") var json = false

  func validate() throws {
    typealias Limits = SimulationConfiguration
    guard agents >= 1, agents <= Limits.maximumAgents else {
      throw ValidationError("--agents must be from 1 to \(Limits.maximumAgents), not \(agents)")
    }
    guard queues >= 1, queues <= Limits.maximumQueues else {
      throw ValidationError("--queues must be from 1 to \(Limits.maximumQueues), not \(queues)")
    }
    guard queuesPerAgent >= 1, queuesPerAgent <= queues else {
      throw ValidationError(
        "--queues-per-agent must be from 1 to the number of queues (\(queues)), not \(queuesPerAgent)")
    }
    guard agents * queuesPerAgent <= Limits.maximumQueueAssignments else {
      throw ValidationError(
        "--agents times --queues-per-agent must be at most \(Limits.maximumQueueAssignments) (each agent's queues are switched on one by one at set-up and held in memory), not \(agents) times \(queuesPerAgent)"
      )
    }
    let maximumChats = Limits.maximumChats(chatLog: chatLog)
    guard chats >= 0, chats <= maximumChats else {
      let bytes = Limits.bytesPerChat(chatLog: chatLog)
      let gigabytes = (Double(max(chats, 0)) * Double(bytes) / 1e9 * 10).rounded() / 10
      let withLog = chatLog ? " with --chat-log" : ""
      throw ValidationError(
        "--chats must be from 0 to \(maximumChats)\(withLog), not \(chats)"
          + (chats > 0
            ? ": every chat stays in memory\(chatLog ? " with its log" : ""), about \(bytes) bytes each, so \(chats) would need about \(gigabytes) GB"
            : ""))
    }
    guard load >= 0.1, load <= 2 else { throw ValidationError("--load must be from 0.1 to 2, not \(load)") }
  }

  func run() throws {
    var configuration = SimulationConfiguration()
    configuration.agents = agents
    configuration.queues = queues
    configuration.queuesPerAgent = queuesPerAgent
    configuration.chats = chats
    configuration.seed = seed
    configuration.load = load
    configuration.check = check
    configuration.chatLog = chatLog
    var simulation = Simulation(configuration)
    var report = simulation.run()
    report.peakResidentBytes = peakResidentBytes()
    print(json ? report.json : report.summary)
    if let violations = report.invariantViolations, !violations.isEmpty { throw ExitCode(1) }
  }
}

/// The process's peak resident memory (getrusage reports kilobytes on Linux, bytes on macOS).
func peakResidentBytes() -> Int {
  var usage = rusage()
  guard getrusage(rusageSelf, &usage) == 0 else { return 0 }
  #if os(Linux)
    return Int(usage.ru_maxrss) * 1024
  #else
    return Int(usage.ru_maxrss)
  #endif
}

#if os(Linux)
  private let rusageSelf = __rusage_who_t(RUSAGE_SELF.rawValue)
#else
  private let rusageSelf = RUSAGE_SELF
#endif
