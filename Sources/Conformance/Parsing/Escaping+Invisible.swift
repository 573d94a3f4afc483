import ContactCenter

extension Escaping {
  /// As ``Escaping/controlsEscaped(_:)``, and also the characters that show as nothing (format
  /// characters such as U+200B ZERO WIDTH SPACE or U+FEFF): in a message about what a person
  /// wrote, `unknown command 'queue'` for `queue` + U+200B would hide the very problem.
  ///
  /// ```swift
  /// Escaping.invisiblesEscaped("queue\u{200B}")  // "queue\\u{200B}"
  /// ```
  public static func invisiblesEscaped(_ text: String) -> String {
    let escaped = controlsEscaped(text)
    guard escaped.unicodeScalars.contains(where: isInvisible) else { return escaped }
    return replacingScalars(in: escaped) { isInvisible($0) ? braced($0) : nil }
  }

  static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
    scalar.properties.generalCategory == .format
  }
}
