import ClavardTestSupport
import Foundation
import Testing

/// `clavard simulate`: sizes it cannot run are refused with the reason, before anything runs.
@Suite struct SimulateCommandTests {
  static func simulate(_ arguments: [String]) throws -> ChildProcess.Result {
    let folder = try TemporaryFolder()
    return try withExtendedLifetime(folder) {
      try ChildProcess.run(try BuiltProducts.clavard(), ["simulate"] + arguments, in: folder.path)
    }
  }

  @Test(
    "bad sizes say what is wrong, including a negative number",
    arguments: [
      (["--agents", "-1"], "Error: --agents must be from 1 to 1000000, not -1"),
      (["--agents", "0"], "Error: --agents must be from 1 to 1000000, not 0"),
      (["--queues", "-3"], "Error: --queues must be from 1 to 100000, not -3"),
      (
        ["--queues", "5", "--queues-per-agent", "6"],
        "Error: --queues-per-agent must be from 1 to the number of queues (5), not 6"
      ),
      (
        ["--chats", "100000000"],
        "Error: --chats must be from 0 to 5000000, not 100000000: every chat stays in memory, about 700 bytes each, so 100000000 would need about 70.0 GB"
      ),
      (["--chats", "-5"], "Error: --chats must be from 0 to 5000000, not -5"),
      (
        ["--chats", "3000000", "--chat-log"],
        "Error: --chats must be from 0 to 2500000 with --chat-log, not 3000000: every chat stays in memory with its log, about 1300 bytes each, so 3000000 would need about 3.9 GB"
      ),
      (
        ["--agents", "1000000", "--queues", "100000", "--queues-per-agent", "100000"],
        "Error: --agents times --queues-per-agent must be at most 5000000 (each agent's queues are switched on one by one at set-up and held in memory), not 1000000 times 100000"
      ),
      (["--load", "-3"], "Error: --load must be from 0.1 to 2, not -3.0"),
    ])
  func refusedSizes(arguments: [String], message: String) throws {
    let output = try Self.simulate(arguments)
    #expect(output.status == 2)
    #expect(output.stderr.hasPrefix(message + "\n"), "\(output.stderr)")
    #expect(output.stdout.isEmpty)
  }

  @Test("a small run prints its counts, withdrawn offers and refusals included")
  func smallRun() throws {
    let output = try Self.simulate(["--agents", "1", "--chats", "50"])
    #expect(output.status == 0)
    #expect(output.stdout.contains(", withdrawn ") && output.stdout.contains(", refusals "))
    #expect(output.stdout.contains("queues have no agent: their chats wait, counted as unserved"))
  }
}
