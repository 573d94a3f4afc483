import Testing

@testable import ContactCenter

/// The pure checks behind MSG-4 (perceived length), CAP-5 (IP addresses) and POP-4 (e-mail).
@Suite struct ValidationTests {
  // MARK: MSG-4: perceived length

  @Test("MSG-4: the chat window holds 1940 characters")
  func capacity() {
    #expect(Validation.messageCapacity == 1940)
  }

  @Test(
    "MSG-4: one user-perceived character counts once, however it is encoded",
    arguments: [
      ("a", 1),
      ("\u{E9}", 1),
      ("e\u{301}", 1),
      ("e\u{301}\u{327}", 1),
      ("👍", 1),
      ("👍🏽", 1),
      ("👨‍👩‍👧‍👦", 1),
      ("👩🏽‍💻", 1),
      ("🇫🇷", 1),
      ("🏳️‍🌈", 1),
      ("한", 1),
      ("\u{1100}\u{1161}\u{11A8}", 1),
      ("\r\n", 1),
      ("", 0),
      ("Bonjour", 7),
      ("Ça va ?", 7),
      ("ça va ? 👍🏽", 9),
      ("🇫🇷🇨🇦", 2),
      ("👨‍👩‍👧‍👦👨‍👩‍👧‍👦", 2),
      ("e\u{301}e\u{301}", 2),
    ])
  func perceivedLength(text: String, length: Int) {
    #expect(Validation.perceivedLength(text) == length)
  }

  @Test("MSG-4: composed and decomposed texts have the same length")
  func composedAndDecomposed() {
    let composed = String(repeating: "\u{E9}", count: 1940)
    let decomposed = String(repeating: "e\u{301}", count: 1940)
    #expect(composed.unicodeScalars.count == 1940)
    #expect(decomposed.unicodeScalars.count == 3880)
    #expect(Validation.perceivedLength(composed) == 1940)
    #expect(Validation.perceivedLength(decomposed) == 1940)
  }

  // MARK: CAP-5: IP addresses

  @Test(
    "CAP-5: IPv4 and IPv6 addresses in their textual forms are valid",
    arguments: [
      "0.0.0.0", "255.255.255.255", "192.0.2.1", "10.0.0.254", "::", "::1", "1::", "2001:db8::1",
      "2001:DB8::AbCd", "2001:db8:0:0:0:0:2:1", "1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7::", "::2:3:4:5:6:7:8",
      "fe80::1:2:3:4", "::ffff:192.0.2.1", "::192.0.2.1", "1:2:3:4:5:6:192.0.2.1", "1::5:6:192.0.2.1",
    ])
  func validAddresses(address: String) {
    #expect(Validation.isValidIPAddress(address))
  }

  @Test(
    "CAP-5: malformed addresses are invalid",
    arguments: [
      "", "1", "1.2.3", "1.2.3.4.5", "256.0.0.0", "1.2.3.999", "01.2.3.4", "1.2.3.00", "1.2.3.", ".1.2.3",
      "1.2.3.4 ", " 1.2.3.4", "1.2.3.4\n", "a.b.c.d", "1.2.3.٤", "1,2,3,4", ":", ":::", "::1::", "1::2::3",
      "1:2:3:4:5:6:7", "1:2:3:4:5:6:7:8:9", "::1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7:8::", "12345::", "g::",
      ":1:2:3:4:5:6:7", "1:2:3:4:5:6:7:", ":1::", "1::2:", "fe80::1%eth0", "[::1]", "::ffff:1.2.3",
      "::ffff:256.1.1.1", "1.2.3.4::", "1:2:3:4:5:6:7:1.2.3.4", "::1.2.3.4:5", "２００１::1",
    ])
  func invalidAddresses(address: String) {
    #expect(!Validation.isValidIPAddress(address))
  }

  // MARK: POP-4 and CAP-5: e-mail addresses

  @Test(
    "POP-4: well-formed e-mail addresses",
    arguments: [
      "marie@example.com", "MARIE@EXAMPLE.COM", "marie.tremblay@example.co.uk", "m+chat@example.com",
      "o'brien@example.ie", "x@a-b.io", "a@b.c", "1@2.fr", "!#$%&'*+/=?^_`{|}~-@example.com",
      String(repeating: "l", count: 64) + "@example.com", "m@" + String(repeating: "d", count: 63) + ".com",
    ])
  func wellFormedEmails(email: String) {
    #expect(Validation.isWellFormedEmail(email))
  }

  @Test(
    "POP-4: malformed e-mail addresses",
    arguments: [
      "", "marie", "marie@", "@example.com", "marie@example", "marie@@example.com", "ma@rie@example.com",
      "ma rie@example.com", "\"marie\"@example.com", ".marie@example.com", "marie.@example.com",
      "ma..rie@example.com", "marie@.example.com", "marie@example.com.", "marie@example..com",
      "marie@-example.com", "marie@example-.com", "marie@exa_mple.com", "marie@1.2.3.4", "marie@example.123",
      "mariè@example.com", "marie@exämple.com", "marie@example.com\n", " marie@example.com",
      String(repeating: "l", count: 65) + "@example.com", "m@" + String(repeating: "d", count: 64) + ".com",
      "m@" + String(repeating: "abcdefghi.", count: 25) + "com",
    ])
  func malformedEmails(email: String) {
    #expect(!Validation.isWellFormedEmail(email))
  }
}
