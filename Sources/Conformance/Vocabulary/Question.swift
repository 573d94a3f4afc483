import ContactCenter

/// What `expect` can ask about the state. ``Session/answer(_:)`` computes the actual answer
/// of each in one place; the runner, the REPL's completion and a system under test's answers
/// are compared with it.
public enum Question: Hashable, Sendable {
  case agentStatus(AgentID)
  case agentChats(AgentID)
  case agentOffer(AgentID)
  /// The enabled queues, in any order.
  case agentQueues(AgentID)
  /// Whether a customer sees the text from the agent in their latest chat, or an agent sees it
  /// from a customer in a chat it holds or finished last.
  case sees(String, text: String)
  case queueWaiting(QueueID)
  case chatState(ChatID)
  /// Who was offered, holds or finished the chat.
  case chatAgent(ChatID)
  case chatLog(ChatID)
  case chatDisposition(ChatID)
  case chatWrapUp(ChatID)
  case chatMessages(ChatID)
  case caseRecord(CaseID)
  case customerRecord(CustomerID)
  case setting(Setting.Key)
  case clock

  /// Which question it is, without its subject: what the vocabulary's table is keyed by.
  public var kind: QuestionKind {
    switch self {
    case .agentStatus: .agentStatus
    case .agentChats: .agentChats
    case .agentOffer: .agentOffer
    case .agentQueues: .agentQueues
    case .sees: .sees
    case .queueWaiting: .queueWaiting
    case .chatState: .chatState
    case .chatAgent: .chatAgent
    case .chatLog: .chatLog
    case .chatDisposition: .chatDisposition
    case .chatWrapUp: .chatWrapUp
    case .chatMessages: .chatMessages
    case .caseRecord: .caseRecord
    case .customerRecord: .customerRecord
    case .setting: .setting
    case .clock: .clock
    }
  }

  /// The table entry that describes this question.
  public var spec: QuestionSpec { Vocabulary.question(kind) }

  /// How messages name what is asked, before an answer ``QuestionSpec/render(_:)`` writes:
  /// `alice status`, `chat-1 state`, `setting accept-interval`, and only the subject where the
  /// answer's fields name themselves (`case k-7`, then `customer c-100 state open`).
  public var askedText: String {
    let fields = spec.fields
    return fields.count == 1
      ? ([subjectText] + fields.compactMap(\.word)).joined(separator: " ") : subjectText
  }

  /// How the question names its subject in messages: `alice`, `chat-1`, `queue support`.
  public var subjectText: String {
    switch self {
    case .agentStatus(let agent), .agentChats(let agent), .agentOffer(let agent), .agentQueues(let agent):
      agent.rawValue
    case .sees(let name, _): name
    case .queueWaiting(let queue): "queue \(queue)"
    case .chatState(let chat), .chatAgent(let chat), .chatLog(let chat), .chatDisposition(let chat),
      .chatWrapUp(let chat), .chatMessages(let chat):
      chat.description
    case .caseRecord(let id): "case \(id)"
    case .customerRecord(let id): "customer \(id)"
    case .setting(let key): "setting \(key)"
    case .clock: "clock"
    }
  }
}

/// The answer to a question: one canonical text per field of its ``QuestionSpec`` (the enabled
/// queues sorted, a duration as the engine writes it, a setting's value as `set` reads it), so
/// that answers compare as values: `90s` and `1m30s` are the same accept interval. Texts compare
/// scalar by scalar (`ExactText.swift`).
public struct Answer: Hashable, Sendable {
  public var fields: [String]

  public init(_ fields: [String]) { self.fields = fields }
  public init(_ field: String) { self.fields = [field] }
}

/// An `expect` line: a question and the answer it must have.
public struct Query: Hashable, Sendable {
  public var question: Question
  public var expected: Answer

  public init(_ question: Question, _ expected: Answer) {
    self.question = question
    self.expected = expected
  }
}

/// One question of `expect`: how its subject is written, and its fields (a word, then a value).
public struct QuestionSpec: Sendable {
  public enum Subject: Hashable, Sendable {
    /// An agent's name.
    case agent
    /// An agent's or a customer's name.
    case actor
    /// `chat-N`
    case chat
    /// A keyword (`queue`, `case`, `setting`, `clock`), then a value of that kind if any.
    case keyword(String, ValueKind?)

    /// `AGENT`, `chat-N`, `queue NAME`.
    var usage: String {
      switch self {
      case .agent: "AGENT"
      case .actor: "NAME"
      case .chat: "chat-N"
      case .keyword(let word, nil): word
      case .keyword(let word, _?): "\(word) \(word == "setting" ? "KEY" : word == "queue" ? "NAME" : "ID")"
      }
    }
  }

  /// One part of the answer: the word that introduces it (none for a setting's value and the
  /// clock) and its value.
  public struct Field: Sendable {
    public let word: String?
    public let kind: ValueKind
    /// What the parser says it expected: "a number of chats".
    public let expected: String
    /// How `.help` writes the value: `N`, `available|on-break|...`.
    public let placeholder: String
  }

  public let kind: QuestionKind
  public let subject: Subject
  public let fields: [Field]
  public let summary: String
  public let requirements: [String]
  /// Builds the query from its subject ("" for `clock`) and its fields, each canonical; nil
  /// when the subject is not one (not a chat id, not a setting).
  let make: @Sendable (_ subject: String, _ fields: [String]) -> Query?

  /// The question about a subject, or nil when the subject is not one of its kind.
  public func question(about subject: String) -> Question? { make(subject, []).map(\.question) }

  /// `expect AGENT status STATUS`
  public var usage: String {
    var parts = ["expect", subject.usage]
    for field in fields {
      if let word = field.word { parts.append(word) }
      parts.append(field.placeholder)
    }
    return parts.joined(separator: " ")
  }
}

/// Every question `expect` can ask; the raw value is its name in the protocol.
public enum QuestionKind: String, CaseIterable, Hashable, Sendable {
  case agentStatus = "agent-status"
  case agentChats = "agent-chats"
  case agentOffer = "agent-offer"
  case agentQueues = "agent-queues"
  case sees
  case queueWaiting = "queue-waiting"
  case chatState = "chat-state"
  case chatAgent = "chat-agent"
  case chatLog = "chat-log"
  case chatDisposition = "chat-disposition"
  case chatWrapUp = "chat-wrap-up"
  case chatMessages = "chat-messages"
  case caseRecord = "case"
  case customerRecord = "customer"
  case setting
  case clock
}
