import Conformance
import ContactCenter
import Glibc
import ScriptChecks
import SystemFiles

// The coverage-guided fuzzer of the script language (libFuzzer, with AddressSanitizer): each
// input is a file's bytes, read as `clavard run` reads a script and checked by `ScriptChecks`.
// `scripts/fuzz` builds it (`swift build --sanitize fuzzer --sanitize address`) and runs it from
// the repository's root on a seed corpus of the fixtures and the docs' examples; libFuzzer
// provides `main`. An input that breaks a check stops it with the problems and the input saved.
//
// Inputs are at most libFuzzer's `-max_len` bytes (`scripts/fuzz` sets it), far below the 1 MiB
// line and 64 MiB file that `clavard run` refuses before parsing (tested on the built binary):
// those refusals are not reached here; the parser's own bounds (a text's 100,000 code points, a
// file's 16 Mi code points once `"a"*N` is repeated) are.

/// Where the input is said to be: among the fixtures, so that its `use` lines reach the
/// fixtures' set-ups (`use setup/one-agent.chat`) and the fixtures themselves.
private let inputPath = "fixtures/conformance/fuzz.chat"

/// Every `.chat` file under `fixtures/`, read once before fuzzing, by its normalized path.
nonisolated(unsafe) private var fixtures: [String: [UInt8]] = [:]

/// Reads the fixtures (the working directory must be the repository's root): without them the
/// `use` lines of the seeds would all fail and the fuzzer would explore much less.
@_cdecl("LLVMFuzzerInitialize")
public func fuzzerInitialize(
  // C's `int *argc, char ***argv`: libFuzzer lets the target change its arguments.
  _ argc: UnsafeMutablePointer<CInt>?,
  _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>?
) -> CInt {
  let found = FileSystem.files(under: "fixtures") { $0.hasSuffix(".chat") }
  for path in found.files {
    do {
      fixtures[ScriptFile.normalized(path)] = try FileSystem.readFile(path, maximumBytes: 1 << 20)
    } catch {
      complain("clavard-fuzz: cannot read \(Escaping.controlsEscaped(path)): \(error)")
      exit(2)
    }
  }
  guard !fixtures.isEmpty, found.unreadableFolders.isEmpty else {
    complain(
      "clavard-fuzz: no fixtures/**/*.chat here; run it from the repository's root (scripts/fuzz does)")
    exit(2)
  }
  return 0
}

/// A message on standard error (C's `stderr` is a global the compiler cannot prove safe).
private func complain(_ text: String) {
  try? FileSystem.writeAll(Array((text + "\n").utf8), to: 2, path: "standard error")
}

/// A fixture the loader does not have.
private struct NoSuchFixture: Error, CustomStringConvertible {
  var description: String { "no such file" }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
  let known = fixtures
  let problems = ScriptChecks.all(bytes, path: inputPath) { path in
    guard let bytes = known[path] else { throw NoSuchFixture() }
    return bytes
  }
  guard problems.isEmpty else {
    // libFuzzer reports the abort, with the input, and saves it as `crash-…`.
    complain(
      (["clavard-fuzz: a check failed:"] + problems.map { "  " + Escaping.controlsEscaped($0) }).joined(
        separator: "\n"))
    abort()
  }
  return 0
}
