import ContactCenter
import Testing

@testable import Simulation

@Suite struct SimulationTests {
  static func small(seed: UInt64 = 3, check: Bool = true) -> SimulationConfiguration {
    var configuration = SimulationConfiguration()
    configuration.agents = 60
    configuration.queues = 6
    configuration.queuesPerAgent = 2
    configuration.chats = 3000
    configuration.seed = seed
    configuration.check = check
    configuration.fullCheckInterval = 500
    return configuration
  }

  @Test("--check over a seeded load finds no invariant violation, and every part of the load happened")
  func checkedLoadHasNoViolations() {
    var simulation = Simulation(Self.small())
    let report = simulation.run(timed: false)
    #expect(report.invariantViolations == [])
    #expect(report.chats == 3000)
    #expect(report.accepted > 2000)
    #expect(report.rejected > 0)
    #expect(report.expired > 0)
    #expect(report.abandoned > 0)
    #expect(report.finished == report.accepted)
    #expect(report.maximumChatsPerAgent <= Settings.maximumChatsPerAgent)
    #expect(report.decisions == report.offered)
  }

  @Test("the same seed gives the same counts; another seed, others")
  func deterministic() {
    func counts(_ seed: UInt64) -> [Int] {
      var simulation = Simulation(Self.small(seed: seed, check: false))
      let report = simulation.run(timed: false)
      return [
        report.offered, report.accepted, report.rejected, report.expired, report.abandoned, report.commands,
      ]
    }
    #expect(counts(11) == counts(11))
    #expect(counts(11) != counts(12))
  }

  @Test("with automatic chat logging every new customer's log is saved as a case")
  func chatLogsAreSaved() {
    var configuration = Self.small()
    configuration.chatLog = true
    var simulation = Simulation(configuration)
    let report = simulation.run(timed: false)
    #expect(report.invariantViolations == [])
    #expect(simulation.center.crm.cases.count == report.finished)
    #expect(simulation.center.agents.allSatisfy { $0.openLogs.isEmpty })
  }

  @Test("plans follow the chat ids the engine gives, not positions: a center that already holds chats")
  func plansKeyedByTheSimulation() {
    var center = Center()
    let request = ChatRequest(name: "Early", email: "early@example.com", ipAddress: "192.0.2.1")
    for (number, queue) in [(1, "early-1"), (2, "early-2")] {
      _ = try? center.perform(.defineQueue(QueueID(queue), media: .chat, dispositions: []))
      _ = try? center.perform(.customer(VisitorID("early-\(number)"), .open(QueueID(queue), request)))
    }
    #expect(center.chats.count == 2)
    var simulation = Simulation(Self.small(), center: center)
    let report = simulation.run(timed: false)
    #expect(report.invariantViolations == [])
    // The two early chats wait for ever (no agent serves their queues); every chat of the load
    // was played out as planned: accepted and finished, or abandoned.
    #expect(report.chats == 3002)
    #expect(report.finished == report.accepted && report.accepted + report.abandoned == 3000)
    #expect(simulation.center.chat(ChatID(1))?.state == .queued)
  }

  @Test("queues no agent serves: their chats are counted as unserved, so the counts add up, and it is said")
  func unservedQueues() {
    var configuration = SimulationConfiguration()
    configuration.agents = 1
    configuration.chats = 400
    configuration.check = true
    var simulation = Simulation(configuration)
    let report = simulation.run(timed: false)
    #expect(report.invariantViolations == [])
    #expect(report.queuesWithoutAgents == 7)
    #expect(report.unserved > 0)
    #expect(report.chats == report.accepted + report.abandoned + report.unserved)
    #expect(report.summary.contains("unserved \(report.unserved)"))
    #expect(report.summary.contains("7 queues have no agent: their chats wait, counted as unserved"))
    #expect(report.json.contains("\"unserved\": \(report.unserved), \"queues_without_agents\": 7"))
  }

  @Test("the summary shows withdrawn offers and refusals, as the JSON does")
  func summaryMatchesJSON() {
    var report = SimulationReport()
    report.withdrawn = 12
    report.refusals = 34
    #expect(report.summary.contains(", withdrawn 12, "))
    #expect(report.summary.contains(", refusals 34, "))
    #expect(report.json.contains("\"withdrawn\": 12") && report.json.contains("\"refusals\": 34"))
    #expect(!report.summary.contains("no agent"))
    report.queuesWithoutAgents = 1
    #expect(report.summary.contains("1 queue has no agent: its chats wait, counted as unserved"))
  }

  @Test("each agent's queues: as many as asked, all different, in order; up to half of them drawn as always")
  func chosenQueues() {
    for (count, queues) in [(1, 1), (3, 10), (5, 10), (6, 10), (10, 10), (999, 1000), (1000, 1000)] {
      var random = RandomSource(seed: UInt64(count * queues))
      let chosen = Simulation.chooseQueues(count, of: queues, using: &random)
      #expect(chosen.count == count && Set(chosen).count == count, "\(count) of \(queues)")
      #expect(chosen == chosen.sorted() && chosen.allSatisfy { (0..<queues).contains($0) })
    }
    // Up to half, the draws of every earlier version: the same seed gives the same agents.
    var random = RandomSource(seed: 42)
    var reference = RandomSource(seed: 42)
    for _ in 0..<100 {
      var drawn = Set<Int>()
      while drawn.count < 5 { drawn.insert(Int(reference.next() % 100)) }
      #expect(Simulation.chooseQueues(5, of: 100, using: &random) == drawn.sorted())
    }
  }

  @Test("the JSON report names every field the benchmark reads")
  func jsonFields() {
    var report = SimulationReport()
    report.invariantViolations = []
    let json = report.json
    for key in [
      "chats", "offered", "accepted", "missed", "withdrawn", "abandoned", "finished", "unserved",
      "queues_without_agents", "max_chats_per_agent", "decisions", "refusals",
      "decision_p50_ns", "decision_p99_ns", "wall_seconds", "peak_rss_bytes", "invariant_violations",
    ] {
      #expect(json.contains("\"\(key)\": "), "missing \(key)")
    }
    #expect(!SimulationReport().json.contains("invariant_violations"))
  }
}

@Suite struct AgendaTests {
  @Test(
    "actions come out by time, and in the order scheduled at the same time, across buckets and the overflow")
  func order() {
    var agenda = Agenda()
    var random = RandomSource(seed: 5)
    var expected: [(Int64, Int)] = []
    for index in 0..<5000 {
      // Mostly within the wheel, some far beyond it, many at the same instants.
      let time = random.chance(0.1) ? Int64(random.next() % 5_000_000) : Int64(random.next() % 200) * 250
      agenda.insert(.available(index), at: Instant(milliseconds: time))
      expected.append((time, index))
    }
    expected.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
    var popped: [(Int64, Int)] = []
    while let (time, action) = agenda.popMin() {
      guard case .available(let index) = action else { continue }
      popped.append((time.milliseconds, index))
    }
    #expect(popped.map(\.0) == expected.map(\.0))
    #expect(popped.map(\.1) == expected.map(\.1))
    #expect(agenda.isEmpty)
  }

  @Test("an action scheduled for the second being worked through still comes out in order")
  func insertIntoCurrentBucket() {
    var agenda = Agenda()
    agenda.insert(.available(1), at: Instant(milliseconds: 1500))
    agenda.insert(.available(2), at: Instant(milliseconds: 1900))
    guard case .available(1)? = agenda.popMin()?.action else {
      Issue.record("expected action 1 first")
      return
    }
    agenda.insert(.available(3), at: Instant(milliseconds: 1600))
    #expect(agenda.popMin().map { $0.time.milliseconds } == 1600)
    #expect(agenda.popMin().map { $0.time.milliseconds } == 1900)
    #expect(agenda.popMin() == nil)
  }
}

@Suite struct RandomSourceTests {
  @Test("SplitMix64 gives its reference sequence for seed 0")
  func reference() {
    var random = RandomSource(seed: 0)
    #expect(random.next() == 0xE220_A839_7B1D_CDAF)
    #expect(random.next() == 0x6E78_9E6A_A1B9_65F4)
  }

  @Test("ln(x) is accurate enough to draw delays", arguments: [0.001, 0.1, 0.25, 0.5, 0.75, 0.999])
  func logarithm(x: Double) {
    let expected: [Double: Double] = [
      0.001: -6.907755278982137, 0.1: -2.302585092994046, 0.25: -1.3862943611198906,
      0.5: -0.6931471805599453, 0.75: -0.2876820724517809, 0.999: -0.0010005003335835335,
    ]
    #expect(abs(naturalLog(x) - (expected[x] ?? 0)) < 1e-9)
  }
}
