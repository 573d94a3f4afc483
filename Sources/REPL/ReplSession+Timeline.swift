import Conformance
import ContactCenter

extension REPLSession {
  /// What `.timeline` calls the session on its page.
  static let timelineName = "clavard repl session"

  /// The session so far as an HTML page, the picture `clavard run --html` draws.
  ///
  /// The transcript (what `.save` writes) runs again on a fresh session, by a runner that
  /// records each command's instant and events. The engine is deterministic, so the run again
  /// is the session; nothing is kept while the session goes, so a session that never asks for
  /// its timeline pays nothing for it. The transcript's `<` and `!` lines are the session's own,
  /// so the page shows a passing script, unless the engine broke an invariant (then it shows
  /// where, as a run would).
  public static func timelinePage(transcript: [String]) -> String {
    let entry: ReportEntry
    do {
      let script = try ScriptParser.parse(ScriptText.document(transcript), path: timelineName)
      let runner = ScriptRunner(
        loader: { _ in throw TimelineReplayError() }, recordsTimeline: true)
      entry = ReportEntry(path: timelineName, outcome: .ran(runner.run(script)))
    } catch {
      entry = ReportEntry(path: timelineName, outcome: .broken(.invalid(error)))
    }
    return Report(entries: [entry]).html(title: "clavard repl")
  }

  /// `.timeline FILE`: writes the page, replacing the file (it is a picture, not a script).
  func writeTimeline(to path: String, into output: inout some TextOutputStream) {
    do {
      try files.write(Self.timelinePage(transcript: transcript), to: path)
      say(style.note("# wrote the timeline of the session so far to \(Style.visible(path))"), to: &output)
    } catch {
      say(
        style.error("error: ")
          + "cannot write \(Style.visible(path)): \(Style.visible(String(describing: error)))", to: &output)
    }
  }
}

/// The transcript has no `use` lines (`.read` and `use` add what they ran, line by line).
private struct TimelineReplayError: Error, CustomStringConvertible {
  var description: String { "a session's transcript reads no file" }
}
