import Conformance
import ContactCenter
import Wire

/// What went wrong in a run: the reference broke an invariant (or its routing audit), or the
/// system under test did not do what the reference did.
public struct Failure: Hashable, Sendable {
  public enum Kind: String, Hashable, Sendable {
    case invariant
    case divergence
  }

  public var kind: Kind
  /// The failing command's words (`accept`, `queues enable`), `set` or `clock`; `end of run`
  /// for the invariants checked on the whole state at the end.
  public var command: String
  public var message: String
  /// `-reference +sut` lines, for a divergence.
  public var diff: [String]
  /// What a smaller run must fail with to count as the same failure (``Trial``).
  let signature: String
}

/// One run of steps on a fresh reference, and on a system under test beside it when there is
/// one: each step is resolved in the reference's state (or left out), run, and checked, and
/// the run stops at the first failure. The explorer drives one step at a time; the shrinker
/// replays whole candidate runs.
struct Trial {
  /// The reference, with every offer audited: a center alone when nothing is compared with it
  /// (the fastest way to run it), a session when a mirror is, which needs one.
  private var plain: Center
  private let compared: Compared?
  /// The steps that meant something and ran, in order (the failing one last), when the trial
  /// keeps them: exploring does not (it makes the run again if it fails), shrinking does.
  private(set) var kept: [Step] = []
  private let keepsSteps: Bool
  /// Without a mirror: what a system under test would not run (its `unsupported` check), so
  /// that a run made again without the system leaves out the same commands as the run that
  /// failed on it, and so is the same run.
  var skipping: (@Sendable (ScriptCommand) -> String?)?
  /// How many steps ran.
  private(set) var ran = 0
  /// The events of the last step run.
  private(set) var lastEvents: [Event] = []
  private var touchedAgents: [AgentID] = []
  private var touchedChats: [ChatID] = []
  private(set) var failure: Failure?
  /// The commands generated that the system under test does not support (`ready`,
  /// `set reject-permission`), each once: they are left out of the run, and the summary says so.
  private(set) var unsupported: [String] = []

  /// The session and the mirror, when a system under test is compared with the reference: in
  /// a box, so that the trial itself stays small and is never copied with a session in it.
  private final class Compared {
    var session: Session
    let mirror: any Mirror
    /// The mirror as a system under test on the protocol, which takes commands without
    /// waiting for their replies: the reference has already decided each outcome, so the
    /// system works on one command while the reference runs the next. (Another mirror, such
    /// as a test's, is asked command by command.)
    let lockstep: Lockstep?
    /// The words and the reference's outcome of each command handed to the system since the
    /// run started: a divergence found later names its step.
    var handed: [(words: String, execution: Execution)] = []

    init(mirror: any Mirror, faults: FaultSet) {
      session = Session(faults: faults)
      self.mirror = mirror
      lockstep = mirror as? Lockstep
    }
  }

  /// `faults` make the reference itself get things wrong: only tests give any (see
  /// ``Explorer/referenceFaults``).
  init(mirror: (any Mirror)?, faults: FaultSet = [], keepsSteps: Bool = true) {
    self.keepsSteps = keepsSteps
    plain = Center(faults: faults)
    plain.auditsRouting = true
    compared = mirror.map { Compared(mirror: $0, faults: faults) }
  }

  /// The reference's state.
  var center: Center { compared?.session.center ?? plain }

  /// Runs the step the generator makes from the reference's state, and tells the generator
  /// what happened; returns whether it ran (see ``perform(_:)``).
  @discardableResult
  mutating func performNext(from generator: inout Generator) -> Bool {
    // The center is read where it lies: a copy would retain each of its buffers, and this
    // runs before every command.
    let ran = perform(compared.map { generator.next(in: $0.session.center) } ?? generator.next(in: plain))
    if ran { generator.observe(lastEvents) }
    return ran
  }

  /// Runs one step; returns whether it ran (it is left out when it means nothing in this state,
  /// or the system under test does not support it). Nothing runs after a failure.
  @discardableResult
  mutating func perform(_ step: Step) -> Bool {
    guard failure == nil else { return false }
    guard let compared else {
      guard let command = step.command(in: plain), skipping?(command) == nil else { return false }
      run(command)
      ran += 1
      if keepsSteps { kept.append(step) }
      noteTouched()
      let violations =
        plain.routingViolations + plain.invariantViolations(agents: touchedAgents, chats: touchedChats)
      if !violations.isEmpty { failure = Self.invariants(violations, command: step.words) }
      return true
    }
    guard let command = step.command(in: compared.session.center) else { return false }
    guard compared.mirror.unsupported(command) == nil else {
      let name = step.name
      if !unsupported.contains(name) { unsupported.append(name) }
      return false
    }
    let execution = compared.session.run(command)
    ran += 1
    if keepsSteps { kept.append(step) }
    lastEvents = execution.events
    let violations = compared.session.invariantViolationsOfLastCommand()
    if let lockstep = compared.lockstep {
      var item = Lockstep.BatchItem(execution: execution)
      if case .question(let question)? = execution.request { item.answer = compared.session.answer(question) }
      compared.handed.append((step.words, execution))
      if let (index, divergence) = lockstep.submit(item) {
        takeBack(after: index, divergence, compared)
      } else if !violations.isEmpty, let (index, divergence) = lockstep.settle() {
        // A divergence before a broken invariant is the first failure.
        takeBack(after: index, divergence, compared)
      }
    } else if let divergence = compared.mirror.mirror(execution, in: compared.session) {
      failure = Self.divergence(divergence, of: execution, words: step.words)
    }
    if failure == nil, !violations.isEmpty { failure = Self.invariants(violations, command: step.words) }
    return true
  }

  /// The system diverged at the `index`th command handed to it: the steps after it are taken
  /// back, as the run ends at its first failure.
  private mutating func takeBack(after index: Int, _ divergence: Divergence, _ compared: Compared) {
    let after = compared.handed.count - index - 1
    ran -= after
    if keepsSteps { kept.removeLast(after) }
    let (words, execution) = compared.handed[index]
    failure = Self.divergence(divergence, of: execution, words: words)
  }

  /// A divergence of the system from the reference; the reference's refusal, if any, tells one
  /// divergence of a command from another.
  private static func divergence(_ divergence: Divergence, of execution: Execution, words: String) -> Failure
  {
    let detail = execution.refusal?.kind.rawValue ?? "carried out"
    return Failure(
      kind: .divergence, command: words, message: divergence.message, diff: divergence.diff,
      signature: "divergence \(words) \(detail)")
  }

  /// Runs a command on the plain center; its events go to ``lastEvents`` (a buffer reused from
  /// one command to the next).
  private mutating func run(_ command: ScriptCommand) {
    lastEvents.removeAll(keepingCapacity: true)
    do {
      switch command {
      case .engine(let command): try plain.perform(command, into: &lastEvents)
      case .clock(.forward(let interval)): lastEvents = try plain.advance(by: interval)
      case .clock(.to(let instant)): lastEvents = try plain.advance(to: instant)
      case .actor, .expect: preconditionFailure("generated steps are engine commands and clock moves")
      }
    } catch {
      lastEvents.removeAll()
    }
  }

  /// Notes the agents and chats the last command's events name, each once: what the invariants
  /// are checked for after it. (Buffers reused from one command to the next.)
  private mutating func noteTouched() {
    touchedAgents.removeAll(keepingCapacity: true)
    touchedChats.removeAll(keepingCapacity: true)
    for event in lastEvents {
      if let agent = event.agent, !touchedAgents.contains(agent) { touchedAgents.append(agent) }
      if let chat = event.chat, !touchedChats.contains(chat) { touchedChats.append(chat) }
    }
  }

  /// The invariants of the whole state, once the run's steps are done.
  mutating func finish() {
    if failure == nil, let compared, let lockstep = compared.lockstep,
      let (index, divergence) = lockstep.settle()
    {
      takeBack(after: index, divergence, compared)
    }
    guard failure == nil else { return }
    let violations = center.invariantViolations()
    if !violations.isEmpty { failure = Self.invariants(violations, command: Self.endOfRun) }
  }

  /// What a failure found by ``finish()`` names as its command.
  static let endOfRun = "end of run"

  /// Runs steps from the start; the run stops at its first failure.
  static func replay(_ steps: [Step], mirror: (any Mirror)?, faults: FaultSet = []) -> Trial {
    var trial = Trial(mirror: mirror, faults: faults)
    for step in steps where trial.failure == nil { trial.perform(step) }
    trial.finish()
    return trial
  }

  /// The first violation tells this failure from another, its numbers left out (chat numbers
  /// change as the shrinker removes chats).
  private static func invariants(_ violations: [String], command: String) -> Failure {
    let first = violations.first ?? ""
    let shape = String(first.map { $0.isNumber ? "#" : $0 })
    return Failure(
      kind: .invariant, command: command,
      message: "the reference broke its invariants: " + violations.joined(separator: "; "), diff: [],
      signature: "invariant \(command) \(shape)")
  }
}
