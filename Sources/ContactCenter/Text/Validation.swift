/// Checks on text that customers and agents type, kept free of Foundation so the engine stays
/// small and its behaviour is the same on every platform.
public enum Validation {
  /// MSG-4: the chat window holds 1940 characters.
  public static let messageCapacity = 1940

  /// MSG-4: the length a person sees: one per user-perceived character (grapheme cluster), so
  /// "é" counts once whether composed (U+00E9) or decomposed (e + U+0301), and so does 👍🏽.
  public static func perceivedLength(_ text: String) -> Int { text.count }

  /// A well-formed e-mail address, as a form would check it: one `@`, a local part of printable
  /// ASCII without spaces or quotes, and a domain of at least two dot-separated labels made of
  /// letters, digits and inner hyphens.
  ///
  /// ```swift
  /// Validation.isWellFormedEmail("marie@example.com")  // true
  /// Validation.isWellFormedEmail("marie@example")      // false
  /// ```
  public static func isWellFormedEmail(_ text: String) -> Bool {
    let bytes = text.utf8
    guard bytes.count <= 254, let at = bytes.firstIndex(of: UInt8(ascii: "@")) else { return false }
    let local = bytes[..<at]
    let domain = bytes[bytes.index(after: at)...]
    guard (1...64).contains(local.count), local.first != dot, local.last != dot else { return false }
    var previous: UInt8 = 0
    for byte in local {
      guard isLocalPartByte(byte), !(byte == dot && previous == dot) else { return false }
      previous = byte
    }
    // Labels of letters, digits and inner hyphens; at least two; no second `@`.
    var labels = 0
    var labelLength = 0
    var labelStart: UInt8 = 0
    var allDigits = true
    previous = 0
    for byte in domain {
      if byte == dot {
        guard labelLength > 0, previous != hyphen else { return false }
        labels += 1
        labelLength = 0
        allDigits = true
      } else {
        guard isASCIIAlphanumeric(byte) || byte == hyphen else { return false }
        if labelLength == 0 { labelStart = byte }
        guard labelStart != hyphen else { return false }
        labelLength += 1
        guard labelLength <= 63 else { return false }
        allDigits = allDigits && byte >= 48 && byte <= 57
      }
      previous = byte
    }
    guard labelLength > 0, previous != hyphen else { return false }
    // A top-level domain of digits only is an IP address in disguise.
    return labels + 1 >= 2 && !allDigits
  }

  /// CAP-5: an IPv4 address in dotted-decimal form (no leading zeros), or an IPv6 address in any
  /// of its textual forms (RFC 4291 §2.2), including `::` compression and an embedded IPv4 tail.
  public static func isValidIPAddress(_ text: String) -> Bool {
    isValidIPv4(Substring(text)) || isValidIPv6(text)
  }

  static func isValidIPv4(_ text: Substring) -> Bool {
    var parts = 0
    var value = 0
    var digits = 0
    var leadingZero = false
    for byte in text.utf8 {
      if byte == dot {
        guard digits > 0 else { return false }
        parts += 1
        value = 0
        digits = 0
        continue
      }
      guard byte >= 48, byte <= 57, digits < 3 else { return false }
      if digits == 0 { leadingZero = byte == 48 } else if leadingZero { return false }
      value = value * 10 + Int(byte - 48)
      digits += 1
      guard value <= 255 else { return false }
    }
    return digits > 0 && parts == 3
  }

  static func isValidIPv6(_ text: String) -> Bool {
    guard text.utf8.count >= 2, text.utf8.count <= 45 else { return false }
    var groups = Substring(text).split(separator: ":", omittingEmptySubsequences: false)
    var maximumGroups = 8
    // An embedded IPv4 address takes the place of the last two groups.
    if let last = groups.last, last.contains(".") {
      guard isValidIPv4(last) else { return false }
      groups.removeLast()
      groups.append("0")
      maximumGroups = 7
    }
    let compressions = text.utf8.indices.filter { index in
      text.utf8[index] == UInt8(ascii: ":") && text.utf8.index(after: index) < text.utf8.endIndex
        && text.utf8[text.utf8.index(after: index)] == UInt8(ascii: ":")
    }
    guard compressions.count <= 1, !text.contains(":::") else { return false }
    if compressions.isEmpty {
      guard groups.count == maximumGroups else { return false }
      return groups.allSatisfy(isHexGroup)
    }
    // With `::`, empty groups appear only at the compression (and at its ends).
    let nonEmpty = groups.filter { !$0.isEmpty }
    guard nonEmpty.count < maximumGroups, nonEmpty.allSatisfy(isHexGroup) else { return false }
    if text.hasPrefix(":") && !text.hasPrefix("::") { return false }
    if text.hasSuffix(":") && !text.hasSuffix("::") { return false }
    return true
  }

  private static func isHexGroup(_ group: Substring) -> Bool {
    (1...4).contains(group.utf8.count)
      && group.utf8.allSatisfy { isASCIIAlphanumeric($0) && ($0 <= 57 || ($0 | 0x20) <= UInt8(ascii: "f")) }
  }

  private static let dot = UInt8(ascii: ".")
  private static let hyphen = UInt8(ascii: "-")

  /// Letters, digits and the printable symbols RFC 5322 allows unquoted in a local part.
  private static func isLocalPartByte(_ byte: UInt8) -> Bool {
    isASCIIAlphanumeric(byte) || "!#$%&'*+-/=?^_`{|}~.".utf8.contains(byte)
  }

  private static func isASCIIAlphanumeric(_ byte: UInt8) -> Bool {
    (byte >= 48 && byte <= 57) || (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122)
  }
}
