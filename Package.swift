// swift-tools-version:6.0
import PackageDescription

// Platforms: the engine (ContactCenter), the script language (Conformance), the protocol (Wire),
// the REPL library and the simulation are portable Swift; the command line and everything that
// touches files, terminals and processes (SystemFiles, LineEditor, PseudoTerminal, Subprocesses,
// clavard, clavard-bench) calls Linux's C library and is built and tested on Linux only: those
// targets stop with an #error elsewhere (see README.md, "Platforms"). The macOS version below
// is for the portable libraries.
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
    // Every file read and written by the command line and the line editor: non-blocking opens,
    // bounded reads, checked writes, atomic replacement (Linux only).
    .target(name: "SystemFiles"),
    // The Clavard protocol: JSON lines between the harness and a system under test.
    .target(name: "Wire", dependencies: ["Conformance", "ContactCenter"]),
    // A system under test as a child process (Linux only): pipes, deadlines, a bounded log.
    .target(name: "Subprocesses", dependencies: ["Wire", "ContactCenter"]),
    // `clavard explore`: runs generated from the reference's state, checked, compared with a
    // system under test, shrunk and written as a script.
    .target(name: "Exploration", dependencies: ["Conformance", "ContactCenter", "Simulation", "Wire"]),
    // libedit (the REPL's line editor), found with pkg-config; `scripts/setup` installs it.
    .systemLibrary(name: "CEditLine", pkgConfig: "libedit", providers: [.apt(["libedit-dev"])]),
    // The Swift face of libedit: prompt, history, completion through a callback.
    .target(name: "LineEditor", dependencies: ["CEditLine", "SystemFiles"]),
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
        "SystemFiles",
        "Wire",
        "Subprocesses",
        "Exploration",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    // A program on a pseudo-terminal, driven as a person would: for the terminal tests and
    // the REPL's measurements. Not part of `clavard`.
    .target(name: "PseudoTerminal"),
    // `scripts/bench`'s REPL measurements and the stress helpers of the tests (two processes
    // appending to one history). Not shipped: `clavard` does not contain it.
    .executableTarget(
      name: "clavard-bench",
      dependencies: [
        "REPL", "LineEditor", "SystemFiles", "PseudoTerminal", "Conformance", "ContactCenter", "Wire",
        "Subprocesses", "Exploration",
      ]
    ),
    // What several test targets share: sample scripts, SplitMix64, temporary folders, and
    // running the built binaries (with resource limits, closed streams, another user).
    .target(name: "ClavardTestSupport", path: "Tests/ClavardTestSupport"),
    // What must hold for any bytes read as a script: checked by the random fuzz tests and by
    // the coverage-guided fuzzer.
    .target(
      name: "ScriptChecks", dependencies: ["Conformance", "ContactCenter"], path: "Tests/ScriptChecks"),
    .testTarget(name: "ContactCenterTests", dependencies: ["ContactCenter", "ClavardTestSupport"]),
    .testTarget(
      name: "ConformanceTests",
      dependencies: ["Conformance", "ContactCenter", "ClavardTestSupport", "ScriptChecks"]),
    .testTarget(name: "SimulationTests", dependencies: ["Simulation", "ContactCenter"]),
    .testTarget(
      name: "ExplorationTests",
      dependencies: ["Exploration", "Wire", "Conformance", "ContactCenter", "ClavardTestSupport"]),
    .testTarget(name: "SystemFilesTests", dependencies: ["SystemFiles", "ClavardTestSupport"]),
    // Runs the built `clavard` binary: exit codes, files written, standard output and error.
    .testTarget(
      name: "ClavardTests", dependencies: ["clavard", "clavard-bench", "Conformance", "ClavardTestSupport"]),
    .testTarget(
      name: "LineEditorTests",
      dependencies: ["LineEditor", "SystemFiles", "ContactCenter", "clavard-bench", "ClavardTestSupport"]),
    .testTarget(name: "REPLTests", dependencies: ["REPL", "Conformance", "ContactCenter"]),
    // The protocol: the codec's round trips, the JSON reader, docs/protocol.md and its schema
    // against a real session (the built `clavard serve`, the Python example adapter), lockstep.
    .testTarget(
      name: "WireTests",
      dependencies: ["Wire", "Subprocesses", "Conformance", "ContactCenter", "ClavardTestSupport", "clavard"]),
    // Drives the built `clavard repl` in a pseudo-terminal.
    .testTarget(
      name: "REPLTerminalTests",
      dependencies: ["clavard", "clavard-bench", "PseudoTerminal", "ClavardTestSupport"]),
  ],
  swiftLanguageModes: [.v6]
)

// The coverage-guided fuzzer (libFuzzer), built by `scripts/fuzz` with
// `swift build --sanitize fuzzer --sanitize address` and CLAVARD_FUZZ=1: only then is it part of
// the package, so that `swift build` and `swift test` neither build it nor try to link a
// program whose `main` only libFuzzer provides.
if Context.environment["CLAVARD_FUZZ"] != nil {
  package.targets.append(
    .executableTarget(
      name: "clavard-fuzz", dependencies: ["ScriptChecks", "Conformance", "ContactCenter", "SystemFiles"],
      path: "Tests/Fuzzer"))
}
