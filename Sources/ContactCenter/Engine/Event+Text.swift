extension Event: CustomStringConvertible {
  /// Messages longer than this are shown shortened in event lines, with their full length, so a
  /// 1940-character message does not make a 1960-character line. The whole text stays in the
  /// chat's transcript.
  public static let messagePreviewLength = 60

  /// The event's one line of text. Customer text (names, messages, e-mails) is quoted and escaped.
  public var description: String {
    switch self {
    case .queueDefined(let queue):
      let codes = queue.dispositions.isEmpty ? "no dispositions" : "dispositions " + list(queue.dispositions)
      return "queue \(queue.id) defined: \(queue.media.displayName), \(codes)"
    case .agentDefined(let id, let queues, let maximumChats):
      let assigned = queues.isEmpty ? "no queues" : "queues " + list(queues)
      return "agent \(id) defined: \(assigned)"
        + (maximumChats.map { ", at most \(counted($0, "chat"))" } ?? "")
    case .customerDefined(let record):
      return "customer \(record.id) defined: \(describe(record))"
    case .caseDefined(let record):
      return
        "case \(record.id) defined for customer \(record.customer): \(Escaping.quoted(record.subject)) (\(record.state.rawValue))"
    case .faqDefined(let id, let length):
      return "faq \(id) defined (\(counted(length, "character")))"
    case .settingChanged(let setting):
      return "setting \(setting.key) is now \(setting.valueText)"

    case .loggedIn(let agent): return "\(agent) logged in"
    case .readyToWork(let agent, let status): return "\(agent) is ready to work (\(status))"
    case .statusChanged(let agent, let status): return "\(agent) is now \(status)"
    case .loggedOut(let agent): return "\(agent) logged out"
    case .queueListed(let agent, let queue, let media, let enabled, let pending):
      var text = "\(agent) queue \(queue) (\(media.displayName)): \(enabled ? "on" : "off")"
      if let pending {
        text += ", \(pending.enabled ? "on" : "off") pending \(pending.path.applyButton)"
      }
      return text
    case .queueSwitched(let agent, let queue, let enabled, let path):
      let place = path == .profile ? " in My profile" : ""
      return "\(agent) switched \(queue) \(enabled ? "on" : "off")\(place) (pending \(path.applyButton))"
    case .queueEnabled(let agent, let queue): return "\(agent) enabled \(queue)"
    case .queueDisabled(let agent, let queue): return "\(agent) disabled \(queue)"

    case .chatQueued(let chat, let queue, let visitor): return "\(chat) queued in \(queue) for \(visitor)"
    case .chatOffered(let chat, let agent, let interval):
      return "\(chat) offered to \(agent) (accept within \(interval))"
    case .screenPop(let chat, let agent, let pop, let summary):
      return "\(chat) screen pop for \(agent): \(describe(pop, summary))"
    case .offerPreview(let chat, let agent, let request, let match):
      var text = "\(chat) preview for \(agent): \(describe(request))"
      if let account = request.account { text += ", account \(Escaping.quoted(account))" }
      if let number = request.caseNumber { text += ", case \(Escaping.quoted(number))" }
      if let match {
        text += "; record: customer \(match.customer)"
        if let caseID = match.caseID { text += ", case \(caseID)" }
        text += " (matched by \(match.basis.rawValue))"
      } else {
        text += "; record: none (new customer)"
      }
      return text
    case .chatAccepted(let chat, let agent): return "\(chat) accepted by \(agent)"
    case .chatRejected(let chat, let agent): return "\(chat) rejected by \(agent)"
    case .offerExpired(let chat, let agent): return "\(chat) offer to \(agent) expired"
    case .offerWithdrawn(let chat, let agent, let reason):
      return "\(chat) offer to \(agent) withdrawn: \(describe(reason, agent: agent))"
    case .chatReturned(let chat, let queue, let position):
      return position == 1
        ? "\(chat) back at the head of \(queue)" : "\(chat) back in \(queue) at position \(position)"
    case .chatAbandoned(let chat, let visitor): return "\(chat) abandoned: \(visitor) left while waiting"

    case .customerInfo(let chat, let agent, let request):
      return "\(chat) customer info for \(agent): \(describe(request))"
    case .message(let chat, let party, let text):
      return "\(chat) \(party) says \(shortened(text))"
    case .typing(let chat, let party, let isTyping):
      return "\(chat) \(party) \(isTyping ? "is typing" : "stopped typing")"
    case .faqInserted(let chat, let faq, let agent, let length):
      return
        "\(chat) faq \(faq) inserted in \(agent)'s draft (\(length) of \(Validation.messageCapacity) characters)"
    case .customerCreated(let record, let chat):
      return "customer \(record.id) created from \(chat): \(describe(record))"

    case .chatEnded(let chat, let party):
      switch party {
      case .agent(let agent): return "\(chat) ended by \(agent); wrap-up started"
      case .customer(let visitor): return "\(chat) ended: \(visitor) left; wrap-up started"
      }
    case .wrapUpTimer(let chat, let elapsed):
      return "\(chat) wrap-up timer \(Instant(milliseconds: elapsed.milliseconds))"
    case .dispositionSelected(let chat, let code): return "\(chat) disposition \(code) selected"
    case .dispositionConfirmed(let chat, let code): return "\(chat) disposition \(code) confirmed"
    case .chatFinished(let chat, let agent, let wrapUp):
      return "\(chat) finished by \(agent) after \(wrapUp) of wrap-up"
    case .logOpened(let chat, let agent, let mode):
      return "\(chat) log opened for \(agent) in \(mode.rawValue) mode"
    case .logShown(let chat, let summary):
      var text = "\(chat) log (\(summary.mode.rawValue) mode): \(counted(summary.messageCount, "message"))"
      text += ", customer " + (summary.customer?.rawValue ?? "not selected")
      if let notes = summary.notes { text += ", edited text " + shortened(notes) }
      if let savedCase = summary.savedCase {
        text += summary.isSaved ? ", saved as case \(savedCase)" : ", draft case \(savedCase)"
      } else {
        text += ", not saved"
      }
      return text
    case .logEdited(let chat, let agent, let length):
      return "\(chat) log edited by \(agent) (\(counted(length, "character")))"
    case .logCustomerSelected(let chat, let customer): return "\(chat) log customer set to \(customer)"
    case .logSaved(let chat, let caseID, let customer, let draft):
      return "\(chat) log saved as \(draft ? "draft case" : "case") \(caseID) of customer \(customer)"
    }
  }
}

extension QueuePath {
  /// The button that applies switches made on this path.
  public var applyButton: String {
    switch self {
    case .assignedQueues: "Confirm selections"
    case .profile: "Save queues"
    }
  }
}

/// "1 chat", "2 chats".
func counted(_ count: Int, _ noun: String) -> String { count == 1 ? "1 \(noun)" : "\(count) \(noun)s" }

private func list<T: CustomStringConvertible>(_ items: [T]) -> String {
  items.map(\.description).joined(separator: ", ")
}

private func describe(_ record: CustomerRecord) -> String {
  var text = "\(Escaping.quoted(record.name)) <\(Escaping.escaped(record.email))>"
  if let account = record.account { text += ", account \(Escaping.quoted(account))" }
  return text
}

private func describe(_ request: ChatRequest) -> String {
  "\(Escaping.quoted(request.name)) <\(Escaping.escaped(request.email))>, ip \(Escaping.escaped(request.ipAddress))"
}

private func describe(_ pop: ScreenPop, _ summary: CRMSummary) -> String {
  switch pop {
  case .customerRecord(let customer):
    return "customer \(customer) \(Escaping.quoted(summary.customerName ?? ""))"
  case .caseRecord(let caseID, let customer):
    return "case \(caseID) \(Escaping.quoted(summary.caseSubject ?? "")) of customer \(customer)"
  case .newCustomerForm:
    return "new customer form"
  }
}

private func describe(_ reason: WithdrawalReason, agent: AgentID) -> String {
  switch reason {
  case .statusChanged(let status): "\(agent) went \(status)"
  case .queueDisabled(let queue): "\(agent) disabled \(queue)"
  case .customerLeft(let visitor): "\(visitor) left"
  case .capLowered(let cap): "chats per agent lowered to \(cap)"
  }
}

/// The quoted text, or its first characters and its length when it is long.
private func shortened(_ text: String) -> String {
  guard text.utf8.count > Event.messagePreviewLength else { return Escaping.quoted(text) }
  let length = text.count
  guard length > Event.messagePreviewLength else { return Escaping.quoted(text) }
  return Escaping.quoted(String(text.prefix(Event.messagePreviewLength)) + "…")
    + " (\(counted(length, "character")))"
}
