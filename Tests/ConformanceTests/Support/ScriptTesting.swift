import ContactCenter
import Testing

@testable import Conformance

// Helpers shared by the parser and runner tests.

/// The description of the error that parsing `text` throws, or "parsed" when it parses.
/// Comparing descriptions checks `file:line:column: message` in one go.
func parseFailure(_ text: String, path: String = "t.chat") -> String {
  do {
    _ = try ScriptParser.parse(text, path: path)
    return "parsed"
  } catch {
    return error.description
  }
}

/// As ``parseFailure(_:path:)`` for raw bytes.
func parseFailure(bytes: [UInt8], path: String = "t.chat") -> String {
  do {
    _ = try ScriptParser.parse(bytes: bytes, path: path)
    return "parsed"
  } catch {
    return error.description
  }
}

struct NotACommand: Error, CustomStringConvertible {
  var description: String
}

/// The command of a one-line script.
func command(_ line: String) throws -> ScriptCommand {
  let script = try ScriptParser.parse(line, path: "t.chat")
  guard script.statements.count == 1, case .command(let command, _) = script.statements[0].kind else {
    throw NotACommand(description: "\(line) is not one command")
  }
  return command
}

/// The actor command of a one-line `name> ...` script.
func actorCommand(_ line: String) throws -> ActorCommand {
  guard case .actor(_, let command) = try command(line) else {
    throw NotACommand(description: "\(line) is not an actor's command")
  }
  return command
}

/// The query of a one-line `expect ...` script.
func query(_ line: String) throws -> Query {
  guard case .expect(let query) = try command(line) else {
    throw NotACommand(description: "\(line) is not an expect line")
  }
  return query
}

/// The engine command of a one-line definition or `set` script.
func engineCommand(_ line: String) throws -> Command {
  guard case .engine(let command) = try command(line) else {
    throw NotACommand(description: "\(line) is not a definition or setting")
  }
  return command
}

/// A file that the in-memory loader does not have.
struct FileNotFound: Error, CustomStringConvertible {
  var path: String
  var description: String { "no such file" }
}

/// A loader that reads from a dictionary of path to text (or bytes), for `use`.
func inMemoryLoader(_ files: [String: String], bytes: [String: [UInt8]] = [:]) -> ScriptRunner.Loader {
  { path in
    if let data = bytes[path] { return data }
    guard let text = files[path] else { throw FileNotFound(path: path) }
    return Array(text.utf8)
  }
}

/// Parses `files[path]` and runs it with the other files available to `use`.
func run(_ path: String, files: [String: String], bytes: [String: [UInt8]] = [:]) throws -> ScriptResult {
  let loader = inMemoryLoader(files, bytes: bytes)
  let script = try ScriptParser.parse(bytes: try loader(path), path: path)
  return ScriptRunner(loader: loader).run(script)
}

/// Steps as `ID: verdict`, for compact comparisons.
func verdicts(_ result: ScriptResult) -> [String] {
  result.steps.map { "\($0.id): \($0.verdict.rawValue)" }
}

/// A shared set-up used by the runner tests: a chat queue with two dispositions and alice
/// logged in, ready, Available with support enabled.
let aliceSetup = """
  queue support dispositions=resolved,callback
  < queue support defined: chat, dispositions resolved, callback
  agent alice queues=support
  < agent alice defined: queues support
  alice> login
  < alice logged in
  alice> ready
  < alice is ready to work (Working Offline)
  alice> queues enable support
  < alice switched support on (pending Confirm selections)
  alice> queues confirm
  < alice enabled support
  alice> status available
  < alice is now Available

  """
