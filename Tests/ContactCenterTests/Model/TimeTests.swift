import Testing

@testable import ContactCenter

/// DEC-5: the virtual clock's types, `Instant` (`hh:mm:ss[.mmm]`) and `Interval` (`1m30s`).
@Suite struct TimeTests {
  // MARK: Instant

  @Test(
    "DEC-5: Instant parses hh:mm:ss and hh:mm:ss.mmm",
    arguments: [
      ("00:00:00", Int64(0)),
      ("00:01:30", 90_000),
      ("007:00:00", 25_200_000),
      ("00:00:01.500", 1500),
      ("01:00:00.5", 3_600_500),
      ("00:00:00.05", 50),
      ("00:00:00.005", 5),
      ("123:00:00", 442_800_000),
      ("999999:59:59.999", 3_599_999_999_999),
    ])
  func instantParses(text: String, milliseconds: Int64) {
    #expect(Instant(parsing: text) == Instant(milliseconds: milliseconds))
  }

  @Test(
    "DEC-5: Instant refuses malformed and overflowing text",
    arguments: [
      "", "00:00", "00:00:00:00", ":00:00", "00::00", "00:60:00", "00:00:60", "00:1:00", "00:001:00",
      "00:00:1", "00:00:001", "00:00:00.", "00:00:00.1234", "00:00:00.5.5", "00:00:00.-5", "-1:00:00",
      "+1:00:00", "00:-1:00", " 00:00:00", "00:00:00 ", "1000000:00:00", "9999999999999999999:00:00",
      "0x1:00:00", "1:02:03", "٠٠:٠٠:٠٠", "00:00:0５", "00h00m00s", "00.00.00",
    ])
  func instantRefusesMalformed(text: String) {
    #expect(Instant(parsing: text) == nil)
  }

  @Test(
    "DEC-5: Instant renders hh:mm:ss, with .mmm only when the milliseconds are not zero",
    arguments: [
      (Int64(0), "00:00:00"),
      (90_000, "00:01:30"),
      (1500, "00:00:01.500"),
      (50, "00:00:00.050"),
      (5, "00:00:00.005"),
      (3_600_500, "01:00:00.500"),
      (36_000_000, "10:00:00"),
      (360_000_000, "100:00:00"),
      (3_599_999_999_999, "999999:59:59.999"),
      (Int64.max, "2562047788015:12:55.807"),
    ])
  func instantDescription(milliseconds: Int64, text: String) {
    let instant = Instant(milliseconds: milliseconds)
    #expect(instant.description == text)
    if milliseconds < 3_600_000_000_000 {
      #expect(Instant(parsing: text) == instant)
    }
  }

  @Test("DEC-5: Instant arithmetic saturates instead of trapping")
  func instantArithmetic() {
    #expect(Instant.start == Instant(milliseconds: 0))
    #expect(Instant.start + .seconds(30) == Instant(milliseconds: 30_000))
    #expect(Instant(milliseconds: 90_000) - Instant(milliseconds: 30_000) == .seconds(60))
    #expect(Instant(milliseconds: 30_000) - Instant(milliseconds: 90_000) == .seconds(-60))
    #expect(
      Instant(milliseconds: Int64.max - 5) + Interval(milliseconds: 10) == Instant(milliseconds: Int64.max))
    #expect(Instant(milliseconds: Int64.max) + .seconds(1) == Instant(milliseconds: Int64.max))
    #expect(Instant(milliseconds: 1) < Instant(milliseconds: 2))
  }

  // MARK: Interval

  @Test(
    "DEC-5: Interval parses a sum of whole numbers with units h, m, s, ms",
    arguments: [
      ("30s", Int64(30_000)),
      ("1m30s", 90_000),
      ("2h", 7_200_000),
      ("250ms", 250),
      ("1h1m1s1ms", 3_661_001),
      ("0s", 0),
      ("0ms", 0),
      ("90s", 90_000),
      ("1s500ms", 1500),
      ("007s", 7000),
      ("9223372036854775807ms", Int64.max),
      ("2562047788015h12m55s807ms", Int64.max),
    ])
  func intervalParses(text: String, milliseconds: Int64) {
    #expect(Interval(parsing: text) == Interval(milliseconds: milliseconds))
  }

  @Test(
    "DEC-5: Interval refuses malformed and overflowing text",
    arguments: [
      "", "30", "s", "ms", "h30s", "1x", "1.5s", "-1s", "+1s", " 30s", "30s ", "30 s", "1hh", "1m30",
      "1mss", "1S", "1M", "1H", "٣s", "３s", "1m-30s",
      "9223372036854775808ms",  // the number overflows
      "2562047788016h",  // the number times its unit overflows
      "9223372036854775807ms1ms",  // the sum overflows
      "99999999999999999999s",
    ])
  func intervalRefusesMalformed(text: String) {
    #expect(Interval(parsing: text) == nil)
  }

  @Test(
    "DEC-5: Interval renders units largest first, 0s for zero",
    arguments: [
      (Int64(0), "0s"),
      (250, "250ms"),
      (1000, "1s"),
      (90_000, "1m30s"),
      (7_200_000, "2h"),
      (3_661_001, "1h1m1s1ms"),
      (3_600_500, "1h500ms"),
      (90_000_000, "25h"),
      (Int64.max, "2562047788015h12m55s807ms"),
    ])
  func intervalDescription(milliseconds: Int64, text: String) {
    let interval = Interval(milliseconds: milliseconds)
    #expect(interval.description == text)
    #expect(Interval(parsing: text) == interval)
  }

  @Test("DEC-5: negative intervals render with a sign and never trap")
  func negativeIntervalDescription() {
    #expect(Interval(milliseconds: -1500).description == "-1s500ms")
    #expect(Interval.seconds(-60).description == "-1m")
    // Int64.min has no positive counterpart: it is shown as -Int64.max.
    #expect(Interval(milliseconds: Int64.min).description == "-2562047788015h12m55s807ms")
  }

  @Test("DEC-5: Interval helpers and order")
  func intervalHelpers() {
    #expect(Interval.seconds(90) == Interval(milliseconds: 90_000))
    #expect(Interval.zero == Interval(milliseconds: 0))
    #expect(Interval(milliseconds: 999) < .seconds(1))
  }
}
