import ContactCenter

extension Simulation {
  /// Settings, queues, known customers, then each agent: defined, logged in, Ready to Work,
  /// its queues switched on (through either path) and confirmed, Available a little later.
  /// Linear in agents times queues per agent.
  mutating func setUp() {
    let settings: [Setting] = [
      .rejectPermission(true), .acceptInterval(.seconds(30)), .missedOfferStatus(.workingOffline),
      .disposition(.optional), .automaticChatLog(configuration.chatLog), .screenPop(.caseRecord),
    ]
    for setting in settings { call(.set(setting)) }
    let queueCount = max(1, configuration.queues)
    for number in 1...queueCount {
      let queue = QueueID("q-\(padded(number, to: queueCount))")
      queueIDs.append(queue)
      call(.defineQueue(queue, media: .chat, dispositions: ["resolved", "callback", "escalated"]))
    }
    let knownCount = min(10_000, max(1, configuration.chats / 10))
    for number in 1...knownCount {
      let customer = CustomerID("k-\(number)")
      knownCustomers.append(customer)
      call(.defineCustomer(customer, name: "Known \(number)", email: "k\(number)@example.com", account: nil))
    }
    let perAgent = min(max(1, configuration.queuesPerAgent), queueCount)
    var served = [Bool](repeating: false, count: queueCount)
    for number in 1...max(1, configuration.agents) {
      let agent = AgentID("a-\(padded(number, to: configuration.agents))")
      let chosen = Self.chooseQueues(perAgent, of: queueCount, using: &random)
      for queue in chosen { served[queue] = true }
      let assigned = chosen.map { queueIDs[$0] }
      let viaProfile = random.chance(0.5)
      call(.defineAgent(agent, queues: assigned, maximumChats: nil))
      guard let handle = center.handle(of: agent) else { continue }
      agents.append(handle)
      call(.agent(agent, .login))
      call(.agent(agent, .readyToWork))
      for queue in assigned {
        call(
          .agent(
            agent, viaProfile ? .switchProfileQueue(queue, enabled: true) : .selectQueue(queue, enabled: true)
          ))
      }
      call(.agent(agent, viaProfile ? .saveProfileQueues : .confirmSelections))
      schedule(.available(agents.count - 1), after: random.milliseconds(inSeconds: 0...30))
    }
    report.queuesWithoutAgents = served.lazy.filter { !$0 }.count
    scheduleArrival()
  }

  /// `count` different positions out of `0..<queues`, in increasing order, drawn from
  /// `random`, in O(count) draws: up to half of the queues it draws until it has `count`
  /// different ones (as every version has, so that such loads keep their counts for a seed);
  /// above half it draws the ones left out, instead of drawing ever more repeats.
  static func chooseQueues(_ count: Int, of queues: Int, using random: inout RandomSource) -> [Int] {
    if count * 2 <= queues {
      var chosen = Set<Int>()
      while chosen.count < count { chosen.insert(Int(random.next() % UInt64(queues))) }
      return chosen.sorted()
    }
    var left = Set<Int>()
    while left.count < queues - count { left.insert(Int(random.next() % UInt64(queues))) }
    return (0..<queues).filter { !left.contains($0) }
  }
}

private func padded(_ number: Int, to maximum: Int) -> String {
  let width = String(max(maximum, 1)).count
  let digits = String(number)
  return String(repeating: "0", count: max(0, width - digits.count)) + digits
}
