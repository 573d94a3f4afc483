/// Why the engine refused a command. A refused command changes nothing at all.
///
/// Each case's ``description`` is the message a QA engineer reads: it names what was asked,
/// why it cannot be done, and where useful what would be accepted. These texts are part of the
/// script language (`! message` lines) and are tested word for word.
public enum Refusal: Error, Hashable, Sendable {
  // Definitions and settings.
  case invalidName(kind: NameKind, text: String)
  case alreadyDefined(kind: NameKind, name: String)
  case unknownQueue(QueueID)
  case unknownAgent(AgentID)
  case unknownCustomer(CustomerID)
  case unknownFAQ(FAQID)
  case unknownChat(ChatID)
  case listedTwice(kind: NameKind, name: String)
  case accountTaken(String, by: CustomerID)
  case agentCapOutOfRange(Int)
  case emptyText(what: TextKind)
  case blankText(what: TextKind)
  case characterTooLong(what: TextKind, position: Int, codePoints: Int)
  case invalidEmail(String)
  case invalidIPAddress(String)
  case unknownSetting(String, known: [String])
  case invalidSettingValue(key: String, value: String, expected: String)
  case clockCannotGoBack(from: Instant, to: Instant)
  case clockPastMaximum(from: Instant)

  // Session.
  case alreadyLoggedIn(AgentID)
  case notLoggedIn(AgentID)
  case alreadyReady(AgentID)
  case notReady(AgentID)
  case alreadyInStatus(AgentID, AgentStatus)
  case logoutWhileHolding(AgentID, chats: [ChatID], offer: ChatID?)

  // Queues.
  case queueNotAssigned(AgentID, QueueID, assigned: [QueueID])
  case queueChangeNotPermitted(AgentID)
  case queueAlreadySwitched(AgentID, QueueID, enabled: Bool)
  case nothingToApply(AgentID, QueuePath)
  case notAChatQueue(QueueID, Media)

  // Offers.
  case visitorHasOpenChat(VisitorID, ChatID)
  case visitorHasNoChat(VisitorID)
  case noPendingOffer(AgentID)
  case offerNotForAgent(AgentID, ChatID)
  case offerAlreadyResolved(AgentID, ResolvedOffer)
  case rejectNotPermitted(AgentID, ChatID)

  // Chats held by an agent.
  case noChats(AgentID)
  case severalChats(AgentID, [ChatID])
  case chatNotHeld(AgentID, ChatID)
  case chatNotAccepted(ChatID)
  case chatAlreadyEnded(ChatID)
  case messageTooLong(length: Int)
  case draftTooLong(ChatID, FAQID, length: Int)
  case draftEmpty(ChatID)
  case noNewCustomerForm(ChatID)
  case customerAlreadySaved(ChatID, CustomerID)

  // Wrap-up.
  case notInWrapUp(ChatID)
  case dispositionsOff
  case queueHasNoDispositions(QueueID)
  case unknownDisposition(DispositionCode, queue: QueueID, codes: [DispositionCode])
  case noDispositionSelected(ChatID)
  case dispositionRequired(ChatID, codes: [DispositionCode])
  case dispositionNotConfirmed(ChatID, DispositionCode)

  // Chat log.
  case chatNotFinished(ChatID)
  case noLogs(AgentID)
  case severalLogs(AgentID, [ChatID])
  case logAlreadyOpen(ChatID)
  case noLog(ChatID)
  case logIsViewOnly(ChatID)
  case logAlreadySaved(ChatID, CaseID)
  case logNeedsCustomer(ChatID)
}
