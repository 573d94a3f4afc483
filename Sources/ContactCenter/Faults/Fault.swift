/// A deliberate mistake the engine can be told to make, so that the harness can be shown to
/// catch it: `clavard serve --fault NAME` is a system under test that gets one thing wrong,
/// and the conformance suite and `clavard explore` must both notice.
///
/// Each fault is a way peer systems have failed (`peer-failures.md`) or a rule of the procedure
/// got wrong in a plausible way. The catalogue is this one table: names, descriptions and the
/// requirement each one breaks; `clavard serve --list-faults` prints it.
///
/// A fault lives in the engine behind a ``FaultSet`` that is empty in every normal use: each
/// check sits on a path that is rare (a refusal, a missed offer, a setting) or costs one test of
/// a bit, so that the engine with no fault behaves and performs as before.
public enum Fault: String, CaseIterable, Hashable, Sendable, CustomStringConvertible {
  case seventhChat = "seventh-chat"
  case rejectWithoutPermission = "reject-without-permission"
  case missedChatDropped = "missed-chat-dropped"
  case missedChatAtBack = "missed-chat-at-back"
  case tieBreakByName = "tie-break-by-name"
  case acceptAtExpiry = "accept-at-expiry"
  case loweredCapIgnored = "lowered-cap-ignored"
  case offerKeptOnBreak = "offer-kept-on-break"
  case typingNotCleared = "typing-not-cleared"
  case longMessageCut = "long-message-cut"
  case newCustomerLogAssociated = "new-customer-log-associated"
  case dispositionNotRequired = "disposition-not-required"
  case queueSwitchBeforeConfirm = "queue-switch-before-confirm"
  case logoutWhileHolding = "logout-while-holding"
  case waitingChatStuck = "waiting-chat-stuck"
  case idleSinceFinish = "idle-since-finish"

  /// What goes wrong, in one line.
  public var summary: String {
    switch self {
    case .seventhChat:
      "the chat limit is checked one chat late: an agent holding six chats is offered a seventh"
    case .rejectWithoutPermission: "a reject is carried out without the reject permission"
    case .missedChatDropped:
      "a rejected or expired chat is dropped instead of going back to its queue"
    case .missedChatAtBack:
      "a chat taken back from an agent goes to the back of its queue instead of the head"
    case .tieBreakByName:
      "agents who waited equally long are chosen by name, not by who became Available first"
    case .acceptAtExpiry:
      "an offer expires only after its deadline: an accept at the exact instant is carried out"
    case .loweredCapIgnored:
      "lowering the chat limit neither withdraws offers nor stops offers to agents at the new limit"
    case .offerKeptOnBreak:
      "an agent who leaves Available keeps its pending offer, which it can still accept"
    case .typingNotCleared: "sending a message leaves the sender's typing indicator on"
    case .longMessageCut: "a message of more than 1940 characters is cut to 1940 and sent"
    case .newCustomerLogAssociated:
      "a new customer's chat log is saved at once for the customer created from the form"
    case .dispositionNotRequired: "Finish is carried out without the disposition the settings require"
    case .queueSwitchBeforeConfirm:
      "a switch in My assigned queues is applied at once, before Confirm selections"
    case .logoutWhileHolding: "an agent holding chats (and no offer) can log out"
    case .waitingChatStuck:
      "Finish does not offer a waiting chat to the agent it frees; the chat waits for another change"
    case .idleSinceFinish:
      "an agent's wait starts again when it finishes a chat instead of when it accepts one"
    }
  }

  /// The requirement ids (`fixtures/procedure/requirements.tsv`) the fault breaks.
  public var requirements: [String] {
    switch self {
    case .seventhChat: ["CAP-1"]
    case .rejectWithoutPermission: ["CAP-3"]
    case .missedChatDropped, .missedChatAtBack, .acceptAtExpiry: ["CHAT-4"]
    case .tieBreakByName, .idleSinceFinish: ["DEC-1"]
    case .loweredCapIgnored: ["CAP-1"]
    case .offerKeptOnBreak, .logoutWhileHolding: ["DEC-4"]
    case .typingNotCleared: ["MSG-2"]
    case .longMessageCut: ["MSG-4"]
    case .newCustomerLogAssociated: ["LOG-3"]
    case .dispositionNotRequired: ["END-2"]
    case .queueSwitchBeforeConfirm: ["SES-4"]
    case .waitingChatStuck: ["CAP-4", "CHAT-1"]
    }
  }

  public var description: String { rawValue }

  /// The fault's bit in a ``FaultSet``.
  var bit: UInt32 {
    switch self {
    case .seventhChat: 1 << 0
    case .rejectWithoutPermission: 1 << 1
    case .missedChatDropped: 1 << 2
    case .missedChatAtBack: 1 << 3
    case .tieBreakByName: 1 << 4
    case .acceptAtExpiry: 1 << 5
    case .loweredCapIgnored: 1 << 6
    case .offerKeptOnBreak: 1 << 7
    case .typingNotCleared: 1 << 8
    case .longMessageCut: 1 << 9
    case .newCustomerLogAssociated: 1 << 10
    case .dispositionNotRequired: 1 << 11
    case .queueSwitchBeforeConfirm: 1 << 12
    case .logoutWhileHolding: 1 << 13
    case .waitingChatStuck: 1 << 14
    case .idleSinceFinish: 1 << 15
    }
  }
}

/// The faults an engine makes: a bit each, so that asking costs one test of a word (a `Set`
/// would hash on paths that run for every chat).
///
/// ```swift
/// let faults: FaultSet = [.seventhChat]
/// faults.contains(.seventhChat)  // true
/// ```
public struct FaultSet: Hashable, Sendable, ExpressibleByArrayLiteral, CustomStringConvertible {
  private var bits: UInt32 = 0

  public init() {}

  public init(_ faults: some Sequence<Fault>) {
    for fault in faults { bits |= fault.bit }
  }

  public init(arrayLiteral faults: Fault...) { self.init(faults) }

  @inline(__always)
  public func contains(_ fault: Fault) -> Bool { bits & fault.bit != 0 }

  public var isEmpty: Bool { bits == 0 }

  /// The faults, in the catalogue's order.
  public var faults: [Fault] { Fault.allCases.filter(contains) }

  /// `none`, or the names separated by commas.
  public var description: String {
    isEmpty ? "none" : faults.map(\.rawValue).joined(separator: ",")
  }
}
