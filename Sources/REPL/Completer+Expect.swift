import Conformance
import ContactCenter

/// Completion of `expect` lines, from ``Vocabulary/questions``: the subject, the question's
/// words, and for each answer the actual one first (asked of ``Session/answer(_:)``).
extension Completer {
  static func expect(_ args: [String], _ partial: String, _ context: CompletionContext) -> [String] {
    let keywords = Vocabulary.questions.compactMap { spec -> String? in
      if case .keyword(let word, _) = spec.subject { word } else { nil }
    }
    guard let subject = args.first else {
      return filter(keywords, partial) + actorNames(context, prefix: partial)
        + filter(context.center.chats.map(\.id.description), partial)
    }
    let rest = Array(args.dropFirst())
    if keywords.contains(subject) {
      let spec = Vocabulary.questions.first { spec in
        if case .keyword(subject, _) = spec.subject { true } else { false }
      }
      guard let spec else { return [] }
      guard case .keyword(_, let kind?) = spec.subject else {
        return answer(spec, subject: "", rest, partial, context)
      }
      guard let value = rest.first else { return filter(values(of: kind, context), partial) }
      return answer(spec, subject: value, Array(rest.dropFirst()), partial, context)
    }
    let isChat = ChatID(parsing: subject) != nil
    let isAgent = context.center.agent(AgentID(subject)) != nil
    let specs = Vocabulary.questions.filter { spec in
      isChat ? spec.subject == .chat : spec.subject == .actor || (isAgent && spec.subject == .agent)
    }
    guard let word = rest.first else { return filter(specs.compactMap { $0.fields.first?.word }, partial) }
    guard let spec = specs.first(where: { $0.fields.first?.word == word }) else { return [] }
    return answer(spec, subject: subject, rest, partial, context)
  }

  /// The candidates for the part of the answer at the cursor: a field's word, or its value with
  /// the actual one first. `given` holds the words after the subject.
  private static func answer(
    _ spec: QuestionSpec, subject: String, _ given: [String], _ partial: String, _ context: CompletionContext
  ) -> [String] {
    var slot = given.count
    for (index, field) in spec.fields.enumerated() {
      if let word = field.word {
        if slot == 0 { return filter([word], partial) }
        slot -= 1
      }
      if slot == 0 {
        var actual: [String] = []
        if spec.kind != .sees, let question = spec.question(about: subject),
          case .success(let answer) = context.session.answer(question), index < answer.fields.count
        {
          let value = answer.fields[index]
          // A text with a space or a quote is offered as the parser reads it.
          let needsQuotes =
            field.kind == .text && value.unicodeScalars.contains { $0 == " " || $0 == "\"" || $0 == "\\" }
          actual = [needsQuotes ? Escaping.quoted(value) : value]
        }
        let others = Lookup(context: context, subject: subject).values(of: field.kind)
        return filter(unique(actual + others), partial)
      }
      slot -= 1
    }
    return []
  }
}
