import Conformance
import ContactCenter
import Testing
import Wire

@Suite struct InProcessTransportTests {
  @Test("A faulty server in memory is a system under test: its name says which fault it makes")
  func handshake() throws {
    let lockstep = try Lockstep(transport: InProcessTransport(faults: [.seventhChat]))
    #expect(lockstep.name == "clavard-reference (fault seventh-chat)")
    #expect(try Lockstep(transport: InProcessTransport()).name == "clavard-reference")
  }
}
