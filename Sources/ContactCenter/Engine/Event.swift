/// Something that happened, or something the workspace showed, as the result of a command or of
/// time passing. Each event has one stable line of text (``description``), documented in
/// `docs/engine.md`, which scripts compare exactly.
///
/// Cases with large payloads are `indirect` so that an event, and the arrays of events every
/// command returns, stay small: the common events (queued, offered, accepted, messages) are
/// not inflated to the size of the rarest one.
public enum Event: Hashable, Sendable {
  // Definitions and settings.
  indirect case queueDefined(QueueDefinition)
  indirect case agentDefined(AgentID, queues: [QueueID], maximumChats: Int?)
  indirect case customerDefined(CustomerRecord)
  indirect case caseDefined(CaseRecord)
  case faqDefined(FAQID, length: Int)
  case settingChanged(Setting)

  // Session and queues.
  case loggedIn(AgentID)
  case readyToWork(AgentID, status: AgentStatus)
  case statusChanged(AgentID, to: AgentStatus)
  case loggedOut(AgentID)
  indirect case queueListed(AgentID, QueueID, media: Media, enabled: Bool, pending: PendingSwitch?)
  case queueSwitched(AgentID, QueueID, enabled: Bool, path: QueuePath)
  case queueEnabled(AgentID, QueueID)
  case queueDisabled(AgentID, QueueID)

  // Routing and offers.
  case chatQueued(ChatID, queue: QueueID, visitor: VisitorID)
  case chatOffered(ChatID, to: AgentID, acceptWithin: Interval)
  indirect case screenPop(ChatID, for: AgentID, ScreenPop, CRMSummary)
  indirect case offerPreview(ChatID, for: AgentID, ChatRequest, match: CustomerMatch?)
  case chatAccepted(ChatID, by: AgentID)
  case chatRejected(ChatID, by: AgentID)
  case offerExpired(ChatID, agent: AgentID)
  indirect case offerWithdrawn(ChatID, agent: AgentID, reason: WithdrawalReason)
  /// CHAT-4: back in its queue ahead of every newer chat: at the head (`position` 1), or just
  /// behind older chats that are waiting too (that were also offered and came back), so the
  /// queue stays in order of arrival.
  case chatReturned(ChatID, queue: QueueID, position: Int)
  case chatAbandoned(ChatID, visitor: VisitorID)

  // Conversation.
  indirect case customerInfo(ChatID, for: AgentID, ChatRequest)
  case message(ChatID, from: Party, text: String)
  case typing(ChatID, Party, isTyping: Bool)
  case faqInserted(ChatID, FAQID, agent: AgentID, draftLength: Int)
  indirect case customerCreated(CustomerRecord, from: ChatID)

  // End, wrap-up, Finish and the chat log.
  case chatEnded(ChatID, by: Party)
  case wrapUpTimer(ChatID, elapsed: Interval)
  case dispositionSelected(ChatID, DispositionCode)
  case dispositionConfirmed(ChatID, DispositionCode)
  case chatFinished(ChatID, by: AgentID, wrapUp: Interval)
  case logOpened(ChatID, for: AgentID, mode: ChatLogMode)
  indirect case logShown(ChatID, ChatLogSummary)
  case logEdited(ChatID, by: AgentID, length: Int)
  case logCustomerSelected(ChatID, CustomerID)
  case logSaved(ChatID, asCase: CaseID, customer: CustomerID, draft: Bool)
}

/// Which of the two enablement paths a queue switch went through.
public enum QueuePath: Hashable, Sendable {
  /// SES-4: My assigned queues, applied by Confirm selections.
  case assignedQueues
  /// SES-5: Change status > My profile > Queues, applied by Save queues.
  case profile
}

/// A switch changed but not applied yet, as the queue list shows it.
public struct PendingSwitch: Hashable, Sendable {
  public let enabled: Bool
  public let path: QueuePath

  /// Public so that an event can be rebuilt outside the engine (the wire protocol decodes a
  /// system under test's events to compare them with the reference's).
  public init(enabled: Bool, path: QueuePath) {
    self.enabled = enabled
    self.path = path
  }
}

/// Why an offer was taken back from an agent before it was accepted.
public enum WithdrawalReason: Hashable, Sendable {
  case statusChanged(AgentStatus)
  case queueDisabled(QueueID)
  case customerLeft(VisitorID)
  case capLowered(Int)
}

/// What a screen pop shows of the record: name of the customer, subject of the case.
public struct CRMSummary: Hashable, Sendable {
  public let customerName: String?
  public let caseSubject: String?

  /// Public so that an event can be rebuilt outside the engine (the wire protocol decodes a
  /// system under test's events to compare them with the reference's).
  public init(customerName: String?, caseSubject: String?) {
    self.customerName = customerName
    self.caseSubject = caseSubject
  }
}

/// What the `log` command shows of a chat log.
public struct ChatLogSummary: Hashable, Sendable {
  public let mode: ChatLogMode
  public let customer: CustomerID?
  public let messageCount: Int
  public let notes: String?
  public let savedCase: CaseID?
  public let isDraft: Bool
  public let isSaved: Bool

  /// Public so that an event can be rebuilt outside the engine (the wire protocol decodes a
  /// system under test's events to compare them with the reference's).
  public init(
    mode: ChatLogMode, customer: CustomerID?, messageCount: Int, notes: String?, savedCase: CaseID?,
    isDraft: Bool, isSaved: Bool
  ) {
    self.mode = mode
    self.customer = customer
    self.messageCount = messageCount
    self.notes = notes
    self.savedCase = savedCase
    self.isDraft = isDraft
    self.isSaved = isSaved
  }
}
