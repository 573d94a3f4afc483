import ArgumentParser
import Conformance
import ContactCenter

/// `--filter`, `--tags` and `--shard`: how the command line spells a selection, and what it
/// says when one is wrong.
extension Run {
  func selection() throws(ValidationError) -> Selection {
    Selection(
      filter: filter, tags: try tags.map(Self.tags(parsing:)) ?? [],
      shard: try shard.map(Self.shard(parsing:)))
  }

  /// `--tags a,b`: tags separated by commas (spaces around them ignored).
  static func tags(parsing text: String) throws(ValidationError) -> [String] {
    let tags = text.split(separator: ",").map { String($0).trimmingCharacters() }.filter { !$0.isEmpty }
    guard !tags.isEmpty else {
      throw ValidationError("--tags takes tags separated by commas, such as smoke,routing")
    }
    return tags
  }

  /// `--shard I/N`, such as `2/4`.
  static func shard(parsing text: String) throws(ValidationError) -> Shard {
    let parts = text.split(separator: "/", omittingEmptySubsequences: false)
    guard parts.count == 2, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { ("0"..."9").contains($0) } }),
      let index = Int(parts[0]), let count = Int(parts[1])
    else {
      throw ValidationError(
        "--shard takes I/N, such as 2/4 (shard 2 of 4), not '\(Escaping.controlsEscaped(text))'")
    }
    do {
      return try Shard(index: index, count: count)
    } catch {
      switch error {
      case .noShards(let count):
        throw ValidationError("--shard I/N needs N of at least 1, not \(count)")
      case .indexOutOfRange(let index, let count):
        throw ValidationError("--shard I/N needs I from 1 to N (\(count)), not \(index)")
      }
    }
  }

  /// Why nothing was selected, for the message of an empty run: `--filter TEXT --tags a,b`.
  static func described(_ selection: Selection) -> String {
    var parts: [String] = []
    if let filter = selection.filter { parts.append("--filter \(filter)") }
    if !selection.tags.isEmpty { parts.append("--tags \(selection.tags.joined(separator: ","))") }
    return Escaping.controlsEscaped(parts.joined(separator: " "))
  }
}
