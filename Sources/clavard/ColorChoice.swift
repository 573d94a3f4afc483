import ArgumentParser
import Conformance

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `--color auto|always|never`: whether the text report is coloured. `auto` colours only when
/// standard output is a terminal, `NO_COLOR` is unset or empty (no-color.org) and `TERM` is
/// not `dumb`; `always` and `never` decide alone (a flag given overrides `NO_COLOR`).
enum ColorChoice: String, ExpressibleByArgument, CaseIterable, Sendable {
  case auto, always, never

  func style(standardOutputIsTerminal: Bool, environment: [String: String]) -> ReportStyle {
    switch self {
    case .always: return ReportStyle(colour: true)
    case .never: return .plain
    case .auto:
      let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
      return ReportStyle(colour: standardOutputIsTerminal && !noColor && environment["TERM"] != "dumb")
    }
  }

  /// The style for standard output of this process.
  var style: ReportStyle {
    style(standardOutputIsTerminal: isatty(1) == 1, environment: Environment.current)
  }
}
