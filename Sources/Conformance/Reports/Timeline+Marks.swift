import ContactCenter

extension Timeline {
  /// Follows the events in order (drawn or not, so that what is drawn after a collapsed
  /// stretch is right) and adds the marks of those that are drawn: who holds which chat, in
  /// which place of the lane, and each agent's status.
  struct MarkBuilder {
    let rows: [Row]
    private(set) var marks: [Mark] = []
    private var laneOrder: [Lane.Kind: [String]] = [:]
    private var known: Set<Lane> = []
    private var status: [String: (style: Style, since: Int, title: String)] = [:]
    private var chats: [ChatID: Track] = [:]
    /// Each lane's places: the chat in each, or nil when free.
    private var places: [Lane: [ChatID?]] = [:]

    /// Where a chat is.
    private struct Track {
      var queue: String?
      var visitor: String?
      var agent: String?
      var slot = 0
      var queueSlot = 0
      var waitingSince: Int?
      var offeredSince: Int?
      var activeSince: Int?
      var wrapUpSince: Int?
      var customerSince: Int?
    }

    init(rows: [Row]) { self.rows = rows }

    /// The lanes in use: queues, then agents, then customers, each in order of appearance.
    var lanes: [Lane] {
      Lane.Kind.allCases.flatMap { kind in (laneOrder[kind] ?? []).map { Lane(kind: kind, name: $0) } }
    }

    private mutating func use(_ lane: Lane) {
      if known.insert(lane).inserted { laneOrder[lane.kind, default: []].append(lane.name) }
    }

    private mutating func point(
      _ row: Int, _ drawn: Bool, _ lane: Lane?, slot: Int = 0, _ style: Style, _ title: String
    ) {
      guard drawn, let lane else { return }
      use(lane)
      marks.append(.point(row: row, lane: lane, slot: slot, style: style, title: title))
    }

    private mutating func arrow(
      _ row: Int, _ drawn: Bool, from: (Lane, Int)?, to: (Lane, Int)?, _ style: Style, _ title: String
    ) {
      guard drawn, let from, let to else { return }
      use(from.0)
      use(to.0)
      marks.append(
        .arrow(row: row, from: from.0, fromSlot: from.1, to: to.0, toSlot: to.1, style: style, title: title))
    }

    /// A bar from `since` to `row`, unless both are the same row and it ends there (nothing
    /// to draw, or a collapsed stretch).
    private mutating func bar(
      _ since: Int?, _ row: Int, _ lane: Lane?, slot: Int?, _ style: Style, _ title: String,
      open: Bool = false
    ) {
      guard let since, let lane, since != row || open else { return }
      use(lane)
      marks.append(.bar(from: since, to: row, lane: lane, slot: slot, style: style, title: title, open: open))
    }

    private func during(_ since: Int, _ row: Int) -> String { "\(rows[since].instant)–\(rows[row].instant)" }

    private mutating func take(_ lane: Lane, for chat: ChatID) -> Int {
      var taken = places[lane] ?? []
      let slot = taken.firstIndex(of: nil) ?? taken.count
      if slot == taken.count { taken.append(chat) } else { taken[slot] = chat }
      places[lane] = taken
      return slot
    }

    private mutating func free(_ lane: Lane, _ slot: Int) {
      if places[lane]?.indices.contains(slot) == true { places[lane]?[slot] = nil }
    }

    private mutating func setStatus(_ agent: String, _ style: Style?, row: Int, title: String) {
      let lane = Lane(kind: .agent, name: agent)
      if let current = status[agent] {
        bar(
          current.since, row, lane, slot: nil, current.style, "\(current.title) \(during(current.since, row))"
        )
      }
      status[agent] = style.map { ($0, row, "\(agent): \(title)") }
    }

    private static func style(_ status: AgentStatus) -> Style {
      switch status {
      case .available: .available
      case .onBreak: .onBreak
      case .workingOffline: .workingOffline
      }
    }

    private static func agentLane(_ name: String?) -> Lane? { name.map { Lane(kind: .agent, name: $0) } }
    private static func queueLane(_ name: String?) -> Lane? { name.map { Lane(kind: .queue, name: $0) } }
    private static func customerLane(_ name: String?) -> Lane? {
      name.map { Lane(kind: .customer, name: $0) }
    }

    /// The lane of a party of a chat.
    private func lane(of party: Party, in chat: ChatID) -> (Lane, Int)? {
      switch party {
      case .agent(let agent): (Lane(kind: .agent, name: agent.rawValue), chats[chat]?.slot ?? 0)
      case .customer(let visitor): (Lane(kind: .customer, name: visitor.rawValue), 0)
      }
    }

    /// The other side of a chat from `party`.
    private func counterpart(of party: Party, in chat: ChatID) -> (Lane, Int)? {
      guard let track = chats[chat] else { return nil }
      switch party {
      case .agent: return Self.customerLane(track.visitor).map { ($0, 0) }
      case .customer: return Self.agentLane(track.agent).map { ($0, track.slot) }
      }
    }

    /// The agent's place for a chat, for the marks of its workspace.
    private func agentPlace(_ chat: ChatID) -> (Lane, Int)? {
      guard let track = chats[chat] else { return nil }
      return Self.agentLane(track.agent).map { ($0, track.slot) }
    }

    mutating func add(_ events: [Event], command: TimedCommand, row: Int, drawn: Bool) {
      // Every event is followed; a row draws the marks of its first ones only (a `clock` over
      // hours of expiries can bring thousands), its hover lists them.
      for (offset, event) in events.enumerated() {
        add(event, row: row, drawn: drawn && offset < Timeline.marksPerRow)
      }
      guard drawn else { return }
      var actor: Lane?
      if case .actor(let name) = command.kind {
        actor = known.contains(Lane(kind: .agent, name: name)) ? Lane(kind: .agent, name: name) : nil
        if actor == nil, known.contains(Lane(kind: .customer, name: name)) {
          actor = Lane(kind: .customer, name: name)
        }
      }
      if let refusal = command.refusal { point(row, drawn, actor, .refusal, "! " + refusal) }
      if let problem = command.problem { point(row, drawn, actor, .problem, problem) }
    }

    // One case per event: a long switch reads better than a table of closures.
    private mutating func add(_ event: Event, row: Int, drawn: Bool) {
      let title = event.description
      switch event {
      case .queueDefined(let queue): use(Lane(kind: .queue, name: queue.id.rawValue))
      case .agentDefined(let agent, _, _): use(Lane(kind: .agent, name: agent.rawValue))
      case .customerDefined, .caseDefined, .faqDefined, .settingChanged: break
      case .loggedIn(let agent):
        setStatus(agent.rawValue, .loggedIn, row: row, title: "logged in, not ready")
        point(row, drawn, Self.agentLane(agent.rawValue), .note, title)
      case .readyToWork(let agent, let new), .statusChanged(let agent, let new):
        setStatus(agent.rawValue, Self.style(new), row: row, title: new.description)
        point(row, drawn, Self.agentLane(agent.rawValue), .note, title)
      case .loggedOut(let agent):
        setStatus(agent.rawValue, nil, row: row, title: "")
        point(row, drawn, Self.agentLane(agent.rawValue), .note, title)
      case .queueListed(let agent, _, _, _, _), .queueSwitched(let agent, _, _, _),
        .queueEnabled(let agent, _),
        .queueDisabled(let agent, _):
        point(row, drawn, Self.agentLane(agent.rawValue), .note, title)
      case .chatQueued(let chat, let queue, let visitor):
        let lane = Lane(kind: .queue, name: queue.rawValue)
        var track = Track(queue: queue.rawValue, visitor: visitor.rawValue)
        track.queueSlot = take(lane, for: chat)
        track.waitingSince = row
        track.customerSince = row
        chats[chat] = track
        arrow(
          row, drawn, from: (Lane(kind: .customer, name: visitor.rawValue), 0), to: (lane, track.queueSlot),
          .opened, title)
      case .chatOffered(let chat, let agent, _):
        guard var track = chats[chat] else { break }
        let queue = Self.queueLane(track.queue)
        bar(
          track.waitingSince, row, queue, slot: track.queueSlot, .waiting,
          "\(chat) waiting in \(track.queue ?? "") \(during(track.waitingSince ?? row, row))")
        if let queue { free(queue, track.queueSlot) }
        track.waitingSince = nil
        let lane = Lane(kind: .agent, name: agent.rawValue)
        track.agent = agent.rawValue
        track.slot = take(lane, for: chat)
        track.offeredSince = row
        chats[chat] = track
        arrow(row, drawn, from: queue.map { ($0, track.queueSlot) }, to: (lane, track.slot), .offer, title)
      case .screenPop(let chat, _, _, _), .offerPreview(let chat, _, _, _), .customerInfo(let chat, _, _),
        .faqInserted(let chat, _, _, _), .customerCreated(_, let chat), .wrapUpTimer(let chat, _),
        .dispositionSelected(let chat, _), .dispositionConfirmed(let chat, _), .logOpened(let chat, _, _),
        .logShown(let chat, _), .logEdited(let chat, _, _), .logCustomerSelected(let chat, _),
        .logSaved(let chat, _, _, _):
        let place = agentPlace(chat)
        point(row, drawn, place?.0, slot: place?.1 ?? 0, .note, title)
      case .chatAccepted(let chat, let agent):
        guard var track = chats[chat] else { break }
        let lane = Lane(kind: .agent, name: agent.rawValue)
        bar(
          track.offeredSince, row, lane, slot: track.slot, .offer,
          "\(chat) offered to \(agent) \(during(track.offeredSince ?? row, row))")
        track.offeredSince = nil
        track.activeSince = row
        chats[chat] = track
        point(row, drawn, lane, slot: track.slot, .accepted, title)
      case .chatRejected(let chat, let agent), .offerExpired(let chat, let agent),
        .offerWithdrawn(let chat, let agent, _):
        guard var track = chats[chat] else { break }
        let lane = Lane(kind: .agent, name: agent.rawValue)
        let style: Style = if case .offerWithdrawn = event { .withdrawn } else { .missed }
        bar(
          track.offeredSince, row, lane, slot: track.slot, style,
          "\(chat) offered to \(agent) \(during(track.offeredSince ?? row, row))")
        free(lane, track.slot)
        track.offeredSince = nil
        chats[chat] = track
        point(row, drawn, lane, slot: track.slot, style, title)
      case .chatReturned(let chat, let queue, _):
        guard var track = chats[chat] else { break }
        let lane = Lane(kind: .queue, name: queue.rawValue)
        track.queue = queue.rawValue
        track.queueSlot = take(lane, for: chat)
        track.waitingSince = row
        chats[chat] = track
        arrow(
          row, drawn, from: Self.agentLane(track.agent).map { ($0, track.slot) }, to: (lane, track.queueSlot),
          .returned, title)
      case .chatAbandoned(let chat, let visitor):
        guard var track = chats[chat] else { break }
        let queue = Self.queueLane(track.queue)
        bar(
          track.waitingSince, row, queue, slot: track.queueSlot, .waiting,
          "\(chat) waiting \(during(track.waitingSince ?? row, row))")
        if let queue { free(queue, track.queueSlot) }
        let customer = Lane(kind: .customer, name: visitor.rawValue)
        bar(
          track.customerSince, row, customer, slot: 0, .customerChat,
          "\(chat) of \(visitor) \(during(track.customerSince ?? row, row))")
        track.waitingSince = nil
        track.customerSince = nil
        chats[chat] = track
        point(row, drawn, customer, .missed, title)
      case .message(let chat, let party, _):
        let style: Style = if case .customer = party { .customerMessage } else { .message }
        if counterpart(of: party, in: chat) == nil {
          point(
            row, drawn, lane(of: party, in: chat)?.0, slot: lane(of: party, in: chat)?.1 ?? 0, style, title)
        } else {
          arrow(
            row, drawn, from: lane(of: party, in: chat), to: counterpart(of: party, in: chat), style, title)
        }
      case .typing(let chat, let party, _):
        point(
          row, drawn, lane(of: party, in: chat)?.0, slot: lane(of: party, in: chat)?.1 ?? 0, .typing, title)
      case .chatEnded(let chat, _):
        guard var track = chats[chat] else { break }
        let agent = Self.agentLane(track.agent)
        bar(
          track.activeSince, row, agent, slot: track.slot, .active,
          "\(chat) in progress \(during(track.activeSince ?? row, row))")
        let customer = Self.customerLane(track.visitor)
        bar(
          track.customerSince, row, customer, slot: 0, .customerChat,
          "\(chat) of \(track.visitor ?? "") \(during(track.customerSince ?? row, row))")
        track.activeSince = nil
        track.customerSince = nil
        track.wrapUpSince = row
        chats[chat] = track
        point(row, drawn, agent, slot: track.slot, .ended, title)
        point(row, drawn, customer, .ended, title)
      case .chatFinished(let chat, let agent, _):
        guard var track = chats[chat] else { break }
        let lane = Lane(kind: .agent, name: agent.rawValue)
        bar(
          track.wrapUpSince, row, lane, slot: track.slot, .wrapUp,
          "\(chat) in wrap-up \(during(track.wrapUpSince ?? row, row))")
        free(lane, track.slot)
        track.wrapUpSince = nil
        chats[chat] = track
        point(row, drawn, lane, slot: track.slot, .finished, title)
      }
    }

    /// Ends every bar still open at the last row: they last past it.
    mutating func closeAll(lastRow: Int) {
      guard lastRow >= 0 else { return }
      for (agent, current) in status.sorted(by: { $0.key < $1.key }) {
        bar(
          current.since, lastRow, Lane(kind: .agent, name: agent), slot: nil, current.style,
          "\(current.title) from \(rows[current.since].instant)", open: true)
      }
      for (chat, track) in chats.sorted(by: { $0.key < $1.key }) {
        let agent = Self.agentLane(track.agent)
        bar(
          track.waitingSince, lastRow, Self.queueLane(track.queue), slot: track.queueSlot, .waiting,
          "\(chat) waiting", open: true)
        bar(
          track.offeredSince, lastRow, agent, slot: track.slot, .offer,
          "\(chat) offered to \(track.agent ?? "")", open: true)
        bar(track.activeSince, lastRow, agent, slot: track.slot, .active, "\(chat) in progress", open: true)
        bar(track.wrapUpSince, lastRow, agent, slot: track.slot, .wrapUp, "\(chat) in wrap-up", open: true)
        bar(
          track.customerSince, lastRow, Self.customerLane(track.visitor), slot: 0, .customerChat,
          "\(chat) of \(track.visitor ?? "")", open: true)
      }
    }
  }
}
