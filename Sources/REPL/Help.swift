/// What `.help` says: every command of the script language and of the REPL, with its usage.
public enum Help {
  public struct Entry: Hashable, Sendable {
    public var name: String
    public var usage: [String]
    public var summary: String
  }

  public enum Group: String, CaseIterable, Sendable {
    case repl = "REPL commands"
    case definitions = "Definitions, settings, time and checks"
    case agent = "Agent commands (name> command)"
    case customer = "Customer commands (name> command)"

    /// What one entry is, in `.help NAME`.
    var kind: String {
      switch self {
      case .repl: "REPL command"
      case .definitions: "script command"
      case .agent: "agent command"
      case .customer: "customer command"
      }
    }
  }

  public static let entries: [(Group, Entry)] = [
    (
      .repl,
      Entry(name: ".help", usage: [".help [command]"], summary: "this list, or how to write one command")
    ),
    (
      .repl,
      Entry(
        name: ".read", usage: [".read FILE"],
        summary: "run a script here, checking its < and ! lines; stops at its first failure and says where")
    ),
    (
      .repl,
      Entry(
        name: ".record", usage: [".record FILE", ".record stop"],
        summary:
          "write the session so far to a new FILE, then append each command with its events as it runs; the file passes `clavard run`"
      )
    ),
    (
      .repl,
      Entry(
        name: ".save", usage: [".save FILE", ".save FILE --replace"],
        summary: "write the whole session so far to a new FILE as a script (--replace: over an existing one)")
    ),
    (
      .repl,
      Entry(
        name: ".state", usage: [".state"],
        summary: "the clock, queues, agents, chats and changed settings at a glance")
    ),
    (.repl, Entry(name: ".reset", usage: [".reset"], summary: "start again from an empty contact center")),
    (.repl, Entry(name: ".quit", usage: [".quit"], summary: "leave (Ctrl-D on an empty line too)")),
    (
      .repl,
      Entry(
        name: "as", usage: ["as NAME", "as"],
        summary: "send later lines without `name>` to NAME (keywords still work); `as` alone stops")
    ),
    (
      .definitions,
      Entry(
        name: "queue", usage: ["queue NAME [media=chat|phone|email] [dispositions=CODE,...]"],
        summary: "define a queue")
    ),
    (
      .definitions,
      Entry(
        name: "agent", usage: ["agent NAME [queues=QUEUE,...] [max-chats=N]"],
        summary: "define an agent and the queues assigned to it")
    ),
    (
      .definitions,
      Entry(
        name: "customer-record", usage: ["customer-record ID name=\"...\" email=... [account=...]"],
        summary: "define a customer record of the CRM")
    ),
    (
      .definitions,
      Entry(
        name: "case", usage: ["case ID customer=ID subject=\"...\" [state=open|closed|draft]"],
        summary: "define a case record of the CRM")
    ),
    (.definitions, Entry(name: "faq", usage: ["faq ID \"answer\""], summary: "define an FAQ answer")),
    (
      .definitions,
      Entry(
        name: "set", usage: ["set KEY VALUE"],
        summary: "change a tenant setting (Tab lists the keys and values)")
    ),
    (
      .definitions,
      Entry(
        name: "clock", usage: ["clock +30s", "clock 00:02:00"],
        summary: "move the virtual clock forward; timers due by then fire in order")
    ),
    (
      .definitions,
      Entry(
        name: "expect",
        usage: [
          "expect AGENT status|chats|offer|queues VALUE", "expect NAME sees \"text\"",
          "expect chat-N state|agent|log|disposition|wrap-up|messages VALUE", "expect queue NAME waiting N",
          "expect case ID customer ID state STATE", "expect customer ID name \"...\" email ...",
          "expect setting KEY VALUE", "expect clock 00:01:30",
        ], summary: "check the state (Tab offers the actual value)")
    ),
    (
      .definitions,
      Entry(name: "step", usage: ["step ID \"title\""], summary: "start a step of the documented procedure")
    ),
    (.definitions, Entry(name: "use", usage: ["use FILE"], summary: "run another script here (as .read)")),
    (.agent, Entry(name: "login", usage: ["NAME> login"], summary: "log in to the agent workspace")),
    (
      .agent,
      Entry(
        name: "ready", usage: ["NAME> ready"], summary: "Ready to Work (the status becomes Working Offline)")
    ),
    (
      .agent,
      Entry(
        name: "status", usage: ["NAME> status available|working-offline|on-break"], summary: "choose a status"
      )
    ),
    (
      .agent,
      Entry(
        name: "queues", usage: ["NAME> queues", "NAME> queues enable|disable QUEUE", "NAME> queues confirm"],
        summary: "list, switch and confirm the assigned queues")
    ),
    (
      .agent,
      Entry(
        name: "profile", usage: ["NAME> profile queues enable|disable QUEUE", "NAME> profile queues save"],
        summary: "switch queues in My profile, then save")
    ),
    (
      .agent, Entry(name: "preview", usage: ["NAME> preview"], summary: "preview the offered chat's customer")
    ),
    (.agent, Entry(name: "accept", usage: ["NAME> accept [chat-N]"], summary: "accept the offered chat")),
    (
      .agent,
      Entry(
        name: "reject", usage: ["NAME> reject [chat-N]"],
        summary: "reject the offered chat (needs the reject permission)")
    ),
    (.agent, Entry(name: "info", usage: ["NAME> info [chat-N]"], summary: "show the customer's information")),
    (
      .agent,
      Entry(
        name: "typing", usage: ["NAME> typing [stop] [chat-N]"], summary: "start or stop the typing indicator"
      )
    ),
    (
      .agent,
      Entry(
        name: "say", usage: ["NAME> say [chat-N] \"text\""],
        summary: "send a message (1 to 1940 characters; \"a\"*1940 repeats)")
    ),
    (
      .agent,
      Entry(name: "faq", usage: ["NAME> faq [chat-N] ID"], summary: "insert an FAQ answer into the draft")
    ),
    (.agent, Entry(name: "send", usage: ["NAME> send [chat-N]"], summary: "send the draft")),
    (
      .agent,
      Entry(
        name: "customer", usage: ["NAME> customer save [chat-N] name=\"...\" email=... [account=...]"],
        summary: "save the new-customer form")
    ),
    (.agent, Entry(name: "end", usage: ["NAME> end [chat-N]"], summary: "end the chat; wrap-up starts")),
    (.agent, Entry(name: "timer", usage: ["NAME> timer [chat-N]"], summary: "show the wrap-up timer")),
    (
      .agent,
      Entry(name: "disposition", usage: ["NAME> disposition [chat-N] CODE"], summary: "choose a disposition")
    ),
    (.agent, Entry(name: "continue", usage: ["NAME> continue [chat-N]"], summary: "confirm the disposition")),
    (.agent, Entry(name: "finish", usage: ["NAME> finish [chat-N]"], summary: "finish the wrap-up")),
    (
      .agent,
      Entry(
        name: "log",
        usage: [
          "NAME> log [chat-N]", "NAME> log open [chat-N]", "NAME> log edit [chat-N] \"text\"",
          "NAME> log customer [chat-N] ID", "NAME> log save|draft [chat-N]",
        ], summary: "show, open, edit and save the chat log")
    ),
    (.agent, Entry(name: "logout", usage: ["NAME> logout"], summary: "log out")),
    (
      .customer,
      Entry(
        name: "open", usage: ["NAME> open QUEUE name=\"...\" email=... ip=... [account=...] [case=...]"],
        summary: "open a chat in a queue")
    ),
    (
      .customer,
      Entry(name: "typing", usage: ["NAME> typing [stop]"], summary: "start or stop the typing indicator")
    ),
    (.customer, Entry(name: "say", usage: ["NAME> say \"text\""], summary: "send a message")),
    (.customer, Entry(name: "leave", usage: ["NAME> leave"], summary: "leave the chat")),
  ]

  /// The names `.help` knows, for completion.
  public static var names: [String] {
    var seen: Set<String> = []
    return entries.map(\.1.name).filter { seen.insert($0).inserted }
  }

  /// `.help`: a line per command, by group.
  public static func overview() -> [(heading: String?, line: String)] {
    var lines: [(String?, String)] = []
    for group in Group.allCases {
      lines.append((group.rawValue, ""))
      for (entryGroup, entry) in entries where entryGroup == group {
        let usage = entry.usage[0]
        if usage.count <= 30 {
          lines.append((nil, "  " + usage.padded(to: 30) + "  " + entry.summary))
        } else {
          lines.append((nil, "  " + usage))
          lines.append((nil, String(repeating: " ", count: 34) + entry.summary))
        }
      }
    }
    lines.append((nil, ""))
    lines.append(
      (
        nil,
        "Tab completes commands, names and ids; Up recalls earlier lines; Ctrl-C abandons the line or stops a .read."
      ))
    return lines
  }

  /// `.help NAME`: the usage of one command (both readings for a word that is a definition
  /// and an agent command, such as `faq`); nil when there is no such command.
  public static func detail(_ name: String) -> [String]? {
    let wanted = name.hasPrefix(".") || entries.contains(where: { $0.1.name == name }) ? name : "." + name
    let found = entries.filter { $0.1.name == wanted }
    guard !found.isEmpty else { return nil }
    var lines: [String] = []
    for (group, entry) in found {
      lines += entry.usage.map { "  " + $0 }
      lines.append("    " + entry.summary + " (" + group.kind + ")")
    }
    return lines
  }
}

extension String {
  func padded(to width: Int) -> String {
    count >= width ? self : self + String(repeating: " ", count: width - count)
  }
}
