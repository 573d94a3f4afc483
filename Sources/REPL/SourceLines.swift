import Conformance

/// The source line of each command a script ran, found again by location (in the script
/// itself or in a file it included with `use`).
struct SourceLines {
  private var byFile: [String: [Int: String]] = [:]
  /// The files the run included, already parsed.
  private let includes: IncludeResolver

  init(main: Script, includes: IncludeResolver) {
    self.includes = includes
    byFile[main.path] = Self.index(main)
  }

  mutating func source(at location: SourceLocation) -> String? {
    if byFile[location.file] == nil {
      guard case .success(let script) = includes.script(at: location.file) else { return nil }
      byFile[location.file] = Self.index(script)
    }
    return byFile[location.file]?[location.line]
  }

  private static func index(_ script: Script) -> [Int: String] {
    var lines: [Int: String] = [:]
    for statement in script.statements { lines[statement.location.line] = statement.source }
    return lines
  }
}

extension StringProtocol {
  func trimmingWhitespace() -> String {
    let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" }
    guard let start = firstIndex(where: { !isSpace($0) }), let end = lastIndex(where: { !isSpace($0) }) else {
      return ""
    }
    return String(self[start...end])
  }
}
