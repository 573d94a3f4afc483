import Conformance
import ContactCenter

extension Lockstep {
  /// One command of a batch: what the reference did and, for a question, its answer then.
  public struct BatchItem: Sendable {
    public var execution: Execution
    public var answer: Result<Answer, Unanswerable>?

    public init(execution: Execution, answer: Result<Answer, Unanswerable>? = nil) {
      self.execution = execution
      self.answer = answer
    }
  }

  /// Hands the system a command the reference already ran, without waiting for its reply: the
  /// reference has predicted the outcome, so the system works on this one while the caller
  /// runs the next on the reference. Replies are read (and compared, in order) only when they
  /// must be: when ``maximumInFlight`` wait, when a request names what a command still waiting
  /// created (a chat the system may name its own way), and at ``settle()``.
  ///
  /// Items are numbered from 0 since the last ``settle()`` (or divergence); a divergence is
  /// returned with its item's number, the items after it are not compared, and the replies
  /// already asked for are read and left, so that the system can be asked again (a reset).
  ///
  /// - Complexity: one write per item; a wait for replies only at the points above.
  public func submit(_ item: BatchItem) -> (index: Int, divergence: Divergence)? {
    state.withLock { state -> (index: Int, divergence: Divergence)? in
      let index = state.pipeline.submitted
      state.pipeline.submitted += 1
      guard !state.isBroken else {
        state.pipeline = Pipeline()
        return (index, Divergence(message: "\(name) failed earlier in this script"))
      }
      guard let request = Self.request(of: item.execution) else {
        state.pipeline.waiting.append(Waiting(index: index, item: item, id: nil, created: []))
        return nil
      }
      let id = Self.nextID(&state)
      let json = request.json(id: id)
      // A name created by a command still waiting is known to the harness only with its reply.
      if !state.pipeline.creators.isEmpty,
        let creator = Self.names(in: json).compactMap({ state.pipeline.creators[$0] }).max(),
        let found = read(through: creator, &state)
      {
        return found
      }
      // Written at once, not gathered into fewer writes: the system then works on this while
      // the reference runs the next (gathering sixteen halved the commands a second).
      do throws(Divergence) {
        try Self.send(lines: [state.names.translate(json, toSystem: true).text], &state)
      } catch {
        return failed(error, &state, at: index)
      }
      let created = item.execution.refusal == nil ? item.execution.events.compactMap(NameMap.createdName) : []
      for name in created { state.pipeline.creators[name] = index }
      state.pipeline.waiting.append(Waiting(index: index, item: item, id: id, created: created))
      guard state.pipeline.waitingCount >= Self.maximumInFlight else { return nil }
      let oldest = state.pipeline.waiting[state.pipeline.head].index
      return read(through: oldest + Self.maximumInFlight / 2, &state)
    }
  }

  /// Reads and compares every reply still waiting; the next item submitted is number 0.
  public func settle() -> (index: Int, divergence: Divergence)? {
    state.withLock { state in
      defer { state.pipeline = Pipeline() }
      return read(through: Int.max, &state)
    }
  }

  /// Runs several commands on the system at once (``submit(_:)`` each, then ``settle()``):
  /// the first divergence, with the number of its item.
  public func mirror(batch items: [BatchItem]) -> (index: Int, divergence: Divergence)? {
    for item in items {
      if let found = submit(item) { return found }
    }
    return settle()
  }

  /// How many requests may wait for their replies: their replies must fit in what the harness
  /// reads ahead (a line's limit), or both sides would wait for the other.
  static let maximumInFlight = 256

  // MARK: Reading

  /// Reads the replies of the items waiting, in order, through item `last`, comparing each.
  private func read(through last: Int, _ state: inout State) -> (index: Int, divergence: Divergence)? {
    while let waiting = state.pipeline.first, waiting.index <= last {
      state.pipeline.removeFirst()
      guard let id = waiting.id else { continue }
      let reply: Reply
      do throws(Divergence) {
        let line = try Self.receiveLine(&state)
        for name in waiting.created where state.pipeline.creators[name] == waiting.index {
          state.pipeline.creators[name] = nil
        }
        if agreesToTheByte(waiting.item.execution, line, id: id, &state) { continue }
        reply = try Self.reply(to: id, in: line, &state)
      } catch {
        state.pipeline = Pipeline()
        return (waiting.index, error)
      }
      if let divergence = compare(waiting.item, reply, &state) {
        // The requests sent after it are answered before the system is asked anything else
        // (a reset), or their replies would be taken for the next request's.
        while let rest = state.pipeline.first, !state.isBroken {
          state.pipeline.removeFirst()
          if let id = rest.id { _ = try? Self.receive(id: id, &state) }
        }
        state.pipeline = Pipeline()
        return (waiting.index, divergence)
      }
    }
    return nil
  }

  /// A failure to write item `index`: the first item still waiting is where it shows (the
  /// system may have stopped before it).
  private func failed(_ divergence: Divergence, _ state: inout State, at index: Int) -> (
    index: Int, divergence: Divergence
  ) {
    let first = state.pipeline.first?.index ?? index
    state.pipeline = Pipeline()
    return (first, divergence)
  }

  /// One item's reply against what the reference did.
  private func compare(_ item: BatchItem, _ reply: Reply, _ state: inout State) -> Divergence? {
    if case .question(let question)? = item.execution.request, let answer = item.answer {
      return compare(question, answer, reply, state.names)
    }
    return compare(item.execution, reply, &state)
  }

  /// The request the system is sent for what the reference did (nil when nothing was asked).
  static func request(of execution: Execution) -> Request? {
    switch execution.request {
    case .command(let command)?: .command(CommandCall(command))
    case .clock(let instant)?: .clock(instant)
    case .question(let question)?: .query(question)
    case nil: nil
    }
  }

  /// The names of the three kinds the system may choose (chats, created customers, saved
  /// cases) that a message holds, at any depth.
  private static func names(in json: JSON) -> [String] {
    switch json {
    case .object(let members):
      members.flatMap { key, value -> [String] in
        if case .string(let name) = value, NameMap.keys.contains(key) { return [name] }
        return names(in: value)
      }
    case .array(let values): values.flatMap(names)
    default: []
    }
  }

}

/// An item handed to the system whose reply is not read yet.
struct Waiting {
  var index: Int
  var item: Lockstep.BatchItem
  /// Its request's id; nil when nothing was asked (the item is only counted).
  var id: Int?
  /// The names the reference's events created (what a later request may have to wait for).
  var created: [String]
}

/// What ``Lockstep/submit(_:)`` has handed the system and not read back yet.
struct Pipeline {
  /// Items waiting, oldest first, from `head` on (taken from the front without moving the rest).
  var waiting: [Waiting] = []
  var head = 0
  /// Items submitted since the last settle: the next one's number.
  var submitted = 0
  /// The names created by items waiting, and the number of the item that created each.
  var creators: [String: Int] = [:]

  var waitingCount: Int { waiting.count - head }
  var first: Waiting? { head < waiting.count ? waiting[head] : nil }

  mutating func removeFirst() {
    head += 1
    if head == waiting.count {
      waiting.removeAll(keepingCapacity: true)
      head = 0
    } else if head >= 1024, head * 2 >= waiting.count {
      // Never empty while items keep coming: what was read goes, now and then.
      waiting.removeFirst(head)
      head = 0
    }
  }
}
