import Conformance
import ContactCenter

extension Lockstep {
  /// A command's or a clock move's reply against what the reference did.
  func compare(_ execution: Execution, _ reply: Reply, _ state: inout State) -> Divergence? {
    let reference: [Event]
    if reportsEveryKind {
      reference = execution.events
    } else {
      reference = execution.events.filter { capabilities.events.contains($0.kind) }
      state.unreported.formUnion(execution.events.map(\.kind).filter { !capabilities.events.contains($0) })
    }
    switch (execution.refusal, reply) {
    case (let refusal?, .refused(let kind, let message)):
      guard kind != refusal.kind.rawValue else { return nil }
      return Divergence(
        message:
          "both refused it, but \(name) for another reason (\(kind), the reference \(refusal.kind.rawValue))",
        diff: ["- ! " + refusal.description, "+ ! " + Escaping.controlsEscaped(message)])
    case (let refusal?, .events(let events)):
      let shown = Self.lines(events.map { state.names.translate($0, toSystem: false) })
      return Divergence(
        message: "the reference refused it (\(refusal.kind.rawValue)) but \(name) carried it out",
        diff: ["- ! " + refusal.description] + shown.map { "+ " + $0 })
    case (nil, .refused(let kind, let message)):
      return Divergence(
        message: "\(name) refused it (\(Escaping.controlsEscaped(kind))) but the reference carried it out",
        diff: reference.map { "- " + $0.description } + ["+ ! " + Escaping.controlsEscaped(message)])
    case (nil, .events(let replies)):
      state.names.learn(reference: execution.events, system: replies)
      return compare(reference, replies.map { state.names.translate($0, toSystem: false) })
    case (_, .error(let code, let text)):
      return Divergence(
        message:
          "\(name) answered an error: \(Escaping.controlsEscaped(code)): \(Escaping.controlsEscaped(text))")
    case (_, let other):
      return Divergence(message: "\(name) answered a command with \(other.typePhrase)")
    }
  }

  /// Whether the system wrote, byte for byte, the line the reference server would have written
  /// for a command or a clock move: then they agree, and the line need not be read. The common
  /// case, a system that keeps the reference's names and writes its fields in the same order,
  /// costs a write and a comparison rather than a parse, a decoding and a comparison of trees;
  /// any other line is read and compared field by field (``compare(_:_:_:)``).
  ///
  /// Only with no name learned (the system's names are the reference's) and every event kind
  /// reported (none is left out), where the full comparison would agree with such a line.
  func agreesToTheByte(_ execution: Execution, _ line: [UInt8], id: Int, _ state: inout State) -> Bool {
    guard reportsEveryKind, state.names.isEmpty else { return false }
    switch execution.request {
    case .command?, .clock?: break
    case .question?, nil: return false
    }
    state.expectedLine.removeAll(keepingCapacity: true)
    Reply(execution).json(inReplyTo: id).write(to: &state.expectedLine)
    return state.expectedLine == line
  }

  /// The events of both sides, compared by kind and fields, in order.
  private func compare(_ reference: [Event], _ replies: [JSON]) -> Divergence? {
    let expected = reference.map(\.json)
    // Nearly always the system's events are the reference's, field for field: compared as
    // they came, without reading them into events. Read only when they differ, where extra
    // fields, another order or another spelling of a value may still mean the same event.
    if expected == replies { return nil }
    var events: [Event] = []
    for reply in replies {
      do {
        events.append(try Event.decode(reply))
      } catch {
        return Divergence(
          message:
            "\(name) sent an event Clavard cannot read: \(error): \(Escaping.controlsEscaped(reply.text))")
      }
    }
    let actual = events.map(\.json)
    guard expected != actual else { return nil }
    var referenceLines = reference.map(\.description)
    var systemLines = events.map(\.description)
    if referenceLines == systemLines {
      // The lines read the same (a long text is cut in them): show the fields themselves.
      referenceLines = expected.map(\.text)
      systemLines = actual.map(\.text)
    }
    return Divergence(
      message: "the events differ from the reference's (-reference +\(name))",
      diff: LineDiff.lines(expected: referenceLines, actual: systemLines))
  }

  /// An answer against the reference's.
  func compare(
    _ question: Question, _ reference: Result<Answer, Unanswerable>, _ reply: Reply, _ names: NameMap
  )
    -> Divergence?
  {
    let spec = question.spec
    switch (reference, reply) {
    case (.failure, .noSuchSubject):
      return nil
    case (.failure(let problem), .answer(let json)):
      return Divergence(
        message:
          "the reference has no answer (\(problem.message)) but \(name) answered \(Escaping.controlsEscaped(json.text))"
      )
    case (.success(let answer), .noSuchSubject(let message)):
      return Divergence(
        message:
          "\(name) knows no such subject (\(Escaping.controlsEscaped(message))); the reference answers \(spec.render(answer))"
      )
    case (.success(let answer), .answer(let json)):
      let actual: Answer
      do {
        actual = try Answer.decode(Self.translate(json, for: question, names), for: question)
      } catch {
        return Divergence(message: "\(name) answered something Clavard cannot read: \(error)")
      }
      guard actual != answer else { return nil }
      return Divergence(
        message:
          "\(name) answers \(question.askedText) \(spec.render(actual)); the reference \(spec.render(answer))"
      )
    case (_, .error(let code, let text)):
      return Divergence(
        message:
          "\(name) answered an error: \(Escaping.controlsEscaped(code)): \(Escaping.controlsEscaped(text))")
    case (_, let other):
      return Divergence(message: "\(name) answered a question with \(other.typePhrase)")
    }
  }

  /// An answer's names in the reference's: a chat (`agent-offer`), and the customer of a case.
  private static func translate(_ json: JSON, for question: Question, _ names: NameMap) -> JSON {
    switch (question.kind, json) {
    case (.agentOffer, .string(let chat)): .string(names.reference(.chat, chat))
    default: names.translate(json, toSystem: false)
    }
  }

  /// Events as script lines, or as JSON where they cannot be read.
  static func lines(_ replies: [JSON]) -> [String] {
    replies.map { reply in (try? Event.decode(reply))?.description ?? Escaping.controlsEscaped(reply.text) }
  }
}
