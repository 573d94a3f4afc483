import ContactCenter

extension Event {
  /// The event a JSON object describes, or what is wrong with it (an unknown kind, a missing
  /// or mistyped field). Fields the kind does not have are ignored.
  public static func decode(_ json: JSON) throws(WireError) -> Event {
    let envelope = try Fields(json, "an event")
    let name = try envelope.string("event")
    guard let kind = Kind(rawValue: name) else { throw WireError("unknown event kind \"\(name)\"") }
    let f = try Fields(json, "event \(name)")
    switch kind {
    case .queueDefined:
      return .queueDefined(
        QueueDefinition(
          id: try f.id("queue"), media: try f.choice("media", Media.self),
          dispositions: try f.strings("dispositions").map { DispositionCode($0) }))
    case .agentDefined:
      return .agentDefined(
        try f.id("agent"), queues: try f.strings("queues").map { QueueID($0) },
        maximumChats: try f.optionalInt("max_chats"))
    case .customerDefined:
      return .customerDefined(try customerRecord(f))
    case .customerCreated:
      return .customerCreated(try customerRecord(f), from: try f.chat())
    case .caseDefined:
      return .caseDefined(
        CaseRecord(
          id: try f.id("case"), customer: try f.id("customer"), subject: try f.string("subject"),
          state: try f.choice("state", CaseState.self), chat: try f.optionalChat("chat"),
          text: try f.optionalString("text")))
    case .faqDefined:
      return .faqDefined(try f.id("faq"), length: try f.int("length"))
    case .settingChanged:
      return .settingChanged(try Setting.decode(f))
    case .loggedIn: return .loggedIn(try f.id("agent"))
    case .loggedOut: return .loggedOut(try f.id("agent"))
    case .readyToWork: return .readyToWork(try f.id("agent"), status: try AgentStatus.decode(f, "status"))
    case .statusChanged: return .statusChanged(try f.id("agent"), to: try AgentStatus.decode(f, "status"))
    case .queueListed:
      var pending: PendingSwitch?
      if let switchFields = try f.optionalObject("pending") {
        pending = PendingSwitch(
          enabled: try switchFields.bool("enabled"), path: try QueuePath.decode(switchFields, "path"))
      }
      return .queueListed(
        try f.id("agent"), try f.id("queue"), media: try f.choice("media", Media.self),
        enabled: try f.bool("enabled"),
        pending: pending)
    case .queueSwitched:
      return .queueSwitched(
        try f.id("agent"), try f.id("queue"), enabled: try f.bool("enabled"),
        path: try QueuePath.decode(f, "path"))
    case .queueEnabled: return .queueEnabled(try f.id("agent"), try f.id("queue"))
    case .queueDisabled: return .queueDisabled(try f.id("agent"), try f.id("queue"))
    case .chatQueued: return .chatQueued(try f.chat(), queue: try f.id("queue"), visitor: try f.id("visitor"))
    case .chatOffered:
      return .chatOffered(
        try f.chat(), to: try f.id("agent"), acceptWithin: try f.interval("accept_within_ms"))
    case .screenPop:
      return .screenPop(
        try f.chat(), for: try f.id("agent"), try ScreenPop.decode(try f.object("pop")),
        CRMSummary(
          customerName: try f.optionalString("customer_name"),
          caseSubject: try f.optionalString("case_subject")))
    case .offerPreview:
      var match: CustomerMatch?
      if let m = try f.optionalObject("match") {
        match = CustomerMatch(
          customer: try m.id("customer"), caseID: try m.optionalID("case"),
          basis: try CustomerMatch.Basis.decode(m, "basis"))
      }
      return .offerPreview(
        try f.chat(), for: try f.id("agent"), try ChatRequest.decode(try f.object("request")), match: match)
    case .chatAccepted: return .chatAccepted(try f.chat(), by: try f.id("agent"))
    case .chatRejected: return .chatRejected(try f.chat(), by: try f.id("agent"))
    case .offerExpired: return .offerExpired(try f.chat(), agent: try f.id("agent"))
    case .offerWithdrawn:
      return .offerWithdrawn(
        try f.chat(), agent: try f.id("agent"), reason: try WithdrawalReason.decode(try f.object("reason")))
    case .chatReturned:
      return .chatReturned(try f.chat(), queue: try f.id("queue"), position: try f.int("position"))
    case .chatAbandoned: return .chatAbandoned(try f.chat(), visitor: try f.id("visitor"))
    case .customerInfo:
      return .customerInfo(
        try f.chat(), for: try f.id("agent"), try ChatRequest.decode(try f.object("request")))
    case .message:
      return .message(try f.chat(), from: try Party.decode(try f.object("from")), text: try f.string("text"))
    case .typing:
      return .typing(try f.chat(), try Party.decode(try f.object("from")), isTyping: try f.bool("typing"))
    case .faqInserted:
      return .faqInserted(
        try f.chat(), try f.id("faq"), agent: try f.id("agent"), draftLength: try f.int("draft_length"))
    case .chatEnded: return .chatEnded(try f.chat(), by: try Party.decode(try f.object("by")))
    case .wrapUpTimer: return .wrapUpTimer(try f.chat(), elapsed: try f.interval("elapsed_ms"))
    case .dispositionSelected: return .dispositionSelected(try f.chat(), try f.id("code"))
    case .dispositionConfirmed: return .dispositionConfirmed(try f.chat(), try f.id("code"))
    case .chatFinished:
      return .chatFinished(try f.chat(), by: try f.id("agent"), wrapUp: try f.interval("wrap_up_ms"))
    case .logOpened:
      return .logOpened(try f.chat(), for: try f.id("agent"), mode: try ChatLogMode.decode(f, "mode"))
    case .logShown:
      return .logShown(
        try f.chat(),
        ChatLogSummary(
          mode: try ChatLogMode.decode(f, "mode"), customer: try f.optionalID("customer"),
          messageCount: try f.int("messages"),
          notes: try f.optionalString("notes"), savedCase: try f.optionalID("case"),
          isDraft: try f.bool("draft"),
          isSaved: try f.bool("saved")))
    case .logEdited: return .logEdited(try f.chat(), by: try f.id("agent"), length: try f.int("length"))
    case .logCustomerSelected: return .logCustomerSelected(try f.chat(), try f.id("customer"))
    case .logSaved:
      return .logSaved(
        try f.chat(), asCase: try f.id("case"), customer: try f.id("customer"), draft: try f.bool("draft"))
    }
  }

  private static func customerRecord(_ f: Fields) throws(WireError) -> CustomerRecord {
    CustomerRecord(
      id: try f.id("customer"), name: try f.string("name"), email: try f.string("email"),
      account: try f.optionalString("account"))
  }
}
