import Testing

@testable import ContactCenter

/// LOG-1..4: the chat log after Finish, automatic or opened by hand.
@Suite struct ChatLogTests {
  static func settings(automaticLog: Bool) -> Settings {
    var settings = Settings()
    settings.automaticChatLog = automaticLog
    return settings
  }

  /// alice available in support and sales, the customer record cust-marie, and cust-paul.
  static func desk(automaticLog: Bool, agents: [AgentID] = ["alice"]) -> Harness {
    var harness = Harness.wrapUpDesk(settings: settings(automaticLog: automaticLog), agents: agents)
    harness.defineMarieRecord()
    harness.run(
      .defineCustomer("cust-paul", name: "Paul Martin", email: "paul.martin@example.org", account: nil))
    harness.bringDeskAgentOnline("alice")
    return harness
  }

  /// The visitor's chat accepted by alice and ended, ready for Finish.
  static func endedChat(_ visitor: VisitorID, automaticLog: Bool) -> Harness {
    var harness = desk(automaticLog: automaticLog)
    harness.openDeskChat(visitor, in: "support")
    harness.agent("alice", .accept(nil))
    harness.agent("alice", .end(nil))
    return harness
  }

  static let viewOnly =
    "the log of chat-1 is in view mode and already saved with its customer; it cannot be edited"

  // MARK: LOG-1

  @Test("LOG-1: automatic logging is off by default: Finish opens no log")
  func noLogWithoutAutomaticLogging() {
    #expect(Settings().automaticChatLog == false)
    var harness = Self.endedChat("marie", automaticLog: false)
    #expect(harness.agent("alice", .finish(nil)) == ["chat-1 finished by alice after 0s of wrap-up"])
    #expect(harness.center.chat(ChatID(1))?.log == nil)
    #expect(harness.center.crm.cases.isEmpty)
    #expect(harness.refusal(.agent("alice", .showLog(nil))) == "chat-1 has no chat log; open it first")
    #expect(harness.refusal(.agent("alice", .showLog(ChatID(1)))) == "chat-1 has no chat log; open it first")
    #expect(
      harness.refusal(.agent("alice", .editLog(nil, "notes"))) == "chat-1 has no chat log; open it first")
    #expect(harness.refusal(.agent("alice", .saveLog(nil))) == "chat-1 has no chat log; open it first")
  }

  @Test("LOG-1: without automatic logging the agent opens the log by hand, with the same view/edit rule")
  func openLogByHand() {
    var harness = Self.desk(automaticLog: false)
    harness.openDeskChat("marie", in: "support")
    harness.agent("alice", .accept(nil))
    harness.openDeskChat("rose", in: "support")
    harness.agent("alice", .accept(nil))
    harness.agent("alice", .end(ChatID(1)))
    harness.agent("alice", .end(ChatID(2)))
    #expect(harness.agent("alice", .finish(ChatID(1))) == ["chat-1 finished by alice after 0s of wrap-up"])
    #expect(harness.agent("alice", .finish(ChatID(2))) == ["chat-2 finished by alice after 0s of wrap-up"])
    // Without a chat id: the chat finished last.
    #expect(harness.agent("alice", .openLog(nil)) == ["chat-2 log opened for alice in edit mode"])
    #expect(harness.center.agent("alice")?.openLogs == [ChatID(2)])
    #expect(
      harness.agent("alice", .openLog(ChatID(1))) == [
        "chat-1 log opened for alice in view mode",
        "chat-1 log saved as case case-1 of customer cust-marie",
      ])
    #expect(
      harness.center.crm.cases["case-1"]
        == CaseRecord(
          id: "case-1", customer: "cust-marie", subject: "Chat log of chat-1", state: .closed,
          chat: ChatID(1), text: ""))
    #expect(harness.refusal(.agent("alice", .openLog(ChatID(1)))) == "the log of chat-1 is already open")
    #expect(harness.refusal(.agent("alice", .openLog(ChatID(2)))) == "the log of chat-2 is already open")
    #expect(harness.refusal(.agent("alice", .openLog(nil))) == "the log of chat-2 is already open")
    #expect(harness.refusal(.agent("alice", .editLog(ChatID(1), "notes"))) == Self.viewOnly)
    #expect(
      harness.agent("alice", .selectLogCustomer(ChatID(2), "cust-paul")) == [
        "chat-2 log customer set to cust-paul"
      ])
    #expect(
      harness.agent("alice", .saveLog(ChatID(2))) == ["chat-2 log saved as case case-2 of customer cust-paul"]
    )
  }

  @Test("LOG-1: a log cannot be opened for an unfinished chat, another agent's chat, or no chat")
  func openLogRefusals() {
    var harness = Self.desk(automaticLog: false, agents: ["alice", "bob"])
    #expect(harness.refusal(.agent("bob", .openLog(nil))) == "bob is not logged in")
    harness.agent("bob", .login)
    #expect(harness.refusal(.agent("alice", .openLog(nil))) == "alice has no chat")
    #expect(harness.refusal(.agent("alice", .openLog(ChatID(1)))) == "chat-1 does not exist")
    harness.openDeskChat("marie", in: "support")
    #expect(harness.refusal(.agent("alice", .openLog(ChatID(1)))) == "alice does not hold chat-1")
    harness.agent("alice", .accept(nil))
    #expect(
      harness.refusal(.agent("alice", .openLog(ChatID(1))))
        == "chat-1 is not finished; its log opens after Finish")
    #expect(
      harness.refusal(.agent("alice", .showLog(ChatID(1))))
        == "chat-1 is not finished; its log opens after Finish")
    harness.agent("alice", .end(nil))
    #expect(
      harness.refusal(.agent("alice", .openLog(ChatID(1))))
        == "chat-1 is not finished; its log opens after Finish")
    #expect(harness.refusal(.agent("bob", .openLog(ChatID(1)))) == "bob does not hold chat-1")
    harness.agent("alice", .finish(nil))
    #expect(harness.refusal(.agent("bob", .openLog(ChatID(1)))) == "bob does not hold chat-1")
    #expect(harness.refusal(.agent("bob", .openLog(nil))) == "bob has no chat")
    #expect(harness.refusal(.agent("bob", .showLog(ChatID(1)))) == "bob does not hold chat-1")
    #expect(harness.refusal(.agent("bob", .showLog(nil))) == "bob has no open chat log")
  }

  @Test("LOG-1: opening a log without a chat id while holding an unfinished chat names that chat")
  func openLogWithoutIdWhileHoldingAChat() {
    var harness = Self.desk(automaticLog: false)
    harness.openDeskChat("marie", in: "support")
    harness.agent("alice", .accept(nil))
    #expect(
      harness.refusal(.agent("alice", .openLog(nil))) == "chat-1 is not finished; its log opens after Finish")
  }

  // MARK: LOG-2

  @Test(
    "LOG-2: existing customer: view mode, saved at once as a case of that customer",
    arguments: [
      (email: "marie@example.com", account: String?.none, caseNumber: String?.none),
      (email: "someone@example.net", account: "A-100", caseNumber: nil),
      (email: "someone@example.net", account: nil, caseNumber: "case-1"),
    ])
  func existingCustomerLogInViewMode(email: String, account: String?, caseNumber: String?) {
    var harness = Self.desk(automaticLog: true)
    harness.run(.defineCase("case-1", customer: "cust-marie", subject: "Delivery", state: .open))
    harness.open("marie", email: email, account: account, caseNumber: caseNumber)
    harness.agent("alice", .accept(nil))
    harness.agent("alice", .say(nil, "Bonjour"))
    harness.customer("marie", .say("Merci"))
    harness.agent("alice", .end(nil))
    // The customer's own case-1 is taken: the log becomes case-2.
    #expect(
      harness.agent("alice", .finish(nil)) == [
        "chat-1 finished by alice after 0s of wrap-up",
        "chat-1 log opened for alice in view mode",
        "chat-1 log saved as case case-2 of customer cust-marie",
      ])
    #expect(Array(harness.center.crm.cases.keys) == ["case-1", "case-2"])
    #expect(
      harness.center.crm.cases["case-2"]
        == CaseRecord(
          id: "case-2", customer: "cust-marie", subject: "Chat log of chat-1", state: .closed,
          chat: ChatID(1), text: "alice: Bonjour\nmarie: Merci"))
    #expect(harness.center.crm.cases["case-1"]?.state == .open)
    #expect(harness.center.agent("alice")?.openLogs == [])
    #expect(
      harness.agent("alice", .showLog(nil)) == [
        "chat-1 log (view mode): 2 messages, customer cust-marie, saved as case case-2"
      ])
  }

  @Test("LOG-2: a view-mode log cannot be edited, re-assigned or saved again")
  func viewModeLogIsReadOnly() {
    var harness = Self.endedChat("marie", automaticLog: true)
    harness.agent("alice", .finish(nil))
    #expect(harness.refusal(.agent("alice", .editLog(nil, "changed"))) == Self.viewOnly)
    #expect(harness.refusal(.agent("alice", .editLog(ChatID(1), "changed"))) == Self.viewOnly)
    #expect(harness.refusal(.agent("alice", .selectLogCustomer(nil, "cust-paul"))) == Self.viewOnly)
    #expect(harness.refusal(.agent("alice", .saveLog(nil))) == Self.viewOnly)
    #expect(harness.refusal(.agent("alice", .saveLogDraft(nil))) == Self.viewOnly)
    #expect(harness.refusal(.agent("alice", .openLog(nil))) == "the log of chat-1 is already open")
    #expect(harness.center.crm.cases.count == 1)
  }

  // MARK: LOG-3

  @Test("LOG-3: new customer: edit mode; saving needs a customer from the existing list")
  func newCustomerLogInEditMode() {
    var harness = Self.endedChat("rose", automaticLog: true)
    #expect(
      harness.agent("alice", .finish(nil)) == [
        "chat-1 finished by alice after 0s of wrap-up",
        "chat-1 log opened for alice in edit mode",
      ])
    #expect(harness.center.crm.cases.isEmpty)
    #expect(harness.center.agent("alice")?.openLogs == [ChatID(1)])
    #expect(
      harness.agent("alice", .showLog(nil)) == [
        "chat-1 log (edit mode): 0 messages, customer not selected, not saved"
      ])
    let needsCustomer = "the log of chat-1 cannot be saved until a customer is selected from the list"
    #expect(harness.refusal(.agent("alice", .saveLog(nil))) == needsCustomer)
    #expect(harness.refusal(.agent("alice", .saveLogDraft(nil))) == needsCustomer)
    #expect(
      harness.refusal(.agent("alice", .selectLogCustomer(nil, "nobody")))
        == "customer record nobody is not defined")
    #expect(
      harness.agent("alice", .selectLogCustomer(nil, "cust-paul")) == ["chat-1 log customer set to cust-paul"]
    )
    #expect(
      harness.agent("alice", .saveLog(nil)) == ["chat-1 log saved as case case-1 of customer cust-paul"])
    #expect(
      harness.center.crm.cases["case-1"]
        == CaseRecord(
          id: "case-1", customer: "cust-paul", subject: "Chat log of chat-1", state: .closed, chat: ChatID(1),
          text: ""))
    #expect(harness.center.agent("alice")?.openLogs == [])
  }

  @Test("LOG-3: a record saved with the new-customer form during the chat is on the list")
  func customerCreatedDuringTheChatCanBeSelected() {
    var harness = Self.desk(automaticLog: true)
    harness.openDeskChat("rose", in: "support")
    harness.agent("alice", .accept(nil))
    #expect(
      harness.agent(
        "alice", .saveNewCustomer(nil, name: "Rose Dupuis", email: "rose@example.com", account: nil))
        == [#"customer customer-1 created from chat-1: "Rose Dupuis" <rose@example.com>"#])
    harness.agent("alice", .end(nil))
    // The record did not exist when the chat opened: the log still opens in edit mode.
    #expect(harness.agent("alice", .finish(nil)).last == "chat-1 log opened for alice in edit mode")
    #expect(
      harness.agent("alice", .selectLogCustomer(nil, "customer-1")) == [
        "chat-1 log customer set to customer-1"
      ])
    #expect(
      harness.agent("alice", .saveLog(nil)) == ["chat-1 log saved as case case-1 of customer customer-1"])
  }

  @Test("LOG-3: several open logs need a chat id, and the refusal lists them")
  func severalOpenLogsNeedAnId() {
    var harness = Self.desk(automaticLog: true)
    harness.openDeskChat("rose", in: "support")
    harness.agent("alice", .accept(nil))
    harness.openDeskChat("hugo", in: "sales")
    harness.agent("alice", .accept(nil))
    harness.agent("alice", .end(ChatID(1)))
    harness.agent("alice", .end(ChatID(2)))
    harness.agent("alice", .finish(ChatID(2)))
    harness.agent("alice", .finish(ChatID(1)))
    let several = "alice has several chat logs open (chat-2, chat-1): name one"
    #expect(harness.center.agent("alice")?.openLogs == [ChatID(2), ChatID(1)])
    #expect(harness.refusal(.agent("alice", .showLog(nil))) == several)
    #expect(harness.refusal(.agent("alice", .editLog(nil, "notes"))) == several)
    #expect(harness.refusal(.agent("alice", .selectLogCustomer(nil, "cust-paul"))) == several)
    #expect(harness.refusal(.agent("alice", .saveLog(nil))) == several)
    #expect(harness.refusal(.agent("alice", .saveLogDraft(nil))) == several)
    #expect(
      harness.agent("alice", .selectLogCustomer(ChatID(2), "cust-paul")) == [
        "chat-2 log customer set to cust-paul"
      ])
    // A draft keeps the log open.
    #expect(
      harness.agent("alice", .saveLogDraft(ChatID(2))) == [
        "chat-2 log saved as draft case case-1 of customer cust-paul"
      ])
    #expect(harness.refusal(.agent("alice", .saveLog(nil))) == several)
    #expect(
      harness.agent("alice", .saveLog(ChatID(2))) == ["chat-2 log saved as case case-1 of customer cust-paul"]
    )
    // One log left open: it is the one meant.
    #expect(
      harness.agent("alice", .editLog(nil, "Lost parcel")) == ["chat-1 log edited by alice (11 characters)"])
  }

  // MARK: LOG-4

  @Test(
    "LOG-4: edit, save as draft (a draft case), edit again, save (the same case, closed); no edits after saving"
  )
  func editDraftAndSave() {
    var harness = Self.endedChat("rose", automaticLog: true)
    harness.agent("alice", .finish(nil))
    #expect(harness.refusal(.agent("alice", .editLog(nil, ""))) == "the log text cannot be empty")
    #expect(
      harness.agent("alice", .editLog(nil, "Cafe\u{301} order")) == [
        "chat-1 log edited by alice (10 characters)"
      ])
    #expect(
      harness.agent("alice", .selectLogCustomer(nil, "cust-marie")) == [
        "chat-1 log customer set to cust-marie"
      ])
    #expect(
      harness.agent("alice", .saveLogDraft(nil)) == [
        "chat-1 log saved as draft case case-1 of customer cust-marie"
      ])
    #expect(
      harness.center.crm.cases["case-1"]
        == CaseRecord(
          id: "case-1", customer: "cust-marie", subject: "Chat log of chat-1", state: .draft, chat: ChatID(1),
          text: "Café order"))
    #expect(
      harness.agent("alice", .showLog(nil))
        == [
          "chat-1 log (edit mode): 0 messages, customer cust-marie, edited text \"Cafe\u{301} order\", draft case case-1"
        ])
    // The draft stays editable, and its customer can still change.
    #expect(
      harness.agent("alice", .editLog(ChatID(1), "Order refunded")) == [
        "chat-1 log edited by alice (14 characters)"
      ])
    #expect(
      harness.agent("alice", .selectLogCustomer(nil, "cust-paul")) == ["chat-1 log customer set to cust-paul"]
    )
    #expect(
      harness.agent("alice", .saveLogDraft(nil)) == [
        "chat-1 log saved as draft case case-1 of customer cust-paul"
      ])
    #expect(
      harness.agent("alice", .saveLog(nil)) == ["chat-1 log saved as case case-1 of customer cust-paul"])
    #expect(harness.center.crm.cases.count == 1)
    #expect(
      harness.center.crm.cases["case-1"]
        == CaseRecord(
          id: "case-1", customer: "cust-paul", subject: "Chat log of chat-1", state: .closed, chat: ChatID(1),
          text: "Order refunded"))
    #expect(
      harness.agent("alice", .showLog(nil))
        == [
          #"chat-1 log (edit mode): 0 messages, customer cust-paul, edited text "Order refunded", saved as case case-1"#
        ])
    let saved = "the log of chat-1 is already saved as case case-1"
    #expect(harness.refusal(.agent("alice", .editLog(nil, "more"))) == saved)
    #expect(harness.refusal(.agent("alice", .selectLogCustomer(nil, "cust-marie"))) == saved)
    #expect(harness.refusal(.agent("alice", .saveLog(nil))) == saved)
    #expect(harness.refusal(.agent("alice", .saveLogDraft(ChatID(1)))) == saved)
    #expect(harness.center.agent("alice")?.openLogs == [])
  }

  @Test("LOG-4: a long edited text is shown shortened with its length")
  func longEditIsShortenedInTheSummary() {
    var harness = Self.endedChat("rose", automaticLog: true)
    harness.agent("alice", .finish(nil))
    let text = String(repeating: "a", count: 61)
    #expect(harness.agent("alice", .editLog(nil, text)) == ["chat-1 log edited by alice (61 characters)"])
    #expect(
      harness.agent("alice", .showLog(nil)) == [
        "chat-1 log (edit mode): 0 messages, customer not selected, edited text \"\(String(repeating: "a", count: 60))…\" (61 characters), not saved"
      ])
  }

  @Test("LOG-4: log commands need a logged-in agent; the log survives logout")
  func logCommandsNeedALogin() {
    var harness = Self.endedChat("rose", automaticLog: true)
    harness.agent("alice", .finish(nil))
    harness.agent("alice", .logout)
    #expect(harness.refusal(.agent("alice", .showLog(nil))) == "alice is not logged in")
    #expect(harness.refusal(.agent("alice", .editLog(nil, "notes"))) == "alice is not logged in")
    #expect(harness.refusal(.agent("alice", .openLog(nil))) == "alice is not logged in")
    harness.agent("alice", .login)
    #expect(harness.agent("alice", .editLog(nil, "notes")) == ["chat-1 log edited by alice (5 characters)"])
  }
}
