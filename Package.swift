// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "Clavard",
  platforms: [.macOS(.v13)],
  products: [
    .library(name: "ContactCenter", targets: ["ContactCenter"]),
    .executable(name: "clavard", targets: ["clavard"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
  ],
  targets: [
    .target(
      name: "ContactCenter",
      dependencies: [
        .product(name: "DequeModule", package: "swift-collections"),
        .product(name: "HeapModule", package: "swift-collections"),
        .product(name: "OrderedCollections", package: "swift-collections"),
      ]
    ),
    .target(name: "Conformance", dependencies: ["ContactCenter"]),
    // libedit (the REPL's line editor), found with pkg-config; `scripts/setup` installs it.
    .systemLibrary(name: "CEditLine", pkgConfig: "libedit", providers: [.apt(["libedit-dev"])]),
    // The Swift face of libedit: prompt, history, completion through a callback.
    .target(name: "LineEditor", dependencies: ["CEditLine"]),
    // The REPL without the terminal: dispatch, completion, recording, `.state`.
    .target(name: "REPL", dependencies: ["Conformance", "ContactCenter"]),
    .target(
      name: "Simulation",
      dependencies: ["ContactCenter"]
    ),
    .executableTarget(
      name: "clavard",
      dependencies: [
        "ContactCenter",
        "Conformance",
        "Simulation",
        "LineEditor",
        "REPL",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .testTarget(name: "ContactCenterTests", dependencies: ["ContactCenter"]),
    .testTarget(name: "ConformanceTests", dependencies: ["Conformance", "ContactCenter"]),
    .testTarget(name: "SimulationTests", dependencies: ["Simulation", "ContactCenter"]),
    // Runs the built `clavard` binary: exit codes, files written, standard output and error.
    .testTarget(name: "ClavardTests", dependencies: ["clavard", "Conformance"]),
    .testTarget(name: "LineEditorTests", dependencies: ["LineEditor"]),
    .testTarget(name: "REPLTests", dependencies: ["REPL", "Conformance", "ContactCenter"]),
    // Drives the built `clavard repl` in a pseudo-terminal.
    .testTarget(name: "ReplTerminalTests", dependencies: ["clavard"]),
  ],
  swiftLanguageModes: [.v6]
)
