import Conformance
import ContactCenter
import Testing
import Wire

@testable import Exploration

@Suite struct ShrinkerTests {
  @Test("A planted failure (an agent's third accept) shrinks to the shortest run that reaches it")
  func plantedFailure() throws {
    let exploration = try Explore.run(Explore.options(), system: ThirdAcceptSystem())
    let discovery = try #require(exploration.discovery)
    #expect(discovery.failure.command == "accept")
    #expect(discovery.lengthBefore > discovery.lengthAfter)
    // A queue, an agent who logs in, clicks Ready to Work, switches the queue on (two
    // commands) and becomes Available, three customers and three accepts: 13.
    #expect(discovery.lengthAfter == 13)
    let commands = discovery.script.split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.hasPrefix("<") }
    #expect(commands.filter { $0.hasSuffix("> accept") }.count == 3)
    #expect(commands.filter { $0.contains("> open q1") }.count == 3)
    #expect(Array(commands.prefix(2)) == ["queue q1", "agent a1 queues=q1"])
    // A system that fails the same way every time: the shrunk run failed again.
    #expect(discovery.notReproduced == nil)
    // The same seed shrinks to the same script.
    let again = try Explore.run(Explore.options(), system: ThirdAcceptSystem())
    #expect(again.discovery?.script == discovery.script)
  }

  /// The command lines of a script.
  static func commands(_ script: String) -> [String] {
    script.split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.hasPrefix("<") && !$0.hasPrefix("!") }
      .map(String.init)
  }

  @Test("A failure at any move of the clock shrinks to the smallest move there is")
  func smallestClockMove() throws {
    let system = PlantedSystem { _, session in session.center.now > .start }
    let discovery = try #require(try Explore.run(Explore.options(), system: system).discovery)
    #expect(discovery.failure.command == "clock")
    #expect(Self.commands(discovery.script) == ["clock +1ms"])
  }

  @Test("A failure at any message a customer says shrinks to the shortest text, and names in order")
  func shortestText() throws {
    let system = PlantedSystem { execution, _ in
      execution.events.contains {
        if case .message(_, from: .customer, _) = $0 { true } else { false }
      }
    }
    let discovery = try #require(try Explore.run(Explore.options(), system: system).discovery)
    #expect(discovery.failure.command == "say")
    // A customer speaks in an accepted chat only; an address must look like one.
    #expect(
      Self.commands(discovery.script) == [
        "queue q1", "agent a1 queues=q1", "a1> login", "a1> ready", "a1> profile queues enable q1",
        "a1> profile queues save", "a1> status available",
        "v1> open q1 name=a email=v@example.com ip=192.0.2.1",
        "a1> accept", "v1> say \"a\"",
      ])
  }

  @Test("The written script passes on the reference and fails beside the planted system at its last command")
  func writtenScript() throws {
    let discovery = try #require(try Explore.run(Explore.options(), system: ThirdAcceptSystem()).discovery)
    #expect(try Explore.result(of: discovery.script).passed)
    let failed = try Explore.result(of: discovery.script, mirror: ThirdAcceptSystem.Planted())
    let failure = try #require(failed.failure)
    let lines = discovery.script.split(separator: "\n", omittingEmptySubsequences: false)
    let last = try #require(lines.lastIndex { !$0.isEmpty && !$0.hasPrefix("<") && !$0.hasPrefix("#") })
    #expect(failure.location.line == last + 1)
    #expect(failure.message.hasSuffix("accepted a third chat"))
  }

  @Test("Past its budget of replayed commands the shrinker stops, with the shortest failing run so far")
  func budget() throws {
    let steps = Explorer(options: Explore.options(commands: 100), system: nil, origin: "test").steps(ofRun: 1)
    let planted = ThirdAcceptSystem()
    let failing = Trial.replay(steps, mirror: try planted.take().get())
    let failure = try #require(failing.failure)
    var spent = Shrinker(system: planted, signature: failure.signature, budget: 0)
    #expect(spent.shrink(failing.kept, failure: failure).steps == failing.kept)
    #expect(spent.trials == 0)
    let budget = failing.kept.count * 10
    var small = Shrinker(system: planted, signature: failure.signature, budget: budget)
    let shrunk = small.shrink(failing.kept, failure: failure)
    // It stops as soon as the budget is spent (the last candidate may pass it)…
    #expect(small.replayed >= budget && small.replayed < budget + failing.kept.count)
    // …and what it returns still fails the same way.
    let again = Trial.replay(shrunk.steps, mirror: try planted.take().get())
    #expect(again.failure?.signature == failure.signature)
  }

  @Test("Removing an open keeps the script valid: what named its chat is left out with it")
  func removingAnOpen() {
    let steps = Explorer(options: Explore.options(commands: 60), system: nil, origin: "test").steps(ofRun: 1)
    let opens = steps.indices.filter { steps[$0].words == "open" }
    var fewer = steps
    for index in opens.reversed() { fewer.remove(at: index) }
    // No chat is ever opened: every step that named one means nothing now.
    let replayed = Trial.replay(fewer, mirror: nil)
    #expect(replayed.failure == nil)
    for step in replayed.kept {
      if case .command(_, _, _, let chat?) = step, case .openedBy = chat {
        Issue.record("a step naming a chat ran without any chat: \(step)")
      }
    }
    #expect(replayed.kept.count < fewer.count)
  }

  @Test("A run found on a system that lacks commands is made again without them: it shrinks, and fails again")
  func shrinksWithoutWhatTheSystemLacks() throws {
    let exploration = try Explore.run(Explore.options(runs: 200), system: ThinThirdAcceptSystem())
    #expect(!exploration.leftOut.isEmpty, "the system lacked nothing the runs asked for")
    let discovery = try #require(exploration.discovery)
    #expect(discovery.notReproduced == nil)
    #expect(discovery.lengthAfter < discovery.lengthBefore)
    #expect(!discovery.script.contains("\nset ") && !discovery.script.contains("> typing"))
    let failed = try Explore.result(of: discovery.script, mirror: ThinThirdAcceptSystem())
    #expect(
      failed.failure?.message.hasSuffix("accepted a third chat") == true,
      "\(failed.failure?.message ?? "passed")")
  }
}
