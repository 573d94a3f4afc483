/// The rules every text obeys, whoever typed it (a customer's name or message, an agent's
/// message or log text, a definition's subject or answer): one rule of "empty", one of "blank",
/// one bound on a character.
extension Validation {
  /// A user-perceived character holds at most this many code points: a first one and 30 more.
  ///
  /// Why a bound: a character is counted once towards the 1940 of a message (MSG-4), however
  /// many code points it holds, so without one a single character could carry unbounded text
  /// (`a` and five thousand combining marks, or two thousand skin-tone modifiers in a row).
  /// Why 30: Unicode's Stream-Safe Text Format (UAX #15) allows at most 30 non-starters in a
  /// row; real characters stay far below it (the longest emoji sequences hold ten).
  public static let maximumCodePointsPerCharacter = 31

  /// Refuses a text that is empty, blank (``isBlank(_:)``) or holds a character of more than
  /// ``maximumCodePointsPerCharacter`` code points, naming the text as `kind` says.
  ///
  /// ```swift
  /// try Validation.check("Marie", as: .customerName)     // fine
  /// try Validation.check(" \u{200B}", as: .customerName)  // throws .blankText(what: .customerName)
  /// ```
  public static func check(_ text: String, as kind: TextKind) throws(Refusal) {
    guard !text.isEmpty else { throw .emptyText(what: kind) }
    guard !isBlank(text) else { throw .blankText(what: kind) }
    if let (position, codePoints) = firstOverlongCharacter(in: text) {
      throw .characterTooLong(what: kind, position: position, codePoints: codePoints)
    }
  }

  /// Whether a text shows nothing: every code point is white space, an invisible format
  /// character (such as U+200B zero width space) or a control.
  public static func isBlank(_ text: String) -> Bool {
    // Printable ASCII settles it without Unicode property look-ups.
    !text.utf8.contains(where: { $0 > 0x20 && $0 < 0x7F }) && !text.unicodeScalars.contains(where: isVisible)
  }

  /// The first character (counted from 1) that holds more than ``maximumCodePointsPerCharacter``
  /// code points, with how many it holds.
  static func firstOverlongCharacter(in text: String) -> (position: Int, codePoints: Int)? {
    // Such a character takes more bytes than the bound, and ASCII characters hold at most two
    // code points (CR LF): most texts need no walk through their characters.
    guard text.utf8.count > maximumCodePointsPerCharacter, !text.utf8.allSatisfy({ $0 < 0x80 }) else {
      return nil
    }
    for (offset, character) in text.enumerated() {
      let codePoints = character.unicodeScalars.count
      if codePoints > maximumCodePointsPerCharacter { return (offset + 1, codePoints) }
    }
    return nil
  }

  /// Whether a scalar shows: not a space, a format or control character, nor one Unicode says
  /// a renderer may draw as nothing (default-ignorable: the Hangul fillers U+3164, U+115F and
  /// U+1160 are letters, yet show nothing).
  private static func isVisible(_ scalar: Unicode.Scalar) -> Bool {
    !scalar.properties.isWhitespace && scalar.properties.generalCategory != .format
      && scalar.properties.generalCategory != .control && !scalar.properties.isDefaultIgnorableCodePoint
  }
}
