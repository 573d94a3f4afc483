import ArgumentParser
import Glibc
import SystemFiles

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
      language, live; `clavard serve` is the engine behind the Clavard protocol; `clavard \
      explore` generates runs of commands and shrinks the first failure to a script. Completion \
      scripts for bash, zsh and fish: \
      `clavard --generate-completion-script bash` (or zsh, fish).
      """,
    version: "0.1.0",
    subcommands: [Run.self, CoverageCommand.self, Simulate.self, REPLCommand.self, Serve.self, Explore.self]
  )

  /// As ArgumentParser's, except that a usage error exits with status 2 (the status every
  /// clavard command documents), not 64, and that standard output and error are checked:
  /// what could not be written is said and the status becomes 2 (see ``Output``).
  static func main() async {
    Output.prepare()
    // Arguments as bytes: a file name that is not UTF-8 can still be named (``PathNames``).
    let arguments = Array(PathNames.arguments().dropFirst())
    do {
      // `clavard` alone is the REPL on a terminal, and standard input run as a script
      // otherwise (`clavard < x.chat`). Run here, before any suspension point, so that the
      // REPL reads the terminal on the main thread, the one SIGINT interrupts.
      if arguments.isEmpty {
        if isatty(0) == 1 && isatty(1) == 1 {
          Terminal.run()
        } else {
          let run = try Run.parse(["-"])
          try await run.run()
        }
        Output.exit(0)
      }
      var command = try parseAsRoot(arguments)
      if var asyncCommand = command as? AsyncParsableCommand {
        try await asyncCommand.run()
      } else {
        try command.run()
      }
      Output.exit(0)
    } catch let status as ExitCode {
      Output.exit(status.rawValue)
    } catch {
      // Help, --version, completion scripts and errors, as ArgumentParser prints them, but
      // through Output, so that a failed write is said and the status is 2.
      let message = fullMessage(for: error)
      let code = exitCode(for: error)
      if code.isSuccess {
        if !message.isEmpty { Output.line(message) }
        Output.exit(0)
      }
      if !message.isEmpty { Output.error(message) }
      Output.exit(code == .validationFailure ? 2 : code.rawValue)
    }
  }
}
