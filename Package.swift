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
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .testTarget(name: "ContactCenterTests", dependencies: ["ContactCenter"]),
    .testTarget(name: "ConformanceTests", dependencies: ["Conformance", "ContactCenter"]),
    .testTarget(name: "SimulationTests", dependencies: ["Simulation", "ContactCenter"]),
    // Runs the built `clavard` binary: exit codes, files written, standard output and error.
    .testTarget(name: "ClavardTests", dependencies: ["clavard", "Conformance"]),
  ],
  swiftLanguageModes: [.v6]
)
