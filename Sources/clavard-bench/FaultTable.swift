import Conformance
import ContactCenter
import Exploration
import SystemFiles

/// `clavard-bench faults FOLDER`: for each fault of the catalogue, the scripts under the folder
/// that catch it, as Markdown table rows for the README (computed in this process, through the
/// protocol, as `clavard run --sut "clavard serve --fault NAME" FOLDER` would).
enum FaultTable {
  static func rows(folder: String) throws -> [String] {
    let found = FileSystem.files(under: folder) { $0.hasSuffix(".chat") }
    if let unreadable = found.unreadableFolders.first { throw unreadable }
    let prefix = folder.hasSuffix("/") ? folder : folder + "/"
    let paths = found.files.filter {
      !ScriptFile.isFragment(relativePath: String($0.dropFirst(prefix.count)))
    }
    .sorted()
    var scripts: [Script] = []
    for path in paths {
      scripts.append(try ScriptParser.parse(bytes: try read(path), path: path))
    }
    let runner = ScriptRunner(loader: { path in try read(path) })
    let caught = FaultCoverage.scripts(catching: Fault.allCases, among: scripts, runner: runner)
    return ["| fault | scripts that catch it (of \(scripts.count)) |", "|---|---|"]
      + zip(Fault.allCases, caught).map { fault, paths in
        let catching = paths.map {
          "`" + String($0.dropFirst($0.hasPrefix(prefix) ? prefix.count : 0).dropLast(".chat".count)) + "`"
        }
        // A long list is cut: the count says the rest.
        let shown = catching.count > 4 ? catching.prefix(3) + ["…"] : catching[...]
        let list = catching.isEmpty ? "**none**" : "\(catching.count): " + shown.joined(separator: ", ")
        return "| `\(fault)` | \(list) |"
      }
  }

  private static func read(_ path: String) throws(FileError) -> [UInt8] {
    try FileSystem.readFile(path, maximumBytes: 64 << 20)
  }
}
