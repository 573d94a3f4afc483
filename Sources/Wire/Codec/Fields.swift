import ContactCenter

/// Why a message does not say what the protocol needs: which message, which field, what is
/// wrong with it.
public struct WireError: Error, Hashable, Sendable, CustomStringConvertible {
  public var message: String
  /// The system's handshake said what Clavard cannot work with (another protocol, no clock
  /// control, names it does not know): not an unreadable reply, a refusal to work with it.
  public var isHandshake = false
  /// What is asked is not in the protocol (a command or request type it does not have).
  public var isUnsupported = false

  /// Text from the other side in `message` (a name it sent) is shown with its control
  /// characters escaped: the message reaches a terminal.
  public init(_ message: String) { self.message = Escaping.controlsEscaped(message) }

  static func handshake(_ message: String) -> WireError {
    var error = WireError(message)
    error.isHandshake = true
    return error
  }

  static func unsupported(_ message: String) -> WireError {
    var error = WireError(message)
    error.isUnsupported = true
    return error
  }

  public var description: String { message }
}

/// The members of a JSON object being decoded, with errors that name the object and the field.
struct Fields {
  let members: JSON
  /// What is being read, for messages: `event chat-offered`.
  let context: String

  init(_ json: JSON, _ context: String) throws(WireError) {
    guard case .object = json else { throw WireError("\(context) is not a JSON object") }
    members = json
    self.context = context
  }

  private func missing(_ key: String, _ what: String) -> WireError {
    WireError("\(context): \"\(key)\" must be \(what)")
  }

  func string(_ key: String) throws(WireError) -> String {
    guard let value = members[key]?.string else { throw missing(key, "a string") }
    return value
  }

  /// A string, or null (or absent).
  func optionalString(_ key: String) throws(WireError) -> String? {
    guard let value = members[key], !value.isNull else { return nil }
    guard let text = value.string else { throw missing(key, "a string or null") }
    return text
  }

  func int(_ key: String) throws(WireError) -> Int {
    guard let value = members[key]?.int else { throw missing(key, "a whole number") }
    return value
  }

  func optionalInt(_ key: String) throws(WireError) -> Int? {
    guard let value = members[key], !value.isNull else { return nil }
    guard let number = value.int else { throw missing(key, "a whole number or null") }
    return number
  }

  func bool(_ key: String) throws(WireError) -> Bool {
    guard let value = members[key]?.bool else { throw missing(key, "true or false") }
    return value
  }

  func strings(_ key: String) throws(WireError) -> [String] {
    guard let values = members[key]?.array else { throw missing(key, "an array of strings") }
    var strings: [String] = []
    for value in values {
      guard let text = value.string else { throw missing(key, "an array of strings") }
      strings.append(text)
    }
    return strings
  }

  func object(_ key: String) throws(WireError) -> Fields {
    guard let value = members[key] else { throw missing(key, "an object") }
    return try Fields(value, "\(context) \(key)")
  }

  func optionalObject(_ key: String) throws(WireError) -> Fields? {
    guard let value = members[key], !value.isNull else { return nil }
    return try Fields(value, "\(context) \(key)")
  }

  func id<Kind>(_ key: String) throws(WireError) -> Identifier<Kind> { Identifier(try string(key)) }

  func optionalID<Kind>(_ key: String) throws(WireError) -> Identifier<Kind>? {
    try optionalString(key).map { Identifier($0) }
  }

  func chat(_ key: String = "chat") throws(WireError) -> ChatID {
    let text = try string(key)
    guard let chat = ChatID(parsing: text) else {
      throw WireError("\(context): \"\(key)\" names no chat: \(text)")
    }
    return chat
  }

  func optionalChat(_ key: String) throws(WireError) -> ChatID? {
    guard try optionalString(key) != nil else { return nil }
    return try chat(key)
  }

  func interval(_ key: String) throws(WireError) -> Interval { Interval(milliseconds: Int64(try int(key))) }

  /// A word of a closed set.
  func choice<T>(_ key: String, _ options: [(String, T)]) throws(WireError) -> T {
    let word = try string(key)
    guard let match = options.first(where: { $0.0 == word }) else {
      throw WireError(
        "\(context): \"\(key)\" must be one of \(options.map(\.0).joined(separator: ", ")), not \(word)")
    }
    return match.1
  }

  func choice<T: RawRepresentable & CaseIterable>(_ key: String, _ type: T.Type) throws(WireError) -> T
  where T.RawValue == String {
    try choice(key, T.allCases.map { ($0.rawValue, $0) })
  }
}

extension JSON {
  /// A string, or null for nil.
  static func optional(_ text: String?) -> JSON { text.map(JSON.string) ?? .null }

  static func optional(_ number: Int?) -> JSON { number.map(JSON.number) ?? .null }

  static func milliseconds(_ interval: Interval) -> JSON { .number(Int(interval.milliseconds)) }

  static func strings(_ values: [String]) -> JSON { .array(values.map(JSON.string)) }
}
