extension Refusal: CustomStringConvertible {
  /// The message, with any control character a name was typed with shown escaped: names that
  /// are not defined were never validated, and the message is printed and written to scripts.
  public var description: String { Escaping.controlsEscaped(message) }

  private var message: String {
    switch self {
    case .invalidName(let kind, let text):
      return
        "\(Escaping.quoted(text)) is not a valid \(kind) name: use 1 to 64 letters, digits, '-', '_' or '.', starting with a letter or digit"
    case .alreadyDefined(let kind, let name): return "\(kind) \(name) is already defined"
    case .unknownQueue(let queue): return "queue \(queue) is not defined"
    case .unknownAgent(let agent): return "no agent named \(agent) is defined"
    case .unknownCustomer(let customer): return "customer record \(customer) is not defined"
    case .unknownFAQ(let faq): return "there is no FAQ entry named \(faq)"
    case .unknownChat(let chat): return "\(chat) does not exist"
    case .listedTwice(let kind, let name): return "\(kind) \(name) is listed twice"
    case .accountTaken(let account, let customer):
      return "account \(Escaping.quoted(account)) already belongs to customer \(customer)"
    case .agentCapOutOfRange(let cap):
      return "an agent's chat limit must be from 1 to \(Settings.maximumChatsPerAgent), not \(cap)"
    case .emptyText(let what): return "\(what) cannot be empty"
    case .blankText(let what): return "\(what) cannot be only spaces or invisible characters"
    case .characterTooLong(let what, let position, let codePoints):
      return
        "\(what) cannot hold a character of more than \(Validation.maximumCodePointsPerCharacter) code points (a letter and \(Validation.maximumCodePointsPerCharacter - 1) marks or modifiers); character \(position) has \(codePoints)"
    case .invalidEmail(let text): return "\(Escaping.quoted(text)) is not a well-formed e-mail address"
    case .invalidIPAddress(let text): return "\(Escaping.quoted(text)) is not a valid IPv4 or IPv6 address"
    case .unknownSetting(let key, let known):
      return "there is no setting \(Escaping.quoted(key)); settings are \(known.joined(separator: ", "))"
    case .invalidSettingValue(let key, let value, let expected):
      return "\(Escaping.quoted(value)) is not a value of \(key); expected \(expected)"
    case .clockCannotGoBack(let from, let to):
      return "the clock cannot go back from \(from) to \(to)"
    case .clockPastMaximum(let from):
      return "the clock cannot go past its maximum, \(Instant.maximum); it is at \(from)"

    case .alreadyLoggedIn(let agent): return "\(agent) is already logged in"
    case .notLoggedIn(let agent): return "\(agent) is not logged in"
    case .alreadyReady(let agent): return "\(agent) has already clicked Ready to Work"
    case .notReady(let agent):
      return "\(agent) has not clicked Ready to Work yet, so has no status and receives no chats"
    case .alreadyInStatus(let agent, let status): return "\(agent) is already \(status)"
    case .logoutWhileHolding(let agent, let chats, let offer):
      let held = chats.map(\.description).joined(separator: ", ")
      switch (chats.count, offer) {
      case (0, let offer?):
        return
          "\(agent) cannot log out while \(offer) is offered to \(agent); accept it, reject it, go On Break or let it expire first"
      case (_, let offer?):
        return
          "\(agent) cannot log out while holding \(held) and with \(offer) offered; finish the chats and answer the offer first"
      case (1, nil):
        return "\(agent) cannot log out while holding \(held); finish it first"
      default:
        return "\(agent) cannot log out while holding \(held); finish them first"
      }

    case .queueNotAssigned(let agent, let queue, let assigned):
      let list = assigned.isEmpty ? "none" : assigned.map(\.description).joined(separator: ", ")
      return "\(queue) is not one of \(agent)'s assigned queues (\(list))"
    case .queueChangeNotPermitted(let agent):
      return "\(agent) may not change queue settings: the tenant administrator has not allowed it"
    case .queueAlreadySwitched(let agent, let queue, let enabled):
      return "\(queue) is already switched \(enabled ? "on" : "off") for \(agent)"
    case .nothingToApply(let agent, let path):
      return "\(agent) has no queue switches to apply with \(path.applyButton)"
    case .notAChatQueue(let queue, let media):
      return "\(queue) is an \(media.displayName) queue; chats arrive only in chat queues"

    case .visitorHasOpenChat(let visitor, let chat): return "\(visitor) already has \(chat) open"
    case .visitorHasNoChat(let visitor): return "\(visitor) has no open chat"
    case .noPendingOffer(let agent): return "\(agent) has no pending offer"
    case .offerNotForAgent(let agent, let chat): return "\(agent) has no offer for \(chat)"
    case .offerAlreadyResolved(let agent, let resolved):
      switch resolved.ending {
      case .expired:
        return "the offer of \(resolved.chat) to \(agent) expired at \(resolved.at)"
      case .rejected:
        return "\(agent) already rejected \(resolved.chat) at \(resolved.at)"
      case .withdrawn:
        return "the offer of \(resolved.chat) to \(agent) was withdrawn at \(resolved.at)"
      }
    case .rejectNotPermitted(let agent, let chat):
      return "\(agent) cannot reject \(chat): the administrator has not granted the reject permission"

    case .noChats(let agent): return "\(agent) has no chat"
    case .severalChats(let agent, let chats):
      return "\(agent) holds several chats (\(chats.map(\.description).joined(separator: ", "))): name one"
    case .chatNotHeld(let agent, let chat): return "\(agent) does not hold \(chat)"
    case .chatNotAccepted(let chat): return "\(chat) has not been accepted by an agent yet"
    case .chatAlreadyEnded(let chat): return "\(chat) has already ended"
    case .messageTooLong(let length):
      return
        "a message holds at most \(Validation.messageCapacity) characters; this one has \(length) and was not sent"
    case .draftTooLong(let chat, let faq, let length):
      return
        "inserting faq \(faq) would make the draft of \(chat) \(length) characters; the chat window holds \(Validation.messageCapacity)"
    case .draftEmpty(let chat): return "the draft of \(chat) is empty; there is nothing to send"
    case .noNewCustomerForm(let chat): return "\(chat) shows no new customer form"
    case .customerAlreadySaved(let chat, let customer):
      return "the new customer of \(chat) is already saved as \(customer)"

    case .notInWrapUp(let chat): return "\(chat) is not in wrap-up; end it first"
    case .dispositionsOff: return "dispositions are turned off for this tenant"
    case .queueHasNoDispositions(let queue): return "queue \(queue) has no disposition codes"
    case .unknownDisposition(let code, let queue, let codes):
      return
        "\(code) is not a disposition of \(queue); choose one of \(codes.map(\.description).joined(separator: ", "))"
    case .noDispositionSelected(let chat): return "no disposition is selected for \(chat); choose one first"
    case .dispositionRequired(let chat, let codes):
      return
        "\(chat) needs a disposition before Finish: choose one of \(codes.map(\.description).joined(separator: ", ")), then Continue"
    case .dispositionNotConfirmed(let chat, let code):
      return "the disposition \(code) of \(chat) is selected but not confirmed; click Continue first"

    case .chatNotFinished(let chat): return "\(chat) is not finished; its log opens after Finish"
    case .noLogs(let agent): return "\(agent) has no open chat log"
    case .severalLogs(let agent, let chats):
      return
        "\(agent) has several chat logs open (\(chats.map(\.description).joined(separator: ", "))): name one"
    case .logAlreadyOpen(let chat): return "the log of \(chat) is already open"
    case .noLog(let chat): return "\(chat) has no chat log; open it first"
    case .logIsViewOnly(let chat):
      return "the log of \(chat) is in view mode and already saved with its customer; it cannot be edited"
    case .logAlreadySaved(let chat, let caseID):
      return "the log of \(chat) is already saved as case \(caseID)"
    case .logNeedsCustomer(let chat):
      return "the log of \(chat) cannot be saved until a customer is selected from the list"
    }
  }
}
