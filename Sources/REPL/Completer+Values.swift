import Conformance
import ContactCenter

extension Completer {
  /// What the state offers for each kind of value: the one place that knows which queues an
  /// agent may switch on, which chats it holds, which codes a chat's queue has.
  struct Lookup {
    var context: CompletionContext
    /// The agent typing, if the actor is one.
    var agent: AgentRecord?
    /// The chat named earlier on the line, if any.
    var chat: ChatID?
    /// The subject of an `expect` line or the key of a `set` line, when the value depends on it.
    var subject: String?

    var center: Center { context.center }

    func values(of kind: ValueKind) -> [String] {
      switch kind {
      case .newName, .newCodeList, .text, .number, .duration, .path, .stepID: []
      case .queue, .queueList: center.queues.keys.map(\.rawValue)
      case .chatQueue: center.queues.values.filter { $0.media == .chat }.map(\.id.rawValue)
      case .queueToEnable, .enabledQueue: switchableQueues(enabling: kind == .queueToEnable)
      case .agent: agentNames(context, prefix: "")
      case .actor: actorNames(context, prefix: "")
      case .customerRecord: center.crm.customers.keys.map(\.rawValue)
      case .caseRecord: center.crm.cases.keys.map(\.rawValue)
      case .faq: center.faqs.keys.map(\.rawValue)
      case .account:
        center.crm.customers.values.compactMap(\.account).filter { !$0.contains(" ") && !$0.contains("\"") }
      case .disposition: dispositionCodes()
      case .chat: center.chats.map(\.id.description)
      case .pendingOffer: [agent?.pendingOffer?.description].compactMap { $0 }
      case .heldChat: agent.map { $0.chats.map(\.description) } ?? []
      case .wrapUpChat: wrappingUp().map(\.description)
      case .logChat:
        unique(agent.map { ([$0.lastFinishedChat].compactMap { $0 } + $0.openLogs).map(\.description) } ?? [])
      case .choice(let choice): choice.words
      case .chatLimit: (1...Settings.maximumChatsPerAgent).map(String.init)
      case .time: [center.now.description]
      case .clockMove: clockMoves()
      case .settingKey: Vocabulary.settings.map(\.key.rawValue)
      case .settingValue: settingValues()
      case .orNone(let inner): values(of: inner) + ["none"]
      }
    }

    /// The assigned queues not switched on yet (or those switched on); all assigned ones when
    /// there are none of those.
    private func switchableQueues(enabling: Bool) -> [String] {
      guard let agent else { return [] }
      let assigned = agent.assignedQueues.map(\.rawValue)
      let enabled = agent.enabledQueues.map(\.rawValue)
      let wanted = enabling ? assigned.filter { !enabled.contains($0) } : enabled
      return wanted.isEmpty ? assigned : wanted
    }

    private func wrappingUp() -> [ChatID] {
      guard let agent else { return [] }
      return agent.chats.filter { if case .wrapUp = center.chat($0)?.state { true } else { false } }
    }

    /// The codes of the chat named before, else of the chats in wrap-up, else of all held.
    private func dispositionCodes() -> [String] {
      let chats: [ChatID]
      if let chat {
        chats = [chat]
      } else {
        let wrapUp = wrappingUp()
        chats = wrapUp.isEmpty ? agent.map { Array($0.chats) } ?? center.chats.map(\.id) : wrapUp
      }
      return unique(
        chats.compactMap { center.chat($0) }.flatMap {
          center.queues[$0.queue]?.dispositions.map(\.rawValue) ?? []
        })
    }

    /// To the next offer's deadline first: the next thing the clock can make happen.
    private func clockMoves() -> [String] {
      var moves: [String] = []
      if let deadline = nextOfferDeadline(center) {
        moves += ["+" + (deadline - center.now).description, deadline.description]
      }
      return moves + ["+1s", "+10s", "+30s", "+1m", "+5m"]
    }

    /// The current value first, then the others.
    private func settingValues() -> [String] {
      guard let subject, let key = Setting.Key(rawValue: subject) else { return [] }
      let current = center.settings.all.first { $0.key == key }?.valueText
      return unique([current].compactMap { $0 } + Vocabulary.setting(key).suggestedValues)
    }
  }

  /// When the earliest pending offer expires. (The engine's own next deadline may be a timer
  /// of an offer already accepted.)
  static func nextOfferDeadline(_ center: Center) -> Instant? {
    var earliest: Instant?
    for chat in center.chats {
      if case .offered(_, _, _, let deadline) = chat.state, earliest.map({ deadline < $0 }) ?? true {
        earliest = deadline
      }
    }
    return earliest
  }

  /// The values of a kind in a context with no agent or chat in view.
  static func values(of kind: ValueKind, subject: String? = nil, _ context: CompletionContext) -> [String] {
    Lookup(context: context, subject: subject).values(of: kind)
  }
}
