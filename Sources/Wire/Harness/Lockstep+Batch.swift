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
      var start = 0
      while start < items.count {
        // The stretch to send: up to the first item that names what this stretch creates.
        var created: Set<String> = []
        var end = start
        while end < items.count, end - start < Self.maximumInFlight {
          let item = items[end]
          if end > start, let request = Self.request(of: item.execution),
            Self.names(in: request.json(id: 0)).contains(where: created.contains)
          {
            break
          }
          created.formUnion(Self.createdNames(item.execution.events))
          end += 1
        }
        var ids: [Int?] = []
        for index in start..<end {
          guard let request = Self.request(of: items[index].execution) else {
            ids.append(nil)
            continue
          }
          let id = Self.nextID(&state)
          do throws(Divergence) {
            try Self.send(request, id: id, &state)
          } catch {
            return (index, error)
          }
          ids.append(id)
        }
        for (offset, id) in ids.enumerated() {
          guard let id else { continue }
          let item = items[start + offset]
          let reply: Reply
          do throws(Divergence) {
            reply = try Self.receive(id: id, &state)
          } catch {
            return (start + offset, error)
          }
          let divergence: Divergence?
          if case .question(let question)? = item.execution.request, let answer = item.answer {
            divergence = compare(question, answer, reply, state.names)
          } else {
            divergence = compare(item.execution, reply, &state)
          }
          if let divergence { return (start + offset, divergence) }
        }
        start = end
      }
      return nil
    }
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
