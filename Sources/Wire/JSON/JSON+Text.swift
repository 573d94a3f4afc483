import ContactCenter

/// Why a line is not a JSON value the protocol accepts: what, and at which byte (from 1).
public struct JSONError: Error, Hashable, Sendable, CustomStringConvertible {
  public var message: String
  public var column: Int

  public var description: String { "column \(column): \(message)" }
}

extension JSON {
  /// How deep arrays and objects may nest: far more than any message, small enough that a
  /// hostile peer's `[[[[...` cannot exhaust the stack.
  public static let maximumDepth = 64

  /// The value as one line of compact JSON: keys in order, no spaces, non-ASCII text as UTF-8,
  /// control characters (C0 and C1), U+2028/U+2029 and bidirectional controls escaped (so a
  /// line is always one line, and cannot drive the terminal it is shown on).
  ///
  /// - Complexity: O(n) in the size of the text written.
  public var text: String {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(128)
    write(to: &bytes)
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Writes the value's UTF-8 bytes: bytes, not a `String` grown a piece at a time (the
  /// protocol writes a line per request, and this was most of the cost of one).
  public func write(to output: inout [UInt8]) {
    switch self {
    case .null: output += "null".utf8
    case .bool(let value): output += (value ? "true" : "false").utf8
    case .number(let value): output += String(value).utf8
    case .string(let value): JSON.writeString(value, to: &output)
    case .array(let values):
      output.append(UInt8(ascii: "["))
      for (index, value) in values.enumerated() {
        if index > 0 { output.append(UInt8(ascii: ",")) }
        value.write(to: &output)
      }
      output.append(UInt8(ascii: "]"))
    case .object(let members):
      output.append(UInt8(ascii: "{"))
      for (index, (key, value)) in members.enumerated() {
        if index > 0 { output.append(UInt8(ascii: ",")) }
        JSON.writeString(key, to: &output)
        output.append(UInt8(ascii: ":"))
        value.write(to: &output)
      }
      output.append(UInt8(ascii: "}"))
    }
  }

  private static func writeString(_ value: String, to output: inout [UInt8]) {
    output.append(UInt8(ascii: "\""))
    // Nearly every string (names, kinds, ids) has nothing to escape: its bytes go at once,
    // checked and copied from the string's own storage (a generic scan of the UTF-8 view cost
    // about 4% of explore --sut).
    let copied = value.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
      for byte in bytes
      where byte < 0x20 || byte >= 0x7F || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
        return false
      }
      output.append(contentsOf: bytes)
      return true
    }
    if copied == true {
      output.append(UInt8(ascii: "\""))
      return
    }
    for scalar in value.unicodeScalars {
      switch scalar {
      case "\"": output += "\\\"".utf8
      case "\\": output += "\\\\".utf8
      case "\n": output += "\\n".utf8
      case "\r": output += "\\r".utf8
      case "\t": output += "\\t".utf8
      case "\u{0}"..."\u{1F}", "\u{7F}":
        writeEscape(scalar, to: &output)
      default:
        if scalar.isASCII {
          output.append(UInt8(scalar.value))
        } else if Escaping.isUnsafe(scalar) {
          // C1 controls (U+009B is a terminal's CSI), line separators and bidi overrides: a
          // reply may be shown on a terminal (`clavard serve` with a person typing, `explore
          // --json`), and it holds what customers and systems under test wrote.
          writeEscape(scalar, to: &output)
        } else {
          output += String(scalar).utf8
        }
      }
    }
    output.append(UInt8(ascii: "\""))
  }

  /// `\u001b`: a scalar as JSON escapes, one per UTF-16 code unit (a pair past U+FFFF, should
  /// ``Escaping/isUnsafe(_:)`` ever name such a scalar).
  static func writeEscape(_ scalar: Unicode.Scalar, to output: inout [UInt8]) {
    for unit in String(scalar).utf16 {
      let hex = String(unit, radix: 16)
      output += ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8
    }
  }

  /// Reads one JSON value from a line's bytes (UTF-8). Anything else (invalid UTF-8, a
  /// fraction, a lone surrogate, nesting deeper than ``maximumDepth``, bytes after the value)
  /// is an error that says what and where, never a crash.
  ///
  /// - Complexity: O(n) in the bytes.
  public static func parse(_ bytes: some Collection<UInt8>) throws(JSONError) -> JSON {
    var parser = JSONParser(bytes: Array(bytes))
    let value = try parser.value(depth: 0)
    parser.skipSpaces()
    guard parser.isAtEnd else { throw parser.error("unexpected text after the value") }
    return value
  }

  public static func parse(_ text: String) throws(JSONError) -> JSON { try parse(Array(text.utf8)) }
}

/// A recursive-descent reader of RFC 8259 JSON, with whole numbers only.
private struct JSONParser {
  let bytes: [UInt8]
  var index = 0

  var isAtEnd: Bool { index >= bytes.count }

  func error(_ message: String) -> JSONError { JSONError(message: message, column: index + 1) }

  mutating func skipSpaces() {
    while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
  }

  mutating func value(depth: Int) throws(JSONError) -> JSON {
    guard depth < JSON.maximumDepth else { throw error("nested more than \(JSON.maximumDepth) deep") }
    skipSpaces()
    guard index < bytes.count else { throw error("expected a value") }
    switch bytes[index] {
    case UInt8(ascii: "{"): return try object(depth: depth)
    case UInt8(ascii: "["): return try array(depth: depth)
    case UInt8(ascii: "\""): return .string(try string())
    case UInt8(ascii: "t"): return try literal("true", .bool(true))
    case UInt8(ascii: "f"): return try literal("false", .bool(false))
    case UInt8(ascii: "n"): return try literal("null", .null)
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try number())
    default: throw error("expected a value")
    }
  }

  private mutating func literal(_ word: String, _ value: JSON) throws(JSONError) -> JSON {
    let expected = Array(word.utf8)
    guard bytes.count - index >= expected.count, Array(bytes[index..<(index + expected.count)]) == expected
    else {
      throw error("expected a value")
    }
    index += expected.count
    return value
  }

  private mutating func number() throws(JSONError) -> Int {
    let start = index
    if bytes[index] == UInt8(ascii: "-") { index += 1 }
    let digitsStart = index
    while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
    guard index > digitsStart else { throw error("expected a digit") }
    if bytes[digitsStart] == UInt8(ascii: "0"), index - digitsStart > 1 {
      throw error("a number cannot start with 0")
    }
    if index < bytes.count, [UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E")].contains(bytes[index]) {
      throw error("the protocol's numbers are whole (times are milliseconds)")
    }
    let negative = bytes[start] == UInt8(ascii: "-")
    var value = 0
    for byte in bytes[digitsStart..<index] {
      let digit = Int(byte - UInt8(ascii: "0"))
      let (times, overflowTimes) = value.multipliedReportingOverflow(by: 10)
      let (sum, overflowSum) =
        negative ? times.subtractingReportingOverflow(digit) : times.addingReportingOverflow(digit)
      guard !overflowTimes, !overflowSum else {
        index = start
        throw error("a number out of range")
      }
      value = sum
    }
    return value
  }

  private mutating func string() throws(JSONError) -> String {
    index += 1  // the opening quote
    // Most texts have no escape: one validation of the bytes up to the closing quote.
    var end = index
    while end < bytes.count, bytes[end] != UInt8(ascii: "\""), bytes[end] != UInt8(ascii: "\\"),
      bytes[end] >= 0x20
    {
      end += 1
    }
    if end < bytes.count, bytes[end] == UInt8(ascii: "\"") {
      let run = bytes[index..<end]
      // ASCII cannot be invalid UTF-8: decoded at once; the rest is validated.
      let text: String
      if !run.contains(where: { $0 >= 0x80 }) {
        text = String(decoding: run, as: UTF8.self)
      } else if let valid = String(validating: run, as: UTF8.self) {
        text = valid
      } else {
        throw JSONError(message: "this text is not valid UTF-8", column: index + 1)
      }
      index = end + 1
      return text
    }
    var scalars = String.UnicodeScalarView()
    var runStart = index
    func flushRun(_ parser: JSONParser, upTo end: Int) throws(JSONError) {
      guard end > runStart else { return }
      guard let run = String(validating: parser.bytes[runStart..<end], as: UTF8.self) else {
        throw JSONError(message: "this text is not valid UTF-8", column: runStart + 1)
      }
      scalars.append(contentsOf: run.unicodeScalars)
    }
    while index < bytes.count {
      let byte = bytes[index]
      if byte == UInt8(ascii: "\"") {
        try flushRun(self, upTo: index)
        index += 1
        return String(scalars)
      }
      if byte < 0x20 { throw error("a control character must be escaped in a string") }
      if byte == UInt8(ascii: "\\") {
        try flushRun(self, upTo: index)
        scalars.append(try escape())
        runStart = index
        continue
      }
      index += 1
    }
    throw error("this string has no closing quote")
  }

  private mutating func escape() throws(JSONError) -> Unicode.Scalar {
    index += 1
    guard index < bytes.count else { throw error("an escape is cut short") }
    let letter = bytes[index]
    index += 1
    switch letter {
    case UInt8(ascii: "\""): return "\""
    case UInt8(ascii: "\\"): return "\\"
    case UInt8(ascii: "/"): return "/"
    case UInt8(ascii: "b"): return "\u{8}"
    case UInt8(ascii: "f"): return "\u{C}"
    case UInt8(ascii: "n"): return "\n"
    case UInt8(ascii: "r"): return "\r"
    case UInt8(ascii: "t"): return "\t"
    case UInt8(ascii: "u"):
      let high = try hex4()
      if (0xD800...0xDBFF).contains(high) {
        guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"),
          bytes[index + 1] == UInt8(ascii: "u")
        else {
          throw error("a lone surrogate is not a character")
        }
        index += 2
        let low = try hex4()
        guard (0xDC00...0xDFFF).contains(low),
          let scalar = Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
        else { throw error("a lone surrogate is not a character") }
        return scalar
      }
      guard let scalar = Unicode.Scalar(high) else { throw error("a lone surrogate is not a character") }
      return scalar
    default:
      index -= 1
      throw error("unknown escape")
    }
  }

  private mutating func hex4() throws(JSONError) -> UInt32 {
    guard bytes.count - index >= 4 else { throw error("expected four hexadecimal digits") }
    var value: UInt32 = 0
    for _ in 0..<4 {
      let byte = bytes[index]
      let digit: UInt32
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
      case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
      case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
      default: throw error("expected four hexadecimal digits")
      }
      value = value * 16 + digit
      index += 1
    }
    return value
  }

  private mutating func array(depth: Int) throws(JSONError) -> JSON {
    index += 1
    var values: [JSON] = []
    skipSpaces()
    if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
      index += 1
      return .array(values)
    }
    while true {
      values.append(try value(depth: depth + 1))
      skipSpaces()
      guard index < bytes.count else { throw error("this array has no closing ]") }
      if bytes[index] == UInt8(ascii: ",") {
        index += 1
        continue
      }
      guard bytes[index] == UInt8(ascii: "]") else { throw error("expected , or ] in an array") }
      index += 1
      return .array(values)
    }
  }

  private mutating func object(depth: Int) throws(JSONError) -> JSON {
    index += 1
    var members: [(String, JSON)] = []
    // Keys compare by their bytes, as texts do: `é` and `e` with an accent are two keys. A
    // message has a few: compared one by one, with a set only past a handful.
    var keys: Set<[UInt8]> = []
    skipSpaces()
    if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
      index += 1
      return .object(members)
    }
    while true {
      skipSpaces()
      guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
        throw error("expected a key in quotes")
      }
      let keyColumn = index
      let key = try string()
      let repeated =
        members.count < 16
        ? members.contains { $0.0.utf8.elementsEqual(key.utf8) }
        : !keys.insert(Array(key.utf8)).inserted
      if members.count == 15 { keys = Set(members.map { Array($0.0.utf8) } + [Array(key.utf8)]) }
      guard !repeated else {
        throw JSONError(message: "the key \"\(key)\" is given twice", column: keyColumn + 1)
      }
      skipSpaces()
      guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
        throw error("expected : after a key")
      }
      index += 1
      members.append((key, try value(depth: depth + 1)))
      skipSpaces()
      guard index < bytes.count else { throw error("this object has no closing }") }
      if bytes[index] == UInt8(ascii: ",") {
        index += 1
        continue
      }
      guard bytes[index] == UInt8(ascii: "}") else { throw error("expected , or } in an object") }
      index += 1
      return .object(members)
    }
  }
}
