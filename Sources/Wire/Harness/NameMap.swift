import ContactCenter

/// The names a system under test gives to what it creates, mapped to the reference's.
///
/// A system may name its chats, the customers saved from the new-customer form and the cases
/// saved from a chat log as it likes. The harness learns each name from the event that creates
/// it (`chat-queued`, `customer-created`, `log-saved`), paired in order with the reference's
/// event of the same kind in the same reply; from then on requests carry the system's names and
/// its replies are read with the reference's. Names the tenant gives (agents, queues, the
/// customer records and cases a script defines) are the same on both sides.
struct NameMap {
  enum Kind: Hashable, CaseIterable {
    case chat, customer, caseRecord

    /// The JSON key that holds a name of this kind, in every message.
    var key: String {
      switch self {
      case .chat: "chat"
      case .customer: "customer"
      case .caseRecord: "case"
      }
    }

    /// The event that creates a name of this kind.
    var creation: Event.Kind {
      switch self {
      case .chat: .chatQueued
      case .customer: .customerCreated
      case .caseRecord: .logSaved
      }
    }
  }

  private var toSystem: [Kind: [String: String]] = [:]
  private var toReference: [Kind: [String: String]] = [:]

  /// No name was learned: the system's names are the reference's.
  var isEmpty: Bool { toSystem.isEmpty && toReference.isEmpty }

  /// The system's name for a reference name (the same when none was learned).
  func system(_ kind: Kind, _ reference: String) -> String { toSystem[kind]?[reference] ?? reference }

  /// The reference's name for a system's name (the same when none was learned).
  func reference(_ kind: Kind, _ system: String) -> String { toReference[kind]?[system] ?? system }

  /// Learns the names created by one reply: the reference's creation events and the system's,
  /// paired in order by kind. A name already known on either side keeps its pairing.
  mutating func learn(reference events: [Event], system replies: [JSON]) {
    for kind in Kind.allCases {
      let created = events.filter { $0.kind == kind.creation }.compactMap { Self.createdName($0, kind) }
      let named = replies.filter { $0["event"]?.string == kind.creation.rawValue }.compactMap {
        $0[kind.key]?.string
      }
      // A system that uses the reference's names needs no entry: names are the same by default.
      for (reference, system) in zip(created, named)
      where reference != system && toSystem[kind]?[reference] == nil && toReference[kind]?[system] == nil {
        toSystem[kind, default: [:]][reference] = system
        toReference[kind, default: [:]][system] = reference
      }
    }
  }

  /// The name an event creates, of any of the kinds: what a command still waiting may have
  /// created (``Lockstep/submit(_:)``).
  static func createdName(_ event: Event) -> String? {
    Kind.allCases.lazy.compactMap { createdName(event, $0) }.first
  }

  /// The keys of the names a system may choose, in every message.
  static let keys = Set(Kind.allCases.map(\.key))

  private static func createdName(_ event: Event, _ kind: Kind) -> String? {
    switch (event, kind) {
    case (.chatQueued(let chat, _, _), .chat): chat.description
    case (.customerCreated(let record, _), .customer): record.id.rawValue
    case (.logSaved(_, let caseID, _, _), .caseRecord): caseID.rawValue
    default: nil
    }
  }

  /// A message with every name of the three kinds translated, at any depth: to the system's
  /// names (requests) or to the reference's (replies).
  func translate(_ json: JSON, toSystem: Bool) -> JSON {
    // The common case (a system that keeps the reference's names) costs nothing.
    guard !(toSystem ? self.toSystem : toReference).isEmpty else { return json }
    return translated(json, toSystem: toSystem)
  }

  private func translated(_ json: JSON, toSystem: Bool) -> JSON {
    switch json {
    case .object(let members):
      return .object(
        members.map { key, value in
          if case .string(let name) = value, let kind = Kind.allCases.first(where: { $0.key == key }) {
            return (key, .string(toSystem ? system(kind, name) : reference(kind, name)))
          }
          return (key, translated(value, toSystem: toSystem))
        })
    case .array(let values):
      return .array(values.map { translated($0, toSystem: toSystem) })
    default:
      return json
    }
  }
}
