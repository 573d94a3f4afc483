import ClavardTestSupport
import ContactCenter
import ScriptChecks
import Testing

@testable import Conformance

/// Lines of real scripts: the fixtures and the examples of docs/script-language.md.
private let corpus = [
  "# Offer goes to the available agent who has waited the longest; a missed offer moves on.",
  "# covers: CAP-4 CHAT-4 DEC-1", "# tags: routing smoke", "use setup/two-agents.chat",
  "set accept-interval 30s",
  "< setting accept-interval is now 30s", "set missed-offer-status on-break",
  "< setting missed-offer-status is now on-break",
  "step CAP-4 \"The chat is offered to the agent who has waited the longest\"", "clock +10s",
  "marie> open support name=\"Marie Tremblay\" email=marie@example.com ip=203.0.113.7",
  "< chat-1 queued in support for marie", "< chat-1 offered to alice (accept within 30s)",
  "< chat-1 screen pop for alice: new customer form",
  "step CHAT-4 \"An offer not accepted in time changes the agent's status\"",
  "clock +30s", "< chat-1 offer to alice expired", "< alice is now On Break",
  "< chat-1 back at the head of support",
  "< chat-1 offered to bob (accept within 30s)", "bob> accept", "< chat-1 accepted by bob",
  "expect alice status on-break",
  "expect bob chats 1", "alice> accept chat-1", "! the offer of chat-1 to alice expired at 00:00:41",
  "bob> say \"a\"*1941",
  "! a message holds at most 1940 characters; this one has 1941 and was not sent",
  "queue support media=chat dispositions=resolved,callback",
  "< queue support defined: chat, dispositions resolved, callback",
  "agent alice queues=support", "< agent alice defined: queues support",
  "agent bob queues=support max-chats=2", "alice> login",
  "< alice logged in", "alice> ready", "< alice is ready to work (Working Offline)",
  "alice> queues enable support",
  "< alice switched support on (pending Confirm selections)", "alice> queues confirm",
  "< alice enabled support",
  "alice> status available", "< alice is now Available", "clock +1s", "bob> login", "bob> ready",
  "bob> queues enable support",
  "bob> queues confirm", "bob> status available", "alice> queues", "alice> queues disable support",
  "alice> profile queues enable sales", "alice> profile queues disable sales", "alice> profile queues save",
  "alice> preview",
  "alice> reject", "alice> info chat-1", "alice> typing", "alice> typing stop chat-2",
  "alice> say \"Bonjour \" \"a\"*1931 \"!\"",
  "alice> say chat-2 \"Line one\\nLine two\\t\\\"quoted\\\" \\\\ \\u{1F44D}\\u{1F3FD}\"", "alice> faq hours",
  "alice> send",
  "alice> customer save name=\"Paul\" email=paul@example.com account=A-2", "alice> end", "alice> timer",
  "alice> disposition resolved", "alice> continue", "alice> finish", "alice> log", "alice> log open chat-1",
  "alice> log edit \"Called back\"", "alice> log customer customer-1", "alice> log save", "alice> log draft",
  "alice> logout",
  "alice> status on-break", "alice> status working-offline", "marie> typing", "marie> typing stop",
  "marie> say \"Bonjour\"",
  "marie> leave", "paul> open support name=Paul email=paul@example.com ip=2001:db8::1 account=A-1 case=k-7",
  "customer-record c-100 name=\"Marie Tremblay\" email=marie@example.com account=A-1",
  "case k-7 customer=c-100 subject=\"Billing error\" state=open", "faq hours \"We are open 8-17\"",
  "set reject-permission granted",
  "set queue-permission denied", "set chats-per-agent 3", "set screen-pop customer-record",
  "set screen-pop-moment accept",
  "set disposition required", "set chat-log automatic", "clock 00:02:00", "expect queue support waiting 1",
  "expect chat-1 state wrap-up", "expect chat-1 log view", "expect chat-1 agent alice",
  "expect chat-1 disposition none",
  "expect chat-1 wrap-up 45s", "expect chat-1 messages 3", "expect marie sees \"Bonjour\"",
  "expect alice offer none",
  "expect alice queues support,sales", "expect case case-1 customer c-100 state closed",
  "expect customer customer-1 name \"Paul\" email paul@example.com", "expect setting accept-interval 30s",
  "expect clock 00:01:30", "alice> reject chat-1", "! alice has no offer for chat-1", "",
  "   # indented comment",
]

/// The language's words and punctuation, for token soups.
private let vocabulary =
  Vocabulary.lineWords + Vocabulary.actorWords + Vocabulary.questions.flatMap { $0.fields.compactMap(\.word) }
  + [
    "enable", "disable", "confirm", "save", "stop", "draft", "edit", "none", "waiting", "available",
    "on-break",
    "working-offline", "logged-out", "support", "sales", "alice", "bob", "marie", "chat-1", "chat-2",
    "chat-0", "chat-01",
    "c-100", "k-7", "hours", "resolved", "media", "dispositions", "queues", "max-chats", "name", "email",
    "ip", "account",
    "subject", "granted", "accept-interval", "chat-log", "automatic", "off", "30s", "1m30s", "+30s", "+1s",
    "+1h",
    "00:02:00", "00:00:30.5", "1940", "marie@example.com", "203.0.113.7", "2001:db8::1", "setting", "alice>",
    "marie>",
    "x>", ">", "\"", "\"\"", "\"a\"", "\"Marie Tremblay\"", "=", "*", "*1940", "*0", "*3", "*100001", "\\",
    "\\\"", "\\\\",
    "\\n", "\\t", "\\r", "\\q", "\\u{", "\\u{1F600}", "\\u{D800}", "\\u{41", "}", "{", "#", "<", "!", "< ",
    "! ", ",", "0",
    "1", "42", "99999999999999999999", "é", "e\u{301}", "👍🏽", "\u{1B}", "\u{FEFF}", "\u{0}", "\u{2028}",
    "\u{85}",
  ]

private let separators = ["", " ", " ", " ", "  ", "\t"]

enum FuzzInputs {
  /// Random bytes: fully random, mostly ASCII, or random Unicode scalars encoded as UTF-8.
  static func randomBytes(_ random: inout SplitMix64) -> [UInt8] {
    let count = random.below(80)
    var bytes: [UInt8] = []
    bytes.reserveCapacity(count * 2)
    switch random.below(4) {
    case 0:
      for _ in 0..<count { bytes.append(UInt8(truncatingIfNeeded: random.next())) }
    case 1:
      let ascii = Array(" \t\n\"=*#<>!\\{}u0123456789abcdefghijklmnopqrstuvwxyz-+:.,".utf8)
      for _ in 0..<count {
        bytes.append(random.chance(97) ? random.pick(ascii) : UInt8(truncatingIfNeeded: random.next()))
      }
    default:
      var text = String.UnicodeScalarView()
      for _ in 0..<count {
        let value: UInt32 =
          switch random.below(4) {
          case 0: UInt32(random.below(0x80))
          case 1: UInt32(random.below(0x800))
          case 2: UInt32(random.below(0x10000))
          default: UInt32(random.below(0x110000))
          }
        text.append(Unicode.Scalar(value) ?? "?")
      }
      bytes = Array(String(text).utf8)
    }
    return bytes
  }

  /// One to four real lines, then up to three byte-level mutations.
  static func mutatedLines(_ random: inout SplitMix64) -> [UInt8] {
    var lines: [String] = []
    for _ in 0...random.below(4) { lines.append(random.pick(corpus)) }
    var bytes = Array(lines.joined(separator: "\n").utf8)
    for _ in 0..<random.below(4) {
      let position = bytes.isEmpty ? 0 : random.below(bytes.count + 1)
      switch random.below(7) {
      case 0 where !bytes.isEmpty:
        bytes[min(position, bytes.count - 1)] = UInt8(truncatingIfNeeded: random.next())
      case 1:
        bytes.insert(UInt8(truncatingIfNeeded: random.next()), at: position)
      case 2 where !bytes.isEmpty:
        let end = min(bytes.count, position + 1 + random.below(8))
        bytes.removeSubrange(min(position, end)..<end)
      case 3:
        bytes.insert(contentsOf: Array(random.pick(vocabulary).utf8), at: position)
      case 4 where !bytes.isEmpty:
        let end = min(bytes.count, position + 1 + random.below(12))
        bytes.insert(contentsOf: Array(bytes[min(position, end)..<end]), at: position)
      case 5:
        bytes.removeSubrange(position..<bytes.count)
      default:
        bytes.insert(
          contentsOf: Array(random.pick(["\"", "=", "*", "\\u{", ">", "#", "\n", " ", "\\"]).utf8),
          at: position)
      }
    }
    return bytes
  }

  /// One to four lines of the language's words and punctuation, in any order.
  static func tokenSoup(_ random: inout SplitMix64) -> [UInt8] {
    var lines: [String] = []
    for _ in 0...random.below(4) {
      var line =
        random.chance(30)
        ? random.pick(["alice> ", "marie> ", "expect ", "set ", "queue ", "< ", "! ", "step ", "use "]) : ""
      for _ in 0..<random.below(9) {
        line += random.pick(vocabulary) + random.pick(separators)
      }
      lines.append(line)
    }
    return Array(lines.joined(separator: random.chance(5) ? "\r\n" : "\n").utf8)
  }

  /// Lines of well-formed commands with random arguments, without their expectations.
  static func wellFormedLines(_ random: inout SplitMix64) -> [String] {
    let agents = ["alice", "bob"]
    let customers = ["marie", "paul", "zoe"]
    let queues = ["support", "sales", "phone"]
    func chat(_ random: inout SplitMix64) -> String {
      random.chance(50) ? "" : " chat-\(1 + random.below(4))"
    }
    var lines = [
      "queue support dispositions=resolved,callback", "queue sales", "queue phone media=phone",
      "agent alice queues=support,sales,phone", "agent bob queues=support max-chats=\(1 + random.below(6))",
      "customer-record c-100 name=\"Marie Tremblay\" email=marie@example.com account=A-1",
      "case k-7 customer=c-100 subject=\"Billing error\"", "faq hours \"We are open 8-17\"",
    ]
    for _ in 0..<(5 + random.below(30)) {
      let agent = random.pick(agents)
      let customer = random.pick(customers)
      let line: String
      switch random.below(30) {
      case 0: line = "\(agent)> login"
      case 1: line = "\(agent)> ready"
      case 2:
        line = "\(agent)> status \(random.pick(["available", "available", "working-offline", "on-break"]))"
      case 3: line = "\(agent)> queues \(random.pick(["enable", "disable"])) \(random.pick(queues))"
      case 4: line = "\(agent)> queues confirm"
      case 5: line = "\(agent)> profile queues \(random.pick(["enable", "disable"])) \(random.pick(queues))"
      case 6: line = "\(agent)> profile queues save"
      case 7:
        line =
          "\(agent)> \(random.pick(["accept", "accept", "reject", "info", "end", "timer", "continue", "finish", "send"]))\(chat(&random))"
      case 8:
        line =
          "\(agent)> say\(chat(&random)) \"\(random.pick(["Bonjour", "a\\nb", "\\u{1B}[2J", " ", ""]))\"\(random.chance(20) ? "*1941" : "")"
      case 9: line = "\(agent)> typing\(random.chance(50) ? " stop" : "")\(chat(&random))"
      case 10: line = "\(agent)> faq\(chat(&random)) \(random.pick(["hours", "nope"]))"
      case 11:
        line = "\(agent)> disposition\(chat(&random)) \(random.pick(["resolved", "callback", "other"]))"
      case 12:
        line =
          "\(agent)> customer save\(chat(&random)) name=\"P\" email=\(random.pick(["p@example.com", "bad"]))"
      case 13:
        let (verb, argument) = random.pick([
          ("", ""), (" open", ""), (" save", ""), (" draft", ""), (" customer", " c-100"),
          (" customer", " customer-1"), (" edit", " \"x\""),
        ])
        line = "\(agent)> log\(verb)\(chat(&random))\(argument)"
      case 14: line = "\(agent)> \(random.pick(["logout", "preview", "queues"]))"
      case 15, 16, 17:
        line =
          "\(customer)> open \(random.pick(queues)) name=\"\(customer)\" email=\(customer)@example.com ip=\(random.pick(["203.0.113.7", "::1", "bad"]))\(random.chance(30) ? " account=A-1" : "")\(random.chance(20) ? " case=k-7" : "")"
      case 18: line = "\(customer)> say \"\(random.pick(["Bonjour", "?"]))\""
      case 19: line = "\(customer)> typing\(random.chance(50) ? " stop" : "")"
      case 20: line = "\(customer)> leave"
      case 21, 22:
        line = random.chance(80) ? "clock +\(random.below(90))s" : "clock 00:0\(random.below(10)):00"
      case 23:
        line =
          "set "
          + random.pick([
            "reject-permission granted", "queue-permission denied", "queue-permission granted",
            "accept-interval \(1 + random.below(60))s",
            "missed-offer-status on-break", "chats-per-agent \(1 + random.below(6))", "screen-pop off",
            "screen-pop customer-record",
            "screen-pop-moment accept", "disposition required", "disposition off", "chat-log automatic",
            "chat-log off",
          ])
      case 24:
        line =
          "expect \(agent) \(random.pick(["status available", "chats 1", "offer none", "offer chat-1", "queues support", "sees \"?\""]))"
      case 25:
        line =
          "expect chat-\(1 + random.below(3)) \(random.pick(["state active", "agent alice", "log none", "disposition none", "wrap-up 0s", "messages 0"]))"
      case 26:
        line =
          "expect \(random.pick(["queue support waiting 0", "case case-1 customer c-100 state closed", "setting chat-log off", "clock 00:00:00", "customer customer-1 name \"P\" email p@example.com"]))"
      case 27: line = "step S-\(random.below(5)) \"step\""
      case 28: line = "  \(agent)> \(random.pick(["accept", "finish", "logout"])) # indented, with a comment"
      default: line = "agent carol queues=\(random.pick(queues))"
      }
      lines.append(line)
    }
    return lines
  }

  /// The script of `lines` with the events and refusals a session gives them written under
  /// each command, as `--update` would: a script that must pass. Commands that fail (an expect
  /// that does not hold, an agent given a customer's command) are left out.
  static func annotated(_ lines: [String]) throws -> (script: String, commands: Int) {
    var session = Session()
    var script: [String] = []
    var commands = 0
    for line in lines {
      guard let statement = try ScriptParser.parseLine(line), case .command(let command, _) = statement.kind
      else {
        script.append(line)
        continue
      }
      switch session.execute(command) {
      case .events(let events): script += [line] + events.map { "< " + $0 }
      case .refused(let message): script += [line, "! " + message]
      case .failed: continue
      }
      commands += 1
    }
    return (script.joined(separator: "\n"), commands)
  }
}

/// What is wrong with one input's outcome, if anything. Collected rather than recorded at
/// once, so that a broken invariant shows a few examples instead of thousands.
private struct Problems {
  private(set) var examples: [String] = []
  private(set) var count = 0

  mutating func add(_ problem: String, input: [UInt8]) {
    count += 1
    if examples.count < 5 {
      examples.append("\(problem)\n  input: \(String(decoding: input, as: UTF8.self).debugDescription)")
    }
  }
}

private let fuzzPath = "fuzz/main.chat"

/// Parses one input as `clavard run` does and checks the result; returns the script if it parsed.
private func parseAndCheck(_ bytes: [UInt8], _ problems: inout Problems) -> Script? {
  let (file, found) = ScriptChecks.parse(bytes, path: fuzzPath)
  for problem in found { problems.add(problem, input: bytes) }
  return try? file.script.get()
}

/// Runs a parsed script with the runner, and every command of it with a session, checking the
/// result's consistency and the engine's invariants.
private func runAndCheck(_ script: Script, _ bytes: [UInt8], _ problems: inout Problems) {
  for problem in ScriptChecks.run(script, loader: fuzzLoader).problems { problems.add(problem, input: bytes) }
}

private let fuzzLoader = inMemoryLoader([
  "fuzz/setup/two-agents.chat": """
  queue support media=chat dispositions=resolved,callback
  < queue support defined: chat, dispositions resolved, callback
  agent alice queues=support
  < agent alice defined: queues support
  agent bob queues=support
  < agent bob defined: queues support
  """,
  "fuzz/loop.chat": "use main.chat\n",
])

@Suite("Fuzz: any bytes give a script or a located error, and running never crashes")
struct ParserFuzzTests {
  @Test("30,000 random byte strings")
  func randomBytes() {
    var random = SplitMix64(seed: 0xC1A7_A4D0_0001)
    var problems = Problems()
    for _ in 0..<30_000 {
      _ = parseAndCheck(FuzzInputs.randomBytes(&random), &problems)
    }
    #expect(
      problems.count == 0,
      "\(problems.count) problems, such as:\n\(problems.examples.joined(separator: "\n"))")
  }

  @Test("35,000 mutations of real lines; 1,000 of those that parse are run")
  func mutations() {
    var random = SplitMix64(seed: 0xC1A7_A4D0_0002)
    var problems = Problems()
    var parsed = 0
    var ran = 0
    for _ in 0..<35_000 {
      let bytes = FuzzInputs.mutatedLines(&random)
      guard let script = parseAndCheck(bytes, &problems) else { continue }
      parsed += 1
      if ran < 1_000 {
        runAndCheck(script, bytes, &problems)
        ran += 1
      }
    }
    #expect(
      problems.count == 0,
      "\(problems.count) problems, such as:\n\(problems.examples.joined(separator: "\n"))")
    #expect(parsed > 5_000, "only \(parsed) inputs parsed: the mutations no longer reach the commands")
    #expect(ran == 1_000)
  }

  @Test("35,000 token soups of the language's words, quotes, '=', '*', digits, '\\u{', '>' and '#'")
  func tokenSoups() {
    var random = SplitMix64(seed: 0xC1A7_A4D0_0003)
    var problems = Problems()
    var parsed = 0
    var ran = 0
    for _ in 0..<35_000 {
      let bytes = FuzzInputs.tokenSoup(&random)
      guard let script = parseAndCheck(bytes, &problems) else { continue }
      parsed += 1
      if ran < 400, !script.statements.isEmpty {
        runAndCheck(script, bytes, &problems)
        ran += 1
      }
    }
    #expect(
      problems.count == 0,
      "\(problems.count) problems, such as:\n\(problems.examples.joined(separator: "\n"))")
    #expect(parsed > 300, "only \(parsed) inputs parsed")
  }

  @Test("1,000 random scripts annotated with what a session did pass the runner, every command run")
  func annotatedScripts() throws {
    var random = SplitMix64(seed: 0xC1A7_A4D0_0004)
    var problems = Problems()
    var passed = 0
    for _ in 0..<1_000 {
      let (text, commands) = try FuzzInputs.annotated(FuzzInputs.wellFormedLines(&random))
      let bytes = Array(text.utf8)
      guard let script = parseAndCheck(bytes, &problems) else {
        problems.add(
          "an annotated script did not parse: \(parseFailure(bytes: bytes, path: fuzzPath))", input: bytes)
        continue
      }
      // The runner checks the engine's invariants after every command: passing means they held.
      let result = ScriptRunner(loader: fuzzLoader).run(script)
      if let failure = result.failure {
        problems.add("an annotated script failed: \(failure)", input: bytes)
      } else if result.commandsRun != commands {
        problems.add("\(result.commandsRun) commands run of \(commands)", input: bytes)
      } else {
        passed += 1
      }
    }
    #expect(
      problems.count == 0,
      "\(problems.count) problems, such as:\n\(problems.examples.joined(separator: "\n"))")
    #expect(passed == 1_000)
  }

  @Test("SplitMix64 is deterministic and matches its reference values")
  func generator() {
    var random = SplitMix64(seed: 0)
    // The first outputs of SplitMix64 seeded with 0.
    #expect(random.next() == 0xE220_A839_7B1D_CDAF)
    #expect(random.next() == 0x6E78_9E6A_A1B9_65F4)
    var again = SplitMix64(seed: 0xC1A7_A4D0_0002)
    var twin = SplitMix64(seed: 0xC1A7_A4D0_0002)
    #expect(FuzzInputs.mutatedLines(&again) == FuzzInputs.mutatedLines(&twin))
  }
}
