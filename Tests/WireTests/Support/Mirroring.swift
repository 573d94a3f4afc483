import Conformance
import ContactCenter
import Wire

/// A script's commands run on the reference and mirrored on a system under test, the two ways
/// a harness does it: one command at a time (`clavard run --sut`, the REPL) and in batches
/// sent ahead of their replies (`clavard explore`).
enum Mirroring {
  /// Where a system differs from the reference: the command's number (from 0, every command of
  /// the script counted) and what differs.
  struct Found: Equatable, CustomStringConvertible {
    var index: Int
    var message: String
    var diff: [String]

    init(_ index: Int, _ divergence: Divergence) {
      self.index = index
      message = divergence.message
      diff = divergence.diff
    }

    var description: String { "\(index): \(message)\(diff.map { "\n  " + $0 }.joined())" }
  }

  /// A script's commands run on the reference: what the lockstep is given, item by item.
  static func items(_ text: String) throws -> [Lockstep.BatchItem] {
    let script = try ScriptParser.parse(text, path: "t.chat")
    var session = Session()
    var items: [Lockstep.BatchItem] = []
    for statement in script.statements {
      guard case .command(let command, _) = statement.kind else { continue }
      let execution = session.run(command)
      var answer: Result<Answer, Unanswerable>?
      if case .question(let question)? = execution.request { answer = session.answer(question) }
      items.append(Lockstep.BatchItem(execution: execution, answer: answer))
    }
    return items
  }

  /// Every divergence of a script's commands mirrored one at a time, going on after each as
  /// the REPL does.
  static func oneAtATime(_ text: String, on lockstep: Lockstep) throws -> [Found] {
    let script = try ScriptParser.parse(text, path: "t.chat")
    var session = Session()
    var found: [Found] = []
    var index = 0
    for statement in script.statements {
      guard case .command(let command, _) = statement.kind else { continue }
      let execution = session.run(command)
      if let divergence = lockstep.mirror(execution, in: session) { found.append(Found(index, divergence)) }
      index += 1
    }
    return found
  }

  /// The first divergence of a script's commands sent as one batch.
  static func batched(_ text: String, on lockstep: Lockstep) throws -> Found? {
    try lockstep.mirror(batch: items(text)).map { Found($0.index, $0.divergence) }
  }
}
