/// One CI shard of `I/N` (from 1): the files at sorted positions `I-1`, `I-1+N`, `I-1+2N`, ...
/// The N shards partition any file set exactly (each file in exactly one shard) and their sizes
/// differ by at most one.
public struct Shard: Hashable, Sendable, CustomStringConvertible {
  public let index: Int
  public let count: Int

  /// Why a shard cannot be made: the caller says it in its own words.
  public enum Invalid: Error, Hashable, Sendable {
    /// `count` is less than 1.
    case noShards(count: Int)
    /// `index` is not from 1 to `count`.
    case indexOutOfRange(index: Int, count: Int)
  }

  public init(index: Int, count: Int) throws(Invalid) {
    guard count >= 1 else { throw .noShards(count: count) }
    guard (1...count).contains(index) else { throw .indexOutOfRange(index: index, count: count) }
    self.index = index
    self.count = count
  }

  public var description: String { "\(index)/\(count)" }

  /// The items of this shard, in their order; `items` must be in the canonical (sorted) order.
  public func select<Item>(_ items: [Item]) -> [Item] {
    items.enumerated().filter { $0.offset % count == index - 1 }.map(\.element)
  }
}

/// Which files of a run are run: a filter, tags and a shard.
///
/// Files are first put in order (sorted by path, each once), then filtered, then sharded; a
/// file that cannot be read or parsed always passes the filters (it cannot say what it covers,
/// and it must not go unnoticed), so exactly one shard reports it.
public struct Selection: Hashable, Sendable {
  /// Keeps scripts whose path, or one of whose step ids or `covers:` ids, contains this text,
  /// ignoring case (`cap-4` finds `CAP-4`). Plain text rather than a regular expression: a
  /// path's `.` means a dot, and no pattern can be malformed.
  public var filter: String?
  /// Keeps scripts with any of these tags.
  public var tags: [String]
  public var shard: Shard?

  public init(filter: String? = nil, tags: [String] = [], shard: Shard? = nil) {
    self.filter = filter
    self.tags = tags
    self.shard = shard
  }

  /// Whether the filters (not the shard) keep a file.
  public func matches(_ file: ScriptFile) -> Bool {
    guard case .success(let script) = file.script else { return true }
    if let filter, !filter.isEmpty {
      let wanted = filter.lowercased()
      let stepIDs = script.statements.compactMap { statement -> String? in
        if case .step(let id, _) = statement.kind { return id }
        return nil
      }
      guard ([file.path] + script.covers + stepIDs).contains(where: { $0.lowercased().contains(wanted) })
      else { return false }
    }
    if !tags.isEmpty, !script.tags.contains(where: tags.contains) { return false }
    return true
  }

  /// The files to run, in order: sorted by path, each path once, filtered, then this shard.
  public func select(_ files: [ScriptFile]) -> [ScriptFile] {
    let filtered = Self.ordered(files).filter(matches)
    return shard?.select(filtered) ?? filtered
  }

  /// Files sorted by path, each path once (the first one given).
  public static func ordered(_ files: [ScriptFile]) -> [ScriptFile] {
    var seen: Set<String> = []
    return files.filter { seen.insert($0.path).inserted }.sorted {
      $0.path.utf8.lexicographicallyPrecedes($1.path.utf8)
    }
  }
}

extension StringProtocol {
  func trimmingSpaces() -> String {
    String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
  }
}
