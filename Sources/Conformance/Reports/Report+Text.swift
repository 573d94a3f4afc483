import ContactCenter

extension Report {
  /// What the run prints on standard output for one script: `ok   path`, or `FAIL path` and
  /// where and why it failed (its parse error, for a file that cannot be read or parsed).
  public static func text(_ entry: ReportEntry, style: ReportStyle = .plain) -> String {
    let path = Escaping.controlsEscaped(entry.path)
    switch entry.outcome {
    case .ran(let result):
      if let reason = result.skipped { return "skip " + path + ": " + Escaping.controlsEscaped(reason) }
      guard let failure = result.failure else { return style.success("ok") + "   " + path }
      return style.failure("FAIL") + " " + path + "\n" + failure.text(style: style)
    case .broken(let error):
      return style.failure("FAIL") + " " + path + "\n" + error.description
    }
  }

  /// `file:line:column: message` when the file could not be read or parsed, else nothing:
  /// what `coverage` prints on standard error.
  public static func errorText(_ entry: ReportEntry) -> String? {
    if case .broken(let error) = entry.outcome { return error.description }
    return nil
  }

  /// `Failed scripts (N):` and the failing paths, one a line, as lit lists them at the end of
  /// a run; nil when nothing failed.
  public func failedScripts(style: ReportStyle = .plain) -> String? {
    let failing = entries.filter(\.failed)
    guard !failing.isEmpty else { return nil }
    let heading = style.failure("Failed scripts (\(failing.count)):")
    return ([heading] + failing.map { "  " + Escaping.controlsEscaped($0.path) }).joined(separator: "\n")
  }

  /// `N passed, N failed`, in colour when asked.
  public func summary(style: ReportStyle) -> String {
    style.summary(summary, failed: failed > 0)
  }

  /// The whole text report: each script, the failing scripts, the note of a stopped run, and
  /// the summary.
  public func text(style: ReportStyle = .plain) -> String {
    var lines = entries.map { Self.text($0, style: style) }
    if let failedScripts = failedScripts(style: style) { lines.append(failedScripts) }
    if let bailNote { lines.append(bailNote) }
    lines.append(summary(style: style))
    return lines.joined(separator: "\n") + "\n"
  }

  public var text: String { text() }
}

extension RunFailure {
  /// ``description``, with the diff's changed lines coloured and their changed parts marked.
  func text(style: ReportStyle) -> String {
    guard style.colour else { return description }
    let head = Escaping.controlsEscaped("\(location): \(step.map { "in step \($0): " } ?? "")\(message)")
    let diffLines = style.diff(diff.map(Escaping.controlsEscaped), indent: "  ")
    let chain = includedFrom.reversed().map { Escaping.controlsEscaped("  included from \($0)") }
    return ([head] + diffLines + chain).joined(separator: "\n")
  }
}
