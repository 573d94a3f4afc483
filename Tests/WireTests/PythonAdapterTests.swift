import ClavardTestSupport
import Conformance
import Testing
import Wire

/// `fixtures/adapters/python/adapter.py`, the example system under test, driven as
/// `clavard run --sut "python3 fixtures/adapters/python/adapter.py" fixtures` drives it: each
/// fixture script on the reference with the adapter beside it, compared command by command.
@Suite("fixtures/adapters/python: the example adapter passes or skips as its capabilities say")
struct PythonAdapterTests {
  static let adapter = Repository.path("fixtures/adapters/python/adapter.py")

  /// The scripts it passes (as `clavard run --sut` reports them: 26 passed, 30 skipped, and the
  /// set-up fragments): a change in what it declares, or in a script, shows here.
  static let passed: Set<String> = [
    "fixtures/conformance/CAP-1-six-chats-at-most.chat",
    "fixtures/conformance/CAP-2-accept-or-reject.chat",
    "fixtures/conformance/CAP-3-reject-permission.chat",
    "fixtures/conformance/CAP-4-longest-waiting.chat",
    "fixtures/conformance/CHAT-1-available.chat",
    "fixtures/conformance/CHAT-2-offer-notice.chat",
    "fixtures/conformance/CHAT-4-missed-offer.chat",
    "fixtures/conformance/CHAT-4-never-lost.chat",
    "fixtures/conformance/CHAT-4-next-agent.chat",
    "fixtures/conformance/CHAT-4-reject.chat",
    "fixtures/conformance/DEC-1-wait-order.chat",
    "fixtures/conformance/DEC-2-one-pending-offer.chat",
    "fixtures/conformance/DEC-4-logout-and-offline.chat",
    "fixtures/conformance/DEC-5-virtual-time.chat",
    "fixtures/conformance/END-1-end-and-timer.chat",
    "fixtures/conformance/MSG-1-messages.chat",
    "fixtures/conformance/MSG-2-typing.chat",
    "fixtures/conformance/MSG-4-1940-characters.chat",
    "fixtures/conformance/SES-1-queue-membership.chat",
    "fixtures/conformance/SES-2-login.chat",
    "fixtures/conformance/SES-3-ready-to-work.chat",
    "fixtures/conformance/SES-4-confirm-selections.chat",
    "fixtures/conformance/refusals-customers.chat",
    "fixtures/conformance/refusals-session.chat",
    // The set-up fragments, run alone here (`clavard run` only uses them).
    "fixtures/conformance/setup/alice-in-chat.chat",
    "fixtures/conformance/setup/one-agent.chat",
    "fixtures/conformance/setup/three-agents.chat",
    "fixtures/conformance/setup/two-agents.chat",
    "fixtures/reports/chat-vanished-after-missed-offer.chat",
    "fixtures/reports/reject-without-permission.chat",
  ]

  /// The scripts it skips, each with what it lacks (the first thing the script needs that it
  /// does not declare).
  static let skipped: [String: String] = [
    "fixtures/conformance/CAP-1-limit-lowered-while-busy.chat": "the setting `chats-per-agent`",
    "fixtures/conformance/CAP-1-lower-limit.chat": "the setting `chats-per-agent`",
    "fixtures/conformance/CAP-4-limit-raised.chat": "the setting `chats-per-agent`",
    "fixtures/conformance/CAP-5-customer-info.chat": "`info`",
    "fixtures/conformance/CHAT-3-preview-accept.chat": "`preview`",
    "fixtures/conformance/DEC-3-customer-leaves.chat": "`disposition`",
    "fixtures/conformance/END-2-disposition.chat": "the setting `disposition`",
    "fixtures/conformance/END-3-finish.chat": "the setting `chats-per-agent`",
    "fixtures/conformance/LOG-1-chat-log-settings.chat": "`log open`",
    "fixtures/conformance/LOG-2-view-mode.chat": "the setting `chat-log`",
    "fixtures/conformance/LOG-3-edit-mode.chat": "the setting `chat-log`",
    "fixtures/conformance/LOG-4-save-and-draft.chat": "the setting `chat-log`",
    "fixtures/conformance/MSG-3-faq.chat": "`faq`",
    "fixtures/conformance/POP-1-existing-customer.chat": "`preview`",
    "fixtures/conformance/POP-2-account-or-case.chat": "`preview`",
    "fixtures/conformance/POP-3-screen-pop-settings.chat": "the setting `screen-pop`",
    "fixtures/conformance/POP-4-new-customer-form.chat": "`customer save`",
    "fixtures/conformance/SES-5-save-queues.chat": "`profile queues enable`",
    "fixtures/conformance/SES-6-queue-permission.chat": "the setting `queue-permission`",
    "fixtures/conformance/SES-7-media-and-assignment.chat": "`profile queues enable`",
    "fixtures/conformance/procedure-existing-customer.chat": "`customer-record`",
    "fixtures/conformance/procedure-new-customer.chat": "`customer-record`",
    "fixtures/conformance/refusals-chat-log.chat": "`log`",
    "fixtures/conformance/refusals-conversation.chat": "`faq`",
    "fixtures/conformance/refusals-definitions.chat": "`customer-record`",
    "fixtures/conformance/refusals-offers.chat": "`preview`",
    "fixtures/conformance/refusals-queues.chat": "`profile queues enable`",
    "fixtures/conformance/refusals-wrap-up.chat": "`disposition`",
    "fixtures/conformance/setup/crm.chat": "`customer-record`",
    "fixtures/reports/chat-stuck-until-status-toggle.chat": "the setting `chats-per-agent`",
    "fixtures/reports/seventh-chat.chat": "the setting `chats-per-agent`",
  ]

  /// The interpreter `python3` names, found once: a version manager's `python3` on PATH is
  /// often a script that takes longer to start than the adapter takes to run a script.
  static let python: String = {
    let found = try? ChildProcess.run("/usr/bin/env", ["python3", "-c", "import sys; print(sys.executable)"])
    let path = found?.stdout.split(separator: "\n").first.map(String.init) ?? ""
    return found?.status == 0 && path.hasPrefix("/") ? path : "python3"
  }()

  static func run(_ path: String) throws -> Sessions.Run {
    let script = try ScriptParser.parse(bytes: try Repository.loader(path), path: path)
    let transcript = Transcript()
    return try Sessions.run(
      script, on: try RecordingTransport(program: [python, adapter], transcript), transcript: transcript)
  }

  /// Every fixture script beside one adapter process, reset between scripts (it says it can),
  /// as a harness runs a system that can reset; a new process after one that failed.
  static func runFixtures() throws -> [(
    path: String, result: ScriptResult, lines: [(Transcript.Direction, String)]
  )] {
    var runs: [(path: String, result: ScriptResult, lines: [(Transcript.Direction, String)])] = []
    var current: (lockstep: Lockstep, transcript: Transcript)?
    defer { current?.lockstep.close() }
    for path in try Repository.fixtureScripts() {
      if let (lockstep, _) = current, lockstep.isBroken || !lockstep.reset() {
        lockstep.close()
        current = nil
      }
      if current == nil {
        let transcript = Transcript()
        current = (
          try Lockstep(transport: try RecordingTransport(program: [python, adapter], transcript)), transcript
        )
      }
      guard let (lockstep, transcript) = current else { continue }
      let start = transcript.lines.count
      let script = try ScriptParser.parse(bytes: try Repository.loader(path), path: path)
      let result = ScriptRunner(loader: Repository.loader).run(script, mirror: lockstep)
      runs.append((path, result, Array(transcript.lines[start...])))
    }
    return runs
  }

  @Test("Every fixture script passes beside the reference or is skipped with the reason; every line is valid")
  func fixtures() throws {
    let runs = try Self.runFixtures()
    #expect(runs.count == (try Repository.fixtureScripts()).count)
    var instances: [SchemaValidator.Instance] = []
    var chatNames: Set<String> = []
    var passed: Set<String> = []
    var skipped: [String: String] = [:]
    for run in runs {
      #expect(run.result.failure == nil, "\(run.path): \(run.result.failure?.description ?? "")")
      if let reason = run.result.skipped {
        // Where the script needs it aside: `(fixtures/conformance/MSG-3-faq.chat:12:1)`.
        skipped[run.path] = reason.replacing(#/ \([^()]*:[0-9]+:[0-9]+\)$/#, with: "")
      } else if run.result.failure == nil {
        #expect(run.result.commandsRun > 0, "\(run.path)")
        passed.insert(run.path)
      }
      for (index, (direction, line)) in run.lines.enumerated() {
        let pointer = direction == .request ? "#/$defs/request" : "#/$defs/reply"
        instances.append(.init(line, against: pointer, label: "\(run.path), line \(index + 1)"))
        for event in try JSON.parse(line)["events"]?.array ?? [] where event["event"] == "chat-queued" {
          chatNames.insert(event["chat"]?.string ?? "")
        }
      }
    }
    #expect(passed == Self.passed)
    #expect(skipped == Self.skipped.mapValues { "needs \($0), which python-example does not support" })
    // It names chats its own way, and the harness mapped them: the scripts passed.
    #expect(chatNames.count > 3 && chatNames.allSatisfy { $0.hasPrefix("c-") })
    let problems = try SchemaValidator.problems(instances)
    #expect(problems.isEmpty, "\(problems.prefix(20).joined(separator: "\n"))")
  }

  /// Lines sent straight to the adapter, and its exact replies: errors name the line.
  static let direct: [(request: [UInt8], reply: String)] = [
    (
      Array(#"{"id":9,"type":"reset"}"#.utf8),
      #"{"in_reply_to":9,"type":"error","code":"malformed-request","text":"line 1: the first request must be hello (the handshake)"}"#
    ),
    (Array(#"{"id":0,"type":"hello","protocol":1,"harness":"clavard"}"#.utf8), ""),
    (
      Array(#"{"id":1,"type":"command","command":"login","agent":"zoe"}"#.utf8),
      #"{"in_reply_to":1,"type":"refused","refusal":"unknown-agent","message":"no agent named zoe is defined"}"#
    ),
    (
      Array("not json".utf8),
      #"{"in_reply_to":null,"type":"error","code":"malformed-request","text":"line 4: not JSON: Expecting value: line 1 column 1 (char 0)"}"#
    ),
    (
      Array(#"{"id":2,"type":"dance"}"#.utf8),
      #"{"in_reply_to":2,"type":"error","code":"not-supported","text":"line 5: unknown request type 'dance'"}"#
    ),
    (
      Array(#"{"id":3,"type":"command","command":"preview","agent":"alice"}"#.utf8),
      #"{"in_reply_to":3,"type":"error","code":"not-supported","text":"line 6: this system does not support the command 'preview'"}"#
    ),
    (
      Array(#"{"id":4,"type":"query","question":"agent-status","agent":"zoe"}"#.utf8),
      #"{"in_reply_to":4,"type":"no-such-subject","message":"no agent named zoe is defined"}"#
    ),
    (
      Array(#"{"id":5,"type":"clock","now_ms":1.5}"#.utf8),
      #"{"in_reply_to":null,"type":"error","code":"malformed-request","text":"line 8: not JSON: the protocol's numbers are whole, not 1.5"}"#
    ),
    (
      Array(#"{"id":6,"type":"clock","now_ms":1000}"#.utf8), #"{"in_reply_to":6,"type":"events","events":[]}"#
    ),
    (
      Array(#"{"id":7,"type":"clock","now_ms":0}"#.utf8),
      #"{"in_reply_to":7,"type":"refused","refusal":"clock-cannot-go-back","message":"the clock cannot go back from 00:00:01 to 00:00:00"}"#
    ),
    (
      Array(#"{"id":8,"type":"hello","protocol":2}"#.utf8),
      #"{"in_reply_to":8,"type":"error","code":"malformed-request","text":"line 11: protocol 2 is not spoken here; this side speaks 1"}"#
    ),
    (
      [0x7B, 0xFF, 0x7D],
      #"{"in_reply_to":null,"type":"error","code":"malformed-request","text":"line 12: the line is not UTF-8"}"#
    ),
    (
      Array(repeating: 0x20, count: (1 << 20) + 10) + Array("x".utf8),
      #"{"in_reply_to":null,"type":"error","code":"malformed-request","text":"line 13: the line is longer than 1 MiB"}"#
    ),
    (
      Array(#"{"id":10,"type":"command","command":"open","visitor":"marie","queue":"support"}"#.utf8),
      #"{"in_reply_to":10,"type":"error","code":"malformed-request","text":"line 14: \"name\" must be a string"}"#
    ),
    (Array(#"{"id":11,"type":"reset"}"#.utf8), #"{"in_reply_to":11,"type":"events","events":[]}"#),
  ]

  @Test(
    "Straight from its standard input: the handshake, errors that name the line, refusals, no-such-subject")
  func direct() throws {
    let input: [UInt8] = Self.direct.flatMap { line -> [UInt8] in line.request + [0x0A] }
    let result = try ChildProcess.run(Self.python, [Self.adapter], input: .bytes(input))
    #expect(result.status == 0)
    #expect(result.stderr == "adapter: ready (protocol 1)\n")
    let replies = result.stdout.split(separator: "\n").map(String.init)
    #expect(replies.count == Self.direct.count)
    for (reply, expected) in zip(replies, Self.direct.map(\.reply)) where !expected.isEmpty {
      #expect(reply == expected)
    }
    guard let hello = replies.dropFirst().first,
      case (0?, .hello(let name, let version, let capabilities)) =
        try Reply.decode(try JSON.parse(hello))
    else {
      Issue.record("no hello reply: \(replies)")
      return
    }
    #expect(name == "python-example" && version == "1")
    #expect(capabilities.commands.contains("say") && !capabilities.commands.contains("preview"))
    #expect(capabilities.reset)
    let problems = try SchemaValidator.problems(
      replies.enumerated().map {
        SchemaValidator.Instance($1, against: "#/$defs/reply", label: "reply \($0 + 1)")
      })
    #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
  }

  @Test("The README's starting point runs: valid replies, and every script skipped for its first command")
  func readmeSkeleton() throws {
    let readme = try Repository.read("fixtures/adapters/python/README.md")
    let lines = readme.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    guard let start = lines.firstIndex(of: "```python"), let end = lines[start...].firstIndex(of: "```")
    else {
      Issue.record("the README has no ```python block")
      return
    }
    let folder = try TemporaryFolder()
    let program = folder.path + "/skeleton.py"
    try lines[(start + 1)..<end].joined(separator: "\n").write(
      toFile: program, atomically: true, encoding: .utf8)
    let requests = [
      Request.hello.json(id: 0).text, Request.clock(.start).json(id: 1).text,
      Request.command(CommandCall(.agent("alice", .login))).json(id: 2).text, "not json",
    ]
    let result = try ChildProcess.run(
      Self.python, [program], input: .bytes(Array(requests.map { $0 + "\n" }.joined().utf8)))
    #expect(result.status == 0)
    let replies = result.stdout.split(separator: "\n").map(String.init)
    #expect(replies.count == requests.count)
    let problems = try SchemaValidator.problems(
      replies.enumerated().map {
        SchemaValidator.Instance($1, against: "#/$defs/reply", label: "reply \($0 + 1)")
      })
    #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    let path = "fixtures/conformance/DEC-1-wait-order.chat"
    let script = try ScriptParser.parse(bytes: try Repository.loader(path), path: path)
    let transcript = Transcript()
    let run = try Sessions.run(
      script, on: try RecordingTransport(program: [Self.python, program], transcript), transcript: transcript)
    #expect(
      run.result.skipped
        == "needs `queue`, which my-system does not support (fixtures/conformance/DEC-1-wait-order.chat:6:1)")
  }
}
