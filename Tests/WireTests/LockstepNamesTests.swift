import ClavardTestSupport
import Conformance
import Testing

@testable import Wire

/// A system that names the customers it creates (`customer-created`) and the cases it saves
/// (`log-saved`) its own way: the harness learns each name from the creating event and writes
/// it in every later request, and reads it back as the reference's in every reply.
@Suite struct LockstepNamesTests {
  /// alice, available in queue support, accepts paul's chat and saves his new-customer form
  /// as customer-1.
  static let newCustomer =
    SampleScripts.aliceAvailable + """
      paul> open support name=Paul email=paul@example.com ip=192.0.2.1
      alice> accept
      alice> customer save name="Paul Martin" email=paul@example.com

      """

  /// The new-customer form saved as customer-1, then the chat's log saved for that customer as
  /// case-1 (a draft first), with questions about both.
  static let script =
    newCustomer + """
      expect customer customer-1 name "Paul Martin" email paul@example.com
      paul> leave
      alice> finish
      alice> log open
      alice> log edit "Called back"
      alice> log customer customer-1
      alice> log draft
      expect case case-1 customer customer-1 state draft
      alice> log save
      expect case case-1 customer customer-1 state closed
      expect chat-1 log saved
      """

  /// A system whose customer-N is person-N and case-N is file-N on the wire. The reference's
  /// own names reach it as unknown ones: a request the harness did not translate is refused.
  static func ownNames() -> RewritingTransport {
    RewritingTransport(
      rewrite: {
        $0.replacing(#""customer":"customer-"#, with: #""customer":"person-"#)
          .replacing(#""case":"case-"#, with: #""case":"file-"#)
      },
      request: {
        $0.replacing(#""customer":"customer-"#, with: #""customer":"nobody-"#)
          .replacing(#""case":"case-"#, with: #""case":"nothing-"#)
          .replacing(#""customer":"person-"#, with: #""customer":"customer-"#)
          .replacing(#""case":"file-"#, with: #""case":"case-"#)
      })
  }

  @Test("customers and cases named its own way agree, one at a time and in a batch")
  func customersAndCases() throws {
    let oneAtATime = Self.ownNames()
    #expect(try Mirroring.oneAtATime(Self.script, on: try Lockstep(transport: oneAtATime)) == [])
    let batched = Self.ownNames()
    #expect(try Mirroring.batched(Self.script, on: try Lockstep(transport: batched)) == nil)
    for transport in [oneAtATime, batched] {
      // The system's names went out: the questions, and the log saved for the customer.
      let requests = transport.requests
      #expect(requests.contains { $0.contains(#""question":"customer","customer":"person-1""#) })
      #expect(
        requests.contains { $0.contains(#""command":"log customer","agent":"alice","customer":"person-1""#) })
      #expect(requests.filter { $0.contains(#""question":"case","case":"file-1""#) }.count == 2)
      #expect(!requests.contains { $0.contains("customer-1") || $0.contains("case-1") })
    }
  }

  @Test("a system that gives two customers one name: read as the first, a divergence at the second")
  func oneNameForTwo() throws {
    let script =
      Self.newCustomer + """
        lea> open support name=Lea email=lea@example.com ip=192.0.2.2
        alice> accept chat-2
        alice> customer save chat-2 name="Léa Roy" email=lea@example.com
        """
    let system = {
      RewritingTransport(
        rewrite: {
          $0.replacing(#""customer":"customer-1""#, with: #""customer":"person""#)
            .replacing(#""customer":"customer-2""#, with: #""customer":"person""#)
        }, request: { $0.replacing(#""customer":"person""#, with: #""customer":"customer-1""#) })
    }
    let expected = Mirroring.Found(
      12,
      Divergence(
        message: "the events differ from the reference's (-reference +clavard-reference)",
        diff: [
          "- customer customer-2 created from chat-2: \"Léa Roy\" <lea@example.com>",
          "+ customer customer-1 created from chat-2: \"Léa Roy\" <lea@example.com>",
        ]))
    #expect(try Mirroring.oneAtATime(script, on: try Lockstep(transport: system())) == [expected])
    #expect(try Mirroring.batched(script, on: try Lockstep(transport: system())) == expected)
  }
}
