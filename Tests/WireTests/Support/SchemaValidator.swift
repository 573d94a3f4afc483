import ClavardTestSupport
import Foundation
import Wire

/// `docs/protocol.schema.json` applied by a real validator: Python's `jsonschema` (draft
/// 2020-12). `scripts/test` installs it; without it (or without python3) the tests that need it
/// fail and say so, they never skip.
enum SchemaValidator {
  static let schemaPath = "docs/protocol.schema.json"

  /// One line to check, against the schema's definition at `pointer` (`#` for the whole
  /// schema: any message), with a label for the failure message.
  struct Instance: Sendable {
    var pointer: String
    var line: String
    var label: String

    init(_ line: String, against pointer: String = "#", label: String) {
      self.pointer = pointer
      self.line = line
      self.label = label
    }
  }

  /// Validates every instance; returns one text per invalid one (its label, what the validator
  /// said, where), empty when all are valid. Throws when the validator cannot run. A line given
  /// twice against the same definition is checked once (sessions repeat their set-ups).
  static func problems(_ instances: [Instance]) throws -> [String] {
    var seen: Set<String> = []
    let instances = instances.filter { seen.insert($0.pointer + "\t" + $0.line).inserted }
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "protocol-schema-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let input = folder.appendingPathComponent("instances.tsv")
    let output = folder.appendingPathComponent("output.txt")
    let text = instances.map { "\($0.pointer)\t\($0.line)\n" }.joined()
    try Data(text.utf8).write(to: input)
    _ = FileManager.default.createFile(atPath: output.path, contents: nil)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", script, Repository.path(schemaPath), input.path]
    let handle = try FileHandle(forWritingTo: output)
    process.standardOutput = handle
    process.standardError = handle
    do {
      try process.run()
    } catch {
      throw CannotRun(description: "python3 cannot be started (\(error)); the schema tests need it")
    }
    process.waitUntilExit()
    try handle.close()
    let said = String(decoding: try Data(contentsOf: output), as: UTF8.self)
    guard process.terminationStatus == 0 else {
      throw CannotRun(
        description: "the validator could not run (status \(process.terminationStatus)): \(said)")
    }
    return said.split(separator: "\n").map { line in
      let parts = line.split(separator: ":", maxSplits: 1)
      guard let index = parts.first.flatMap({ Int($0) }), instances.indices.contains(index) else {
        return String(line)
      }
      return "\(instances[index].label): \(parts.dropFirst().joined())"
    }
  }

  struct CannotRun: Error, CustomStringConvertible {
    var description: String
  }

  /// Checks the schema itself, then each instance against its definition; prints
  /// `INDEX: MESSAGE at PATH` for each invalid one.
  private static let script = """
    import json, sys
    try:
        import jsonschema
    except ImportError:
        sys.exit("Python's jsonschema is not installed; scripts/test installs it (python3 -m pip install jsonschema)")
    with open(sys.argv[1], encoding="utf-8") as file:
        schema = json.load(file)
    jsonschema.Draft202012Validator.check_schema(schema)
    validators = {}
    def validator(pointer):
        if pointer not in validators:
            if pointer == "#":
                validators[pointer] = jsonschema.Draft202012Validator(schema)
            else:
                wrapper = {"$schema": schema["$schema"], "$defs": schema["$defs"], "$ref": pointer}
                validators[pointer] = jsonschema.Draft202012Validator(wrapper)
        return validators[pointer]
    with open(sys.argv[2], encoding="utf-8") as file:
        for index, line in enumerate(file):
            pointer, _, text = line.rstrip("\\n").partition("\\t")
            try:
                instance = json.loads(text)
            except ValueError as error:
                print(f"{index}: not JSON: {error}")
                continue
            error = jsonschema.exceptions.best_match(validator(pointer).iter_errors(instance))
            if error is not None:
                where = "/".join(str(part) for part in error.absolute_path)
                print(f"{index}: {error.message[:300]} at /{where}")
    """
}
