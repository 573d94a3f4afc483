/// SES-7: the media a queue carries. Only chat queues carry chats; agents may still enable the
/// others (the page's "inbound phone queue") in their profile.
public enum Media: String, CaseIterable, Hashable, Sendable {
  case chat
  case phone
  case email

  /// How the page names it, for messages.
  public var displayName: String {
    switch self {
    case .chat: "chat"
    case .phone: "inbound phone"
    case .email: "e-mail"
    }
  }
}

/// A queue as the tenant defines it.
public struct QueueDefinition: Hashable, Sendable {
  public let id: QueueID
  public let media: Media
  /// END-2: the disposition codes an agent chooses from when wrapping up a chat of this queue.
  public let dispositions: [DispositionCode]

  public init(id: QueueID, media: Media, dispositions: [DispositionCode] = []) {
    self.id = id
    self.media = media
    self.dispositions = dispositions
  }
}
