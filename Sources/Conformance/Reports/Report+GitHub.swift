import ContactCenter

/// GitHub Actions workflow commands: under `GITHUB_ACTIONS=true` every failure is also printed
/// as `::error file=PATH,line=N::message`, which GitHub shows on the line of the pull request.
public enum GitHubAnnotation {
  /// `::error file=PATH,line=N::message` (`file` and `line` left out when not known).
  public static func error(file: String?, line: Int?, message: String) -> String {
    var properties: [String] = []
    if let file { properties.append("file=" + escapedProperty(file)) }
    if let line { properties.append("line=\(line)") }
    let head = properties.isEmpty ? "::error" : "::error " + properties.joined(separator: ",")
    return head + "::" + escapedData(message)
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
  /// The annotation for one script, if it failed: at the failing line (in the included file
  /// when the failure is there), with the step, the message, the diff and the `use` chain.
  public static func githubAnnotation(_ entry: ReportEntry) -> String? {
    switch entry.outcome {
    case .broken(let error):
      return GitHubAnnotation.error(
        file: error.location.file, line: error.location.line, message: error.message)
    case .ran(let result):
      guard let failure = result.failure else { return nil }
      return GitHubAnnotation.error(
        file: failure.location.file, line: failure.location.line, message: failure.detail)
    }
  }
}
