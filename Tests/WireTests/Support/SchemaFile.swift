import ClavardTestSupport
import Wire

/// `docs/protocol.schema.json` read with the protocol's own JSON reader, for the tests that
/// compare its names with the code's and the tables of `docs/protocol.md` written from it.
struct SchemaFile {
  let definitions: [(String, JSON)]

  struct Invalid: Error, CustomStringConvertible {
    var description: String
  }

  static func load() throws -> SchemaFile {
    let schema = try JSON.parse(try Repository.read(SchemaValidator.schemaPath))
    guard case .object(let definitions)? = schema["$defs"] else {
      throw Invalid(description: "\(SchemaValidator.schemaPath) has no $defs object")
    }
    return SchemaFile(definitions: definitions)
  }

  func definition(_ name: String) -> JSON? { definitions.first { $0.0 == name }?.1 }

  /// The names after `prefix` of the definitions whose names start with it, in order.
  func names(after prefix: String) -> [String] {
    definitions.map(\.0).filter { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) }
  }

  /// The members an object definition names, in order.
  func properties(of name: String) -> [String] { definition(name).map(properties) ?? [] }

  func properties(_ definition: JSON) -> [String] {
    guard case .object(let members)? = definition["properties"] else { return [] }
    return members.map(\.0)
  }

  func required(of name: String) -> [String] { definition(name).map(required) ?? [] }

  func required(_ definition: JSON) -> [String] { definition["required"]?.array?.compactMap(\.string) ?? [] }

  /// The objects a definition allows: its `oneOf` branches, or itself.
  func branches(of name: String) -> [JSON] {
    guard let definition = definition(name) else { return [] }
    return definition["oneOf"]?.array ?? [definition]
  }

  /// The words of an `enum`, following one `$ref` and `items`.
  func words(_ schema: JSON?) -> [String]? {
    guard let schema else { return nil }
    if let reference = schema["$ref"]?.string, reference.hasPrefix("#/$defs/") {
      return words(definition(String(reference.dropFirst("#/$defs/".count))))
    }
    if let items = schema["items"] { return words(items) }
    return schema["enum"]?.array?.compactMap(\.string)
  }

  /// The words of a property of a definition.
  func words(of name: String, _ property: String) -> [String]? {
    words(definition(name)?["properties"]?[property])
  }
}
