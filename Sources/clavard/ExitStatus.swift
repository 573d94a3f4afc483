import Conformance

/// The exit statuses every clavard command documents: 0 all is well, 1 a script or a
/// requirement failed, 2 a usage error or a file that cannot be read or parsed. The library
/// reports what happened; only the command line turns it into a status.
enum ExitStatus {
  static let success: Int32 = 0
  static let failure: Int32 = 1
  static let unusable: Int32 = 2

  /// 2 when a file could not be read or parsed, 1 when a script failed, else 0.
  static func of(_ report: Report) -> Int32 {
    if report.broken > 0 { return unusable }
    return report.failed > 0 ? failure : success
  }

  /// 2 when a script cannot be read or parsed; 1 when a requirement is covered by nothing or
  /// a script failed; else 0.
  static func of(_ coverage: Coverage) -> Int32 {
    if !coverage.broken.isEmpty { return unusable }
    return coverage.isComplete ? success : failure
  }
}
