import Conformance
import ContactCenter

/// A command's JSON form: `"command"` is its words as the script writes them (`queues
/// enable`), the actor is `"agent"` or `"visitor"`, and each argument is named as in
/// ``Vocabulary/commands`` (with `_` for `-`). ``CommandCall/decode(_:)`` reads it back
/// through the vocabulary; a test round-trips every command.
public struct CommandCall: Hashable, Sendable {
  public typealias Actor = CommandSpec.Actor

  public var actor: Actor
  /// The command's words: ``CommandSpec/name``.
  public var name: String
  public var arguments: [(String, JSON)]

  public static func == (lhs: CommandCall, rhs: CommandCall) -> Bool {
    lhs.actor == rhs.actor && lhs.name == rhs.name && JSON.object(lhs.arguments) == JSON.object(rhs.arguments)
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(actor)
    hasher.combine(name)
    hasher.combine(JSON.object(arguments))
  }

  /// The members of the request, after `"id"` and `"type"`.
  public var members: [(String, JSON)] {
    var members: [(String, JSON)] = [("command", .string(name))]
    switch actor {
    case .tenant: break
    case .agent(let id): members.append(("agent", .string(id.rawValue)))
    case .visitor(let id): members.append(("visitor", .string(id.rawValue)))
    }
    return members + arguments
  }

  /// The JSON key of an argument: its name with `_` for `-`.
  static func key(_ name: String) -> String { String(name.map { $0 == "-" ? "_" : $0 }) }
}

extension CommandCall {
  /// What the engine runs for this call.
  public init(_ command: Command) {
    switch command {
    case .defineQueue(let id, let media, let dispositions):
      self.init(
        actor: .tenant, name: "queue",
        arguments: [
          ("queue", .string(id.rawValue)), ("media", .string(media.rawValue)),
          ("dispositions", .strings(dispositions.map(\.rawValue))),
        ])
    case .defineAgent(let id, let queues, let maximumChats):
      var arguments: [(String, JSON)] = [
        ("agent", .string(id.rawValue)), ("queues", .strings(queues.map(\.rawValue))),
      ]
      if let maximumChats { arguments.append(("max_chats", .number(maximumChats))) }
      self.init(actor: .tenant, name: "agent", arguments: arguments)
    case .defineCustomer(let id, let name, let email, let account):
      var arguments: [(String, JSON)] = [
        ("customer", .string(id.rawValue)), ("name", .string(name)), ("email", .string(email)),
      ]
      if let account { arguments.append(("account", .string(account))) }
      self.init(actor: .tenant, name: "customer-record", arguments: arguments)
    case .defineCase(let id, let customer, let subject, let state):
      self.init(
        actor: .tenant, name: "case",
        arguments: [
          ("case", .string(id.rawValue)), ("customer", .string(customer.rawValue)),
          ("subject", .string(subject)),
          ("state", .string(state.rawValue)),
        ])
    case .defineFAQ(let id, let answer):
      self.init(
        actor: .tenant, name: "faq", arguments: [("faq", .string(id.rawValue)), ("answer", .string(answer))])
    case .set(let setting):
      self.init(actor: .tenant, name: "set", arguments: setting.jsonMembers)
    case .agent(let id, let action):
      let (name, arguments) = action.call
      self.init(actor: .agent(id), name: name, arguments: arguments)
    case .customer(let id, let action):
      let (name, arguments) = action.call
      self.init(actor: .visitor(id), name: name, arguments: arguments)
    }
  }
}

extension AgentAction {
  /// The command's words and arguments.
  var call: (String, [(String, JSON)]) {
    func chat(_ id: ChatID?) -> [(String, JSON)] { id.map { [("chat", .string($0.description))] } ?? [] }
    switch self {
    case .login: return ("login", [])
    case .readyToWork: return ("ready", [])
    case .setStatus(let status): return ("status", [("status", .string(status.keyword))])
    case .logout: return ("logout", [])
    case .listQueues: return ("queues", [])
    case .selectQueue(let queue, let enabled):
      return (enabled ? "queues enable" : "queues disable", [("queue", .string(queue.rawValue))])
    case .confirmSelections: return ("queues confirm", [])
    case .switchProfileQueue(let queue, let enabled):
      return (
        enabled ? "profile queues enable" : "profile queues disable", [("queue", .string(queue.rawValue))]
      )
    case .saveProfileQueues: return ("profile queues save", [])
    case .preview(let id): return ("preview", chat(id))
    case .accept(let id): return ("accept", chat(id))
    case .reject(let id): return ("reject", chat(id))
    case .showCustomerInfo(let id): return ("info", chat(id))
    case .typing(let id, let isTyping): return (isTyping ? "typing" : "typing stop", chat(id))
    case .say(let id, let text): return ("say", chat(id) + [("text", .string(text))])
    case .insertFAQ(let id, let faq): return ("faq", chat(id) + [("faq", .string(faq.rawValue))])
    case .sendDraft(let id): return ("send", chat(id))
    case .saveNewCustomer(let id, let name, let email, let account):
      return (
        "customer save",
        chat(id) + [("name", .string(name)), ("email", .string(email))]
          + (account.map { [("account", .string($0))] } ?? [])
      )
    case .end(let id): return ("end", chat(id))
    case .showWrapUpTimer(let id): return ("timer", chat(id))
    case .selectDisposition(let id, let code):
      return ("disposition", chat(id) + [("code", .string(code.rawValue))])
    case .continueDisposition(let id): return ("continue", chat(id))
    case .finish(let id): return ("finish", chat(id))
    case .showLog(let id): return ("log", chat(id))
    case .openLog(let id): return ("log open", chat(id))
    case .editLog(let id, let text): return ("log edit", chat(id) + [("text", .string(text))])
    case .selectLogCustomer(let id, let customer):
      return ("log customer", chat(id) + [("customer", .string(customer.rawValue))])
    case .saveLog(let id): return ("log save", chat(id))
    case .saveLogDraft(let id): return ("log draft", chat(id))
    }
  }
}

extension CustomerAction {
  var call: (String, [(String, JSON)]) {
    switch self {
    case .open(let queue, let request):
      var arguments: [(String, JSON)] = [
        ("queue", .string(queue.rawValue)), ("name", .string(request.name)),
        ("email", .string(request.email)),
        ("ip", .string(request.ipAddress)),
      ]
      if let account = request.account { arguments.append(("account", .string(account))) }
      if let caseNumber = request.caseNumber { arguments.append(("case", .string(caseNumber))) }
      return ("open", arguments)
    case .typing(let isTyping): return (isTyping ? "typing" : "typing stop", [])
    case .say(let text): return ("say", [("text", .string(text))])
    case .leave: return ("leave", [])
    }
  }
}
