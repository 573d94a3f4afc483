import Conformance
import ContactCenter
import Testing

@testable import REPL

@Suite("Completion, aware of context")
struct CompletionTests {
  /// The support/sales queues, alice holding marie's chat-1, bob logged out, a FAQ, a customer
  /// record and a case.
  private func harness() -> Harness {
    let harness = Harness()
    harness.type(aliceWithChat)
    harness.type(
      "agent bob queues=support", "faq hours \"We are open 8-17\"",
      "customer-record c-100 name=\"Marie Tremblay\" email=marie@example.com account=A-1",
      "case k-7 customer=c-100 subject=\"Billing error\"")
    return harness
  }

  @Test("a candidate with a control character is never offered: libedit would print it raw")
  func unsafeCandidatesLeftOut() {
    let harness = harness()
    harness.type("customer-record c-200 name=Eve email=eve@example.com account=\"B\\u{1B}[2J\"")
    #expect(harness.complete("zoe> open support account=") == ["A-1"])
  }

  @Test("the first word: keywords, `as` and actors (with their `>`)")
  func firstWord() {
    let harness = harness()
    #expect(harness.complete("") == Vocabulary.lineWords + ["as", "alice>", "bob>", "marie>"])
    #expect(harness.complete("qu") == ["queue"])
    #expect(harness.complete("al") == ["alice>"])
    #expect(harness.complete("  b") == ["bob>"])
    #expect(harness.complete("ma") == ["marie>"])
    #expect(harness.complete("zz").isEmpty)
  }

  @Test("dot-commands and their arguments")
  func dotCommands() {
    let harness = harness()
    #expect(
      harness.complete(".") == [
        ".help", ".read", ".record", ".save", ".timeline", ".state", ".reset", ".quit",
      ])
    #expect(harness.complete(".re") == [".read", ".record", ".reset"])
    #expect(harness.complete(".read ") == ["<files>"])
    #expect(harness.complete(".save fix") == ["<files>"])
    #expect(harness.complete(".record ") == ["<files>"])
    #expect(harness.complete(".help ex") == ["expect"])
    #expect(harness.complete(".help .r") == [".read", ".record", ".reset"])
    harness.type(".record r.chat")
    #expect(harness.complete(".record ") == ["stop"])
  }

  @Test("an agent's command words, then their words, chats, queues and ids")
  func agentCommands() {
    let harness = harness()
    #expect(harness.complete("alice> ") == CompletionContext.agentWordsForTest)
    #expect(
      harness.complete("alice>lo")
        == ["login", "log", "logout"].filter { CompletionContext.agentWordsForTest.contains($0) })
    #expect(harness.complete("alice> st") == ["status"])
    #expect(harness.complete("alice> status ") == ["available", "working-offline", "on-break"])
    #expect(harness.complete("alice> queues ") == ["enable", "disable", "confirm"])
    #expect(harness.complete("alice> queues enable ") == ["sales"])
    #expect(harness.complete("alice> queues disable ") == ["support"])
    #expect(harness.complete("alice> profile queues ") == ["enable", "disable", "save"])
    #expect(harness.complete("alice> end ") == ["chat-1"])
    #expect(harness.complete("alice> say ") == ["chat-1"])
    #expect(harness.complete("alice> say \"Bon").isEmpty)
    #expect(harness.complete("alice> typing ") == ["stop", "chat-1"])
    #expect(harness.complete("alice> faq ") == ["chat-1", "hours"])
    #expect(harness.complete("alice> faq chat-1 h") == ["hours"])
    #expect(harness.complete("alice> customer ") == ["save"])
    #expect(harness.complete("alice> customer save ") == ["chat-1", "name=", "email=", "account="])
    #expect(harness.complete("alice> customer save name=\"Marie T\" ") == ["email=", "account="])
    #expect(harness.complete("alice> accept ").isEmpty)
    #expect(harness.complete("alice> log ") == ["open", "edit", "customer", "save", "draft"])
  }

  @Test("wrap-up: the chats in wrap-up and the queue's disposition codes")
  func wrapUp() {
    let harness = harness()
    harness.type("alice> end")
    #expect(harness.complete("alice> disposition ") == ["chat-1", "resolved", "callback"])
    #expect(harness.complete("alice> disposition chat-1 c") == ["callback"])
    #expect(harness.complete("alice> finish ") == ["chat-1"])
    harness.type("alice> finish")
    #expect(harness.complete("alice> log ") == ["open", "edit", "customer", "save", "draft", "chat-1"])
    #expect(harness.complete("alice> log customer chat-1 ") == ["c-100"])
  }

  @Test("an offer: accept and reject offer the offered chat")
  func offers() {
    let harness = harness()
    harness.type("alice> status on-break")
    harness.type(
      "bob> login", "bob> ready", "bob> queues enable support", "bob> queues confirm", "bob> status available"
    )
    harness.type("paul> open support name=Paul email=paul@example.net ip=198.51.100.23")
    #expect(harness.complete("bob> accept ") == ["chat-2"])
    #expect(harness.complete("bob> reject c") == ["chat-2"])
  }

  @Test("a customer's commands; open offers chat queues, then its options and their values")
  func customerCommands() {
    let harness = harness()
    #expect(harness.complete("marie> ") == ["typing", "say", "open", "leave"])
    #expect(harness.complete("zoe> o") == ["open"])
    #expect(harness.complete("zoe> open ") == ["support", "sales"])
    #expect(harness.complete("zoe> open support ") == ["name=", "email=", "ip=", "account=", "case="])
    #expect(harness.complete("zoe> open support name=Zoe e") == ["email="])
    #expect(harness.complete("zoe> open support case=") == ["k-7"])
    #expect(harness.complete("zoe> open support account=") == ["A-1"])
  }

  @Test("definitions: options and their values, lists item by item")
  func definitions() {
    let harness = harness()
    #expect(harness.complete("queue new ") == ["media=", "dispositions="])
    #expect(harness.complete("queue new media=") == ["chat", "phone", "email"])
    #expect(harness.complete("queue new media=ph") == ["phone"])
    #expect(harness.complete("agent carol ") == ["queues=", "max-chats="])
    #expect(harness.complete("agent carol queues=s") == ["support", "sales"])
    #expect(harness.complete("agent carol queues=support,s") == ["sales"])
    #expect(harness.complete("agent carol queues=support max-chats=") == ["1", "2", "3", "4", "5", "6"])
    #expect(harness.complete("agent carol queues=support ") == ["max-chats="])
    #expect(harness.complete("case k-8 customer=") == ["c-100"])
    #expect(harness.complete("case k-8 state=") == ["open", "closed", "draft"])
    #expect(harness.complete("agent ").isEmpty)
  }

  @Test("set: the keys, then the current value first and the others")
  func settings() {
    let harness = harness()
    #expect(harness.complete("set ") == Setting.Key.allCases.map(\.rawValue))
    #expect(harness.complete("set scr") == ["screen-pop", "screen-pop-moment"])
    #expect(harness.complete("set screen-pop ") == ["case-record", "off", "customer-record"])
    #expect(harness.complete("set accept-interval ") == ["30s", "45s", "1m", "2m"])
    #expect(harness.complete("set chat-log a") == ["automatic"])
  }

  @Test("clock: the next timer, relative and absolute, then round steps")
  func clock() {
    let harness = harness()
    #expect(harness.complete("clock ") == ["+1s", "+10s", "+30s", "+1m", "+5m"])
    harness.type("alice> status on-break")
    harness.type(
      "bob> login", "bob> ready", "bob> queues enable support", "bob> queues confirm", "bob> status available"
    )
    harness.type("clock +10s", "paul> open support name=Paul email=paul@example.net ip=198.51.100.23")
    #expect(harness.complete("clock ") == ["+30s", "00:00:40", "+1s", "+10s", "+1m", "+5m"])
  }

  @Test("expect: subjects, questions, and the actual value first")
  func expect() {
    let harness = harness()
    #expect(
      harness.complete("expect ") == [
        "queue", "case", "customer", "setting", "clock", "alice", "bob", "marie", "chat-1",
      ])
    #expect(harness.complete("expect c") == ["case", "customer", "clock", "chat-1"])
    #expect(harness.complete("expect alice ") == ["status", "chats", "offer", "queues", "sees"])
    #expect(
      harness.complete("expect alice status ") == [
        "available", "working-offline", "on-break", "logged-out", "not-ready",
      ])
    #expect(
      harness.complete("expect bob status ") == [
        "logged-out", "available", "working-offline", "on-break", "not-ready",
      ])
    #expect(harness.complete("expect alice chats ") == ["1"])
    #expect(harness.complete("expect alice offer ") == ["none"])
    #expect(harness.complete("expect marie ") == ["sees"])
    #expect(
      harness.complete("expect chat-1 ") == ["state", "agent", "log", "disposition", "wrap-up", "messages"])
    #expect(
      harness.complete("expect chat-1 state ") == [
        "active", "queued", "offered", "wrap-up", "finished", "abandoned",
      ])
    #expect(harness.complete("expect chat-1 agent ") == ["alice", "bob"])
    #expect(harness.complete("expect chat-1 disposition ") == ["none", "resolved", "callback"])
    #expect(harness.complete("expect queue ") == ["support", "sales"])
    #expect(harness.complete("expect queue support ") == ["waiting"])
    #expect(harness.complete("expect queue support waiting ") == ["0"])
    #expect(harness.complete("expect case k-7 customer ") == ["c-100"])
    #expect(harness.complete("expect case k-7 customer c-100 state ") == ["open", "closed", "draft"])
    #expect(harness.complete("expect setting disposition ") == ["optional", "off", "required"])
    #expect(harness.complete("expect clock ") == ["00:00:00"])
  }

  @Test("`as`: actor names; afterwards bare lines complete as that actor's commands")
  func defaultActor() {
    let harness = harness()
    #expect(harness.complete("as ") == ["alice", "bob", "marie"])
    harness.type("as alice")
    #expect(harness.complete("acc") == ["accept"])
    #expect(harness.complete("queues enable ") == ["sales"])
    #expect(harness.complete("q") == ["queue", "queues"])
    #expect(harness.complete("faq ") == ["chat-1", "hours"])
    #expect(harness.complete("clock ") == ["+1s", "+10s", "+30s", "+1m", "+5m"])
  }

  @Test("inside a quoted text nothing is completed")
  func insideQuotes() {
    let harness = harness()
    #expect(harness.complete("faq x \"We a").isEmpty)
    #expect(harness.complete("zoe> open support name=\"Zo").isEmpty)
    #expect(harness.complete("zoe> open support name=\"Zoe \\\" Q\" e") == ["email="])
  }

  @Test("with 10,000 agents a completion stays fast (the bound is loose for debug builds)")
  func manyAgents() {
    let harness = Harness()
    harness.type("queue q")
    for index in 1...10_000 { harness.type("agent agent-\(index) queues=q") }
    let context = harness.repl.completionContext
    #expect(
      Completer.complete("agent-123", in: context)
        == .candidates(
          [
            "agent-123", "agent-1230", "agent-1231", "agent-1232", "agent-1233", "agent-1234", "agent-1235",
            "agent-1236", "agent-1237", "agent-1238", "agent-1239",
          ].map { $0 + ">" }))
    let clock = ContinuousClock()
    let elapsed = clock.measure {
      for _ in 0..<10 { _ = Completer.complete("", in: context) }
    }
    #expect(elapsed / 10 < .milliseconds(100))
  }
}

extension CompletionContext {
  static var agentWordsForTest: [String] { Completer.firstWords(.agent) }
}
