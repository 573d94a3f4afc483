extension Center {
  /// LOG-1..3: the log opens in view mode for a customer the CRM knew when the chat opened, and
  /// is then stored at once as a case of that customer (LOG-2); for a new customer it opens in
  /// edit mode and waits for the agent to choose a customer (LOG-3).
  mutating func openChatLog(_ chat: ChatID, slot: Int, _ events: inout [Event]) {
    let agent = agentIDs[slot]
    // Fault.newCustomerLogAssociated: the customer saved from the form is taken as known.
    let created = faults.contains(.newCustomerLogAssociated) ? chatEntries[chat].createdCustomer : nil
    if let customer = chatEntries[chat].match?.customer ?? created {
      events.append(.logOpened(chat, for: agent, mode: .view))
      let stored = crm.createCase(
        customer: customer, subject: "Chat log of \(chat)", state: .closed, chat: chat,
        text: transcript(of: chat))
      chatEntries[chat].log = ChatLog(
        mode: .view, notes: nil, customer: customer, savedCase: stored.id, isSaved: true)
      events.append(.logSaved(chat, asCase: stored.id, customer: customer, draft: false))
    } else {
      chatEntries[chat].log = ChatLog(
        mode: .edit, notes: nil, customer: nil, savedCase: nil, isSaved: false)
      agentRecords[slot].openLogs.append(chat)
      events.append(.logOpened(chat, for: agent, mode: .edit))
    }
  }

  /// Without automatic logging no pop-up appears, but the agent can still open the log of a
  /// chat it finished, by hand; it then follows the same view/edit rules.
  mutating func openLog(_ slot: Int, _ chat: ChatID?, _ events: inout [Event]) throws(Refusal) {
    let agent = agentRecords[slot]
    guard agent.session.isLoggedIn else { throw .notLoggedIn(agent.id) }
    guard let chat = chat ?? agent.lastFinishedChat else {
      if agent.chats.count == 1, let only = agent.chats.first { throw .chatNotFinished(only) }
      throw .noChats(agent.id)
    }
    try checkExists(chat)
    let record = chatEntries[chat]
    guard case .finished(let finisher, _, _) = record.state else {
      if record.state.holder == agent.id { throw .chatNotFinished(chat) }
      throw .chatNotHeld(agent.id, chat)
    }
    guard finisher == agent.id else { throw .chatNotHeld(agent.id, chat) }
    guard record.log == nil else { throw .logAlreadyOpen(chat) }
    openChatLog(chat, slot: slot, &events)
  }

  mutating func showLog(_ slot: Int, _ chat: ChatID?, _ events: inout [Event]) throws(Refusal) {
    let (chat, log) = try chatLog(of: slot, named: chat, editable: false)
    let summary = ChatLogSummary(
      mode: log.mode, customer: log.customer,
      messageCount: messageStore.messages(endingAt: chatEntries[chat].lastMessage).count,
      notes: log.notes, savedCase: log.savedCase, isDraft: log.savedCase != nil && !log.isSaved,
      isSaved: log.isSaved)
    events.append(.logShown(chat, summary))
  }

  /// LOG-4: the agent's edit replaces the log's text.
  mutating func editLog(_ slot: Int, _ chat: ChatID?, _ text: String, _ events: inout [Event]) throws(Refusal)
  {
    let (chat, _) = try chatLog(of: slot, named: chat, editable: true)
    try Validation.check(text, as: .logText)
    chatEntries[chat].log?.notes = text
    events.append(.logEdited(chat, by: agentIDs[slot], length: Validation.perceivedLength(text)))
  }

  /// LOG-3: a customer from the existing list (a record saved with the new-customer form is on it).
  mutating func selectLogCustomer(
    _ slot: Int, _ chat: ChatID?, _ customer: CustomerID, _ events: inout [Event]
  ) throws(Refusal) {
    let (chat, _) = try chatLog(of: slot, named: chat, editable: true)
    guard crm.customers[customer] != nil else { throw .unknownCustomer(customer) }
    chatEntries[chat].log?.customer = customer
    events.append(.logCustomerSelected(chat, customer))
  }

  /// LOG-3, LOG-4: stores the log as a case of the selected customer, as a draft (still open
  /// for editing, saved later under the same case) or for good.
  mutating func saveLog(_ slot: Int, _ chat: ChatID?, draft: Bool, _ events: inout [Event]) throws(Refusal) {
    let (chat, log) = try chatLog(of: slot, named: chat, editable: true)
    guard let customer = log.customer else { throw .logNeedsCustomer(chat) }
    let state: CaseState = draft ? .draft : .closed
    let caseID: CaseID
    let text = log.notes ?? transcript(of: chat)
    if let existing = log.savedCase {
      crm.update(existing, customer: customer, state: state, text: text)
      caseID = existing
    } else {
      caseID =
        crm.createCase(
          customer: customer, subject: "Chat log of \(chat)", state: state, chat: chat, text: text
        ).id
    }
    chatEntries[chat].log?.savedCase = caseID
    if !draft {
      chatEntries[chat].log?.isSaved = true
      agentRecords[slot].openLogs.remove(chat)
    }
    events.append(.logSaved(chat, asCase: caseID, customer: customer, draft: draft))
  }

  /// The chat's messages, one line each: `alice: Bonjour`.
  func transcript(of chat: ChatID) -> String {
    messageStore.messages(endingAt: chatEntries[chat].lastMessage).map {
      "\($0.author): \($0.text)"
    }.joined(separator: "\n")
  }

  /// The log a command means: the one of the named chat, or the agent's only open log, or the
  /// log of the chat it finished last.
  private func chatLog(of slot: Int, named chat: ChatID?, editable: Bool) throws(Refusal) -> (ChatID, ChatLog)
  {
    let agent = agentRecords[slot]
    guard agent.session.isLoggedIn else { throw .notLoggedIn(agent.id) }
    let chosen: ChatID
    if let chat {
      try checkExists(chat)
      let record = chatEntries[chat]
      guard case .finished(let finisher, _, _) = record.state, finisher == agent.id else {
        if record.state.holder == agent.id { throw .chatNotFinished(chat) }
        throw .chatNotHeld(agent.id, chat)
      }
      chosen = chat
    } else if agent.openLogs.count > 1 {
      throw .severalLogs(agent.id, Array(agent.openLogs))
    } else if let only = agent.openLogs.first ?? agent.lastFinishedChat {
      chosen = only
    } else {
      throw .noLogs(agent.id)
    }
    guard let log = chatEntries[chosen].log else { throw .noLog(chosen) }
    if editable {
      guard log.mode == .edit else { throw .logIsViewOnly(chosen) }
      if log.isSaved, let saved = log.savedCase { throw .logAlreadySaved(chosen, saved) }
    }
    return (chosen, log)
  }
}
