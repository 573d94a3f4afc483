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
    let parts = text.split(separator: "@", omittingEmptySubsequences: false)
    guard parts.count == 2, text.utf8.count <= 254 else { return false }
    let local = parts[0].utf8
    let domain = parts[1]
    guard (1...64).contains(local.count), local.first != UInt8(ascii: "."), local.last != UInt8(ascii: "."),
      !parts[0].contains("..")
    else { return false }
    let localAllowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.!#$%&'*+/=?^_`{|}~-".utf8)
    guard local.allSatisfy(localAllowed.contains) else { return false }
    let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
    guard labels.count >= 2 else { return false }
    for label in labels {
      let bytes = label.utf8
      guard (1...63).contains(bytes.count), bytes.first != UInt8(ascii: "-"), bytes.last != UInt8(ascii: "-"),
        bytes.allSatisfy({ isASCIIAlphanumeric($0) || $0 == UInt8(ascii: "-") })
      else { return false }
    }
    // A top-level domain of digits only is an IP address in disguise.
    return labels.last.map { !$0.utf8.allSatisfy { $0 >= 48 && $0 <= 57 } } ?? false
  }

  /// CAP-5: an IPv4 address in dotted-decimal form (no leading zeros), or an IPv6 address in any
  /// of its textual forms (RFC 4291 §2.2), including `::` compression and an embedded IPv4 tail.
  public static func isValidIPAddress(_ text: String) -> Bool {
    isValidIPv4(Substring(text)) || isValidIPv6(text)
  }

  static func isValidIPv4(_ text: Substring) -> Bool {
    let parts = text.split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count == 4 else { return false }
    for part in parts {
      guard (1...3).contains(part.utf8.count), part.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }),
        part.utf8.count == 1 || part.utf8.first != UInt8(ascii: "0"),
        let value = Int(part), value <= 255
      else { return false }
    }
    return true
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

  private static func isASCIIAlphanumeric(_ byte: UInt8) -> Bool {
    (byte >= 48 && byte <= 57) || (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122)
  }
}
