extension Event {
  /// The chat the event is about, if any: lets a driver or the REPL follow one chat.
  public var chat: ChatID? {
    switch self {
    case .chatQueued(let chat, _, _), .chatOffered(let chat, _, _), .screenPop(let chat, _, _, _),
      .offerPreview(let chat, _, _, _), .chatAccepted(let chat, _), .chatRejected(let chat, _),
      .offerExpired(let chat, _), .offerWithdrawn(let chat, _, _), .chatReturned(let chat, _, _),
      .chatAbandoned(let chat, _), .customerInfo(let chat, _, _), .message(let chat, _, _),
      .typing(let chat, _, _), .faqInserted(let chat, _, _, _), .customerCreated(_, let chat),
      .chatEnded(let chat, _), .wrapUpTimer(let chat, _), .dispositionSelected(let chat, _),
      .dispositionConfirmed(let chat, _), .chatFinished(let chat, _, _), .logOpened(let chat, _, _),
      .logShown(let chat, _), .logEdited(let chat, _, _), .logCustomerSelected(let chat, _),
      .logSaved(let chat, _, _, _):
      chat
    case .queueDefined, .agentDefined, .customerDefined, .caseDefined, .faqDefined, .settingChanged,
      .loggedIn, .readyToWork, .statusChanged, .loggedOut, .queueListed, .queueSwitched, .queueEnabled,
      .queueDisabled:
      nil
    }
  }

  /// The agent the event is about, if any.
  public var agent: AgentID? {
    switch self {
    case .agentDefined(let agent, _, _), .loggedIn(let agent), .readyToWork(let agent, _),
      .statusChanged(let agent, _), .loggedOut(let agent), .queueListed(let agent, _, _, _, _),
      .queueSwitched(let agent, _, _, _), .queueEnabled(let agent, _), .queueDisabled(let agent, _),
      .chatOffered(_, let agent, _), .screenPop(_, let agent, _, _), .offerPreview(_, let agent, _, _),
      .chatAccepted(_, let agent), .chatRejected(_, let agent), .offerExpired(_, let agent),
      .offerWithdrawn(_, let agent, _), .customerInfo(_, let agent, _), .faqInserted(_, _, let agent, _),
      .chatFinished(_, let agent, _), .logOpened(_, let agent, _), .logEdited(_, let agent, _):
      agent
    case .message(_, .agent(let agent), _), .typing(_, .agent(let agent), _),
      .chatEnded(_, .agent(let agent)):
      agent
    default:
      nil
    }
  }
}
