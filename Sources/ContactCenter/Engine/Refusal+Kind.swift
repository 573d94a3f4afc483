/// Every kind of refusal, as data: what a driver or a wire protocol matches on, and what the
/// documentation test walks through (a kind without a sample and a line in `docs/engine.md`
/// fails it). The raw value is the kind's stable name.
extension Refusal {
  public enum Kind: String, CaseIterable, Hashable, Sendable {
    case invalidName = "invalid-name"
    case alreadyDefined = "already-defined"
    case unknownQueue = "unknown-queue"
    case unknownAgent = "unknown-agent"
    case unknownCustomer = "unknown-customer"
    case unknownFAQ = "unknown-faq"
    case unknownChat = "unknown-chat"
    case listedTwice = "listed-twice"
    case accountTaken = "account-taken"
    case agentCapOutOfRange = "agent-cap-out-of-range"
    case emptyText = "empty-text"
    case blankText = "blank-text"
    case characterTooLong = "character-too-long"
    case invalidEmail = "invalid-email"
    case invalidIPAddress = "invalid-ip-address"
    case unknownSetting = "unknown-setting"
    case invalidSettingValue = "invalid-setting-value"
    case clockCannotGoBack = "clock-cannot-go-back"
    case clockPastMaximum = "clock-past-maximum"
    case alreadyLoggedIn = "already-logged-in"
    case notLoggedIn = "not-logged-in"
    case alreadyReady = "already-ready"
    case notReady = "not-ready"
    case alreadyInStatus = "already-in-status"
    case logoutWhileHolding = "logout-while-holding"
    case queueNotAssigned = "queue-not-assigned"
    case queueChangeNotPermitted = "queue-change-not-permitted"
    case queueAlreadySwitched = "queue-already-switched"
    case nothingToApply = "nothing-to-apply"
    case notAChatQueue = "not-a-chat-queue"
    case visitorHasOpenChat = "visitor-has-open-chat"
    case visitorHasNoChat = "visitor-has-no-chat"
    case noPendingOffer = "no-pending-offer"
    case offerNotForAgent = "offer-not-for-agent"
    case offerAlreadyResolved = "offer-already-resolved"
    case rejectNotPermitted = "reject-not-permitted"
    case noChats = "no-chats"
    case severalChats = "several-chats"
    case chatNotHeld = "chat-not-held"
    case chatNotAccepted = "chat-not-accepted"
    case chatAlreadyEnded = "chat-already-ended"
    case messageTooLong = "message-too-long"
    case draftTooLong = "draft-too-long"
    case draftEmpty = "draft-empty"
    case noNewCustomerForm = "no-new-customer-form"
    case customerAlreadySaved = "customer-already-saved"
    case notInWrapUp = "not-in-wrap-up"
    case dispositionsOff = "dispositions-off"
    case queueHasNoDispositions = "queue-has-no-dispositions"
    case unknownDisposition = "unknown-disposition"
    case noDispositionSelected = "no-disposition-selected"
    case dispositionRequired = "disposition-required"
    case dispositionNotConfirmed = "disposition-not-confirmed"
    case chatNotFinished = "chat-not-finished"
    case noLogs = "no-logs"
    case severalLogs = "several-logs"
    case logAlreadyOpen = "log-already-open"
    case noLog = "no-log"
    case logIsViewOnly = "log-is-view-only"
    case logAlreadySaved = "log-already-saved"
    case logNeedsCustomer = "log-needs-customer"
  }

  /// This refusal's kind.
  public var kind: Kind {
    switch self {
    case .invalidName: .invalidName
    case .alreadyDefined: .alreadyDefined
    case .unknownQueue: .unknownQueue
    case .unknownAgent: .unknownAgent
    case .unknownCustomer: .unknownCustomer
    case .unknownFAQ: .unknownFAQ
    case .unknownChat: .unknownChat
    case .listedTwice: .listedTwice
    case .accountTaken: .accountTaken
    case .agentCapOutOfRange: .agentCapOutOfRange
    case .emptyText: .emptyText
    case .blankText: .blankText
    case .characterTooLong: .characterTooLong
    case .invalidEmail: .invalidEmail
    case .invalidIPAddress: .invalidIPAddress
    case .unknownSetting: .unknownSetting
    case .invalidSettingValue: .invalidSettingValue
    case .clockCannotGoBack: .clockCannotGoBack
    case .clockPastMaximum: .clockPastMaximum
    case .alreadyLoggedIn: .alreadyLoggedIn
    case .notLoggedIn: .notLoggedIn
    case .alreadyReady: .alreadyReady
    case .notReady: .notReady
    case .alreadyInStatus: .alreadyInStatus
    case .logoutWhileHolding: .logoutWhileHolding
    case .queueNotAssigned: .queueNotAssigned
    case .queueChangeNotPermitted: .queueChangeNotPermitted
    case .queueAlreadySwitched: .queueAlreadySwitched
    case .nothingToApply: .nothingToApply
    case .notAChatQueue: .notAChatQueue
    case .visitorHasOpenChat: .visitorHasOpenChat
    case .visitorHasNoChat: .visitorHasNoChat
    case .noPendingOffer: .noPendingOffer
    case .offerNotForAgent: .offerNotForAgent
    case .offerAlreadyResolved: .offerAlreadyResolved
    case .rejectNotPermitted: .rejectNotPermitted
    case .noChats: .noChats
    case .severalChats: .severalChats
    case .chatNotHeld: .chatNotHeld
    case .chatNotAccepted: .chatNotAccepted
    case .chatAlreadyEnded: .chatAlreadyEnded
    case .messageTooLong: .messageTooLong
    case .draftTooLong: .draftTooLong
    case .draftEmpty: .draftEmpty
    case .noNewCustomerForm: .noNewCustomerForm
    case .customerAlreadySaved: .customerAlreadySaved
    case .notInWrapUp: .notInWrapUp
    case .dispositionsOff: .dispositionsOff
    case .queueHasNoDispositions: .queueHasNoDispositions
    case .unknownDisposition: .unknownDisposition
    case .noDispositionSelected: .noDispositionSelected
    case .dispositionRequired: .dispositionRequired
    case .dispositionNotConfirmed: .dispositionNotConfirmed
    case .chatNotFinished: .chatNotFinished
    case .noLogs: .noLogs
    case .severalLogs: .severalLogs
    case .logAlreadyOpen: .logAlreadyOpen
    case .noLog: .noLog
    case .logIsViewOnly: .logIsViewOnly
    case .logAlreadySaved: .logAlreadySaved
    case .logNeedsCustomer: .logNeedsCustomer
    }
  }
}
