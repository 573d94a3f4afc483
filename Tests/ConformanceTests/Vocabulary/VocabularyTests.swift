import ClavardTestSupport
import ContactCenter
import Testing

@testable import Conformance

/// Every `<` line of the conformance scripts and the docs' examples: what the engine really says.
private let realEvents: [String] = {
  let paths = ["docs/script-language.md"] + ((try? Repository.scripts(under: "fixtures/conformance")) ?? [])
  return paths.flatMap {
    ((try? Repository.read($0)) ?? "").split(separator: "\n").filter { $0.hasPrefix("< ") }
  }
  .map { String($0.dropFirst(2)) }
}()

private let requirementIDs: Set<String> = Set(
  ((try? Repository.read("fixtures/procedure/requirements.tsv")) ?? "").split(separator: "\n").compactMap {
    $0.split(separator: "\t").first.map(String.init)
  })

@Suite("The vocabulary: one table of the language's words")
struct VocabularyTests {
  @Test("Every command's example parses as that command", arguments: Vocabulary.commands.map(\.name))
  func examplesParse(_ name: String) throws {
    for spec in Vocabulary.commands where spec.name == name {
      let line =
        spec.roles.contains(.tenant)
        ? spec.example : (spec.roles.contains(.agent) ? "alice> " : "marie> ") + spec.example
      switch try command(line) {
      case .engine: #expect(spec.roles == .tenant)
      case .actor(_, let parsed): #expect(parsed.name == spec.name, "\(line) parsed as \(parsed.name)")
      default: Issue.record("\(line) parsed as something else")
      }
      #expect(spec.usage.hasPrefix(spec.name))
    }
  }

  @Test("No two commands are written with the same words for the same actor")
  func wordsAreUnique() {
    for (index, spec) in Vocabulary.commands.enumerated() {
      for other in Vocabulary.commands.dropFirst(index + 1) where other.words == spec.words {
        #expect(spec.roles.isDisjoint(with: other.roles), "\(spec.name) is listed twice")
      }
    }
  }

  @Test("Every requirement id the vocabulary names is in the catalogue")
  func requirementsExist() {
    #expect(requirementIDs.count > 30)
    let named =
      Vocabulary.commands.flatMap(\.requirements) + Vocabulary.questions.flatMap(\.requirements)
      + Vocabulary.settings.flatMap(\.requirements)
    for id in named { #expect(requirementIDs.contains(id), "\(id) is not in requirements.tsv") }
  }

  @Test("Every command's typical event is one the engine really prints in a script or the docs")
  func eventsAreReal() {
    #expect(realEvents.count > 100)
    for spec in Vocabulary.commands {
      let stem = spec.event.hasSuffix("...") ? String(spec.event.dropLast(3)) : spec.event
      #expect(realEvents.contains { $0.hasPrefix(stem) }, "\(spec.name): no script prints \(spec.event)")
    }
  }

  @Test("Every question kind has one entry, and its example of each answer parses")
  func questions() throws {
    for kind in QuestionKind.allCases {
      #expect(Vocabulary.questions.filter { $0.kind == kind }.count == 1, "\(kind.rawValue)")
    }
    for spec in Vocabulary.questions {
      #expect(spec.usage.hasPrefix("expect "))
      if case .choice(let choice) = spec.fields.last?.kind {
        for word in choice.words {
          let subject =
            spec.subject == .chat ? "chat-1" : spec.subject == .agent ? "alice" : "case k-7 customer c-1"
          let written = subject + " " + (spec.fields.last?.word ?? "") + " " + word
          #expect(try query("expect " + written).expected.fields.last == word, "\(written)")
        }
      }
    }
  }

  @Test("Every set key and each of its values is in the table and parses", arguments: Setting.Key.allCases)
  func settings(_ key: Setting.Key) throws {
    #expect(Vocabulary.settings.filter { $0.key == key }.count == 1)
    for value in Vocabulary.setting(key).suggestedValues {
      #expect(try engineCommand("set \(key) \(value)") == .set(try Setting.parse(key: key, value: value)))
      #expect(try query("expect setting \(key) \(value)").question == .setting(key))
    }
  }

  @Test("A word of a closed set is checked when the script is read, with did-you-mean")
  func choicesAreTyped() {
    #expect(
      parseFailure("alice> status availble")
        == "t.chat:1:15: unknown status 'availble'; did you mean 'available'?; expected available, working-offline or on-break"
    )
    #expect(
      parseFailure("expect chat-1 state wrapup")
        == "t.chat:1:21: unknown chat state 'wrapup'; did you mean 'wrap-up'?; expected queued, offered, active, wrap-up, finished or abandoned"
    )
  }

  @Test("Tenant and actor words do not collide: a line's first word is one or the other")
  func lineAndActorWords() {
    #expect(Vocabulary.lineWords.first == "queue")
    #expect(Set(Vocabulary.lineWords).count == Vocabulary.lineWords.count)
    #expect(Set(Vocabulary.actorWords).count == Vocabulary.actorWords.count)
    // `faq` is both: a definition without an actor, an insert with one.
    #expect(Set(Vocabulary.lineWords).intersection(Vocabulary.actorWords) == ["faq"])
  }
}
