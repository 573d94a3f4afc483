import ContactCenter

/// GitHub Actions workflow commands: under `GITHUB_ACTIONS=true` every failure is also printed
/// as `::error file=PATH,line=N,col=N,title=STEP::message`, which GitHub shows on the line of the
/// pull request.
///
/// Paths, steps and messages come from files: every control character, line separator and
/// bidirectional control is shown escaped (`\u{1B}`), then GitHub's own escaping applies, so
/// nothing in a file can end the command early or reach the log raw.
public enum GitHubAnnotation {
  /// `::error file=PATH,line=N,col=N,title=TITLE::message`, each property left out when not
  /// known. The message's line breaks are kept (GitHub shows them); each of its lines is
  /// escaped.
  public static func error(
    file: String?, line: Int?, column: Int? = nil, title: String? = nil, message: String
  ) -> String {
    var properties: [String] = []
    if let file { properties.append("file=" + escapedProperty(Escaping.controlsEscaped(file))) }
    if let line { properties.append("line=\(line)") }
    if let column { properties.append("col=\(column)") }
    if let title { properties.append("title=" + escapedProperty(Escaping.controlsEscaped(title))) }
    let head = properties.isEmpty ? "::error" : "::error " + properties.joined(separator: ",")
    // By scalars: "\r\n" is one Character, and its "\r" must be escaped, not kept.
    let lines = message.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map {
      Escaping.controlsEscaped(String(String.UnicodeScalarView($0)))
    }
    return head + "::" + escapedData(lines.joined(separator: "\n"))
  }

  /// GitHub's escaping of a command's message: `%`, CR and LF.
  public static func escapedData(_ text: String) -> String {
    Escaping.replacingScalars(in: text) { scalar in
      switch scalar {
      case "%": "%25"
      case "\r": "%0D"
      case "\n": "%0A"
      default: nil
      }
    }
  }

  /// GitHub's escaping of a command's property values: as messages, and also `:` and `,`.
  public static func escapedProperty(_ text: String) -> String {
    Escaping.replacingScalars(in: escapedData(text)) { scalar in
      switch scalar {
      case ":": "%3A"
      case ",": "%2C"
      default: nil
      }
    }
  }
}

extension Report {
  /// The annotation for one script, if it failed: at the failing line and column (in the
  /// included file when the failure is there), titled with the step, with the message, the
  /// diff and the `use` chain. Paths under `directory` (the working directory, as GitHub
  /// expects) are written relative to it.
  public static func githubAnnotation(_ entry: ReportEntry, relativeTo directory: String? = nil) -> String? {
    switch entry.outcome {
    case .broken(let error):
      return GitHubAnnotation.error(
        file: Paths.relative(error.location.file, to: directory), line: error.location.line,
        column: error.location.column, message: error.message)
    case .ran(let result):
      guard let failure = result.failure else { return nil }
      return GitHubAnnotation.error(
        file: Paths.relative(failure.location.file, to: directory), line: failure.location.line,
        column: failure.location.column, title: failure.step, message: failure.detail)
    }
  }
}

extension Paths {
  /// `path` relative to `directory` when it is an absolute path inside it (`/w/a/b.chat` in
  /// `/w` is `a/b.chat`); otherwise `path` as it is.
  static func relative(_ path: String, to directory: String?) -> String {
    guard let directory, path.hasPrefix("/") else { return path }
    let base = normalize(directory)
    let prefix = base.hasSuffix("/") ? base : base + "/"
    let normalized = normalize(path)
    guard normalized.hasPrefix(prefix), normalized.count > prefix.count else { return path }
    return String(normalized.dropFirst(prefix.count))
  }
}
