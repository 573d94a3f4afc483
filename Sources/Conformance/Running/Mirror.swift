/// Another implementation run beside the reference, command by command: a system under test.
/// The runner checks a script's lines against the reference as always, then asks the mirror
/// to run the same command and compare; a difference fails the script.
///
/// A class: it holds a connection (a child process) whose state the runner does not own.
public protocol Mirror: AnyObject, Sendable {
  /// Why a command cannot be run on the other side (it lacks that command, setting or
  /// question), or nil: a script with such a command is skipped, never passed.
  func unsupported(_ command: ScriptCommand) -> String?

  /// Runs on the other side what the reference just ran (`execution`, in the state it left in
  /// `session`), and says how the two differ; nil when they agree.
  func mirror(_ execution: Execution, in session: Session) -> Divergence?
}

/// Where the other side differs from the reference, or why it could not be asked.
public struct Divergence: Error, Hashable, Sendable {
  public var message: String
  /// `-reference +other` lines, in the script's event lines.
  public var diff: [String]

  public init(message: String, diff: [String] = []) {
    self.message = message
    self.diff = diff
  }
}

/// Where the scripts of a run get their mirror: a fresh system for each script, or one that
/// started again after an earlier script. Shared by the jobs of a run.
public protocol MirrorSource: Sendable {
  /// A mirror for the next script, or why none could be had (the system would not start).
  func take() -> Result<any Mirror, Divergence>
  /// The script is over: keep the mirror for another script if it can start again, or end it.
  func giveBack(_ mirror: any Mirror)
  /// A mirror that has run nothing yet, never one started again: what `clavard run --sut FILE`
  /// gets for its first script, so that a failure seen on it is one that command shows.
  func takeFresh() -> Result<any Mirror, Divergence>
}

extension MirrorSource {
  /// A source whose mirrors are never reused has nothing else to give.
  public func takeFresh() -> Result<any Mirror, Divergence> { take() }
}
