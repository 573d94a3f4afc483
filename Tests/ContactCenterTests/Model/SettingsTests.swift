import Testing

@testable import ContactCenter

/// The tenant settings: documented defaults, and `set KEY VALUE` parsing for every key.
@Suite struct SettingsTests {
  static let intervalExpected = "a duration from 1s to 1h, such as 30s or 1m30s"

  @Test("LOG-1: every setting has its documented default")
  func documentedDefaults() {
    let settings = Settings()
    #expect(settings.rejectPermission == false)  // CAP-3: denied
    #expect(settings.queueEditPermission == true)  // SES-6: granted
    #expect(settings.acceptInterval == .seconds(30))  // CHAT-4
    #expect(settings.missedOfferStatus == .workingOffline)  // CHAT-4
    #expect(settings.chatsPerAgent == 6)  // CAP-1
    #expect(settings.screenPop == .caseRecord)  // POP-3
    #expect(settings.screenPopMoment == .offer)  // POP-3
    #expect(settings.disposition == .optional)  // END-2
    #expect(settings.automaticChatLog == false)  // LOG-1
    #expect(Settings.maximumChatsPerAgent == 6)
    #expect(Settings.acceptIntervalRange == Interval.seconds(1)...Interval.seconds(3600))
    #expect(
      settings.all.map(\.description) == [
        "reject-permission denied",
        "queue-permission granted",
        "accept-interval 30s",
        "missed-offer-status working-offline",
        "chats-per-agent 6",
        "screen-pop case-record",
        "screen-pop-moment offer",
        "disposition optional",
        "chat-log off",
      ])
    #expect(Center().settings == settings)
  }

  @Test("LOG-1: the keys list names every setting, in the order of `all`")
  func keysMatchSettings() {
    #expect(Setting.Key.allCases == Settings().all.map(\.key))
    #expect(
      Setting.Key.allCases.map(\.rawValue) == [
        "reject-permission", "queue-permission", "accept-interval", "missed-offer-status", "chats-per-agent",
        "screen-pop", "screen-pop-moment", "disposition", "chat-log",
      ])
  }

  static let goodValues: [(key: String, value: String, setting: Setting)] = [
    ("reject-permission", "granted", .rejectPermission(true)),
    ("reject-permission", "denied", .rejectPermission(false)),
    ("queue-permission", "granted", .queueEditPermission(true)),
    ("queue-permission", "denied", .queueEditPermission(false)),
    ("accept-interval", "30s", .acceptInterval(.seconds(30))),
    ("accept-interval", "1s", .acceptInterval(.seconds(1))),
    ("accept-interval", "1h", .acceptInterval(.seconds(3600))),
    ("accept-interval", "1m30s", .acceptInterval(.seconds(90))),
    ("accept-interval", "1500ms", .acceptInterval(Interval(milliseconds: 1500))),
    ("accept-interval", "59m60s", .acceptInterval(.seconds(3600))),
    ("missed-offer-status", "working-offline", .missedOfferStatus(.workingOffline)),
    ("missed-offer-status", "on-break", .missedOfferStatus(.onBreak)),
    ("chats-per-agent", "1", .chatsPerAgent(1)),
    ("chats-per-agent", "2", .chatsPerAgent(2)),
    ("chats-per-agent", "3", .chatsPerAgent(3)),
    ("chats-per-agent", "4", .chatsPerAgent(4)),
    ("chats-per-agent", "5", .chatsPerAgent(5)),
    ("chats-per-agent", "6", .chatsPerAgent(6)),
    ("screen-pop", "off", .screenPop(.off)),
    ("screen-pop", "customer-record", .screenPop(.customerRecord)),
    ("screen-pop", "case-record", .screenPop(.caseRecord)),
    ("screen-pop-moment", "offer", .screenPopMoment(.offer)),
    ("screen-pop-moment", "accept", .screenPopMoment(.accept)),
    ("disposition", "off", .disposition(.off)),
    ("disposition", "optional", .disposition(.optional)),
    ("disposition", "required", .disposition(.required)),
    ("chat-log", "automatic", .automaticChatLog(true)),
    ("chat-log", "off", .automaticChatLog(false)),
  ]

  @Test("LOG-1: every key parses each of its good values", arguments: goodValues)
  func parsesGoodValues(key: String, value: String, setting: Setting) throws {
    #expect(try Setting.parse(key: key, value: value) == setting)
    #expect(setting.key.rawValue == key)
    // What a setting prints parses back to the same setting.
    #expect(try Setting.parse(key: setting.key, value: setting.valueText) == setting)
    #expect(setting.description == "\(key) \(setting.valueText)")
  }

  @Test("LOG-1: every value a key lists as a choice parses; the accept interval is a duration")
  func choicesParse() throws {
    for key in Setting.Key.allCases {
      for word in key.choices ?? [] { #expect(try Setting.parse(key: key, value: word).valueText == word) }
    }
    #expect(Setting.Key.acceptInterval.choices == nil)
  }

  @Test("LOG-1: a parsed setting applied to the center changes exactly that setting", arguments: goodValues)
  func appliesParsedValues(key: String, value: String, setting: Setting) throws {
    var harness = Harness()
    let parsed = try Setting.parse(key: key, value: value)
    #expect(harness.run(.set(parsed)) == ["setting \(key) is now \(setting.valueText)"])
    let changed = zip(Settings().all, harness.center.settings.all).filter { $0 != $1 }.map(\.1)
    #expect(changed == (Settings().all.contains(setting) ? [] : [setting]))
    #expect(harness.center.settings.all.contains(setting))
  }

  static let badValues: [(key: String, value: String, message: String)] = [
    ("reject-permission", "yes", #""yes" is not a value of reject-permission; expected granted, denied"#),
    (
      "reject-permission", "Granted",
      #""Granted" is not a value of reject-permission; expected granted, denied"#
    ),
    ("queue-permission", "", #""" is not a value of queue-permission; expected granted, denied"#),
    ("accept-interval", "0s", #""0s" is not a value of accept-interval; expected "# + intervalExpected),
    ("accept-interval", "999ms", #""999ms" is not a value of accept-interval; expected "# + intervalExpected),
    ("accept-interval", "1h1ms", #""1h1ms" is not a value of accept-interval; expected "# + intervalExpected),
    ("accept-interval", "30", #""30" is not a value of accept-interval; expected "# + intervalExpected),
    ("accept-interval", "-30s", #""-30s" is not a value of accept-interval; expected "# + intervalExpected),
    (
      "accept-interval", "half a minute",
      #""half a minute" is not a value of accept-interval; expected "# + intervalExpected
    ),
    (
      "accept-interval", "99999999999999999999s",
      #""99999999999999999999s" is not a value of accept-interval; expected "# + intervalExpected
    ),
    (
      "missed-offer-status", "available",
      #""available" is not a value of missed-offer-status; expected working-offline, on-break"#
    ),
    (
      "missed-offer-status", "On Break",
      #""On Break" is not a value of missed-offer-status; expected working-offline, on-break"#
    ),
    ("chats-per-agent", "0", #""0" is not a value of chats-per-agent; expected 1, 2, 3, 4, 5, 6"#),
    ("chats-per-agent", "7", #""7" is not a value of chats-per-agent; expected 1, 2, 3, 4, 5, 6"#),
    ("chats-per-agent", "06", #""06" is not a value of chats-per-agent; expected 1, 2, 3, 4, 5, 6"#),
    ("chats-per-agent", " 6", #"" 6" is not a value of chats-per-agent; expected 1, 2, 3, 4, 5, 6"#),
    (
      "screen-pop", "case",
      #""case" is not a value of screen-pop; expected off, customer-record, case-record"#
    ),
    ("screen-pop-moment", "never", #""never" is not a value of screen-pop-moment; expected offer, accept"#),
    (
      "disposition", "mandatory",
      #""mandatory" is not a value of disposition; expected off, optional, required"#
    ),
    ("chat-log", "on", #""on" is not a value of chat-log; expected automatic, off"#),
    ("chat-log", "auto\u{1B}[2J", #""auto\u{1B}[2J" is not a value of chat-log; expected automatic, off"#),
  ]

  @Test("LOG-1: a bad value is refused with the values the key accepts", arguments: badValues)
  func refusesBadValues(key: String, value: String, message: String) {
    do {
      let parsed = try Setting.parse(key: key, value: value)
      Issue.record("parsed \(parsed)")
    } catch {
      #expect(error.description == message)
    }
  }

  @Test(
    "LOG-1: an unknown key is refused with the list of keys",
    arguments: ["colour", "", "Chat-Log", "chat_log"])
  func refusesUnknownKeys(key: String) {
    do {
      let parsed = try Setting.parse(key: key, value: "off")
      Issue.record("parsed \(parsed)")
    } catch {
      #expect(
        error.description
          == "there is no setting \"\(key)\"; settings are reject-permission, queue-permission, accept-interval, missed-offer-status, chats-per-agent, screen-pop, screen-pop-moment, disposition, chat-log"
      )
    }
  }
}
