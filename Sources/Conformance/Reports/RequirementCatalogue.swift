/// One requirement of the documented procedure.
public struct Requirement: Hashable, Sendable {
  public var id: String
  public var group: String
  public var text: String
  /// Where the catalogue defines it.
  public var location: SourceLocation

  public init(id: String, group: String, text: String, location: SourceLocation) {
    self.id = id
    self.group = group
    self.text = text
    self.location = location
  }
}

/// The requirement catalogue (`fixtures/procedure/requirements.tsv`): tab-separated, a header
/// line `id<TAB>group<TAB>requirement`, then one requirement a line. Blank lines are skipped;
/// spaces around a field are ignored; ids are unique and have no spaces.
public struct RequirementCatalogue: Hashable, Sendable {
  public static let header = ["id", "group", "requirement"]

  public var path: String
  public var requirements: [Requirement]

  public init(path: String, requirements: [Requirement]) {
    self.path = path
    self.requirements = requirements
  }

  public static func parse(bytes: [UInt8], path: String) throws(ParseError) -> RequirementCatalogue {
    guard let text = String(validating: bytes, as: UTF8.self) else {
      throw ParseError(
        "this file is not valid UTF-8; save it as UTF-8", at: SourceLocation(file: path, line: 1))
    }
    return try parse(text, path: path)
  }

  public static func parse(_ text: String, path: String) throws(ParseError) -> RequirementCatalogue {
    var catalogue = RequirementCatalogue(path: path, requirements: [])
    var defined: [String: Int] = [:]
    var sawHeader = false
    var number = 0
    for raw in text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false) {
      number += 1
      var line = String(Substring(raw))
      if line.unicodeScalars.last == "\r" { line = String(line.unicodeScalars.dropLast()) }
      if number == 1, line.unicodeScalars.first == "\u{FEFF}" {
        line = String(line.unicodeScalars.dropFirst())
      }
      let fields = line.unicodeScalars.split(separator: "\t", omittingEmptySubsequences: false)
        .map { String(Substring($0)).trimmingSpaces() }
      guard sawHeader else {
        guard fields == header else {
          throw ParseError(
            "the first line must be the header 'id<TAB>group<TAB>requirement' (tab-separated)",
            at: SourceLocation(file: path, line: number))
        }
        sawHeader = true
        continue
      }
      if fields.allSatisfy(\.isEmpty) { continue }
      let location = SourceLocation(file: path, line: number)
      guard fields.count == 3 else {
        throw ParseError(
          "expected 3 tab-separated fields (id, group, requirement), found \(fields.count)", at: location)
      }
      let id = fields[0]
      guard !id.isEmpty, !id.contains(where: \.isWhitespace) else {
        throw ParseError("a requirement id is one word, such as CHAT-4, not '\(id)'", at: location)
      }
      guard !fields[2].isEmpty else {
        throw ParseError("requirement \(id) has no text", at: location)
      }
      if let first = defined[id] {
        throw ParseError("requirement \(id) is already defined on line \(first)", at: location)
      }
      defined[id] = number
      catalogue.requirements.append(
        Requirement(id: id, group: fields[1], text: fields[2], location: location))
    }
    return catalogue
  }
}
