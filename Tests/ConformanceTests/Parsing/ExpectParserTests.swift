import ContactCenter
import Testing

@testable import Conformance

@Suite("expect lines")
struct ExpectParserTests {
  @Test(
    "Every question",
    arguments: [
      ("expect alice status on-break", Query(.agentStatus("alice"), Answer("on-break"))),
      ("expect alice status logged-out", Query(.agentStatus("alice"), Answer("logged-out"))),
      ("expect alice status not-ready", Query(.agentStatus("alice"), Answer("not-ready"))),
      ("expect alice chats 6", Query(.agentChats("alice"), Answer("6"))),
      ("expect alice chats 0", Query(.agentChats("alice"), Answer("0"))),
      ("expect alice offer chat-3", Query(.agentOffer("alice"), Answer("chat-3"))),
      ("expect alice offer none", Query(.agentOffer("alice"), Answer("none"))),
      ("expect alice queues support,sales", Query(.agentQueues("alice"), Answer("sales,support"))),
      ("expect alice queues support", Query(.agentQueues("alice"), Answer("support"))),
      ("expect alice queues none", Query(.agentQueues("alice"), Answer("none"))),
      ("expect alice queues a,,b,", Query(.agentQueues("alice"), Answer("a,b"))),
      ("expect queue support waiting 1", Query(.queueWaiting("support"), Answer("1"))),
      ("expect queue \"support\" waiting 0", Query(.queueWaiting("support"), Answer("0"))),
      ("expect chat-1 state wrap-up", Query(.chatState(ChatID(1)), Answer("wrap-up"))),
      ("expect chat-1 agent alice", Query(.chatAgent(ChatID(1)), Answer("alice"))),
      ("expect chat-1 log view", Query(.chatLog(ChatID(1)), Answer("view"))),
      ("expect chat-1 log none", Query(.chatLog(ChatID(1)), Answer("none"))),
      ("expect chat-1 disposition resolved", Query(.chatDisposition(ChatID(1)), Answer("resolved"))),
      ("expect chat-1 disposition none", Query(.chatDisposition(ChatID(1)), Answer("none"))),
      ("expect chat-1 wrap-up 45s", Query(.chatWrapUp(ChatID(1)), Answer("45s"))),
      ("expect chat-1 wrap-up 1m30s", Query(.chatWrapUp(ChatID(1)), Answer("1m30s"))),
      ("expect chat-12 messages 3", Query(.chatMessages(ChatID(12)), Answer("3"))),
      ("expect marie sees \"Bonjour\"", Query(.sees("marie", text: "Bonjour"), Answer("yes"))),
      ("expect marie sees Bonjour", Query(.sees("marie", text: "Bonjour"), Answer("yes"))),
      ("expect alice sees \"a\"*3 \"!\"", Query(.sees("alice", text: "aaa!"), Answer("yes"))),
      (
        "expect case case-1 customer c-100 state closed",
        Query(.caseRecord("case-1"), Answer(["c-100", "closed"]))
      ),
      ("expect case k-7 customer c-100 state open", Query(.caseRecord("k-7"), Answer(["c-100", "open"]))),
      (
        "expect case case-2 customer customer-1 state draft",
        Query(.caseRecord("case-2"), Answer(["customer-1", "draft"]))
      ),
      (
        "expect customer customer-1 name \"Marie Tremblay\" email marie@example.com",
        Query(.customerRecord("customer-1"), Answer(["Marie Tremblay", "marie@example.com"]))
      ),
      ("expect setting accept-interval 45s", Query(.setting(.acceptInterval), Answer("45s"))),
      ("expect setting chat-log \"automatic\"", Query(.setting(.chatLog), Answer("automatic"))),
      ("expect clock 00:01:30", Query(.clock, Answer("00:01:30"))),
      ("expect clock 00:00:00.250", Query(.clock, Answer("00:00:00.250"))),
      ("expect alice chats 1 # trailing comment", Query(.agentChats("alice"), Answer("1"))),
    ])
  func questions(line: String, expected: Query) throws {
    #expect(try query(line) == expected)
  }

  @Test("The subject may be quoted: a quoted \"queue\" is still the keyword")
  func quotedSubject() throws {
    #expect(try query("expect \"alice\" chats 1") == Query(.agentChats("alice"), Answer("1")))
    #expect(try query("expect \"queue\" support waiting 1") == Query(.queueWaiting("support"), Answer("1")))
    #expect(try query("expect \"chat-1\" state queued") == Query(.chatState(ChatID(1)), Answer("queued")))
  }

  @Test("An agent named like a subject keyword cannot be asked about")
  func keywordSubjects() {
    #expect(
      parseFailure("expect clock chats 1") == "t.chat:1:14: expected a time such as 00:01:30, not 'chats'")
    #expect(parseFailure("expect queue chats 1") == "t.chat:1:20: expected 'waiting', not '1'")
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
      ("expect alice offer", "t.chat:1:19: expected a chat id such as chat-1, or none"),
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
      ("expect chat-1 log", "t.chat:1:18: expected a log state"),
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
      // Answers are typed: a word out of its set is a parse error, with "did you mean".
      (
        "expect chat-1 state wrapup",
        "t.chat:1:21: unknown chat state 'wrapup'; did you mean 'wrap-up'?; expected queued, offered, active, wrap-up, finished or abandoned"
      ),
      (
        "expect alice status away",
        "t.chat:1:21: unknown status 'away'; expected available, working-offline, on-break, logged-out or not-ready"
      ),
      (
        "expect chat-1 log viewed",
        "t.chat:1:19: unknown log state 'viewed'; did you mean 'view'?; expected none, edit, draft, view or saved"
      ),
      (
        "expect setting acept-interval 30s",
        "t.chat:1:16: there is no setting \"acept-interval\"; settings are reject-permission, queue-permission, accept-interval, missed-offer-status, chats-per-agent, screen-pop, screen-pop-moment, disposition, chat-log; did you mean 'accept-interval'?"
      ),
      (
        "expect setting accept-interval soon",
        "t.chat:1:32: \"soon\" is not a value of accept-interval; expected a duration from 1s to 1h, such as 30s or 1m30s"
      ),
    ])
  func errors(line: String, error: String) {
    #expect(parseFailure(line) == error)
  }

  @Test("Counts are digits only: a leading '+' is refused")
  func signedCount() {
    #expect(parseFailure("expect alice chats +3") == "t.chat:1:20: expected a number of chats, not '+3'")
  }
}
