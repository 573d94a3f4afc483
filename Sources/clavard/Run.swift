import ArgumentParser
import Conformance
import Foundation

struct Run: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Run conformance scripts (*.chat files, or folders of them) and check every event.",
    discussion: """
      Exit status: 0 when every script passed, 1 when a script failed, 2 on a usage error or a \
      script that cannot be read or parsed (never counted as passed).
      """
  )

  @Argument(help: "Script files or folders (searched recursively for *.chat).")
  var paths: [String]

  func run() throws {
    let files = try ScriptFiles.collect(paths)
    var passed = 0
    var failed = 0
    var broken = 0
    let runner = ScriptRunner(loader: ScriptFiles.read)
    for file in files {
      let script: Script
      do {
        script = try ScriptParser.parse(bytes: try ScriptFiles.read(file), path: file)
      } catch let error as ParseError {
        printError(error.description)
        broken += 1
        continue
      } catch {
        printError("\(file): cannot read: \(error.localizedDescription)")
        broken += 1
        continue
      }
      let result = runner.run(script)
      if let failure = result.failure {
        failed += 1
        print("FAIL \(file)")
        print(failure.description)
      } else {
        passed += 1
        print("ok   \(file)")
      }
    }
    print("\(passed) passed, \(failed + broken) failed")
    if broken > 0 { throw ExitCode(2) }
    if failed > 0 { throw ExitCode(1) }
  }
}

/// Finding and reading script files.
enum ScriptFiles {
  /// The `.chat` files named, or found under the folders named, in a stable order.
  static func collect(_ paths: [String]) throws -> [String] {
    var files: [String] = []
    let manager = FileManager.default
    for path in paths {
      var isDirectory: ObjCBool = false
      guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
        throw ValidationError("no such file or folder: \(path)")
      }
      if isDirectory.boolValue {
        let base = path.hasSuffix("/") ? String(path.dropLast()) : path
        let found = (manager.enumerator(atPath: base)?.compactMap { $0 as? String } ?? [])
          .filter { $0.hasSuffix(".chat") }
          .sorted()
          .map { base + "/" + $0 }
        files += found
      } else {
        files.append(path)
      }
    }
    return files
  }

  @Sendable static func read(_ path: String) throws -> [UInt8] {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw ValidationError("cannot read \(path)")
    }
    return [UInt8](data)
  }
}

func printError(_ text: String) {
  var standardError = StandardError()
  print(text, to: &standardError)
}

struct StandardError: TextOutputStream {
  mutating func write(_ string: String) {
    FileHandle.standardError.write(Data(string.utf8))
  }
}
