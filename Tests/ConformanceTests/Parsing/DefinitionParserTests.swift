import ContactCenter
import Testing

@testable import Conformance

@Suite("Definitions and settings")
struct DefinitionParserTests {
  @Test(
    "queue NAME [media=chat|phone|email] [dispositions=A,B]",
    arguments: [
      ("queue support", Command.defineQueue("support", media: .chat, dispositions: [])),
      (
        "queue support media=chat dispositions=resolved,callback",
        .defineQueue("support", media: .chat, dispositions: ["resolved", "callback"])
      ),
      ("queue phone media=phone", .defineQueue("phone", media: .phone, dispositions: [])),
      (
        "queue mail media=email dispositions=done",
        .defineQueue("mail", media: .email, dispositions: ["done"])
      ),
      (
        "queue support dispositions=resolved,,callback,",
        .defineQueue("support", media: .chat, dispositions: ["resolved", "callback"])
      ),
      ("queue support dispositions=\"\"", .defineQueue("support", media: .chat, dispositions: [])),
      (
        "queue \"my queue\" dispositions=\"a b\"",
        .defineQueue("my queue", media: .chat, dispositions: ["a b"])
      ),
      (
        "queue support dispositions = resolved media = chat",
        .defineQueue("support", media: .chat, dispositions: ["resolved"])
      ),
    ])
  func queue(line: String, expected: Command) throws {
    #expect(try engineCommand(line) == expected)
  }

  @Test(
    "agent NAME [queues=A,B] [max-chats=N]",
    arguments: [
      ("agent alice", Command.defineAgent("alice", queues: [], maximumChats: nil)),
      (
        "agent alice queues=support,sales",
        .defineAgent("alice", queues: ["support", "sales"], maximumChats: nil)
      ),
      ("agent alice queues=support max-chats=3", .defineAgent("alice", queues: ["support"], maximumChats: 3)),
      // The range 1...6 is the engine's to check (a refusal at run time, so a '!' line can test it).
      ("agent alice max-chats=0", .defineAgent("alice", queues: [], maximumChats: 0)),
    ])
  func agent(line: String, expected: Command) throws {
    #expect(try engineCommand(line) == expected)
  }

  @Test(
    "customer-record ID name=... email=... [account=...]",
    arguments: [
      (
        "customer-record c-100 name=\"Marie Tremblay\" email=marie@example.com account=A-1",
        Command.defineCustomer("c-100", name: "Marie Tremblay", email: "marie@example.com", account: "A-1")
      ),
      (
        "customer-record c-1 email=a@b.c name=A",
        .defineCustomer("c-1", name: "A", email: "a@b.c", account: nil)
      ),
    ])
  func customerRecord(line: String, expected: Command) throws {
    #expect(try engineCommand(line) == expected)
  }

  @Test(
    "case ID customer=... subject=... [state=open|closed|draft]",
    arguments: [
      (
        "case k-7 customer=c-100 subject=\"Billing error\"",
        Command.defineCase("k-7", customer: "c-100", subject: "Billing error", state: .open)
      ),
      (
        "case k-8 customer=c-100 subject=Old state=closed",
        .defineCase("k-8", customer: "c-100", subject: "Old", state: .closed)
      ),
      (
        "case k-9 state=draft subject=x customer=c",
        .defineCase("k-9", customer: "c", subject: "x", state: .draft)
      ),
    ])
  func caseRecord(line: String, expected: Command) throws {
    #expect(try engineCommand(line) == expected)
  }

  @Test(
    "faq ID \"answer\"",
    arguments: [
      ("faq hours \"We are open 8-17\"", Command.defineFAQ("hours", answer: "We are open 8-17")),
      ("faq hours open", .defineFAQ("hours", answer: "open")),
      ("faq long \"a\"*1940", .defineFAQ("long", answer: String(repeating: "a", count: 1940))),
      ("faq nl \"Line 1\\nLine 2\"", .defineFAQ("nl", answer: "Line 1\nLine 2")),
    ])
  func faq(line: String, expected: Command) throws {
    #expect(try engineCommand(line) == expected)
  }

  @Test(
    "set KEY VALUE: every key with every value",
    arguments: [
      ("reject-permission granted", Setting.rejectPermission(true)),
      ("reject-permission denied", .rejectPermission(false)),
      ("queue-permission granted", .queueEditPermission(true)),
      ("queue-permission denied", .queueEditPermission(false)),
      ("accept-interval 30s", .acceptInterval(.seconds(30))),
      ("accept-interval 1s", .acceptInterval(.seconds(1))),
      ("accept-interval 1h", .acceptInterval(.seconds(3600))),
      ("accept-interval 1m30s", .acceptInterval(.seconds(90))),
      ("accept-interval 1500ms", .acceptInterval(Interval(milliseconds: 1500))),
      ("missed-offer-status working-offline", .missedOfferStatus(.workingOffline)),
      ("missed-offer-status on-break", .missedOfferStatus(.onBreak)),
      ("chats-per-agent 1", .chatsPerAgent(1)),
      ("chats-per-agent 2", .chatsPerAgent(2)),
      ("chats-per-agent 3", .chatsPerAgent(3)),
      ("chats-per-agent 4", .chatsPerAgent(4)),
      ("chats-per-agent 5", .chatsPerAgent(5)),
      ("chats-per-agent 6", .chatsPerAgent(6)),
      ("screen-pop off", .screenPop(.off)),
      ("screen-pop customer-record", .screenPop(.customerRecord)),
      ("screen-pop case-record", .screenPop(.caseRecord)),
      ("screen-pop-moment offer", .screenPopMoment(.offer)),
      ("screen-pop-moment accept", .screenPopMoment(.accept)),
      ("disposition off", .disposition(.off)),
      ("disposition optional", .disposition(.optional)),
      ("disposition required", .disposition(.required)),
      ("chat-log automatic", .automaticChatLog(true)),
      ("chat-log off", .automaticChatLog(false)),
      ("chat-log \"off\"", .automaticChatLog(false)),
    ])
  func set(line: String, expected: Setting) throws {
    #expect(try engineCommand("set " + line) == .set(expected))
  }

  @Test("Every setting key is covered above")
  func settingKeys() {
    #expect(
      Setting.Key.allCases.map(\.rawValue) == [
        "reject-permission", "queue-permission", "accept-interval", "missed-offer-status", "chats-per-agent",
        "screen-pop",
        "screen-pop-moment", "disposition", "chat-log",
      ])
  }

  @Test(
    "Errors of definitions and settings, with file:line:column",
    arguments: [
      // queue
      ("queue", "t.chat:1:6: expected a queue name"),
      ("queue = x", "t.chat:1:7: expected a queue name, not '='"),
      ("queue support media=fax", "t.chat:1:21: unknown media 'fax'; expected chat, phone or email"),
      (
        "queue support medium=chat",
        "t.chat:1:15: unknown key 'medium'; did you mean 'media'?; expected one of media, dispositions"
      ),
      ("queue support dispositions resolved", "t.chat:1:28: expected '=' after 'dispositions'"),
      ("queue support dispositions=a dispositions=b", "t.chat:1:30: 'dispositions' is given twice"),
      (
        "queue support dispositions=\"a\",b",
        "t.chat:1:31: unknown key ',b'; expected one of media, dispositions"
      ),
      (
        "queue support dispositions=a, b", "t.chat:1:31: unknown key 'b'; expected one of media, dispositions"
      ),
      // agent
      ("agent", "t.chat:1:6: expected an agent name"),
      (
        "agent alice queue=support",
        "t.chat:1:13: unknown key 'queue'; did you mean 'queues'?; expected one of queues, max-chats"
      ),
      ("agent alice max-chats=x", "t.chat:1:23: expected a whole number for max-chats, not 'x'"),
      // A number is digits only, as the docs say: no sign reaches the engine.
      ("agent alice max-chats=-1", "t.chat:1:23: expected a whole number for max-chats, not '-1'"),
      ("agent alice max-chats=+2", "t.chat:1:23: expected a whole number for max-chats, not '+2'"),
      ("agent alice queues=", "t.chat:1:20: expected a value for queues"),
      // customer-record and case
      ("customer-record", "t.chat:1:16: expected a customer record id"),
      ("customer-record c-1", "t.chat:1:20: missing name=..."),
      ("customer-record c-1 name=A", "t.chat:1:27: missing email=..."),
      (
        "customer-record c-1 name=A email=a@b.c acount=1",
        "t.chat:1:40: unknown key 'acount'; did you mean 'account'?; expected one of name, email, account"
      ),
      ("case k-7", "t.chat:1:9: missing customer=..."),
      ("case k-7 customer=c-1", "t.chat:1:22: missing subject=..."),
      (
        "case k-7 customer=c-1 subject=x state=bogus",
        "t.chat:1:39: unknown case state 'bogus'; expected open, closed or draft"
      ),
      // faq
      ("faq", "t.chat:1:4: expected an FAQ id"),
      ("faq hours", "t.chat:1:10: expected the FAQ answer, in quotes"),
      ("faq hours We are open", "t.chat:1:14: unexpected 'are'; quote text that contains spaces"),
      // set
      (
        "set",
        "t.chat:1:4: expected a setting (reject-permission, queue-permission, accept-interval, missed-offer-status, chats-per-agent, screen-pop, screen-pop-moment, disposition, chat-log)"
      ),
      (
        "set \"chat-log\" off",
        "t.chat:1:5: expected a setting (reject-permission, queue-permission, accept-interval, missed-offer-status, chats-per-agent, screen-pop, screen-pop-moment, disposition, chat-log), not a quoted text"
      ),
      ("set chat-log", "t.chat:1:13: expected a value for chat-log"),
      ("set chat-log off now", "t.chat:1:18: unexpected 'now'; quote text that contains spaces"),
      (
        "set acept-interval 30s",
        "t.chat:1:5: there is no setting \"acept-interval\"; settings are reject-permission, queue-permission, accept-interval, missed-offer-status, chats-per-agent, screen-pop, screen-pop-moment, disposition, chat-log; did you mean 'accept-interval'?"
      ),
      (
        "set colour blue",
        "t.chat:1:5: there is no setting \"colour\"; settings are reject-permission, queue-permission, accept-interval, missed-offer-status, chats-per-agent, screen-pop, screen-pop-moment, disposition, chat-log"
      ),
      (
        "set reject-permission yes",
        "t.chat:1:5: \"yes\" is not a value of reject-permission; expected granted, denied"
      ),
      (
        "set queue-permission no",
        "t.chat:1:5: \"no\" is not a value of queue-permission; expected granted, denied"
      ),
      (
        "set accept-interval 2h",
        "t.chat:1:5: \"2h\" is not a value of accept-interval; expected a duration from 1s to 1h, such as 30s or 1m30s"
      ),
      (
        "set accept-interval 0s",
        "t.chat:1:5: \"0s\" is not a value of accept-interval; expected a duration from 1s to 1h, such as 30s or 1m30s"
      ),
      (
        "set accept-interval 30",
        "t.chat:1:5: \"30\" is not a value of accept-interval; expected a duration from 1s to 1h, such as 30s or 1m30s"
      ),
      (
        "set missed-offer-status available",
        "t.chat:1:5: \"available\" is not a value of missed-offer-status; expected working-offline, on-break"
      ),
      (
        "set chats-per-agent 7",
        "t.chat:1:5: \"7\" is not a value of chats-per-agent; expected 1, 2, 3, 4, 5, 6"
      ),
      (
        "set chats-per-agent 0",
        "t.chat:1:5: \"0\" is not a value of chats-per-agent; expected 1, 2, 3, 4, 5, 6"
      ),
      (
        "set screen-pop case",
        "t.chat:1:5: \"case\" is not a value of screen-pop; expected off, customer-record, case-record"
      ),
      (
        "set screen-pop-moment later",
        "t.chat:1:5: \"later\" is not a value of screen-pop-moment; expected offer, accept"
      ),
      (
        "set disposition mandatory",
        "t.chat:1:5: \"mandatory\" is not a value of disposition; expected off, optional, required"
      ),
      ("set chat-log on", "t.chat:1:5: \"on\" is not a value of chat-log; expected automatic, off"),
    ])
  func errors(line: String, error: String) {
    #expect(parseFailure(line) == error)
  }

  @Test("An invalid value is reported at that value, wherever it is among the keys")
  func valueErrorColumns() {
    #expect(
      parseFailure("queue q media=fax dispositions=a")
        == "t.chat:1:15: unknown media 'fax'; expected chat, phone or email")
    #expect(
      parseFailure("agent a max-chats=x queues=q")
        == "t.chat:1:19: expected a whole number for max-chats, not 'x'")
    #expect(
      parseFailure("case k state=x customer=c subject=s")
        == "t.chat:1:14: unknown case state 'x'; expected open, closed or draft")
  }
}
