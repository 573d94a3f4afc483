import ClavardTestSupport
import Testing

@testable import ContactCenter

/// `docs/engine.md` lists every refusal. A new kind of refusal does not compile until it has a
/// sample here (the switch has no default), and this test fails until its message is in the
/// document.
@Suite struct RefusalDocumentationTests {
  /// Samples of each kind: one per wording where a kind has several.
  static func samples(of kind: Refusal.Kind) -> [Refusal] {
    let alice: AgentID = "alice"
    let chat = ChatID(1)
    let at = Instant(milliseconds: 30_000)
    switch kind {
    case .invalidName: return [.invalidName(kind: .queue, text: "front desk")]
    case .alreadyDefined: return [.alreadyDefined(kind: .agent, name: "alice")]
    case .unknownQueue: return [.unknownQueue("sales")]
    case .unknownAgent: return [.unknownAgent("zoe")]
    case .unknownCustomer: return [.unknownCustomer("c-404")]
    case .unknownFAQ: return [.unknownFAQ("hours")]
    case .unknownChat: return [.unknownChat(ChatID(9))]
    case .listedTwice: return [.listedTwice(kind: .disposition, name: "resolved")]
    case .accountTaken: return [.accountTaken("A-1", by: "c-100")]
    case .agentCapOutOfRange: return [.agentCapOutOfRange(7)]
    case .emptyText: return [.emptyText(what: .message)]
    case .blankText: return [.blankText(what: .customerName)]
    case .characterTooLong: return [.characterTooLong(what: .message, position: 1, codePoints: 5001)]
    case .invalidEmail: return [.invalidEmail("marie@example")]
    case .invalidIPAddress: return [.invalidIPAddress("203.0.113")]
    case .unknownSetting: return [.unknownSetting("colour", known: Setting.Key.allCases.map(\.rawValue))]
    case .invalidSettingValue:
      return [
        .invalidSettingValue(key: "screen-pop", value: "on", expected: "off, customer-record, case-record")
      ]
    case .clockCannotGoBack: return [.clockCannotGoBack(from: at, to: .start)]
    case .clockPastMaximum: return [.clockPastMaximum(from: at)]
    case .alreadyLoggedIn: return [.alreadyLoggedIn(alice)]
    case .notLoggedIn: return [.notLoggedIn(alice)]
    case .alreadyReady: return [.alreadyReady(alice)]
    case .notReady: return [.notReady(alice)]
    case .alreadyInStatus: return [.alreadyInStatus(alice, .available)]
    case .logoutWhileHolding:
      return [
        .logoutWhileHolding(alice, chats: [], offer: chat),
        .logoutWhileHolding(alice, chats: [ChatID(2)], offer: chat),
        .logoutWhileHolding(alice, chats: [chat], offer: nil),
        .logoutWhileHolding(alice, chats: [chat, ChatID(2)], offer: nil),
      ]
    case .queueNotAssigned: return [.queueNotAssigned(alice, "sales", assigned: ["support"])]
    case .queueChangeNotPermitted: return [.queueChangeNotPermitted(alice)]
    case .queueAlreadySwitched: return [.queueAlreadySwitched(alice, "support", enabled: true)]
    case .nothingToApply: return [.nothingToApply(alice, .assignedQueues), .nothingToApply(alice, .profile)]
    case .notAChatQueue: return [.notAChatQueue("phone", .phone)]
    case .visitorHasOpenChat: return [.visitorHasOpenChat("marie", chat)]
    case .visitorHasNoChat: return [.visitorHasNoChat("marie")]
    case .noPendingOffer: return [.noPendingOffer(alice)]
    case .offerNotForAgent: return [.offerNotForAgent(alice, ChatID(2))]
    case .offerAlreadyResolved:
      return ResolvedOffer.Ending.allCases.map {
        .offerAlreadyResolved(alice, ResolvedOffer(chat: chat, ending: $0, at: at))
      }
    case .rejectNotPermitted: return [.rejectNotPermitted(alice, chat)]
    case .noChats: return [.noChats(alice)]
    case .severalChats: return [.severalChats(alice, [chat, ChatID(2)])]
    case .chatNotHeld: return [.chatNotHeld(alice, ChatID(2))]
    case .chatNotAccepted: return [.chatNotAccepted(chat)]
    case .chatAlreadyEnded: return [.chatAlreadyEnded(chat)]
    case .messageTooLong: return [.messageTooLong(length: 1941)]
    case .draftTooLong: return [.draftTooLong(chat, "hours", length: 1950)]
    case .draftEmpty: return [.draftEmpty(chat)]
    case .noNewCustomerForm: return [.noNewCustomerForm(chat)]
    case .customerAlreadySaved: return [.customerAlreadySaved(chat, "customer-1")]
    case .notInWrapUp: return [.notInWrapUp(chat)]
    case .dispositionsOff: return [.dispositionsOff]
    case .queueHasNoDispositions: return [.queueHasNoDispositions("support")]
    case .unknownDisposition:
      return [.unknownDisposition("sold", queue: "support", codes: ["resolved", "callback"])]
    case .noDispositionSelected: return [.noDispositionSelected(chat)]
    case .dispositionRequired: return [.dispositionRequired(chat, codes: ["resolved", "callback"])]
    case .dispositionNotConfirmed: return [.dispositionNotConfirmed(chat, "resolved")]
    case .chatNotFinished: return [.chatNotFinished(chat)]
    case .noLogs: return [.noLogs(alice)]
    case .severalLogs: return [.severalLogs(alice, [chat, ChatID(2)])]
    case .logAlreadyOpen: return [.logAlreadyOpen(chat)]
    case .noLog: return [.noLog(chat)]
    case .logIsViewOnly: return [.logIsViewOnly(chat)]
    case .logAlreadySaved: return [.logAlreadySaved(chat, "case-1")]
    case .logNeedsCustomer: return [.logNeedsCustomer(chat)]
    }
  }

  @Test("every kind of refusal has samples of its own kind")
  func samplesMatchTheirKind() {
    for kind in Refusal.Kind.allCases {
      let samples = Self.samples(of: kind)
      #expect(!samples.isEmpty && samples.allSatisfy { $0.kind == kind }, "\(kind)")
    }
  }

  @Test("docs/engine.md shows every refusal's message, with its kind")
  func everyRefusalIsDocumented() throws {
    let document = try Repository.read("docs/engine.md")
    // What is missing, as the lines to add (each kind, then its messages).
    var missing: [String] = []
    for kind in Refusal.Kind.allCases {
      let messages = Self.samples(of: kind).map { "`\($0.description)`" }
      if !document.contains("`\(kind.rawValue)`") || !messages.allSatisfy(document.contains) {
        missing.append("- `\(kind.rawValue)`: " + messages.joined(separator: "; "))
      }
    }
    #expect(missing.isEmpty, "docs/engine.md lacks:\n\(missing.joined(separator: "\n"))")
  }

  @Test("kinds of name and text keep the words of the messages")
  func kindWords() {
    #expect(
      NameKind.allCases.map(\.description) == [
        "queue", "agent", "customer record", "case", "FAQ entry", "disposition", "customer",
      ])
    #expect(
      TextKind.allCases.map(\.description) == [
        "a message", "a customer name", "an account number", "a case number", "a case subject",
        "an FAQ answer", "the log text",
      ])
    #expect(
      Refusal.invalidName(kind: .visitor, text: "a b").description
        == "\"a b\" is not a valid customer name: use 1 to 64 letters, digits, '-', '_' or '.', starting with a letter or digit"
    )
  }
}
