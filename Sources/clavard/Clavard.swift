import ArgumentParser

@main
struct Clavard: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "clavard",
    abstract: "Conformance tooling for the agent chat workflow of a contact center.",
    discussion: """
      The engine (ContactCenter) runs the documented chat workflow on virtual time. \
      `clavard simulate` drives it with a seeded load and reports counts and routing speed.
      """,
    version: "0.1.0",
    subcommands: [Run.self, Simulate.self]
  )
}
