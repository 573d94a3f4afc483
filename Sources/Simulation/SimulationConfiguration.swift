/// The shape of a simulated load. Defaults give a quick run; `clavard simulate` exposes each.
public struct SimulationConfiguration: Hashable, Sendable {
  public var agents = 1000
  public var queues = 10
  public var queuesPerAgent = 3
  public var chats = 100_000
  public var seed: UInt64 = 1
  /// Check the engine's invariants as it goes (audit every offer, check the agents and chats each
  /// command touched, and the whole state every `fullCheckInterval` commands and at the end).
  public var check = false
  public var fullCheckInterval = 50_000
  /// Offered load as a fraction of the agents' nominal capacity.
  public var load = 0.9
  /// Automatic chat logging (creates a case per chat): off by default to keep memory for chats.
  public var chatLog = false

  // Behaviour of the simulated people, as probabilities and delays in seconds.
  public var rejectProbability = 0.03
  public var missProbability = 0.03
  public var acceptDelay: ClosedRange<Double> = 1...20
  public var abandonProbability = 0.05
  public var patience: ClosedRange<Double> = 20...300
  public var customerLeavesMidChatProbability = 0.05
  public var messagesPerChat: ClosedRange<Int> = 2...6
  public var messageGap: ClosedRange<Double> = 3...40
  public var wrapUp: ClosedRange<Double> = 3...30
  public var breakProbability = 0.01
  public var breakLength: ClosedRange<Double> = 60...600
  public var backFromMissedOffer: ClosedRange<Double> = 5...60
  /// Share of customers the CRM knows (matched by e-mail).
  public var knownCustomerShare = 0.5

  public init() {}

  // The largest loads a simulation accepts. The engine keeps every chat (chats are numbered and
  // can be asked about to the end), so memory grows with the chats; and set-up switches each
  // agent's queues on one by one, so its time grows with agents times queues per agent.

  /// At most this many chats, with a chat at about 0.7 KB of memory (the entry, its messages,
  /// the simulation's plan), 1.3 KB with automatic chat logging (a case per chat, holding the
  /// transcript): about 3.5 GB at the bound either way.
  public static func maximumChats(chatLog: Bool) -> Int { chatLog ? 2_500_000 : 5_000_000 }
  /// What a chat costs in memory, for messages that explain a refused size.
  public static func bytesPerChat(chatLog: Bool) -> Int { chatLog ? 1300 : 700 }
  /// About 0.5 KB of memory per agent.
  public static let maximumAgents = 1_000_000
  public static let maximumQueues = 100_000
  /// Agents times queues per agent: the queue switches set-up makes (a few microseconds each:
  /// about 15 s at the bound) and the queue places the agents hold (about 100 bytes each).
  public static let maximumQueueAssignments = 5_000_000

  /// A mean chat lasts about this long from offer to Finish; used to size the arrival rate.
  var meanHandlingSeconds: Double {
    let messages = Double(messagesPerChat.lowerBound + messagesPerChat.upperBound) / 2
    let gap = (messageGap.lowerBound + messageGap.upperBound) / 2
    let accept = (acceptDelay.lowerBound + acceptDelay.upperBound) / 2
    let wrap = (wrapUp.lowerBound + wrapUp.upperBound) / 2
    return accept + messages * gap + wrap
  }

  /// Chats arriving per second: the load times what the agents can hold (at most six each).
  var arrivalsPerSecond: Double {
    load * Double(agents) * 6 / meanHandlingSeconds
  }
}
