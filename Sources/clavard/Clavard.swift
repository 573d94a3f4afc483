import ArgumentParser

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

@main
struct Clavard: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "clavard",
    abstract: "Conformance tooling for the agent chat workflow of a contact center.",
    discussion: """
      The engine (ContactCenter) runs the documented chat workflow on virtual time. \
      `clavard simulate` drives it with a seeded load and reports counts and routing speed; \
      `clavard run` runs conformance scripts; `clavard coverage` maps the requirement catalogue \
      to the scripts and steps that cover it; `clavard repl` (or `clavard` alone) is the script \
      language, live.
      """,
    version: "0.1.0",
    subcommands: [Run.self, CoverageCommand.self, Simulate.self, Repl.self]
  )

  /// As ArgumentParser's, except that a usage error exits with status 2 (the status every
  /// clavard command documents), not 64.
  static func main() async {
    do {
      // `clavard` alone is `clavard repl` (which reads standard input as a script when it is
      // not a terminal). Run here, before any suspension point, so that the REPL reads the
      // terminal on the main thread, the one SIGINT interrupts.
      if CommandLine.arguments.count <= 1 {
        let repl = try Repl.parse([])
        try repl.run()
        return
      }
      var command = try parseAsRoot()
      if var asyncCommand = command as? AsyncParsableCommand {
        try await asyncCommand.run()
      } else {
        try command.run()
      }
    } catch {
      if exitCode(for: error) == .validationFailure {
        Output.error(fullMessage(for: error))
        Output.exit(2)
      }
      exit(withError: error)
    }
  }
}
