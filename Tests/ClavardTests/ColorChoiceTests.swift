import Conformance
import Testing

@testable import clavard

/// `--color auto|always|never` and `NO_COLOR`.
@Suite struct ColorChoiceTests {
  @Test(
    "auto colours only a terminal, without NO_COLOR (set and not empty) and without TERM=dumb",
    arguments: [
      (true, [:], true),
      (false, [:], false),
      (true, ["NO_COLOR": "1"], false),
      (true, ["NO_COLOR": ""], true),
      (true, ["TERM": "dumb"], false),
      (true, ["TERM": "xterm-256color"], true),
    ] as [(Bool, [String: String], Bool)])
  func auto(terminal: Bool, environment: [String: String], colour: Bool) {
    #expect(
      ColorChoice.auto.style(standardOutputIsTerminal: terminal, environment: environment).colour == colour)
  }

  @Test("always and never decide alone; a flag given overrides NO_COLOR")
  func forced() {
    #expect(ColorChoice.always.style(standardOutputIsTerminal: false, environment: ["NO_COLOR": "1"]).colour)
    #expect(!ColorChoice.never.style(standardOutputIsTerminal: true, environment: [:]).colour)
  }
}
