import Conformance
import ContactCenter

/// Makes a failing run as short and plain as it can while it still fails the same way (the
/// same ``Failure`` signature): first removing chunks of steps, halving the chunk size when no
/// chunk can go (Zeller's ddmin), then removing whole agents and customers, then simplifying
/// what remains (shorter texts, smaller clock moves, fewer optional values, names in order),
/// again until nothing changes.
///
/// Every candidate is replayed from the start on a fresh reference (and system under test): a
/// step that no longer means anything (its chat was never opened) is left out, so every
/// candidate is a valid run, and what is kept is what ran.
struct Shrinker {
  /// A fresh system under test for each candidate, or none.
  let system: (any MirrorSource)?
  let signature: String
  /// What the reference gets wrong on purpose (``Explorer/referenceFaults``).
  let faults: FaultSet
  /// Candidates replayed so far.
  private(set) var trials = 0
  /// Steps replayed so far, and the most that will be: a bound on the time a shrink takes (a
  /// run of 10,000 commands could otherwise take hours through a pipe). Past it, the shortest
  /// failing run found so far is the result.
  private(set) var replayed = 0
  let budget: Int
  /// Asked before each candidate: false when the time given to the whole exploration is up
  /// (`--time`), and the shortest failing run found so far is the result.
  let keepGoing: () -> Bool
  /// The shrink ended because ``keepGoing`` said so, not because nothing more could go.
  private(set) var wasStopped = false

  /// The default budget: about two seconds in this process, a few minutes through a pipe.
  static let defaultBudget = 1_000_000

  init(
    system: (any MirrorSource)?, signature: String, faults: FaultSet = [], budget: Int = defaultBudget,
    keepGoing: @escaping () -> Bool = { true }
  ) {
    self.system = system
    self.signature = signature
    self.faults = faults
    self.budget = budget
    self.keepGoing = keepGoing
  }

  private var isSpent: Bool { wasStopped || replayed >= budget }

  /// The shortest run found that fails the same way, and its failure.
  mutating func shrink(_ steps: [Step], failure: Failure) -> (steps: [Step], failure: Failure) {
    var best = (steps: steps, failure: failure)
    while !isSpent {
      let before = best.steps
      removeChunks(&best)
      removeActors(&best)
      simplifySteps(&best)
      if best.steps == before { break }
    }
    return best
  }

  /// The run the candidate makes, if it fails the same way.
  private mutating func failing(_ candidate: [Step]) -> (steps: [Step], failure: Failure)? {
    guard !isSpent else { return nil }
    guard keepGoing() else {
      wasStopped = true
      return nil
    }
    trials += 1
    replayed += candidate.count
    var mirror: (any Mirror)?
    if let system {
      // A system that no longer starts fails no candidate the same way.
      guard case .success(let taken) = system.take() else { return nil }
      mirror = taken
    }
    let trial = Trial.replay(candidate, mirror: mirror, faults: faults)
    if let mirror { system?.giveBack(mirror) }
    guard let failure = trial.failure, failure.signature == signature else { return nil }
    return (trial.kept, failure)
  }

  /// ddmin: chunks of half the run, then a quarter, down to single steps.
  private mutating func removeChunks(_ best: inout (steps: [Step], failure: Failure)) {
    var size = max(1, best.steps.count / 2)
    while !isSpent {
      var removed = false
      var start = 0
      while start < best.steps.count, !isSpent {
        var candidate = best.steps
        candidate.removeSubrange(start..<min(start + size, candidate.count))
        if let smaller = failing(candidate), smaller.steps.count < best.steps.count {
          best = smaller
          removed = true
        } else {
          start += size
        }
      }
      if size == 1, !removed { return }
      size = removed ? min(size, max(1, best.steps.count / 2)) : max(1, size / 2)
    }
  }

  /// Every step of one agent (its definition included) or one customer, at once.
  private mutating func removeActors(_ best: inout (steps: [Step], failure: Failure)) {
    var index = 0
    var actors = Self.actors(best.steps)
    while index < actors.count, !isSpent {
      let candidate = best.steps.filter { !Self.concerns($0, actors[index]) }
      if let smaller = failing(candidate), smaller.steps.count < best.steps.count {
        best = smaller
        actors = Self.actors(best.steps)
      } else {
        index += 1
      }
    }
  }

  /// Each step made plainer, one simplification at a time; then the names in order.
  private mutating func simplifySteps(_ best: inout (steps: [Step], failure: Failure)) {
    var index = 0
    while index < best.steps.count, !isSpent {
      for simpler in Simplification.simpler(best.steps[index]) {
        var candidate = best.steps
        candidate[index] = simpler
        if let plainer = failing(candidate), plainer.steps.count <= best.steps.count {
          best = plainer
          break
        }
      }
      index += 1
    }
    let renamed = Simplification.renamedInOrder(best.steps)
    if renamed != best.steps, let plainer = failing(renamed), plainer.steps.count <= best.steps.count {
      best = plainer
    }
  }

  /// The agents and visitors of a run, in order of appearance.
  static func actors(_ steps: [Step]) -> [CommandSpec.Actor] {
    var seen: [CommandSpec.Actor] = []
    for step in steps {
      for actor in Simplification.actors(of: step) where !seen.contains(actor) { seen.append(actor) }
    }
    return seen
  }

  /// Whether a step is by the actor, or defines it.
  static func concerns(_ step: Step, _ actor: CommandSpec.Actor) -> Bool {
    Simplification.actors(of: step).first == actor
  }
}
