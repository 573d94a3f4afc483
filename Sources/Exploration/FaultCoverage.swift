import Conformance
import ContactCenter
import Wire

/// Which scripts of a suite catch a fault: each script run beside the reference made to get
/// that thing wrong (in this process, through the protocol, as `clavard run --sut "clavard
/// serve --fault NAME"` runs it through a pipe). A script that fails there, and passes on the
/// reference, catches the fault; a fault no script catches is a gap in the suite.
public enum FaultCoverage {
  /// The paths of the scripts that catch the fault, in the order given. A script that fails on
  /// the reference itself catches nothing: it is counted apart by the caller (`clavard run`).
  public static func scripts(catching fault: Fault, among scripts: [Script], runner: ScriptRunner) -> [String]
  {
    self.scripts(catching: [fault], among: scripts, runner: runner)[0]
  }

  /// The same for several faults, in their order: each script is run on the reference once,
  /// not once a fault.
  public static func scripts(catching faults: [Fault], among scripts: [Script], runner: ScriptRunner)
    -> [[String]]
  {
    let passing = scripts.filter { runner.run($0).passed }
    return faults.map { fault in
      passing.filter { script in
        guard let lockstep = try? Lockstep(transport: InProcessTransport(faults: [fault])) else {
          return false
        }
        defer { lockstep.close() }
        let result = runner.run(script, mirror: lockstep)
        return result.failure != nil && result.skipped == nil
      }.map(\.path)
    }
  }
}
