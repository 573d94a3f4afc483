import ContactCenter
import Testing

@testable import Conformance

private let one = ChatID(1)
private let two = ChatID(2)

@Suite("Actor commands (name> ...)")
struct ActorCommandParserTests {
  @Test(
    "Agent commands",
    arguments: [
      ("login", ActorCommand(name: "login", agent: .login)),
      ("ready", ActorCommand(name: "ready", agent: .readyToWork)),
      ("logout", ActorCommand(name: "logout", agent: .logout)),
      ("status available", ActorCommand(name: "status", agent: .setStatus(.available))),
      ("status working-offline", ActorCommand(name: "status", agent: .setStatus(.workingOffline))),
      ("status on-break", ActorCommand(name: "status", agent: .setStatus(.onBreak))),
      ("queues", ActorCommand(name: "queues", agent: .listQueues)),
      (
        "queues enable support",
        ActorCommand(name: "queues enable", agent: .selectQueue("support", enabled: true))
      ),
      (
        "queues disable support",
        ActorCommand(name: "queues disable", agent: .selectQueue("support", enabled: false))
      ),
      (
        "queues enable \"sales\"",
        ActorCommand(name: "queues enable", agent: .selectQueue("sales", enabled: true))
      ),
      ("queues confirm", ActorCommand(name: "queues confirm", agent: .confirmSelections)),
      (
        "profile queues enable sales",
        ActorCommand(name: "profile queues enable", agent: .switchProfileQueue("sales", enabled: true))
      ),
      (
        "profile queues disable sales",
        ActorCommand(name: "profile queues disable", agent: .switchProfileQueue("sales", enabled: false))
      ),
      ("profile queues save", ActorCommand(name: "profile queues save", agent: .saveProfileQueues)),
      ("preview", ActorCommand(name: "preview", agent: .preview(nil))),
      ("accept", ActorCommand(name: "accept", agent: .accept(nil))),
      ("reject", ActorCommand(name: "reject", agent: .reject(nil))),
      ("info", ActorCommand(name: "info", agent: .showCustomerInfo(nil))),
      ("send", ActorCommand(name: "send", agent: .sendDraft(nil))),
      ("end", ActorCommand(name: "end", agent: .end(nil))),
      ("timer", ActorCommand(name: "timer", agent: .showWrapUpTimer(nil))),
      ("continue", ActorCommand(name: "continue", agent: .continueDisposition(nil))),
      ("finish", ActorCommand(name: "finish", agent: .finish(nil))),
      ("faq hours", ActorCommand(name: "faq", agent: .insertFAQ(nil, "hours"))),
      ("faq \"hours\"", ActorCommand(name: "faq", agent: .insertFAQ(nil, "hours"))),
      ("disposition resolved", ActorCommand(name: "disposition", agent: .selectDisposition(nil, "resolved"))),
      (
        "customer save name=\"Marie Tremblay\" email=marie@example.com",
        ActorCommand(
          name: "customer save",
          agent: .saveNewCustomer(nil, name: "Marie Tremblay", email: "marie@example.com", account: nil))
      ),
      (
        "customer save email=m@x.io account=A-1 name=Marie",
        ActorCommand(
          name: "customer save", agent: .saveNewCustomer(nil, name: "Marie", email: "m@x.io", account: "A-1"))
      ),
      ("log", ActorCommand(name: "log", agent: .showLog(nil))),
      ("log open", ActorCommand(name: "log open", agent: .openLog(nil))),
      ("log edit \"Called back\"", ActorCommand(name: "log edit", agent: .editLog(nil, "Called back"))),
      ("log edit done", ActorCommand(name: "log edit", agent: .editLog(nil, "done"))),
      ("log customer c-100", ActorCommand(name: "log customer", agent: .selectLogCustomer(nil, "c-100"))),
      ("log save", ActorCommand(name: "log save", agent: .saveLog(nil))),
      ("log draft", ActorCommand(name: "log draft", agent: .saveLogDraft(nil))),
    ])
  func agentCommands(line: String, expected: ActorCommand) throws {
    #expect(try command("alice> " + line) == .actor("alice", expected))
  }

  @Test(
    "A chat id as the optional first argument",
    arguments: [
      ("accept chat-1", ActorCommand(name: "accept", agent: .accept(one))),
      ("reject chat-2", ActorCommand(name: "reject", agent: .reject(two))),
      ("info chat-1", ActorCommand(name: "info", agent: .showCustomerInfo(one))),
      ("send chat-1", ActorCommand(name: "send", agent: .sendDraft(one))),
      ("end chat-1", ActorCommand(name: "end", agent: .end(one))),
      ("timer chat-1", ActorCommand(name: "timer", agent: .showWrapUpTimer(one))),
      ("continue chat-1", ActorCommand(name: "continue", agent: .continueDisposition(one))),
      ("finish chat-1", ActorCommand(name: "finish", agent: .finish(one))),
      ("typing chat-2", ActorCommand(name: "typing", agent: .typing(two, true))),
      ("typing stop chat-2", ActorCommand(name: "typing stop", agent: .typing(two, false))),
      ("say chat-2 \"Bonjour\"", ActorCommand(name: "say", agent: .say(two, "Bonjour"))),
      ("say chat-2 Bonjour", ActorCommand(name: "say", agent: .say(two, "Bonjour"))),
      ("faq chat-1 hours", ActorCommand(name: "faq", agent: .insertFAQ(one, "hours"))),
      (
        "disposition chat-1 callback",
        ActorCommand(name: "disposition", agent: .selectDisposition(one, "callback"))
      ),
      (
        "customer save chat-1 name=Paul email=paul@example.com",
        ActorCommand(
          name: "customer save",
          agent: .saveNewCustomer(one, name: "Paul", email: "paul@example.com", account: nil))
      ),
      ("log chat-1", ActorCommand(name: "log", agent: .showLog(one))),
      ("log open chat-1", ActorCommand(name: "log open", agent: .openLog(one))),
      ("log edit chat-1 \"x\"", ActorCommand(name: "log edit", agent: .editLog(one, "x"))),
      (
        "log customer chat-1 customer-1",
        ActorCommand(name: "log customer", agent: .selectLogCustomer(one, "customer-1"))
      ),
      ("log save chat-1", ActorCommand(name: "log save", agent: .saveLog(one))),
      ("log draft chat-1", ActorCommand(name: "log draft", agent: .saveLogDraft(one))),
      ("accept chat-2147483647", ActorCommand(name: "accept", agent: .accept(ChatID(2_147_483_647)))),
    ])
  func chatArguments(line: String, expected: ActorCommand) throws {
    #expect(try command("alice> " + line) == .actor("alice", expected))
  }

  @Test("A quoted \"chat-1\" is a text, not a chat id")
  func quotedChatID() throws {
    #expect(
      try actorCommand("marie> say \"chat-1\"")
        == ActorCommand(name: "say", agent: .say(nil, "chat-1"), customer: .say("chat-1")))
    #expect(
      try actorCommand("alice> faq \"chat-1\"") == ActorCommand(name: "faq", agent: .insertFAQ(nil, "chat-1"))
    )
  }

  @Test(
    "Customer commands",
    arguments: [
      (
        "open support name=\"Marie Tremblay\" email=marie@example.com ip=203.0.113.7",
        ActorCommand(
          name: "open",
          customer: .open(
            "support",
            ChatRequest(name: "Marie Tremblay", email: "marie@example.com", ipAddress: "203.0.113.7")))
      ),
      (
        "open support ip=2001:db8::1 case=k-7 account=A-1 email=m@x.io name=M",
        ActorCommand(
          name: "open",
          customer: .open(
            "support",
            ChatRequest(
              name: "M", email: "m@x.io", ipAddress: "2001:db8::1", account: "A-1", caseNumber: "k-7")))
      ),
      (
        "open \"support\" name = \"\" email=\"\" ip=\"\"",
        ActorCommand(
          name: "open", customer: .open("support", ChatRequest(name: "", email: "", ipAddress: "")))
      ),
      ("leave", ActorCommand(name: "leave", customer: .leave)),
    ])
  func customerCommands(line: String, expected: ActorCommand) throws {
    #expect(try command("marie> " + line) == .actor("marie", expected))
  }

  @Test("typing and say without a chat id read for an agent and for a customer")
  func bothReadings() throws {
    #expect(
      try actorCommand("x> typing")
        == ActorCommand(name: "typing", agent: .typing(nil, true), customer: .typing(true)))
    #expect(
      try actorCommand("x> typing stop")
        == ActorCommand(name: "typing stop", agent: .typing(nil, false), customer: .typing(false)))
    #expect(
      try actorCommand("x> say \"Bonjour\"")
        == ActorCommand(name: "say", agent: .say(nil, "Bonjour"), customer: .say("Bonjour")))
    #expect(
      try actorCommand("x> say Bonjour")
        == ActorCommand(name: "say", agent: .say(nil, "Bonjour"), customer: .say("Bonjour")))
  }

  @Test("Long messages: \"a\"*1940, side-by-side strings and escapes")
  func longMessages() throws {
    #expect(try actorCommand("x> say \"a\"*1941").customer == .say(String(repeating: "a", count: 1941)))
    let joined = "Bonjour " + String(repeating: "a", count: 1931) + "!"
    #expect(try actorCommand("x> say \"Bonjour \" \"a\"*1931 \"!\"").customer == .say(joined))
    #expect(
      try actorCommand(#"x> say "Line one\nLine two\t\"quoted\" \\ \u{1F44D}\u{1F3FD}""#).customer
        == .say("Line one\nLine two\t\"quoted\" \\ 👍🏽"))
  }

  @Test("Words that look like chat ids but are not: chat-0, chat-01, chat-x")
  func notChatIDs() {
    #expect(
      parseFailure("alice> accept chat-0")
        == "t.chat:1:15: unexpected 'chat-0'; quote text that contains spaces")
    #expect(
      parseFailure("alice> finish chat-01")
        == "t.chat:1:15: unexpected 'chat-01'; quote text that contains spaces")
    #expect(
      parseFailure("alice> accept chat-2147483648")
        == "t.chat:1:15: unexpected 'chat-2147483648'; quote text that contains spaces")
  }

  @Test("The words listed for completion and suggestions")
  func words() {
    #expect(
      Vocabulary.actorWords == [
        "login", "ready", "queues", "profile", "status", "preview", "accept", "reject", "info", "customer",
        "typing", "say", "faq", "send", "end", "timer", "disposition", "continue", "finish", "log", "logout",
        "open", "leave",
      ])
  }

  @Test(
    "Errors of actor commands, with file:line:column",
    arguments: [
      ("alice> foo", "t.chat:1:8: unknown command 'foo'"),
      ("alice> stauts available", "t.chat:1:8: unknown command 'stauts'; did you mean 'status'?"),
      ("alice> acept", "t.chat:1:8: unknown command 'acept'; did you mean 'accept'?"),
      ("alice> logut", "t.chat:1:8: unknown command 'logut'; did you mean 'logout'?"),
      ("marie> opne support", "t.chat:1:8: unknown command 'opne'; did you mean 'open'?"),
      ("alice> \"login\"", "t.chat:1:8: expected a command, not a quoted text"),
      ("alice> login now", "t.chat:1:14: unexpected 'now'; quote text that contains spaces"),
      ("alice> login \"now\"", "t.chat:1:14: unexpected quoted text"),
      ("alice> login =", "t.chat:1:14: unexpected '='"),
      // status
      ("alice> status", "t.chat:1:14: expected a status: available, working-offline or on-break"),
      (
        "alice> status availble",
        "t.chat:1:15: unknown status 'availble'; did you mean 'available'?; expected available, working-offline or on-break"
      ),
      (
        "alice> status away",
        "t.chat:1:15: unknown status 'away'; expected available, working-offline or on-break"
      ),
      (
        "alice> status Available",
        "t.chat:1:15: unknown status 'Available'; did you mean 'available'?; expected available, working-offline or on-break"
      ),
      // queues and profile
      ("alice> queues foo", "t.chat:1:15: expected enable, disable or confirm after 'queues'"),
      (
        "alice> queues enabel support",
        "t.chat:1:15: expected enable, disable or confirm after 'queues'; did you mean 'enable'?"
      ),
      ("alice> queues enable", "t.chat:1:21: expected a queue name"),
      ("alice> queues enable a b", "t.chat:1:24: unexpected 'b'; quote text that contains spaces"),
      ("alice> queues confirm now", "t.chat:1:23: unexpected 'now'; quote text that contains spaces"),
      ("alice> profile", "t.chat:1:15: expected 'queues' after 'profile'"),
      ("alice> profile x", "t.chat:1:16: expected 'queues' after 'profile'"),
      ("alice> profile queues", "t.chat:1:22: expected enable, disable or save after 'profile queues'"),
      (
        "alice> profile queues sav",
        "t.chat:1:23: expected enable, disable or save after 'profile queues'; did you mean 'save'?"
      ),
      (
        "alice> profile queues confirm",
        "t.chat:1:23: expected enable, disable or save after 'profile queues'"
      ),
      // chat arguments
      ("alice> accept chat-1 chat-2", "t.chat:1:22: unexpected 'chat-2'; quote text that contains spaces"),
      ("alice> typing chat-1 stop", "t.chat:1:22: unexpected 'stop'; quote text that contains spaces"),
      ("alice> say", "t.chat:1:11: expected the message, in quotes"),
      ("alice> say chat-1", "t.chat:1:18: expected the message, in quotes"),
      ("alice> say Bonjour Marie", "t.chat:1:20: unexpected 'Marie'; quote text that contains spaces"),
      ("alice> faq", "t.chat:1:11: expected an FAQ id"),
      ("alice> disposition chat-1", "t.chat:1:26: expected a disposition code"),
      // customer save
      ("alice> customer", "t.chat:1:16: expected 'save' after 'customer'"),
      ("alice> customer x", "t.chat:1:17: expected 'save' after 'customer'"),
      ("alice> customer save", "t.chat:1:21: missing name=..."),
      ("alice> customer save name=Paul", "t.chat:1:31: missing email=..."),
      (
        "alice> customer save name=Paul email=p@x.io ip=1.2.3.4",
        "t.chat:1:45: unknown key 'ip'; expected one of name, email, account"
      ),
      (
        "alice> customer save nme=Paul",
        "t.chat:1:22: unknown key 'nme'; did you mean 'name'?; expected one of name, email, account"
      ),
      // log
      ("alice> log foo", "t.chat:1:12: expected open, edit, customer, save, draft or a chat id after 'log'"),
      (
        "alice> log sav",
        "t.chat:1:12: expected open, edit, customer, save, draft or a chat id after 'log'; did you mean 'save'?"
      ),
      ("alice> log \"x\"", "t.chat:1:12: unexpected quoted text"),
      ("alice> log edit", "t.chat:1:16: expected the log's new text, in quotes"),
      ("alice> log edit chat-1", "t.chat:1:23: expected the log's new text, in quotes"),
      ("alice> log customer", "t.chat:1:20: expected a customer record id"),
      ("alice> log save now", "t.chat:1:17: unexpected 'now'; quote text that contains spaces"),
      ("alice> log chat-1 save", "t.chat:1:19: unexpected 'save'; quote text that contains spaces"),
      // open and leave
      ("marie> open", "t.chat:1:12: expected a queue name"),
      ("marie> open support", "t.chat:1:20: missing name=..."),
      ("marie> open support name=\"M\" email=m@x.io", "t.chat:1:42: missing ip=..."),
      ("marie> open support name \"M\"", "t.chat:1:26: expected '=' after 'name'"),
      ("marie> open support name=", "t.chat:1:26: expected a value for name"),
      ("marie> open support name==x", "t.chat:1:26: expected a value for name, not '='"),
      (
        "marie> open support nam=\"M\"",
        "t.chat:1:21: unknown key 'nam'; did you mean 'name'?; expected one of name, email, ip, account, case"
      ),
      (
        "marie> open support =x",
        "t.chat:1:21: expected a key=value setting (name=, email=, ip=, account=, case=), not '='"
      ),
      (
        "marie> open support \"name\"=M",
        "t.chat:1:21: expected a key=value setting (name=, email=, ip=, account=, case=), not a quoted text"
      ),
      ("marie> open support name=M email=m@x.io ip=1.2.3.4 name=N", "t.chat:1:52: 'name' is given twice"),
      ("marie> leave now", "t.chat:1:14: unexpected 'now'; quote text that contains spaces"),
    ])
  func errors(line: String, error: String) {
    #expect(parseFailure(line) == error)
  }
}
