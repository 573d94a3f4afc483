import ContactCenter

extension Vocabulary {
  /// Every question of `expect`, in the order of the reference table.
  public static let questions: [QuestionSpec] = [
    QuestionSpec(
      kind: .agentStatus, subject: .agent,
      fields: [
        field(
          "status", .choice(.session), "a status",
          SessionAnswer.allCases.map(\.rawValue).joined(separator: "|"))
      ],
      summary:
        "`available`, `working-offline`, `on-break`, or `logged-out`, `not-ready` (logged in, before Ready to Work)",
      requirements: ["SES-2", "SES-3", "CHAT-1", "CHAT-4"],
      make: { Query(.agentStatus(AgentID($0)), Answer($1)) }),
    QuestionSpec(
      kind: .agentChats, subject: .agent, fields: [field("chats", .number, "a number of chats", "N")],
      summary: "how many chats the agent holds (wrap-up included)", requirements: ["CAP-1", "END-3"],
      make: { Query(.agentChats(AgentID($0)), Answer($1)) }),
    QuestionSpec(
      kind: .agentOffer, subject: .agent,
      fields: [field("offer", .orNone(.pendingOffer), "a chat id such as chat-1, or none", "chat-N|none")],
      summary: "the agent's pending offer", requirements: ["CHAT-2", "DEC-2"],
      make: { Query(.agentOffer(AgentID($0)), Answer($1)) }),
    QuestionSpec(
      kind: .agentQueues, subject: .agent,
      fields: [
        field("queues", .orNone(.queueList), "the enabled queues, comma-separated, or none", "QUEUE,...|none")
      ],
      summary: "the enabled queues, in any order", requirements: ["SES-4", "SES-5"],
      make: { Query(.agentQueues(AgentID($0)), Answer($1)) }),
    QuestionSpec(
      kind: .sees, subject: .actor, fields: [field("sees", .text, "a message text, in quotes", "\"text\"")],
      summary:
        "a customer: a message from the agent in their latest chat; an agent: a message from a customer in a chat it holds or finished last",
      requirements: ["MSG-1"],
      make: { Query(.sees($0, text: $1.first ?? ""), Answer(Answer.yes)) }),
    QuestionSpec(
      kind: .queueWaiting, subject: .keyword("queue", .queue),
      fields: [field("waiting", .number, "a number of waiting chats", "N")],
      summary: "chats waiting in a queue", requirements: ["CAP-4", "CHAT-4"],
      make: { Query(.queueWaiting(QueueID($0)), Answer($1)) }),
    QuestionSpec(
      kind: .chatState, subject: .chat,
      fields: [
        field(
          "state", .choice(.chatState), "a chat state",
          ChatState.Phase.allCases.map(\.rawValue).joined(separator: "|"))
      ],
      summary: "`queued`, `offered`, `active`, `wrap-up`, `finished`, `abandoned`",
      requirements: ["CHAT-4", "DEC-3"],
      make: { subject, fields in ChatID(parsing: subject).map { Query(.chatState($0), Answer(fields)) } }),
    QuestionSpec(
      kind: .chatAgent, subject: .chat, fields: [field("agent", .agent, "an agent name", "AGENT")],
      summary: "who was offered, holds or finished the chat", requirements: ["CAP-4", "CHAT-4"],
      make: { subject, fields in ChatID(parsing: subject).map { Query(.chatAgent($0), Answer(fields)) } }),
    QuestionSpec(
      kind: .chatLog, subject: .chat,
      fields: [
        field(
          "log", .choice(.logState), "a log state", LogAnswer.allCases.map(\.rawValue).joined(separator: "|"))
      ],
      summary: "`none`, `edit`, `draft`, `view`, `saved`",
      requirements: ["LOG-1", "LOG-2", "LOG-3", "LOG-4"],
      make: { subject, fields in ChatID(parsing: subject).map { Query(.chatLog($0), Answer(fields)) } }),
    QuestionSpec(
      kind: .chatDisposition, subject: .chat,
      fields: [field("disposition", .disposition, "a disposition code or none", "CODE|none")],
      summary: "the disposition chosen (confirmed or not), or `none`", requirements: ["END-2"],
      make: { subject, fields in ChatID(parsing: subject).map { Query(.chatDisposition($0), Answer(fields)) }
      }),
    QuestionSpec(
      kind: .chatWrapUp, subject: .chat,
      fields: [field("wrap-up", .duration, "a duration such as 45s", "DURATION")],
      summary: "time since the end, while in wrap-up", requirements: ["END-1"],
      make: { subject, fields in ChatID(parsing: subject).map { Query(.chatWrapUp($0), Answer(fields)) } }),
    QuestionSpec(
      kind: .chatMessages, subject: .chat, fields: [field("messages", .number, "a number of messages", "N")],
      summary: "messages sent in the chat", requirements: ["MSG-1", "MSG-3"],
      make: { subject, fields in ChatID(parsing: subject).map { Query(.chatMessages($0), Answer(fields)) } }),
    QuestionSpec(
      kind: .caseRecord, subject: .keyword("case", .caseRecord),
      fields: [
        field("customer", .customerRecord, "a customer record id", "ID"),
        field("state", .choice(.caseState), "a case state", "open|closed|draft"),
      ],
      summary: "a CRM case: its customer and state (`open`, `closed`, `draft`)",
      requirements: ["POP-2", "LOG-4"],
      make: { Query(.caseRecord(CaseID($0)), Answer($1)) }),
    QuestionSpec(
      kind: .customerRecord, subject: .keyword("customer", .customerRecord),
      fields: [
        field("name", .text, "the customer's name", "\"...\""),
        field("email", .text, "the customer's e-mail", "..."),
      ],
      summary: "a CRM customer record", requirements: ["POP-1", "POP-4"],
      make: { Query(.customerRecord(CustomerID($0)), Answer($1)) }),
    QuestionSpec(
      kind: .setting, subject: .keyword("setting", .settingKey),
      fields: [field(nil, .settingValue, "its value", "VALUE")],
      summary: "a setting's value, read as `set` reads it (`90s` holds when the value is `1m30s`)",
      requirements: [],
      make: { subject, fields in Setting.Key(rawValue: subject).map { Query(.setting($0), Answer(fields)) } }),
    QuestionSpec(
      kind: .clock, subject: .keyword("clock", nil),
      fields: [field(nil, .time, "a time such as 00:01:30", "hh:mm:ss")], summary: "the virtual time",
      requirements: ["DEC-5"], make: { Query(.clock, Answer($1)) }),
  ]

  private static func field(_ word: String?, _ kind: ValueKind, _ expected: String, _ placeholder: String)
    -> QuestionSpec.Field
  {
    QuestionSpec.Field(word: word, kind: kind, expected: expected, placeholder: placeholder)
  }

  private static let questionsByKind: [QuestionKind: QuestionSpec] = Dictionary(
    questions.map { ($0.kind, $0) }, uniquingKeysWith: { first, _ in first })

  /// The table entry of a question; every kind has one (a test checks it).
  public static func question(_ kind: QuestionKind) -> QuestionSpec {
    guard let spec = questionsByKind[kind] else {
      preconditionFailure("the vocabulary has no entry for the question \(kind.rawValue)")
    }
    return spec
  }
}

extension Answer {
  /// What a `sees` question answers when the text is there.
  public static let yes = "yes"
  public static let no = "no"
}
