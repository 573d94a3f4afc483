import ArgumentParser
import ContactCenter
import Glibc
import SystemFiles
import Wire

struct Serve: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "The reference engine behind the Clavard protocol, on standard input and output.",
    discussion: """
      Reads requests, one JSON object a line, and answers each with one line (docs/protocol.md): \
      the reference a system under test is compared with, and a working peer for adapter \
      authors to read. `clavard run --sut "clavard serve" fixtures` runs every script through it. \
      A line that is not a request gets an error reply naming the line; a line longer than \
      1 MiB is refused whole. Ends at the end of standard input (exit 0), or when a reply cannot \
      be written (exit 2).

      With --fault it gets something wrong on purpose: a system under test that the conformance \
      suite and `clavard explore` must catch (`--list-faults` lists the faults).
      """
  )

  @Option(
    name: .customLong("fault"),
    help: ArgumentHelp(
      "Make this mistake on purpose (repeatable; --list-faults lists them).", valueName: "name"),
    transform: Fault.parse)
  var faults: [Fault] = []

  @Flag(help: "List the faults --fault can make, one a line: its name and what goes wrong.")
  var listFaults = false

  func validate() throws {
    if listFaults, !faults.isEmpty {
      throw ValidationError("--list-faults lists the faults; it cannot be used with --fault")
    }
  }

  func run() throws {
    if listFaults {
      Output.text(Fault.catalogue)
      return
    }
    Output.outputLoss("replies were lost, and the server stopped")
    var server = ReferenceServer(faults: FaultSet(faults))
    var reader = LineReader(
      descriptor: 0, maximumLineBytes: ReferenceServer.maximumLineBytes, name: "standard input")
    while true {
      let line: LineReader.Line?
      do {
        line = try reader.next()
      } catch {
        Output.error("clavard serve: cannot read standard input: \(error.reason)")
        throw ExitCode(2)
      }
      guard let line else { return }
      switch line {
      case .text(var bytes):
        if bytes.last == UInt8(ascii: "\r") { bytes.removeLast() }
        // Blank lines between requests are allowed (a person typing); they get no reply.
        guard let reply = server.handle(bytes) else { continue }
        Output.line(reply)
      case .tooLong:
        Output.line(server.tooLong())
      }
      // Replies go out when no other request is already waiting: one write for a batch sent
      // ahead of its replies, one per request for a harness that waits for each.
      if !reader.hasBufferedLine { Output.flush() }
      if Output.outputFailed { throw ExitCode(2) }
    }
  }
}
