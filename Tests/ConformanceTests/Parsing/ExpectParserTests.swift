import ContactCenter
import Testing

@testable import Conformance

@Suite("expect lines")
struct ExpectParserTests {
  @Test(
    "Every question",
    arguments: [
      ("expect alice status on-break", Query.agentStatus("alice", "on-break")),
      ("expect alice status logged-out", .agentStatus("alice", "logged-out")),
      ("expect alice status not-ready", .agentStatus("alice", "not-ready")),
      ("expect alice chats 6", .agentChats("alice", 6)),
      ("expect alice chats 0", .agentChats("alice", 0)),
      ("expect alice offer chat-3", .agentOffer("alice", ChatID(3))),
      ("expect alice offer none", .agentOffer("alice", nil)),
      ("expect alice queues support,sales", .agentQueues("alice", ["support", "sales"])),
      ("expect alice queues support", .agentQueues("alice", ["support"])),
      ("expect alice queues none", .agentQueues("alice", [])),
      ("expect alice queues a,,b,", .agentQueues("alice", ["a", "b"])),
      ("expect queue support waiting 1", .queueWaiting("support", 1)),
      ("expect queue \"support\" waiting 0", .queueWaiting("support", 0)),
      ("expect chat-1 state wrap-up", .chatState(ChatID(1), "wrap-up")),
      ("expect chat-1 agent alice", .chatAgent(ChatID(1), "alice")),
      ("expect chat-1 log view", .chatLog(ChatID(1), "view")),
      ("expect chat-1 log none", .chatLog(ChatID(1), "none")),
      ("expect chat-1 disposition resolved", .chatDisposition(ChatID(1), "resolved")),
      ("expect chat-1 disposition none", .chatDisposition(ChatID(1), "none")),
      ("expect chat-1 wrap-up 45s", .chatWrapUp(ChatID(1), .seconds(45))),
      ("expect chat-1 wrap-up 1m30s", .chatWrapUp(ChatID(1), .seconds(90))),
      ("expect chat-12 messages 3", .chatMessages(ChatID(12), 3)),
      ("expect marie sees \"Bonjour\"", .sees("marie", "Bonjour")),
      ("expect marie sees Bonjour", .sees("marie", "Bonjour")),
      ("expect alice sees \"a\"*3 \"!\"", .sees("alice", "aaa!")),
      (
        "expect case case-1 customer c-100 state closed",
        .caseRecord("case-1", customer: "c-100", state: .closed)
      ),
      ("expect case k-7 customer c-100 state open", .caseRecord("k-7", customer: "c-100", state: .open)),
      (
        "expect case case-2 customer customer-1 state draft",
        .caseRecord("case-2", customer: "customer-1", state: .draft)
      ),
      (
        "expect customer customer-1 name \"Marie Tremblay\" email marie@example.com",
        .customerRecord("customer-1", name: "Marie Tremblay", email: "marie@example.com")
      ),
      ("expect setting accept-interval 45s", .setting(key: "accept-interval", value: "45s")),
      ("expect setting chat-log \"automatic\"", .setting(key: "chat-log", value: "automatic")),
      ("expect setting no-such-key 1", .setting(key: "no-such-key", value: "1")),
      ("expect clock 00:01:30", .clock(Instant(milliseconds: 90_000))),
      ("expect clock 00:00:00.250", .clock(Instant(milliseconds: 250))),
      ("expect alice chats 1 # trailing comment", .agentChats("alice", 1)),
    ])
  func questions(line: String, expected: Query) throws {
    #expect(try query(line) == expected)
  }

  @Test("The subject may be quoted: a quoted \"queue\" is still the keyword")
  func quotedSubject() throws {
    #expect(try query("expect \"alice\" chats 1") == .agentChats("alice", 1))
    #expect(try query("expect \"queue\" support waiting 1") == .queueWaiting("support", 1))
    #expect(try query("expect \"chat-1\" state queued") == .chatState(ChatID(1), "queued"))
  }

  @Test("An agent named like a subject keyword cannot be asked about")
  func keywordSubjects() {
    #expect(
      parseFailure("expect clock chats 1") == "t.chat:1:14: expected a time such as 00:01:30, not 'chats'")
    #expect(parseFailure("expect queue chats 1") == "t.chat:1:20: expected 'waiting', not '1'")
  }

  @Test("The questions listed in messages")
  func questionLists() {
    #expect(ExpectParser.chatQuestions == ["state", "agent", "log", "disposition", "wrap-up", "messages"])
    #expect(ExpectParser.actorQuestions == ["status", "chats", "offer", "queues", "sees"])
  }

  @Test(
    "Errors of expect lines, with file:line:column",
    arguments: [
      (
        "expect",
        "t.chat:1:7: expected what to check: an agent, a customer, a chat, queue, case, customer, setting or clock"
      ),
      (
        "expect = 1",
        "t.chat:1:8: expected what to check: an agent, a customer, a chat, queue, case, customer, setting or clock, not '='"
      ),
      // Agents and customers.
      ("expect alice", "t.chat:1:13: expected what to check of alice: status, chats, offer, queues, sees"),
      (
        "expect alice foo 1",
        "t.chat:1:14: unknown question 'foo' about alice; expected status, chats, offer, queues, sees"
      ),
      (
        "expect alice stauts on-break",
        "t.chat:1:14: unknown question 'stauts' about alice; did you mean 'status'?; expected status, chats, offer, queues, sees"
      ),
      (
        "expect alice \"status\" on-break",
        "t.chat:1:14: expected what to check of alice: status, chats, offer, queues, sees, not a quoted text"
      ),
      ("expect alice status", "t.chat:1:20: expected a status"),
      ("expect alice status on-break now", "t.chat:1:30: unexpected 'now'; quote text that contains spaces"),
      ("expect alice chats", "t.chat:1:19: expected a number of chats"),
      ("expect alice chats -1", "t.chat:1:20: expected a number of chats, not '-1'"),
      ("expect alice chats two", "t.chat:1:20: expected a number of chats, not 'two'"),
      ("expect alice chats \"2\"", "t.chat:1:20: expected a number of chats, not a quoted text"),
      ("expect alice offer chat-x", "t.chat:1:20: expected a chat id such as chat-1, or none, not 'chat-x'"),
      ("expect alice offer", "t.chat:1:19: expected a chat id or none"),
      ("expect alice queues", "t.chat:1:20: expected the enabled queues, comma-separated, or none"),
      ("expect alice queues a, b", "t.chat:1:24: unexpected 'b'; quote text that contains spaces"),
      ("expect marie sees", "t.chat:1:18: expected a message text, in quotes"),
      ("expect marie sees Bonjour Marie", "t.chat:1:27: unexpected 'Marie'; quote text that contains spaces"),
      // Chats.
      (
        "expect chat-1",
        "t.chat:1:14: expected what to check of chat-1: state, agent, log, disposition, wrap-up, messages"
      ),
      (
        "expect chat-1 foo 1",
        "t.chat:1:15: unknown question 'foo' about chat-1; expected state, agent, log, disposition, wrap-up, messages"
      ),
      (
        "expect chat-1 stat queued",
        "t.chat:1:15: unknown question 'stat' about chat-1; did you mean 'state'?; expected state, agent, log, disposition, wrap-up, messages"
      ),
      ("expect chat-1 state", "t.chat:1:20: expected a chat state"),
      ("expect chat-1 agent", "t.chat:1:20: expected an agent name"),
      ("expect chat-1 log", "t.chat:1:18: expected view, edit, draft, saved or none"),
      ("expect chat-1 disposition", "t.chat:1:26: expected a disposition code or none"),
      ("expect chat-1 messages x", "t.chat:1:24: expected a number of messages, not 'x'"),
      ("expect chat-1 wrap-up x", "t.chat:1:23: expected a duration such as 45s, not 'x'"),
      ("expect chat-1 wrap-up", "t.chat:1:22: expected a duration such as 45s"),
      // Queues.
      ("expect queue", "t.chat:1:13: expected a queue name"),
      ("expect queue support", "t.chat:1:21: expected 'waiting'"),
      ("expect queue support wating 1", "t.chat:1:22: expected 'waiting', not 'wating'"),
      ("expect queue support waiting", "t.chat:1:29: expected a number of waiting chats"),
      ("expect queue support waiting 1 2", "t.chat:1:32: unexpected '2'; quote text that contains spaces"),
      // Cases and customer records.
      (
        "expect case k-7 customer c-100 state bogus",
        "t.chat:1:38: unknown case state 'bogus'; expected open, closed or draft"
      ),
      ("expect case k-7 state open", "t.chat:1:17: expected 'customer', not 'state'"),
      ("expect case k-7 customer c-100", "t.chat:1:31: expected 'state'"),
      ("expect customer c-1 email m@x.io", "t.chat:1:21: expected 'name', not 'email'"),
      ("expect customer c-1 name \"M\"", "t.chat:1:29: expected 'email'"),
      // Settings and clock.
      ("expect setting", "t.chat:1:15: expected a setting"),
      ("expect setting chat-log", "t.chat:1:24: expected its value"),
      ("expect clock 30s", "t.chat:1:14: expected a time such as 00:01:30, not '30s'"),
      ("expect clock", "t.chat:1:13: expected a time such as 00:01:30"),
    ])
  func errors(line: String, error: String) {
    #expect(parseFailure(line) == error)
  }

  @Test("Counts are digits only: a leading '+' is refused")
  func signedCount() {
    #expect(parseFailure("expect alice chats +3") == "t.chat:1:20: expected a number of chats, not '+3'")
  }
}
