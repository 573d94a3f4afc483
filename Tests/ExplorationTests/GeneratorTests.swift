import Conformance
import ContactCenter
import Testing

@testable import Exploration

@Suite struct GeneratorTests {
  @Test("The same seed makes the same runs; another seed makes others")
  func determinism() throws {
    let explorer = Explorer(options: Explore.options(seed: 7, commands: 200), system: nil, origin: "test")
    let again = Explorer(options: Explore.options(seed: 7, commands: 200), system: nil, origin: "test")
    let other = Explorer(options: Explore.options(seed: 8, commands: 200), system: nil, origin: "test")
    let runs = (1...20).map { explorer.steps(ofRun: $0) }
    #expect(runs == (1...20).map { again.steps(ofRun: $0) })
    #expect(runs != (1...20).map { other.steps(ofRun: $0) })
    #expect(runs.allSatisfy { $0.count == 200 })
    let first = try Explore.run(Explore.options(seed: 7, runs: 30), system: nil)
    let second = try Explore.run(Explore.options(seed: 7, runs: 30), system: nil)
    #expect(
      first.progress == second.progress && first.progress == ExplorationProgress(runs: 30, commands: 3000))
  }

  @Test("--shard I/N makes runs I, I+N, I+2N…: shards together make every run once")
  func shards() throws {
    var options = Explore.options(runs: 4)
    options.shard = try Shard(index: 2, count: 3)
    let sharded = Explorer(options: options, system: nil, origin: "test")
    #expect((0..<4).map(sharded.runNumber) == [2, 5, 8, 11])
    options.shard = nil
    let whole = Explorer(options: options, system: nil, origin: "test")
    #expect((0..<4).map(whole.runNumber) == [1, 2, 3, 4])
  }

  @Test("Every step is written as a line that the parser reads back as the same command")
  func linesReadBack() throws {
    let explorer = Explorer(options: Explore.options(seed: 3, commands: 150), system: nil, origin: "test")
    for run in 1...40 {
      var center = Center()
      for step in explorer.steps(ofRun: run) {
        let command = try #require(step.command(in: center))
        let line = try #require(ScriptWriter.line(step, in: center))
        let parsed = try #require(try ScriptParser.parseLine(line))
        guard case .command(let read, _) = parsed.kind else {
          Issue.record("`\(line)` is not a command")
          return
        }
        #expect(Self.same(read, command), "`\(line)`")
        switch command {
        case .engine(let engine): _ = try? center.perform(engine)
        case .clock(.forward(let interval)): _ = try? center.advance(by: interval)
        case .clock(.to(let instant)): _ = try? center.advance(to: instant)
        default: Issue.record("a generated command that is neither for the engine nor the clock")
        }
      }
    }
  }

  /// Whether a parsed command is the generated one: an actor's line reads both ways, the
  /// engine takes the reading that fits the actor.
  static func same(_ read: ScriptCommand, _ generated: ScriptCommand) -> Bool {
    switch (read, generated) {
    case (.actor(let name, let command), .engine(.agent(let id, let action))):
      name == id.rawValue && command.agent == action
    case (.actor(let name, let command), .engine(.customer(let id, let action))):
      name == id.rawValue && command.customer == action
    default: read == generated
    }
  }

  @Test(
    "Runs use every command of the vocabulary, every setting, every deadline move, and customers leave at every stage"
  )
  func coverage() {
    let explorer = Explorer(options: Explore.options(seed: 1, commands: 100), system: nil, origin: "test")
    var commands: Set<Int> = []
    var settings: Set<Setting.Key> = []
    var offsets: Set<Int64> = []
    var leftWhile: Set<String> = []
    for run in 1...200 {
      var center = Center()
      for step in explorer.steps(ofRun: run) {
        switch step {
        case .command(let index, let actor, _, _):
          commands.insert(index)
          if Vocabulary.commands[index].name == "leave", case .visitor(let visitor) = actor,
            let chat = center.openChat(of: visitor), let state = center.state(of: chat)
          {
            leftWhile.insert(state.phase.rawValue)
          }
        case .set(let setting): settings.insert(setting.key)
        case .clock(.deadline(let offset)): offsets.insert(offset)
        case .clock(.by): break
        }
        switch step.command(in: center) {
        case .engine(let command)?: _ = try? center.perform(command)
        case .clock(.forward(let interval))?: _ = try? center.advance(by: interval)
        case .clock(.to(let instant))?: _ = try? center.advance(to: instant)
        default: break
        }
      }
    }
    #expect(commands == Set(Vocabulary.commands.indices))
    #expect(settings == Set(Setting.Key.allCases))
    #expect(offsets == [-1, 0, 1])
    #expect(leftWhile == ["queued", "offered", "active"])
  }
}
