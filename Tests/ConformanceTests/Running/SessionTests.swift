import ContactCenter
import Testing

@testable import Conformance

/// A session after the commands of `script` (their `<` lines are ignored); every command must
/// be carried out.
private func session(_ script: String) throws -> Session {
  var session = Session()
  for statement in try ScriptParser.parse(script, path: "s.chat").statements {
    guard case .command(let command, _) = statement.kind else { continue }
    let outcome = session.execute(command)
    guard case .events = outcome else {
      Issue.record("\(statement.source): \(outcome)")
      continue
    }
  }
  return session
}

/// What one line does in `session`.
private func execute(_ line: String, in session: inout Session) throws -> Outcome {
  session.execute(try command(line))
}

/// The answer to an expect line: nil when it holds, else the message.
private func check(_ line: String, in session: Session) throws -> String? {
  session.check(try query(line))
}

/// alice, Available in support, has accepted chat-1 from marie, who said "Bonjour"; alice said
/// "Hello". The clock is at 00:00:10. bob is defined and logged out.
private let conversation =
  aliceSetup + """
    agent bob queues=support
    faq hours "We are open 8-17"
    customer-record c-100 name="Marie Tremblay" email=marie@example.com account=A-1
    case k-7 customer=c-100 subject="Billing error"
    clock +10s
    marie> open support name="Marie Tremblay" email=marie@example.com ip=203.0.113.7
    alice> accept
    marie> say "Bonjour"
    alice> say "Hello"
    """

@Suite("Session: commands and expect questions")
struct SessionTests {
  // MARK: Commands

  @Test("A definition goes to the engine; its events are the outcome")
  func definition() throws {
    var session = Session()
    #expect(
      try execute("queue support dispositions=resolved", in: &session)
        == .events(["queue support defined: chat, dispositions resolved"]))
    #expect(try execute("queue support", in: &session) == .refused("queue support is already defined"))
    #expect(
      try execute("agent alice max-chats=7", in: &session)
        == .refused("an agent's chat limit must be from 1 to 6, not 7"))
    #expect(
      try execute("set accept-interval 45s", in: &session) == .events(["setting accept-interval is now 45s"]))
  }

  @Test("A fresh session: default settings, clock at 00:00:00, routing audited")
  func fresh() {
    let session = Session()
    #expect(session.center.now == .start)
    #expect(session.center.settings == Settings())
    #expect(session.center.auditsRouting)
    #expect(!Session(auditsRouting: false).center.auditsRouting)
  }

  @Test("name> is the agent of that name when one is defined")
  func agentActor() throws {
    var session = try session("agent alice")
    #expect(try execute("alice> login", in: &session) == .events(["alice logged in"]))
    #expect(try execute("alice> login", in: &session) == .refused("alice is already logged in"))
    #expect(try execute("alice> say \"x\"", in: &session) == .refused("alice has no chat"))
  }

  @Test("An agent given a customer's command fails: it cannot be carried out as written, nor refused")
  func agentWithCustomerCommand() throws {
    var session = try session("agent alice")
    #expect(
      try execute("alice> open support name=A email=a@b.c ip=1.2.3.4", in: &session)
        == .failed("alice is an agent; 'open' is a customer's command"))
    #expect(
      try execute("alice> leave", in: &session)
        == .failed("alice is an agent; 'leave' is a customer's command"))
  }

  @Test("Otherwise name> is a customer (a visitor); an agent-only command is refused as 'no agent named'")
  func customerActor() throws {
    var session = try session(aliceSetup)
    #expect(try execute("marie> say \"x\"", in: &session) == .refused("marie has no open chat"))
    #expect(try execute("marie> leave", in: &session) == .refused("marie has no open chat"))
    #expect(try execute("marie> login", in: &session) == .refused("no agent named marie is defined"))
    #expect(
      try execute("marie> say chat-1 \"x\"", in: &session) == .refused("no agent named marie is defined"))
    #expect(
      try execute("alcie> accept", in: &session)
        == .refused("no agent named alcie is defined; did you mean 'alice'?"))
    #expect(
      try execute("marie> open support name=Marie email=m@example.com ip=203.0.113.7", in: &session)
        == .events([
          "chat-1 queued in support for marie", "chat-1 offered to alice (accept within 30s)",
          "chat-1 screen pop for alice: new customer form",
        ]))
    #expect(
      try execute("marie> leave", in: &session)
        == .events([
          "chat-1 offer to alice withdrawn: marie left", "chat-1 abandoned: marie left while waiting",
        ]))
  }

  @Test("A name is a customer until an agent of that name is defined")
  func nameBecomesAgent() throws {
    var session = try session("queue support")
    #expect(
      try execute("sam> open support name=Sam email=s@example.com ip=10.0.0.1", in: &session)
        == .events(["chat-1 queued in support for sam"]))
    #expect(
      try execute("agent sam queues=support", in: &session) == .events(["agent sam defined: queues support"]))
    #expect(
      try execute("sam> leave", in: &session) == .failed("sam is an agent; 'leave' is a customer's command"))
  }

  @Test("clock +DURATION and clock TIME move the virtual clock and fire the timers due")
  func clock() throws {
    var session = try session(
      aliceSetup + "marie> open support name=Marie email=m@example.com ip=203.0.113.7")
    #expect(try execute("clock +29s", in: &session) == .events([]))
    #expect(session.center.now == Instant(milliseconds: 29_000))
    #expect(
      try execute("clock 00:01:00", in: &session)
        == .events([
          "chat-1 offer to alice expired", "alice is now Working Offline",
          "chat-1 back at the head of support",
        ]))
    #expect(session.center.now == Instant(milliseconds: 60_000))
    #expect(try execute("clock +0s", in: &session) == .events([]))
    #expect(try execute("clock 00:01:00", in: &session) == .events([]))
    #expect(
      try execute("clock 00:00:05", in: &session)
        == .refused("the clock cannot go back from 00:01:00 to 00:00:05"))
  }

  @Test("expect: no events when it holds, a failure (not a refusal) when it does not")
  func expect() throws {
    var session = try session("agent alice")
    #expect(try execute("expect alice status logged-out", in: &session) == .events([]))
    #expect(
      try execute("expect alice status available", in: &session)
        == .failed("expected alice status available, but it is logged-out"))
  }

  // MARK: expect questions

  @Test("Agents: status, chats, offer, queues")
  func agentQuestions() throws {
    var session = try session(conversation)
    #expect(try check("expect alice status available", in: session) == nil)
    #expect(
      try check("expect alice status on-break", in: session)
        == "expected alice status on-break, but it is available")
    #expect(try check("expect bob status logged-out", in: session) == nil)
    #expect(try check("expect zed status available", in: session) == "no agent named zed is defined")
    #expect(try check("expect alice chats 1", in: session) == nil)
    #expect(try check("expect alice chats 2", in: session) == "expected alice chats 2, but it is 1")
    #expect(try check("expect zed chats 0", in: session) == "no agent named zed is defined")
    #expect(try check("expect alice offer none", in: session) == nil)
    #expect(
      try check("expect alice offer chat-1", in: session) == "expected alice offer chat-1, but it is none")
    #expect(try check("expect zed offer none", in: session) == "no agent named zed is defined")
    #expect(try check("expect alice queues support", in: session) == nil)
    #expect(
      try check("expect alice queues none", in: session) == "expected alice queues none, but it is support")
    #expect(try check("expect bob queues none", in: session) == nil)
    #expect(
      try check("expect bob queues support", in: session) == "expected bob queues support, but it is none")
    #expect(try check("expect zed queues none", in: session) == "no agent named zed is defined")
    _ = try execute("bob> login", in: &session)
    #expect(try check("expect bob status not-ready", in: session) == nil)
    _ = try execute("bob> ready", in: &session)
    #expect(try check("expect bob status working-offline", in: session) == nil)
  }

  @Test("Queues listed in any order compare sorted")
  func queuesSorted() throws {
    let session = try session(
      """
      queue a
      queue b
      agent alice queues=a,b
      alice> login
      alice> ready
      alice> queues enable b
      alice> queues enable a
      alice> queues confirm
      """)
    #expect(try check("expect alice queues a,b", in: session) == nil)
    #expect(try check("expect alice queues b,a", in: session) == nil)
    #expect(try check("expect alice queues b", in: session) == "expected alice queues b, but it is a,b")
  }

  @Test("An offer pending")
  func offer() throws {
    let session = try session(
      aliceSetup + "marie> open support name=Marie email=m@example.com ip=203.0.113.7")
    #expect(try check("expect alice offer chat-1", in: session) == nil)
    #expect(
      try check("expect alice offer none", in: session) == "expected alice offer none, but it is chat-1")
    #expect(try check("expect chat-1 state offered", in: session) == nil)
    #expect(try check("expect chat-1 agent alice", in: session) == nil)
  }

  @Test("Queues: waiting chats")
  func queueQuestions() throws {
    let session = try session(
      "queue support\nmarie> open support name=Marie email=m@example.com ip=203.0.113.7")
    #expect(try check("expect queue support waiting 1", in: session) == nil)
    #expect(
      try check("expect queue support waiting 0", in: session)
        == "expected queue support waiting 0, but it is 1")
    #expect(try check("expect queue nope waiting 0", in: session) == "queue nope is not defined")
    #expect(
      try check("expect chat-1 agent alice", in: session) == "expected chat-1 agent alice, but it is none")
    #expect(try check("expect chat-1 state queued", in: session) == nil)
  }

  @Test("Chats: state, agent, messages, and a chat that does not exist")
  func chatQuestions() throws {
    let session = try session(conversation)
    #expect(try check("expect chat-1 state active", in: session) == nil)
    #expect(
      try check("expect chat-1 state wrap-up", in: session)
        == "expected chat-1 state wrap-up, but it is active")
    #expect(try check("expect chat-1 agent alice", in: session) == nil)
    #expect(try check("expect chat-1 agent bob", in: session) == "expected chat-1 agent bob, but it is alice")
    #expect(try check("expect chat-1 messages 2", in: session) == nil)
    #expect(try check("expect chat-1 messages 3", in: session) == "expected chat-1 messages 3, but it is 2")
    #expect(try check("expect chat-1 log none", in: session) == nil)
    #expect(try check("expect chat-1 disposition none", in: session) == nil)
    #expect(try check("expect chat-1 wrap-up 0s", in: session) == "chat-1 is not in wrap-up")
    for question in [
      "state queued", "agent alice", "log none", "disposition none", "wrap-up 1s", "messages 0",
    ] {
      #expect(try check("expect chat-9 \(question)", in: session) == "chat-9 does not exist")
    }
  }

  @Test("Chats: wrap-up time, disposition, log")
  func wrapUpQuestions() throws {
    var session = try session(conversation + "\nalice> end\nclock +45s")
    #expect(try check("expect chat-1 state wrap-up", in: session) == nil)
    #expect(try check("expect alice chats 1", in: session) == nil)
    #expect(try check("expect chat-1 wrap-up 45s", in: session) == nil)
    #expect(
      try check("expect chat-1 wrap-up 30s", in: session) == "expected chat-1 wrap-up 30s, but it is 45s")
    #expect(
      try execute("alice> disposition resolved", in: &session)
        == .events(["chat-1 disposition resolved selected"]))
    #expect(try check("expect chat-1 disposition resolved", in: session) == nil)
    #expect(
      try check("expect chat-1 disposition callback", in: session)
        == "expected chat-1 disposition callback, but it is resolved")
    _ = try execute("alice> continue", in: &session)
    _ = try execute("alice> finish", in: &session)
    #expect(try check("expect chat-1 state finished", in: session) == nil)
    #expect(try check("expect chat-1 agent alice", in: session) == nil)
    #expect(try check("expect chat-1 log none", in: session) == nil)
    #expect(
      try execute("alice> log open", in: &session)
        == .events([
          "chat-1 log opened for alice in view mode", "chat-1 log saved as case case-1 of customer c-100",
        ]))
    #expect(try check("expect chat-1 log view", in: session) == nil)
    #expect(try check("expect chat-1 log edit", in: session) == "expected chat-1 log edit, but it is view")
    #expect(try check("expect case case-1 customer c-100 state closed", in: session) == nil)
  }

  @Test("Chat log of a new customer: edit, draft, saved")
  func logQuestions() throws {
    var session = try session(
      aliceSetup + """
        paul> open support name=Paul email=paul@example.com ip=203.0.113.8
        alice> accept
        alice> customer save name=Paul email=paul@example.com
        alice> end
        alice> finish
        alice> log open
        """)
    #expect(try check("expect chat-1 log edit", in: session) == nil)
    _ = try execute("alice> log customer customer-1", in: &session)
    #expect(
      try execute("alice> log draft", in: &session)
        == .events(["chat-1 log saved as draft case case-1 of customer customer-1"]))
    #expect(try check("expect chat-1 log draft", in: session) == nil)
    #expect(try check("expect case case-1 customer customer-1 state draft", in: session) == nil)
    _ = try execute("alice> log save", in: &session)
    #expect(try check("expect chat-1 log saved", in: session) == nil)
    #expect(try check("expect case case-1 customer customer-1 state closed", in: session) == nil)
    #expect(try check("expect customer customer-1 name \"Paul\" email paul@example.com", in: session) == nil)
  }

  @Test("Who sees what: a customer the agent's messages, an agent the customer's")
  func sees() throws {
    let session = try session(conversation)
    #expect(try check("expect marie sees \"Hello\"", in: session) == nil)
    #expect(
      try check("expect marie sees \"Bonjour\"", in: session)
        == "expected marie to see \"Bonjour\" from the agent in chat-1, but it is not there")
    #expect(try check("expect alice sees \"Bonjour\"", in: session) == nil)
    #expect(
      try check("expect alice sees \"Hello\"", in: session)
        == "expected alice to see \"Hello\" from a customer, but no chat of alice has it")
    #expect(
      try check("expect bob sees \"Bonjour\"", in: session)
        == "expected bob to see \"Bonjour\" from a customer, but no chat of bob has it")
    #expect(
      try check("expect zed sees \"x\"", in: session)
        == "expected zed to see \"x\", but zed is neither an agent nor a customer who opened a chat")
    #expect(
      try check("expect marie sees \"a\\nb\"", in: session)
        == "expected marie to see \"a\\nb\" from the agent in chat-1, but it is not there")
  }

  @Test("An agent still sees the messages of the chat it finished last")
  func seesAfterFinish() throws {
    let session = try session(conversation + "\nalice> end\nalice> finish")
    #expect(try check("expect alice sees \"Bonjour\"", in: session) == nil)
    #expect(try check("expect marie sees \"Hello\"", in: session) == nil)
  }

  @Test("CRM records: cases and customers")
  func records() throws {
    let session = try session(conversation)
    #expect(try check("expect case k-7 customer c-100 state open", in: session) == nil)
    #expect(
      try check("expect case k-7 customer c-100 state closed", in: session)
        == "expected case k-7 customer c-100 state closed, but it is customer c-100 state open")
    #expect(
      try check("expect case k-7 customer c-1 state open", in: session)
        == "expected case k-7 customer c-1 state open, but it is customer c-100 state open")
    #expect(try check("expect case k-9 customer c-100 state open", in: session) == "case k-9 is not defined")
    #expect(
      try check("expect customer c-100 name \"Marie Tremblay\" email marie@example.com", in: session) == nil)
    #expect(
      try check("expect customer c-100 name \"Marie\" email marie@example.com", in: session)
        == "expected customer c-100 name \"Marie\" email marie@example.com, but it is name \"Marie Tremblay\" email marie@example.com"
    )
    #expect(
      try check("expect customer c-9 name \"x\" email x@y.z", in: session)
        == "customer record c-9 is not defined")
  }

  @Test("Settings and the clock")
  func settingsAndClock() throws {
    let session = try session("set accept-interval 1m30s\nset chat-log automatic\nclock +10s")
    #expect(try check("expect setting accept-interval 1m30s", in: session) == nil)
    // Values are compared as the settings read them: 90s is 1m30s.
    #expect(try check("expect setting accept-interval 90s", in: session) == nil)
    #expect(
      try check("expect setting accept-interval 45s", in: session)
        == "expected setting accept-interval 45s, but it is 1m30s")
    #expect(try check("expect setting chat-log automatic", in: session) == nil)
    #expect(try check("expect setting reject-permission denied", in: session) == nil)
    #expect(try check("expect setting queue-permission granted", in: session) == nil)
    #expect(try check("expect setting missed-offer-status working-offline", in: session) == nil)
    #expect(try check("expect setting chats-per-agent 6", in: session) == nil)
    #expect(try check("expect setting screen-pop case-record", in: session) == nil)
    #expect(try check("expect setting screen-pop-moment offer", in: session) == nil)
    #expect(try check("expect setting disposition optional", in: session) == nil)
    // An unknown key is a parse error now: the question is typed.
    #expect(throws: ParseError.self) { try check("expect setting chat-logs off", in: session) }
    #expect(try check("expect clock 00:00:10", in: session) == nil)
    #expect(try check("expect clock 00:00:11", in: session) == "expected clock 00:00:11, but it is 00:00:10")
  }

  // MARK: Invariants

  @Test("The invariants of what the last command touched: none broken, and empty for a fresh session")
  func invariantsOfLastCommand() throws {
    var session = Session()
    #expect(session.invariantViolationsOfLastCommand() == [])
    let script = try ScriptParser.parse(
      conversation + "\nalice> end\nalice> finish\nexpect alice chats 0\nalice> logout", path: "s.chat")
    for statement in script.statements {
      guard case .command(let command, _) = statement.kind else { continue }
      _ = session.execute(command)
      #expect(session.invariantViolationsOfLastCommand() == [], "after \(statement.source)")
    }
  }

  @Test("The engine keeps its invariants after every command of a whole conversation")
  func invariants() throws {
    var session = Session()
    let script = try ScriptParser.parse(
      conversation + """

        alice> typing
        alice> faq hours
        alice> send
        marie> leave
        alice> disposition resolved
        alice> continue
        alice> finish
        paul> open support name=Paul email=paul@example.com ip=203.0.113.8
        clock +30s
        alice> status available
        alice> reject
        alice> logout
        """, path: "s.chat")
    for statement in script.statements {
      guard case .command(let command, _) = statement.kind else { continue }
      _ = session.execute(command)
      #expect(session.center.invariantViolations() == [], "after \(statement.source)")
    }
  }
}
