/// Scripts the tests run: one that passes, one that fails in its first step (after a `use`),
/// one that cannot be parsed, and the set-up the failing one includes; with what `clavard run`
/// prints for the failing and the broken one.
public enum SampleScripts {
  public static let pass = """
    # Alice logs in and gets ready.
    # covers: SES-2 SES-3
    # tags: session smoke
    queue support media=chat dispositions=resolved
    < queue support defined: chat, dispositions resolved
    agent alice queues=support
    < agent alice defined: queues support

    step SES-2 "alice logs in"
    alice> login
    < alice logged in
    step SES-3 "alice is ready"
    alice> ready
    < alice is ready to work (Working Offline)

    """

  public static let fail = """
    # covers: SES-3 CAP-9
    # tags: session
    use setup.chat
    step SES-3 "alice is ready"
    alice> ready
    < alice is ready to work (Available)
    step SES-4 "never reached"
    alice> queues confirm

    """

  /// alice logged in, ready, Available with support enabled: the commands alone (no `<` lines),
  /// for a session or a system to start from.
  public static let aliceAvailable = """
    queue support
    agent alice queues=support
    alice> login
    alice> ready
    alice> queues enable support
    alice> queues confirm
    alice> status available

    """

  public static let setup = """
    queue support media=chat dispositions=resolved
    < queue support defined: chat, dispositions resolved
    agent alice queues=support
    < agent alice defined: queues support
    alice> login
    < alice logged in

    """

  public static let broken = """
    queue support media=chat
    alice> login
    bogus line

    """

  public static let failure = """
    FAIL fail.chat
    fail.chat:5:1: in step SES-3 "alice is ready": the events of `alice> ready` differ
      - alice is ready to work (Available)
      + alice is ready to work (Working Offline)
    """

  public static let brokenError =
    "broken.chat:3:1: unknown command 'bogus'; an actor's command is written 'name> command'\n"

  /// `FAIL broken.chat` and its parse error under it, as the text report prints them.
  public static let brokenFailure = "FAIL broken.chat\n" + brokenError

  /// The list that closes a run with failures, before the summary.
  public static func failedList(_ paths: String...) -> String {
    "Failed scripts (\(paths.count)):\n" + paths.map { "  \($0)\n" }.joined()
  }
}
