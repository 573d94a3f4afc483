import ContactCenter

/// `expect SUBJECT QUESTION ANSWER` lines, read with ``Vocabulary/questions``: the answer is
/// checked for its kind here, so `expect chat-1 state wrapup` is a parse error ("did you mean
/// wrap-up"), not a failure when the script runs.
enum ExpectParser {
  static func parse(_ reader: inout TokenReader) throws(ParseError) -> Query {
    let keywordSubjects = Vocabulary.questions.compactMap { spec -> String? in
      if case .keyword(let word, _) = spec.subject { word } else { nil }
    }
    let subject = try reader.value(
      "what to check: an agent, a customer, a chat, \(Choice.alternatives(keywordSubjects))")
    let query: Query
    if keywordSubjects.contains(subject) {
      let named = Vocabulary.questions.first { spec in
        if case .keyword(subject, _) = spec.subject { true } else { false }
      }
      guard let spec = named else {
        preconditionFailure("the keyword \(subject) names no question")
      }
      var value = ""
      if case .keyword(_, let kind?) = spec.subject {
        value = try reader.read(kind, expected: subjectExpected(kind)).canonicalText
        if kind == .settingKey { try checkSetting(value, at: reader.previousLocation) }
      }
      query = try made(spec, value, try fields(of: spec, subject: value, &reader))
    } else {
      let about: QuestionSpec.Subject = ChatID(parsing: subject) != nil ? .chat : .agent
      let specs = Vocabulary.questions.filter {
        $0.subject == about || (about == .agent && $0.subject == .actor)
      }
      let words = specs.compactMap { $0.fields.first?.word }
      let question = try reader.word("what to check of \(subject): \(words.joined(separator: ", "))")
      guard let spec = specs.first(where: { $0.fields.first?.word == question }) else {
        throw ParseError(
          "unknown question '\(Escaping.escaped(question))' about \(subject)\(Suggestions.hint(for: question, among: words)); expected \(words.joined(separator: ", "))",
          at: reader.previousLocation)
      }
      query = try made(spec, subject, try fields(of: spec, subject: subject, &reader, questionWordRead: true))
    }
    try reader.end()
    return query
  }

  /// The query of a subject and fields this parser has checked.
  private static func made(_ spec: QuestionSpec, _ subject: String, _ fields: [String]) throws(ParseError)
    -> Query
  {
    guard let query = spec.make(subject, fields) else {
      preconditionFailure("\(subject) was read as the subject of \(spec.kind.rawValue)")
    }
    return query
  }

  private static func subjectExpected(_ kind: ValueKind) -> String {
    switch kind {
    case .queue: "a queue name"
    case .caseRecord: "a case id"
    case .customerRecord: "a customer record id"
    default: "a setting"
    }
  }

  private static func checkSetting(_ key: String, at location: SourceLocation) throws(ParseError) {
    guard Setting.Key(rawValue: key) == nil else { return }
    let keys = Setting.Key.allCases.map(\.rawValue)
    throw ParseError(
      "there is no setting \(Escaping.quoted(key)); settings are \(keys.joined(separator: ", "))\(Suggestions.hint(for: key, among: keys))",
      at: location)
  }

  /// Each field: its word (already read for the first when `questionWordRead`), then its value,
  /// canonical.
  private static func fields(
    of spec: QuestionSpec, subject: String, _ reader: inout TokenReader, questionWordRead: Bool = false
  ) throws(ParseError) -> [String] {
    var values: [String] = []
    for (index, field) in spec.fields.enumerated() {
      if let word = field.word, !(questionWordRead && index == 0) { try keyword(word, &reader) }
      if field.kind == .settingValue {
        let text = try reader.value(field.expected)
        do {
          values.append(try Setting.parse(key: subject, value: text).valueText)
        } catch {
          throw ParseError(error.description, at: reader.previousLocation)
        }
      } else {
        values.append(try reader.read(field.kind, expected: field.expected).canonicalText)
      }
    }
    return values
  }

  private static func keyword(_ expected: String, _ reader: inout TokenReader) throws(ParseError) {
    let here = reader.location
    let word = try reader.word("'\(expected)'")
    guard word == expected else {
      throw ParseError("expected '\(expected)', not '\(Escaping.escaped(word))'", at: here)
    }
  }
}
