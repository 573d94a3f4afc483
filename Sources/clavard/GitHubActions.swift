import Foundation

/// Where GitHub Actions annotations are relative to: the working directory, as GitHub expects
/// (`file=` is a path in the checkout, where a job's steps run).
enum GitHubActions {
  static let workingDirectory = FileManager.default.currentDirectoryPath
}
