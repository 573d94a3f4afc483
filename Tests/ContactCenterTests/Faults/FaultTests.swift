import Testing

@testable import ContactCenter

/// Each fault of the catalogue, shown changing exactly the behaviour it names: the same
/// commands on the reference and on a center with the fault, the telling step side by side.
@Suite struct FaultTests {
  typealias Outcomes = FaultPair.Outcomes

  @Test("seventh-chat: an agent holding six chats is offered a seventh, and cannot accept it")
  func seventhChat() {
    var pair = FaultPair(.seventhChat)
    pair.defineSupport(agents: ["alice"])
    pair.makeAvailable("alice")
    for number in 1...6 {
      pair.open(VisitorID("v\(number)"))
      pair.same(.agent("alice", .accept(nil)))
    }
    #expect(
      pair.open("v7")
        == Outcomes(
          reference: ["chat-7 queued in support for v7"],
          faulty: ["chat-7 queued in support for v7", "chat-7 offered to alice (accept within 30s)"]))
    #expect(pair.faulty.agent("alice")?.pendingOffer == ChatID(7))
    #expect(pair.agent("alice", .accept(ChatID(7))).faulty == ["! alice has no offer for chat-7"])
  }

  @Test("reject-without-permission: a reject is carried out though the permission is denied")
  func rejectWithoutPermission() {
    var pair = FaultPair(.rejectWithoutPermission)
    pair.defineSupport(agents: ["alice"])
    pair.makeAvailable("alice")
    pair.open("marie")
    #expect(
      pair.agent("alice", .reject(nil))
        == Outcomes(
          reference: [
            "! alice cannot reject chat-1: the administrator has not granted the reject permission"
          ],
          faulty: [
            "chat-1 rejected by alice", "alice is now Working Offline", "chat-1 back at the head of support",
          ]))
  }

  @Test("missed-chat-dropped: an expired offer loses the chat instead of offering it to the next agent")
  func missedChatDropped() {
    var pair = FaultPair(.missedChatDropped)
    pair.defineSupport(agents: ["alice", "bob"])
    pair.makeAvailable("alice")
    pair.makeAvailable("bob")
    pair.open("marie")
    #expect(
      pair.clock(milliseconds: 30_000)
        == Outcomes(
          reference: [
            "chat-1 offer to alice expired", "alice is now Working Offline",
            "chat-1 back at the head of support",
            "chat-1 offered to bob (accept within 30s)",
          ],
          faulty: ["chat-1 offer to alice expired", "alice is now Working Offline"]))
    #expect(pair.run(.customer("marie", .leave)).faulty == ["! marie has no open chat"])
  }

  @Test("missed-chat-at-back: a rejected chat goes behind newer chats")
  func missedChatAtBack() {
    var pair = FaultPair(.missedChatAtBack) { $0.rejectPermission = true }
    pair.defineSupport(agents: ["alice"])
    pair.makeAvailable("alice")
    pair.open("v1")
    pair.open("v2")
    #expect(
      pair.agent("alice", .reject(nil))
        == Outcomes(
          reference: [
            "chat-1 rejected by alice", "alice is now Working Offline", "chat-1 back at the head of support",
          ],
          faulty: [
            "chat-1 rejected by alice", "alice is now Working Offline",
            "chat-1 back in support at position 2",
          ]))
    #expect(pair.reference.waitingChats(in: "support") == [ChatID(1), ChatID(2)])
    #expect(pair.faulty.waitingChats(in: "support") == [ChatID(2), ChatID(1)])
  }

  @Test("tie-break-by-name: of two agents who waited equally long, the first by name gets the chat")
  func tieBreakByName() {
    var pair = FaultPair(.tieBreakByName)
    pair.defineSupport(agents: ["alice", "bob"])
    pair.makeAvailable("bob")
    pair.clock(milliseconds: 1000)
    pair.makeAvailable("alice")
    pair.same(.customer("v1", .open("support", Self.request("v1"))))
    pair.same(.customer("v2", .open("support", Self.request("v2"))))
    // Both accept at the same instant: their waits start again together (DEC-1), and bob has
    // been Available longer.
    pair.same(.agent("bob", .accept(nil)))
    pair.same(.agent("alice", .accept(nil)))
    #expect(
      pair.open("v3")
        == Outcomes(
          reference: ["chat-3 queued in support for v3", "chat-3 offered to bob (accept within 30s)"],
          faulty: ["chat-3 queued in support for v3", "chat-3 offered to alice (accept within 30s)"]))
  }

  @Test("accept-at-expiry: at the deadline itself the offer has not expired and the accept goes through")
  func acceptAtExpiry() {
    var pair = FaultPair(.acceptAtExpiry)
    pair.defineSupport(agents: ["alice"])
    pair.makeAvailable("alice")
    pair.open("marie")
    #expect(
      pair.clock(milliseconds: 30_000)
        == Outcomes(
          reference: [
            "chat-1 offer to alice expired", "alice is now Working Offline",
            "chat-1 back at the head of support",
          ],
          faulty: []))
    #expect(
      pair.agent("alice", .accept(nil))
        == Outcomes(
          reference: ["! the offer of chat-1 to alice expired at 00:00:30"],
          faulty: ["chat-1 accepted by alice"]))
  }

  @Test("lowered-cap-ignored: an offer to an agent now at the lowered limit stays pending")
  func loweredCapIgnored() {
    var pair = FaultPair(.loweredCapIgnored)
    pair.defineSupport(agents: ["alice"])
    pair.makeAvailable("alice")
    for visitor: VisitorID in ["v1", "v2"] {
      pair.open(visitor)
      pair.same(.agent("alice", .accept(nil)))
    }
    pair.open("v3")
    #expect(
      pair.run(.set(.chatsPerAgent(2)))
        == Outcomes(
          reference: [
            "setting chats-per-agent is now 2",
            "chat-3 offer to alice withdrawn: chats per agent lowered to 2",
            "chat-3 back at the head of support",
          ],
          faulty: ["setting chats-per-agent is now 2"]))
    #expect(pair.agent("alice", .accept(nil)).faulty == ["chat-3 accepted by alice"])
  }

  @Test("offer-kept-on-break: going On Break leaves the offer pending, and it can still be accepted")
  func offerKeptOnBreak() {
    var pair = FaultPair(.offerKeptOnBreak)
    pair.defineSupport(agents: ["alice"])
    pair.makeAvailable("alice")
    pair.open("marie")
    #expect(
      pair.agent("alice", .setStatus(.onBreak))
        == Outcomes(
          reference: [
            "alice is now On Break", "chat-1 offer to alice withdrawn: alice went On Break",
            "chat-1 back at the head of support",
          ],
          faulty: ["alice is now On Break"]))
    #expect(pair.agent("alice", .accept(nil)).faulty == ["chat-1 accepted by alice"])
  }
}

extension FaultTests {
  static func request(_ visitor: VisitorID) -> ChatRequest {
    ChatRequest(
      name: "Visitor \(visitor)", email: "\(visitor)@example.com", ipAddress: "203.0.113.7", account: nil,
      caseNumber: nil)
  }

  /// alice Available and holding marie's chat (chat-1).
  static func chatting(_ fault: Fault, _ configure: (inout Settings) -> Void = { _ in }) -> FaultPair {
    var pair = FaultPair(fault, configure)
    pair.defineSupport(agents: ["alice"])
    pair.makeAvailable("alice")
    pair.same(.customer("marie", .open("support", request("marie"))))
    pair.same(.agent("alice", .accept(nil)))
    return pair
  }
}
