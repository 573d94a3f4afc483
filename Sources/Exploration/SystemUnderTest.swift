import Conformance
import ContactCenter
import Wire

/// What the explorer compares the reference with: a system that can be had in a fresh state for
/// each run and each candidate the shrinker tries.
public protocol SystemUnderTest: AnyObject {
  /// The system as a new contact center, ready for a run.
  func fresh() throws(Divergence) -> any Mirror
  /// Lets go of it (ends its process).
  func close()
}

/// A system under test spoken to through ``Lockstep``: reset between runs when it says it can,
/// connected anew otherwise (or when it failed).
///
/// ```swift
/// let faulty = LockstepSystem { InProcessTransport(faults: [.seventhChat]) }
/// ```
public final class LockstepSystem: SystemUnderTest {
  public typealias Connect = () throws(TransportFailure) -> any Transport

  private let connect: Connect
  private var current: Lockstep?
  /// Connections made: one, when the system can reset.
  public private(set) var connections = 0

  public init(connect: @escaping Connect) {
    self.connect = connect
  }

  public func fresh() throws(Divergence) -> any Mirror {
    if let current, !current.isBroken, current.reset() { return current }
    close()
    let transport: any Transport
    do {
      transport = try connect()
    } catch {
      throw Divergence(message: "the system under test could not be started: \(error)")
    }
    let lockstep = try Lockstep(transport: transport)
    connections += 1
    current = lockstep
    return lockstep
  }

  public func close() {
    current?.close()
    current = nil
  }
}
