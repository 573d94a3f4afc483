/// Every kind of event, as data: what a driver or the wire protocol names and filters on (a
/// system under test says which kinds it reports). The raw value is the kind's stable name.
extension Event {
  public enum Kind: String, CaseIterable, Hashable, Sendable {
    case queueDefined = "queue-defined"
    case agentDefined = "agent-defined"
    case customerDefined = "customer-defined"
    case caseDefined = "case-defined"
    case faqDefined = "faq-defined"
    case settingChanged = "setting-changed"
    case loggedIn = "logged-in"
    case readyToWork = "ready-to-work"
    case statusChanged = "status-changed"
    case loggedOut = "logged-out"
    case queueListed = "queue-listed"
    case queueSwitched = "queue-switched"
    case queueEnabled = "queue-enabled"
    case queueDisabled = "queue-disabled"
    case chatQueued = "chat-queued"
    case chatOffered = "chat-offered"
    case screenPop = "screen-pop"
    case offerPreview = "offer-preview"
    case chatAccepted = "chat-accepted"
    case chatRejected = "chat-rejected"
    case offerExpired = "offer-expired"
    case offerWithdrawn = "offer-withdrawn"
    case chatReturned = "chat-returned"
    case chatAbandoned = "chat-abandoned"
    case customerInfo = "customer-info"
    case message
    case typing
    case faqInserted = "faq-inserted"
    case customerCreated = "customer-created"
    case chatEnded = "chat-ended"
    case wrapUpTimer = "wrap-up-timer"
    case dispositionSelected = "disposition-selected"
    case dispositionConfirmed = "disposition-confirmed"
    case chatFinished = "chat-finished"
    case logOpened = "log-opened"
    case logShown = "log-shown"
    case logEdited = "log-edited"
    case logCustomerSelected = "log-customer-selected"
    case logSaved = "log-saved"
  }

  public var kind: Kind {
    switch self {
    case .queueDefined: .queueDefined
    case .agentDefined: .agentDefined
    case .customerDefined: .customerDefined
    case .caseDefined: .caseDefined
    case .faqDefined: .faqDefined
    case .settingChanged: .settingChanged
    case .loggedIn: .loggedIn
    case .readyToWork: .readyToWork
    case .statusChanged: .statusChanged
    case .loggedOut: .loggedOut
    case .queueListed: .queueListed
    case .queueSwitched: .queueSwitched
    case .queueEnabled: .queueEnabled
    case .queueDisabled: .queueDisabled
    case .chatQueued: .chatQueued
    case .chatOffered: .chatOffered
    case .screenPop: .screenPop
    case .offerPreview: .offerPreview
    case .chatAccepted: .chatAccepted
    case .chatRejected: .chatRejected
    case .offerExpired: .offerExpired
    case .offerWithdrawn: .offerWithdrawn
    case .chatReturned: .chatReturned
    case .chatAbandoned: .chatAbandoned
    case .customerInfo: .customerInfo
    case .message: .message
    case .typing: .typing
    case .faqInserted: .faqInserted
    case .customerCreated: .customerCreated
    case .chatEnded: .chatEnded
    case .wrapUpTimer: .wrapUpTimer
    case .dispositionSelected: .dispositionSelected
    case .dispositionConfirmed: .dispositionConfirmed
    case .chatFinished: .chatFinished
    case .logOpened: .logOpened
    case .logShown: .logShown
    case .logEdited: .logEdited
    case .logCustomerSelected: .logCustomerSelected
    case .logSaved: .logSaved
    }
  }
}
