import ContactCenter
import Synchronization

/// What `use PATH` means, in one place for the runner, `--update` and the REPL: the path
/// resolved against the including file, the checks (a loop, nesting too deep, a NUL in the
/// path), then the file read and parsed.
///
/// Each file is read and parsed once per resolver, however many `use` lines name it and from
/// however many scripts (a run shares one resolver among its jobs): a suite whose scripts all
/// use one set-up parses it once.
///
/// - Complexity: a `use` of a file already parsed is a dictionary look-up under a lock.
public struct IncludeResolver: Sendable {
  /// Reads the file at a path: the executable passes the file system, tests a dictionary.
  public typealias Loader = @Sendable (String) throws -> [UInt8]

  /// How deep `use` may nest.
  public static let maximumDepth = 32

  /// The code points the texts of all the files `use`d in a run may hold once repeated: each
  /// file parsed is kept for the run, so without this, many files each within their own bound
  /// (``ScriptParser/maximumTextPerFile``) would fill memory (about a byte a code point).
  public static let maximumUsedText = 64 << 20

  /// Why a `use` line cannot be carried out.
  public enum Failure: Error, Hashable, Sendable {
    /// The file would include itself, directly or through others.
    case loop(path: String, resolved: String)
    case tooDeep(path: String)
    case nulInPath(path: String)
    case unreadable(resolved: String, reason: String)
    /// The file does not parse: the error is in the included file.
    case parse(ParseError)
    /// The files used so far in the run, this one included, would hold too much text.
    case tooMuchText(resolved: String)

    /// The message at the `use` line (a parse error's own message is at its location).
    public var message: String {
      switch self {
      case .loop(let path, let resolved): "'use \(path)' would include \(resolved) inside itself"
      case .tooDeep(let path): "'use \(path)' nests scripts more than \(IncludeResolver.maximumDepth) deep"
      case .nulInPath(let path): "'use \(Escaping.quoted(path))': a path cannot hold a NUL character"
      case .unreadable(let resolved, let reason): "cannot read \(resolved): \(reason)"
      case .parse(let error): error.message
      case .tooMuchText(let resolved):
        "cannot use \(resolved): with it, the files this run uses would hold more than \(IncludeResolver.maximumUsedText) code points once repeated; use fewer or smaller ones"
      }
    }
  }

  private let loader: Loader
  private let isInterrupted: @Sendable () -> Bool
  private let cache = Cache()

  /// `isInterrupted` is asked while a large file is parsed (the REPL's Ctrl-C): a parse it
  /// stops is refused at its `use` line and not kept, so a later `use` reads the file again.
  public init(loader: @escaping Loader, isInterrupted: @escaping @Sendable () -> Bool = { false }) {
    self.loader = loader
    self.isInterrupted = isInterrupted
  }

  /// The script a `use` line at `location` names. `including` holds the files whose `use` lines
  /// led to the file of `location`, outermost first.
  public func resolve(_ path: String, from location: SourceLocation, including: [String]) -> Result<
    Script, Failure
  > {
    guard !path.unicodeScalars.contains("\u{0}") else { return .failure(.nulInPath(path: path)) }
    let resolved = Paths.resolve(path, relativeTo: location.file)
    if including.contains(resolved) || location.file == resolved {
      return .failure(.loop(path: path, resolved: resolved))
    }
    if including.count >= Self.maximumDepth { return .failure(.tooDeep(path: path)) }
    return script(at: resolved)
  }

  /// The file at a resolved path, read and parsed (once).
  public func script(at resolved: String) -> Result<Script, Failure> {
    if let known = cache.state.withLock({ $0.scripts[resolved] }) { return known }
    let parsed: Result<Script, Failure>
    do {
      let bytes = try loader(resolved)
      do {
        parsed = .success(try ScriptParser.parse(bytes: bytes, path: resolved, isInterrupted: isInterrupted))
      } catch {
        if error.message == ScriptParser.interrupted { return .failure(.parse(error)) }
        parsed = .failure(.parse(error))
      }
    } catch {
      parsed = .failure(.unreadable(resolved: resolved, reason: String(describing: error)))
    }
    return cache.state.withLock { state in
      // Two jobs may parse one file at once: the first kept is the one every `use` gets.
      if let known = state.scripts[resolved] { return known }
      var result = parsed
      // Kept for the run only within the budget; past it, the file is dropped and its `use`
      // refused.
      if case .success(let script) = parsed {
        if state.usedText + script.textSize > Self.maximumUsedText {
          result = .failure(.tooMuchText(resolved: resolved))
        } else {
          state.usedText += script.textSize
        }
      }
      state.scripts[resolved] = result
      return result
    }
  }

  private final class Cache: Sendable {
    struct State {
      var scripts: [String: Result<Script, Failure>] = [:]
      /// The text size of the files kept.
      var usedText = 0
    }
    let state = Mutex(State())
  }
}

/// Path arithmetic for `use`, without Foundation.
enum Paths {
  static func resolve(_ path: String, relativeTo file: String) -> String {
    if path.hasPrefix("/") { return normalize(path) }
    guard let slash = file.lastIndex(of: "/") else { return normalize(path) }
    return normalize(String(file[...slash]) + path)
  }

  static func normalize(_ path: String) -> String {
    var parts: [Substring] = []
    for part in path.split(separator: "/", omittingEmptySubsequences: false) {
      if part == "." || (part.isEmpty && !parts.isEmpty) { continue }
      if part == "..", let last = parts.last, last != "..", !last.isEmpty {
        parts.removeLast()
      } else {
        parts.append(part)
      }
    }
    return parts.joined(separator: "/")
  }
}
