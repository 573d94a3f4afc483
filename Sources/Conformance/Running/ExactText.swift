import ContactCenter

/// Expected text is compared scalar by scalar, not by Swift's `==` (canonical equivalence): a
/// conformance harness must tell whether text went through unchanged, and a precomposed `é`
/// (U+00E9) is not what a system sent if it sent `e` and U+0301.
extension String {
  /// The same Unicode scalars, in the same order (the same UTF-8 bytes).
  ///
  /// - Complexity: O(n) over the UTF-8 bytes, with no allocation.
  func isExactly(_ other: String) -> Bool { utf8.elementsEqual(other.utf8) }

  /// Where two texts look the same but differ in their scalars, what a diff shows of each:
  /// the non-ASCII scalars written as `\u{…}`.
  func showingScalars(against other: String) -> String {
    guard self == other, !isExactly(other) else { return self }
    var shown = ""
    for scalar in unicodeScalars {
      if scalar.isASCII { shown.unicodeScalars.append(scalar) } else { shown += Escaping.braced(scalar) }
    }
    return shown
  }
}

extension Expected {
  /// The same `<` and `!` texts, scalar by scalar (their line numbers aside): what
  /// `--update` compares before leaving a command's lines as they are.
  func hasExactlyTheLines(of other: Expected) -> Bool {
    guard events.count == other.events.count,
      zip(events, other.events).allSatisfy({ $0.text.isExactly($1.text) })
    else { return false }
    switch (refusal, other.refusal) {
    case (nil, nil): return true
    case (let mine?, let theirs?): return mine.text.isExactly(theirs.text)
    default: return false
    }
  }

  /// Whether two commands get the same lines, scalar by scalar; nil is no lines to write.
  static func sameLines(_ one: Expected?, _ other: Expected?) -> Bool {
    switch (one, other) {
    case (nil, nil): true
    case (let one?, let other?): one.hasExactlyTheLines(of: other)
    default: false
    }
  }
}

extension Answer {
  /// Scalar by scalar, as the runner compares events.
  public static func == (lhs: Answer, rhs: Answer) -> Bool {
    lhs.fields.count == rhs.fields.count && zip(lhs.fields, rhs.fields).allSatisfy { $0.isExactly($1) }
  }

  public func hash(into hasher: inout Hasher) {
    for field in fields { hasher.combine(Array(field.utf8)) }
  }
}
