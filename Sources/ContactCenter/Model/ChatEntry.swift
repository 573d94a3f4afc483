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
  /// Where the chat's last message is in the message store, and how many it has.
  var lastMessage = MessageStore.none
  var messageCount = 0
  var agentDraft: String = ""
  var screenPop: ScreenPop?
  var createdCustomer: CustomerID?
  var disposition: DispositionCode?
  var log: ChatLog?
  var offers = 0

  var queue: QueueID { origin.queue }
  var request: ChatRequest { origin.request }
  var match: CustomerMatch? { origin.match }

  init(id: ChatID, visitor: VisitorID, queue: QueueID, line: Int, request: ChatRequest, openedAt: Instant, match: CustomerMatch?) {
    self.id = id
    self.visitor = visitor
    self.line = Int32(line)
    self.origin = ChatOrigin(queue: queue, request: request, openedAt: openedAt, match: match)
  }
}
