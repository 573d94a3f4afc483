/// How the engine stores a chat: everything but the text of its messages, which go to the
/// center's ``MessageStore``. Commands on a chat read and write this entry, so it is kept free
/// of per-chat buffers: sending a message allocates nothing and touches no memory of its own
/// besides this entry and the end of the store.
struct ChatEntry: Hashable, Sendable {
  let id: ChatID
  /// The customer: kept here, not in `origin`, because every customer command needs it.
  let visitor: VisitorID
  let origin: ChatOrigin
  /// The queue's position in definition order, which is also its line in the routing index:
  /// kept here so that routing and dispositions need neither a look-up nor a trip to `origin`.
  let line: Int32
  var state: ChatState = .queued
  var agentTyping = false
  var customerTyping = false
  var dispositionConfirmed = false
  /// Where the chat's last message is in the message store.
  var lastMessage = MessageStore.none
  var screenPop: ScreenPop?
  var disposition: DispositionCode?
  var offers = 0
  /// What few chats have, out of line: see ``ChatExtras``.
  private var extras: ChatExtrasBox?

  /// MSG-3: the agent's unsent text, where FAQ answers are inserted.
  var agentDraft: String {
    get { extras?.value.agentDraft ?? "" }
    set { updateExtras { $0.agentDraft = newValue } }
  }
  /// POP-4: the customer record the agent created with the new-customer form.
  var createdCustomer: CustomerID? {
    get { extras?.value.createdCustomer }
    set { updateExtras { $0.createdCustomer = newValue } }
  }
  /// LOG-1..4: the chat log, once opened.
  var log: ChatLog? {
    get { extras?.value.log }
    set { updateExtras { $0.log = newValue } }
  }

  private mutating func updateExtras(_ change: (inout ChatExtras) -> Void) {
    var value = extras?.value ?? ChatExtras()
    change(&value)
    // None at all is stored as none, so that equal chats compare equal.
    extras = value == ChatExtras() ? nil : ChatExtrasBox(value)
  }

  var queue: QueueID { origin.queue }
  var request: ChatRequest { origin.request }
  var match: CustomerMatch? { origin.match }

  init(
    id: ChatID, visitor: VisitorID, queue: QueueID, line: Int, request: ChatRequest, openedAt: Instant,
    match: CustomerMatch?
  ) {
    self.id = id
    self.visitor = visitor
    self.line = Int32(line)
    self.origin = ChatOrigin(queue: queue, request: request, openedAt: openedAt, match: match)
  }
}

/// What only some chats ever have: a draft built from FAQ answers (MSG-3), a customer record
/// created with the new-customer form (POP-4), a chat log (LOG-1..4). Kept out of line and
/// created the first time one is set, so that a chat without any carries one pointer instead of
/// a hundred bytes, and more chats in progress fit in the caches.
struct ChatExtras: Hashable, Sendable {
  var agentDraft = ""
  var createdCustomer: CustomerID?
  var log: ChatLog?
}

/// An immutable box: a change makes a new one (these changes are rare), so entries stay plain
/// values.
final class ChatExtrasBox: Hashable, Sendable {
  let value: ChatExtras

  init(_ value: ChatExtras) { self.value = value }

  static func == (lhs: ChatExtrasBox, rhs: ChatExtrasBox) -> Bool { lhs === rhs || lhs.value == rhs.value }

  func hash(into hasher: inout Hasher) { hasher.combine(value) }
}
