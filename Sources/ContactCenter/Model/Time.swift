/// A moment on the engine's virtual clock, counted in milliseconds from the start of a session.
///
/// The engine never reads a wall clock (DEC-5): every rule that depends on time reads
/// ``Center/now``, which moves only when a caller advances it. A run is therefore
/// deterministic and never sleeps.
///
/// Rendered as `hh:mm:ss`, with `.mmm` only when the milliseconds are not zero:
/// ```swift
/// Instant(milliseconds: 90_000).description  // "00:01:30"
/// ```
public struct Instant: Hashable, Comparable, Sendable, CustomStringConvertible {
  public var milliseconds: Int64

  public init(milliseconds: Int64) { self.milliseconds = milliseconds }

  public static let start = Instant(milliseconds: 0)

  /// The latest time the clock reaches: `999999:59:59.999`, the latest a script can write (about
  /// 114 years). The clock refuses to go further, so that no deadline after it (at most an
  /// accept interval of an hour later) comes near the limit of the counter and saturates.
  public static let maximum = Instant(milliseconds: 1_000_000 * 3_600_000 - 1)

  public static func < (lhs: Instant, rhs: Instant) -> Bool { lhs.milliseconds < rhs.milliseconds }

  /// Saturates instead of overflowing, so a far deadline never wraps into the past.
  public static func + (lhs: Instant, rhs: Interval) -> Instant {
    let (sum, overflow) = lhs.milliseconds.addingReportingOverflow(rhs.milliseconds)
    guard overflow else { return Instant(milliseconds: sum) }
    return Instant(milliseconds: rhs.milliseconds > 0 ? Int64.max : Int64.min)
  }

  public static func - (lhs: Instant, rhs: Instant) -> Interval {
    Interval(milliseconds: lhs.milliseconds &- rhs.milliseconds)
  }

  public var description: String {
    guard milliseconds >= 0 else {
      return "-" + Instant(milliseconds: milliseconds == .min ? .max : -milliseconds).description
    }
    let totalSeconds = milliseconds / 1000
    let remainder = milliseconds % 1000
    let hours = totalSeconds / 3600
    let minutes = (totalSeconds / 60) % 60
    let seconds = totalSeconds % 60
    var text = "\(twoDigits(hours)):\(twoDigits(minutes)):\(twoDigits(seconds))"
    if remainder != 0 { text += "." + threeDigits(remainder) }
    return text
  }

  /// Parses `hh:mm:ss` or `hh:mm:ss.mmm` (hours may have more than two digits).
  public init?(parsing text: String) {
    let parts = text.split(separator: ":", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].count >= 2,
      let hours = Int64(digits: parts[0]), let minutes = Int64(digits: parts[1]),
      minutes < 60, parts[1].count == 2
    else { return nil }
    let secondParts = parts[2].split(separator: ".", omittingEmptySubsequences: false)
    guard secondParts.count <= 2, secondParts[0].count == 2,
      let seconds = Int64(digits: secondParts[0]), seconds < 60
    else { return nil }
    var millis: Int64 = 0
    if secondParts.count == 2 {
      guard (1...3).contains(secondParts[1].count), let fraction = Int64(digits: secondParts[1])
      else { return nil }
      millis = fraction * [100, 10, 1][secondParts[1].count - 1]
    }
    guard hours < 1_000_000 else { return nil }
    self.milliseconds = ((hours * 60 + minutes) * 60 + seconds) * 1000 + millis
  }
}

/// A length of virtual time, in milliseconds.
///
/// Written and rendered with units, largest first: `30s`, `1m30s`, `2h`, `250ms`.
public struct Interval: Hashable, Comparable, Sendable, CustomStringConvertible {
  public var milliseconds: Int64

  public init(milliseconds: Int64) { self.milliseconds = milliseconds }

  public static func seconds(_ seconds: Int64) -> Interval { Interval(milliseconds: seconds * 1000) }

  public static let zero = Interval(milliseconds: 0)

  public static func < (lhs: Interval, rhs: Interval) -> Bool { lhs.milliseconds < rhs.milliseconds }

  public var description: String {
    if milliseconds == 0 { return "0s" }
    var rest = milliseconds
    var text = rest < 0 ? "-" : ""
    rest = rest.magnitude > Int64.max.magnitude ? Int64.max : abs(rest)
    let units: [(Int64, String)] = [(3_600_000, "h"), (60_000, "m"), (1000, "s"), (1, "ms")]
    for (size, suffix) in units where rest >= size {
      text += "\(rest / size)\(suffix)"
      rest %= size
    }
    return text
  }

  /// Parses a sum of whole numbers with units, `h`, `m`, `s` or `ms`: `30s`, `1m30s`, `1500ms`.
  public init?(parsing text: String) {
    var total: Int64 = 0
    var number: Int64?
    var index = text.startIndex
    var sawUnit = false
    var previousUnit = Int64.max
    while index < text.endIndex {
      let character = text[index]
      if let digit = character.wholeNumberValue, character.isASCII {
        let (times, overflow1) = (number ?? 0).multipliedReportingOverflow(by: 10)
        let (next, overflow2) = times.addingReportingOverflow(Int64(digit))
        guard !overflow1, !overflow2 else { return nil }
        number = next
        index = text.index(after: index)
        continue
      }
      guard let value = number else { return nil }
      let unitSize: Int64
      if text[index...].hasPrefix("ms") {
        unitSize = 1
        index = text.index(index, offsetBy: 2)
      } else {
        switch character {
        case "h": unitSize = 3_600_000
        case "m": unitSize = 60_000
        case "s": unitSize = 1000
        default: return nil
        }
        index = text.index(after: index)
      }
      // Units in decreasing order, each once: `1m30s`, not `30s1m` or `1m1m`.
      guard unitSize < previousUnit else { return nil }
      previousUnit = unitSize
      let (scaled, overflow1) = value.multipliedReportingOverflow(by: unitSize)
      let (sum, overflow2) = total.addingReportingOverflow(scaled)
      guard !overflow1, !overflow2 else { return nil }
      total = sum
      number = nil
      sawUnit = true
    }
    guard sawUnit, number == nil else { return nil }
    self.milliseconds = total
  }
}

private func twoDigits(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }
private func threeDigits(_ value: Int64) -> String {
  value < 10 ? "00\(value)" : value < 100 ? "0\(value)" : "\(value)"
}

extension Int64 {
  /// Only ASCII digits, no sign, at least one digit: "07" -> 7, "+7" -> nil.
  init?<S: StringProtocol>(digits: S) {
    guard !digits.isEmpty, digits.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }), digits.count <= 18
    else { return nil }
    self.init(digits, radix: 10)
  }
}
