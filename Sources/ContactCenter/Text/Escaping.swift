/// Text that customers type (names, messages) is never printed raw: a control character could
/// move the cursor, clear a terminal or forge a line of output. Rendering goes through here.
public enum Escaping {
  /// Quotes `text` for an event line: `"` and `\` are escaped, `\n`, `\r`, `\t` get their usual
  /// escapes, and other control, line-separator and bidirectional-override characters become
  /// `\u{…}`. Everything else, accents and emoji included, stays as typed.
  ///
  /// ```swift
  /// Escaping.quoted("Bonjour\n\u{1B}[2J")  // "\"Bonjour\\n\\u{1B}[2J\""
  /// ```
  public static func quoted(_ text: String) -> String {
    "\"" + escaped(text) + "\""
  }

  /// As ``quoted(_:)`` without the surrounding quotes.
  public static func escaped(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: needsEscape) else { return text }
    return replacingScalars(in: text) { scalar in
      switch scalar {
      case "\"": "\\\""
      case "\\": "\\\\"
      default: controlEscape(scalar)
      }
    }
  }

  /// Escapes only what could harm a terminal (controls, line separators, bidirectional
  /// overrides), leaving quotes and backslashes as they are: for echoing what a person typed
  /// back in a message, where `\"` would only be harder to read.
  ///
  /// ```swift
  /// Escaping.controlsEscaped("say \"hi\u{1B}[2J\"")  // "say \"hi\\u{1B}[2J\""
  /// ```
  public static func controlsEscaped(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: isUnsafe) else { return text }
    return replacingScalars(in: text, with: controlEscape)
  }

  /// `\n`, `\r`, `\t`, or `\u{…}` for the other unsafe scalars; nil for a safe one.
  private static func controlEscape(_ scalar: Unicode.Scalar) -> String? {
    switch scalar {
    case "\n": "\\n"
    case "\r": "\\r"
    case "\t": "\\t"
    default: isUnsafe(scalar) ? braced(scalar) : nil
    }
  }

  /// `\u{1B}`: a scalar written as the script language (and Swift) write it.
  public static func braced(_ scalar: Unicode.Scalar) -> String {
    "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
  }

  /// `text` with each scalar for which `replacement` gives a string replaced by that string: the
  /// one loop behind every escaper, here and in the reports (TAP, YAML, XML, Markdown, GitHub).
  ///
  /// ```swift
  /// Escaping.replacingScalars(in: "a|b") { $0 == "|" ? "\\|" : nil }  // "a\\|b"
  /// ```
  public static func replacingScalars(in text: String, with replacement: (Unicode.Scalar) -> String?)
    -> String
  {
    var result = ""
    result.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      if let replaced = replacement(scalar) {
        result += replaced
      } else {
        result.unicodeScalars.append(scalar)
      }
    }
    return result
  }

  private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
    scalar == "\"" || scalar == "\\" || isUnsafe(scalar)
  }

  /// C0 and C1 controls, DEL, line and paragraph separators, and the bidirectional controls
  /// that can reorder what a terminal shows.
  public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x00...0x1F, 0x7F...0x9F: true
    case 0x2028, 0x2029: true
    case 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0x061C: true
    default: false
    }
  }
}
