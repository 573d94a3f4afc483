/// How much of a session the REPL keeps as script lines for `.save`, `.timeline` and a new
/// `.record`. A session piped in can be endless (`yes 'clock +1ms' | clavard repl`); kept
/// whole, it would fill memory.
///
/// The standard limit is 60 MiB of script, below the 64 MiB `clavard run` reads from one file
/// with room for the saved file's header (so a saved session can be run), and 1,000,000
/// lines, which bounds the cost of many short lines (a kept line costs 16 bytes or more
/// besides its text). Past it the transcript is dropped, so it never costs more than that.
/// A recording under way is written as the session goes, so it has no limit.
public struct TranscriptLimit: Hashable, Sendable {
  public var lines: Int
  public var bytes: Int

  public init(lines: Int, bytes: Int) {
    self.lines = lines
    self.bytes = bytes
  }

  public static let standard = TranscriptLimit(lines: 1_000_000, bytes: 60 << 20)

  /// `the session is past 1000000 lines or 60 MiB of script, more than the REPL keeps`.
  var pastIt: String {
    let size = bytes % (1 << 20) == 0 ? "\(bytes >> 20) MiB" : "\(bytes) bytes"
    return "the session is past \(lines) lines or \(size) of script, more than the REPL keeps"
  }

  /// What the session past the limit can no longer do, told once when it goes past it.
  static let consequence =
    ".save, .timeline and .record are refused from now on (a recording under way goes on); "
    + ".reset starts again"
}

extension REPLSession {
  /// Keeps `lines` in the transcript while it is within its limit. The lines of one command
  /// (or one `.read`) are kept whole or not at all. Past the limit, the transcript is dropped:
  /// the commands that need it are refused, so keeping part of it would only hold memory.
  func keep(_ lines: [String]) {
    guard transcriptIsComplete else { return }
    let bytes = lines.reduce(0) { $0 + $1.utf8.count + 1 }
    guard transcript.count + lines.count <= transcriptLimit.lines,
      transcriptBytes + bytes <= transcriptLimit.bytes
    else {
      transcript = []
      transcriptBytes = 0
      transcriptIsComplete = false
      transcriptOverflowToTell = true
      return
    }
    transcript += lines
    transcriptBytes += bytes
  }

  /// Starts an empty transcript (`.reset`).
  func clearTranscript() {
    transcript = []
    transcriptBytes = 0
    transcriptIsComplete = true
    transcriptOverflowToTell = false
  }

  /// False, having said why, when the session went past the transcript's limit: `command`
  /// (`.save`, `.timeline`, `.record`) would write only part of it.
  func transcriptIsWhole(for command: String, into output: inout some TextOutputStream) -> Bool {
    guard !transcriptIsComplete else { return true }
    say(
      style.error("error: ") + transcriptLimit.pastIt + ", so \(command) cannot write all of it; "
        + "`.reset` then `.record FILE` records a session of any length", to: &output)
    return false
  }
}
