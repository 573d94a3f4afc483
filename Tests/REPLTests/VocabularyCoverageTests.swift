import Conformance
import ContactCenter
import Testing

@testable import REPL

/// Every word the parser accepts is completed by Tab and has `.help`: both come from the
/// vocabulary, and these tests fail if a word reaches one and not the other.
@Suite("Every word of the vocabulary: completed and helped")
struct VocabularyCoverageTests {
  /// alice (agent) holding marie's chat-1, in wrap-up after an end, so that every command has
  /// something to complete.
  private func harness() -> Harness {
    let harness = Harness()
    harness.type(aliceWithChat)
    return harness
  }

  @Test(
    "Each word of each actor's command is offered where it goes", arguments: Vocabulary.commands.map(\.name))
  func commandWords(_ name: String) {
    let harness = harness()
    for spec in Vocabulary.commands where spec.name == name {
      let prefix = spec.roles.contains(.tenant) ? "" : spec.roles.contains(.agent) ? "alice> " : "marie> "
      for (index, word) in spec.words.enumerated() {
        let typed = prefix + spec.words.prefix(index).map { $0 + " " }.joined()
        #expect(harness.complete(typed).contains(word), "Tab after \"\(typed)\" does not offer \(word)")
      }
      #expect(Help.detail(spec.words[0]) != nil, "no .help for \(spec.words[0])")
    }
  }

  @Test("Each line keyword, set key and value, and REPL command is offered and has help")
  func keywordsAndSettings() {
    let harness = harness()
    for word in Vocabulary.lineWords {
      #expect(harness.complete("").contains(word), "\(word) is not offered on an empty line")
      #expect(Help.detail(word) != nil, "no .help for \(word)")
    }
    for setting in Vocabulary.settings {
      #expect(harness.complete("set ").contains(setting.key.rawValue))
      for value in setting.suggestedValues {
        #expect(harness.complete("set \(setting.key) ").contains(value), "set \(setting.key) \(value)")
      }
    }
    for command in DotCommand.allCases {
      #expect(Help.detail(command.rawValue) != nil, "no .help for \(command.rawValue)")
      if command.rawValue.hasPrefix(".") { #expect(harness.complete(".").contains(command.rawValue)) }
    }
  }

  @Test("Each question's words and each answer of a closed set are offered", arguments: QuestionKind.allCases)
  func questions(_ kind: QuestionKind) {
    let harness = harness()
    let spec = Vocabulary.question(kind)
    let subject: String
    switch spec.subject {
    case .agent, .actor: subject = "alice"
    case .chat: subject = "chat-1"
    case .keyword(let word, nil): subject = word
    case .keyword(let word, _?):
      subject = word + " " + (word == "setting" ? "chat-log" : word == "queue" ? "support" : "x")
    }
    if case .keyword(let word, _) = spec.subject { #expect(harness.complete("expect ").contains(word)) }
    var typed = "expect \(subject) "
    for field in spec.fields {
      if let word = field.word {
        #expect(harness.complete(typed).contains(word), "Tab after \"\(typed)\" does not offer \(word)")
        typed += word + " "
      }
      if case .choice(let choice) = field.kind {
        for word in choice.words { #expect(harness.complete(typed).contains(word), "\(typed)\(word)") }
      }
      typed += "x "
    }
  }

  @Test("The procedure `.help` shows is made of the vocabulary's commands, in its order")
  func procedure() {
    let names = Vocabulary.agentCommands.map(\.name)
    var last = -1
    for step in Help.procedure {
      let index = names.firstIndex { $0 == step }
      #expect(index != nil, "\(step) is not an agent's command")
      if let index {
        #expect(index > last, "\(step) comes before the step above it in the table")
        last = index
      }
    }
    #expect(
      Help.detail("queues")?.contains { $0.contains("in the procedure: login → ready → [queues enable]") }
        == true)
    #expect(Help.detail("accept")?.contains("    example: alice> accept") == true)
  }
}
