import ContactCenter

/// One key of `set KEY VALUE`. The keys and their values are the engine's (``Setting/Key``);
/// this adds what a person reading `.help` or the docs needs.
public struct SettingSpec: Sendable {
  public let key: Setting.Key
  public let summary: String
  public let requirements: [String]

  /// The values `set` accepts, as the docs write them.
  public var valuesText: String {
    guard let choices = key.choices else { return "a duration from `1s` to `1h` (`30s`, `1m30s`, `1500ms`)" }
    if key == .chatsPerAgent, let first = choices.first, let last = choices.last {
      return "`\(first)` to `\(last)`"
    }
    return choices.map { "`\($0)`" }.joined(separator: ", ")
  }

  /// The value of a new contact center.
  public var defaultValue: String {
    Settings().all.first { $0.key == key }?.valueText ?? ""
  }

  /// What Tab offers: the choices, or a few usual durations.
  public var suggestedValues: [String] { key.choices ?? ["30s", "45s", "1m", "2m"] }
}

extension Vocabulary {
  /// Every `set` key, in the engine's order.
  public static let settings: [SettingSpec] = Setting.Key.allCases.map { key in
    switch key {
    case .rejectPermission:
      SettingSpec(key: key, summary: "whether agents may reject an offered chat", requirements: ["CAP-3"])
    case .queuePermission:
      SettingSpec(
        key: key, summary: "whether agents may change their queue settings", requirements: ["SES-6"])
    case .acceptInterval:
      SettingSpec(
        key: key, summary: "how long an offer waits for the agent's accept", requirements: ["CHAT-4"])
    case .missedOfferStatus:
      SettingSpec(
        key: key, summary: "the agent's status after a rejected or missed offer", requirements: ["CHAT-4"])
    case .chatsPerAgent:
      SettingSpec(key: key, summary: "chats one agent may hold at once", requirements: ["CAP-1"])
    case .screenPop:
      SettingSpec(key: key, summary: "which record pops for a known customer", requirements: ["POP-3"])
    case .screenPopMoment:
      SettingSpec(
        key: key, summary: "whether the screen pop comes with the offer or the accept",
        requirements: ["POP-3"])
    case .disposition:
      SettingSpec(
        key: key, summary: "whether a disposition is asked for before Finish", requirements: ["END-2"])
    case .chatLog:
      SettingSpec(
        key: key, summary: "whether the chat log opens by itself at Finish", requirements: ["LOG-1"])
    }
  }

  public static func setting(_ key: Setting.Key) -> SettingSpec {
    guard let spec = settings.first(where: { $0.key == key }) else {
      preconditionFailure("the vocabulary has no entry for the setting \(key)")
    }
    return spec
  }
}
