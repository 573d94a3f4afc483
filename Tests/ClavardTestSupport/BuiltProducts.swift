import Foundation

/// The executables SwiftPM built next to the test bundle (`clavard`, `clavard-bench`).
public enum BuiltProducts {
  public struct Missing: Error, CustomStringConvertible {
    public var name: String
    public var searched: [String]
    public var description: String {
      "\(name) was not found next to the tests (searched \(searched.joined(separator: ", "))); "
        + "build it with `swift build --build-tests` (or run `swift test`, which builds it)"
    }
  }

  /// The path of the built executable `name`: in the folder of this test executable or one
  /// of the two above it (Linux puts the tests at `<build>/debug/ClavardPackageTests.xctest`).
  public static func path(_ name: String) throws -> String {
    let testBinary =
      (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
      ?? CommandLine.arguments[0]
    var folder = URL(fileURLWithPath: testBinary).deletingLastPathComponent()
    var searched: [String] = []
    for _ in 0..<3 {
      let candidate = folder.appendingPathComponent(name).path
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
      searched.append(candidate)
      folder.deleteLastPathComponent()
    }
    throw Missing(name: name, searched: searched)
  }

  public static func clavard() throws -> String { try path("clavard") }
  public static func bench() throws -> String { try path("clavard-bench") }
}
