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

  /// Runs several commands on the system at once: the reference has predicted every outcome,
  /// so requests are sent ahead of their replies (as many as the pipe takes before a reply is
  /// read), then every reply is compared in order. The first divergence is returned with the
  /// index of its item; the items after it are not compared.
  ///
  /// A request that names something created earlier in the same batch (a chat opened a few
  /// requests before, which the system may name its own way) waits until the replies before it
  /// have taught the harness that name.
  ///
  /// - Complexity: one pass over the items; a round trip per stretch of items, not per item.
  public func mirror(batch items: [BatchItem]) -> (index: Int, divergence: Divergence)? {
    state.withLock { state -> (index: Int, divergence: Divergence)? in
      guard !state.isBroken else { return (0, Divergence(message: "\(name) failed earlier in this script")) }
      // Stretches overlap: while the system works on one, the replies of the one before are
      // compared. A stretch is sent once the names the one before created are learned.
      var start = 0
      var read: (start: Int, replies: [Reply?])?
      while start < items.count || read != nil {
        var sent: (start: Int, ids: [Int?])?
        if start < items.count {
          let end = Self.stretchEnd(items, from: start)
          var ids: [Int?] = []
          var lines: [String] = []
          for index in start..<end {
            guard let request = Self.request(of: items[index].execution) else {
              ids.append(nil)
              continue
            }
            let id = Self.nextID(&state)
            lines.append(Self.line(request, id: id, state))
            ids.append(id)
          }
          do throws(Divergence) {
            try Self.send(lines: lines, &state)
          } catch {
            return (read?.start ?? start, error)
          }
          sent = (start, ids)
          start = end
        }
        if let (first, replies) = read {
          for (offset, reply) in replies.enumerated() {
            guard let reply else { continue }
            if let divergence = compare(items[first + offset], reply, &state) {
              // The stretch sent meanwhile is answered before the system is asked anything
              // else (a reset), or its replies would be taken for the next request's.
              Self.drain(sent?.ids ?? [], &state)
              return (first + offset, divergence)
            }
          }
          read = nil
        }
        if let (first, ids) = sent {
          var replies: [Reply?] = []
          for (offset, id) in ids.enumerated() {
            guard let id else {
              replies.append(nil)
              continue
            }
            do throws(Divergence) {
              let reply = try Self.receive(id: id, &state)
              // Learned now, so that the next stretch can name what this one created.
              if case .events(let events) = reply, items[first + offset].execution.refusal == nil {
                state.names.learn(reference: items[first + offset].execution.events, system: events)
              }
              replies.append(reply)
            } catch {
              return (first + offset, error)
            }
          }
          read = (first, replies)
        }
      }
      return nil
    }
  }

  /// Reads and leaves the replies to requests sent after a divergence; a system that fails to
  /// give them is broken (``receive(id:_:)``).
  private static func drain(_ ids: [Int?], _ state: inout State) {
    for case let id? in ids where !state.isBroken { _ = try? receive(id: id, &state) }
  }

  /// Where the stretch from `start` ends: before the first item that names what the stretch
  /// creates, or after ``maximumInFlight`` items.
  private static func stretchEnd(_ items: [BatchItem], from start: Int) -> Int {
    var created: Set<String> = []
    var end = start
    while end < items.count, end - start < maximumInFlight {
      let item = items[end]
      if end > start, !created.isEmpty, let request = request(of: item.execution),
        names(in: request.json(id: 0)).contains(where: created.contains)
      {
        break
      }
      created.formUnion(createdNames(item.execution.events))
      end += 1
    }
    return end
  }

  /// One item's reply against what the reference did.
  private func compare(_ item: BatchItem, _ reply: Reply, _ state: inout State) -> Divergence? {
    if case .question(let question)? = item.execution.request, let answer = item.answer {
      return compare(question, answer, reply, state.names)
    }
    return compare(item.execution, reply, &state)
  }

  /// How many requests may wait for their replies: their replies must fit in what the harness
  /// reads ahead (a line's limit), or both sides would wait for the other.
  static let maximumInFlight = 256

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
        if case .string(let name) = value, ["chat", "customer", "case"].contains(key) { return [name] }
        return names(in: value)
      }
    case .array(let values): values.flatMap(names)
    default: []
    }
  }

  /// The names the reference's events created.
  private static func createdNames(_ events: [Event]) -> [String] {
    events.compactMap { event in
      switch event {
      case .chatQueued(let chat, _, _): chat.description
      case .customerCreated(let record, _): record.id.rawValue
      case .logSaved(_, let caseID, _, _): caseID.rawValue
      default: nil
      }
    }
  }
}
