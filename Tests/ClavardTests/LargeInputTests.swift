import ClavardTestSupport
import Testing

/// Work that grows with the input grows in proportion to it: checked under a CPU limit that a
/// linear run meets many times over and a quadratic one cannot (no wall-clock assertion).
@Suite struct LargeInputTests {
  @Test("400,000 '<' lines after one command parse in one pass: the run ends well within 20 s of CPU")
  func manyExpectationLines() throws {
    // Quadratic parsing took 48.6 s for 80,000 such lines; this is five times as many.
    let script = "queue a\n" + String(repeating: "< x\n", count: 400_000)
    let folder = try TemporaryFolder(["big.chat": script])
    let output = try ChildProcess.run(
      "/bin/sh", ["-c", #"ulimit -t 20; exec "$0" run big.chat"#, try BuiltProducts.clavard()],
      in: folder.path)
    // The script fails (queue a says something else): it was parsed and run, not killed.
    #expect(output.status == 1, "\(output.stderr)")
    #expect(
      output.stdout.hasPrefix("FAIL big.chat\nbig.chat:1:1: the events of `queue a` differ\n"),
      "\(output.stdout.prefix(300))")
  }
}
