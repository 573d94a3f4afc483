import Synchronization

/// File names are bytes; Swift strings are Unicode. A name that is not UTF-8 (`lat\xE9.chat`,
/// written by a Latin-1 system) would lose its bytes in a `String` and then could not be
/// opened. So each path component that is not UTF-8 is spelt with its stray bytes as `\xE9`
/// and that spelling is remembered: every call of this module that takes a path turns the
/// spelling back into the real bytes. Paths built from such a name (`folder/other.chat`,
/// `use` lines resolved against it) keep working, because it is the component that is
/// remembered, not the whole path.
///
/// A real name that is spelt exactly like a remembered one (with a backslash, an `x` and two
/// hex digits) would be confused with it; no one names files that way.
public enum PathNames {
  private static let components = Mutex<[String: [UInt8]]>([:])

  /// The spelling of a path given as bytes (a command-line argument, a folder entry).
  public static func name(_ bytes: some Collection<UInt8>) -> String {
    if let text = String(validating: bytes, as: UTF8.self) { return text }
    var parts: [String] = []
    for component in bytes.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false) {
      if let text = String(validating: component, as: UTF8.self) {
        parts.append(text)
        continue
      }
      let spelling = escaped(Array(component))
      components.withLock { $0[spelling] = Array(component) }
      parts.append(spelling)
    }
    return parts.joined(separator: "/")
  }

  /// The bytes to give the system for a path: the path's UTF-8, with remembered spellings
  /// turned back into the bytes they stand for.
  public static func bytes(_ path: String) -> [UInt8] {
    let known = components.withLock { $0 }
    guard !known.isEmpty, path.contains("\\x") else { return Array(path.utf8) }
    var result: [UInt8] = []
    for (index, component) in path.split(separator: "/", omittingEmptySubsequences: false).enumerated() {
      if index > 0 { result.append(UInt8(ascii: "/")) }
      result += known[String(component)] ?? Array(component.utf8)
    }
    return result
  }

  /// The program's arguments, each spelt as ``name(_:)`` spells it (Swift's
  /// `CommandLine.arguments` replaces the bytes that are not UTF-8, so that such a file could
  /// not be named on the command line).
  public static func arguments() -> [String] {
    (0..<Int(CommandLine.argc)).map { index in
      guard let argument = CommandLine.unsafeArgv[index] else { return "" }
      var length = 0
      while argument[length] != 0 { length += 1 }
      return name(UnsafeRawBufferPointer(start: argument, count: length).map { $0 })
    }
  }

  /// The path as the NUL-terminated bytes the system takes. A name cannot hold a NUL (the
  /// system would read only up to it: `use "setup.chat\u{0}x"` would open `setup.chat`), so
  /// such a path is refused.
  static func systemPath(_ path: String) throws(FileError) -> [CChar] {
    let bytes = bytes(path)
    guard !bytes.contains(0) else {
      throw FileError(path, reason: "a file name cannot contain the character U+0000 (NUL)")
    }
    return bytes.map { CChar(bitPattern: $0) } + [0]
  }

  /// `\xE9` for each byte that is not part of valid UTF-8; valid sequences as they are.
  private static func escaped(_ bytes: [UInt8]) -> String {
    var result = ""
    var index = 0
    while index < bytes.count {
      var end = index + 1
      // The longest valid UTF-8 sequence starting here, if any (at most 4 bytes).
      var decoded: String?
      for length in (1...min(4, bytes.count - index)).reversed() {
        if let text = String(validating: bytes[index..<(index + length)], as: UTF8.self) {
          decoded = text
          end = index + length
          break
        }
      }
      if let decoded {
        result += decoded
      } else {
        let hex = String(bytes[index], radix: 16, uppercase: true)
        result += "\\x" + (hex.count == 1 ? "0" + hex : hex)
      }
      index = end
    }
    return result
  }
}
