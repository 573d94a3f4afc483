/// Everything that can be asked of the engine. ``Center/perform(_:)`` takes one at a time.
public enum Command: Hashable, Sendable {
  // Definitions: what the tenant sets up.
  case defineQueue(QueueID, media: Media, dispositions: [DispositionCode])
  case defineAgent(AgentID, queues: [QueueID], maximumChats: Int?)
  case defineCustomer(CustomerID, name: String, email: String, account: String?)
  case defineCase(CaseID, customer: CustomerID, subject: String, state: CaseState)
  case defineFAQ(FAQID, answer: String)
  case set(Setting)

  /// Something an agent does in the agent workspace.
  case agent(AgentID, AgentAction)
  /// Something the customer does in the chat window.
  case customer(VisitorID, CustomerAction)
}

/// An agent's action. Those that concern a chat take its id, or `nil` for the agent's only
/// chat (with several, the command is refused and the refusal lists them).
public enum AgentAction: Hashable, Sendable {
  case login
  case readyToWork
  case setStatus(AgentStatus)
  case logout

  /// Lists the assigned queues with their switches.
  case listQueues
  /// SES-4: switch a queue in My assigned queues; applied by ``confirmSelections``.
  case selectQueue(QueueID, enabled: Bool)
  case confirmSelections
  /// SES-5: switch a queue in My profile > Queues; applied by ``saveProfileQueues``.
  case switchProfileQueue(QueueID, enabled: Bool)
  case saveProfileQueues

  /// CHAT-3: the record details of the pending offer (named, or the only one).
  case preview(ChatID?)
  case accept(ChatID?)
  case reject(ChatID?)

  /// CAP-5: the customer's name, e-mail and IP address.
  case showCustomerInfo(ChatID?)
  /// MSG-2: start (`true`) or stop (`false`) the typing indicator.
  case typing(ChatID?, Bool)
  /// MSG-1: send a message.
  case say(ChatID?, String)
  /// MSG-3: insert an FAQ answer into the draft.
  case insertFAQ(ChatID?, FAQID)
  /// MSG-3: send the draft.
  case sendDraft(ChatID?)
  /// POP-4: save the new-customer form.
  case saveNewCustomer(ChatID?, name: String, email: String, account: String?)

  /// END-1: end the chat; wrap-up begins.
  case end(ChatID?)
  /// END-1: show the wrap-up timer.
  case showWrapUpTimer(ChatID?)
  /// END-2: choose a disposition, then Continue.
  case selectDisposition(ChatID?, DispositionCode)
  case continueDisposition(ChatID?)
  /// END-3: Finish; the chat no longer counts toward the agent's chats.
  case finish(ChatID?)

  /// LOG-1: show the chat log; without automatic logging, open it by hand.
  case showLog(ChatID?)
  case openLog(ChatID?)
  /// LOG-4: replace the log's text with the agent's edit.
  case editLog(ChatID?, String)
  /// LOG-3: choose the customer the log is saved for.
  case selectLogCustomer(ChatID?, CustomerID)
  case saveLog(ChatID?)
  case saveLogDraft(ChatID?)
}

/// A customer's action in the chat window.
public enum CustomerAction: Hashable, Sendable {
  /// Opens a chat in a queue; the visitor may have one open chat at a time.
  case open(QueueID, ChatRequest)
  case typing(Bool)
  case say(String)
  /// DEC-3: leave: abandons a waiting chat, ends an accepted one.
  case leave
}
