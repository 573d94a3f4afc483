import Conformance
import ContactCenter
import Foundation

/// Where `clavard coverage` finds the requirement catalogue when `--catalogue` is not given:
/// `fixtures/procedure/requirements.tsv` in the folder of the first script or folder given, or
/// in the nearest folder above it that has one (as git finds `.git`), so the command works
/// from anywhere in the project, or outside it.
extension CoverageCommand {
  static let catalogueInProject = "fixtures/procedure/requirements.tsv"

  /// The catalogue for `paths`, written relative to `directory` when it is inside it; nil when
  /// no folder from the first path up to `/` has one.
  static func findCatalogue(for paths: [String], in directory: String, exists: (String) -> Bool) -> String? {
    guard let first = paths.first else { return nil }
    let absolute = ScriptFile.normalized(first.hasPrefix("/") ? first : directory + "/" + first)
    var folder = absolute
    while true {
      let candidate = (folder == "/" ? "" : folder) + "/" + catalogueInProject
      if exists(candidate) { return relative(candidate, to: directory) }
      guard let slash = folder.lastIndex(of: "/"), folder != "/" else { return nil }
      folder = slash == folder.startIndex ? "/" : String(folder[..<slash])
    }
  }

  private static func relative(_ path: String, to directory: String) -> String {
    let base = ScriptFile.normalized(directory)
    let prefix = base.hasSuffix("/") ? base : base + "/"
    return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
  }

  /// `--catalogue`, or the one found above the scripts; nil (with the reason said) when none.
  func cataloguePath() -> String? {
    if let catalogue { return catalogue }
    let directory = GitHubActions.workingDirectory
    let found = Self.findCatalogue(for: paths, in: directory) { FileManager.default.fileExists(atPath: $0) }
    if found == nil {
      let start = Escaping.controlsEscaped(paths.first ?? ".")
      Output.error(
        "clavard: no requirement catalogue found: no \(Self.catalogueInProject) in \(start) or a folder "
          + "above it; name one with --catalogue FILE")
    }
    return found
  }
}
