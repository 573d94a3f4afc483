import CEditLine
import Glibc
import Synchronization

/// What a completion callback answers for the text before the cursor.
public enum LineCompletion: Hashable, Sendable {
  /// Whole replacements for the word before the cursor (the text after the last word-break
  /// character). Those that do not start with that word are ignored.
  case candidates([String])
  /// The names of files and folders (folders with a `/` and no space after).
  case fileNames
}

/// What reading a line gave.
public enum LineInput: Hashable, Sendable {
  case line(String)
  /// The line's bytes are not UTF-8 (libedit normally drops such bytes as they are typed).
  case invalidUTF8(byteCount: Int)
  /// Ctrl-C: the line was abandoned.
  case interrupted
  /// End of input (Ctrl-D on an empty line).
  case end
}

/// The Swift face of libedit: reads a line with a prompt, keeps the history that Up and Down
/// walk, and completes the word before the cursor through a callback. It knows nothing of
/// what the lines mean.
///
/// libedit's readline layer is one global state, so there is one line editor per process.
/// Use it from one thread.
///
/// ```swift
/// let editor = LineEditor(name: "clavard", wordBreakCharacters: " \t=", isUnsafe: Escaping.isUnsafe)
/// while case .line(let text) = editor.readLine(prompt: "> ", completion: { _ in .candidates(["help"]) }) {
///   editor.addToHistory(text)
/// }
/// ```
public final class LineEditor {
  /// Characters after which a unique completion gets no space (a `key=` waits for its value).
  public let noSpaceAfter: Set<Character>
  /// Which characters a terminal must never get raw (see ``fileNames(startingWith:leavingOut:)``).
  public let isUnsafe: @Sendable (Unicode.Scalar) -> Bool

  /// Sets up libedit: the locale's character type (UTF-8, so that accents and emoji are edited
  /// as characters), the word-break characters, the completion hook, and whether libedit
  /// handles signals while reading (it restores the terminal, then passes them on).
  ///
  /// `interruptDescriptor` is the read end of a pipe that the program's SIGINT handler writes a
  /// byte to: when it becomes readable, the line being typed is abandoned and
  /// ``readLine(prompt:completion:)`` returns ``LineInput/interrupted``. A pipe rather than a
  /// flag, because a signal may be handled on any thread (libedit passes SIGINT on with
  /// `kill`), while only the reading thread would see its read interrupted.
  ///
  /// `isUnsafe` says which characters a terminal must not get raw (controls, bidirectional
  /// overrides: the program's escaping rule, which this module does not know): file names
  /// holding one are left out of completion.
  public init(
    name: String, wordBreakCharacters: String, noSpaceAfter: Set<Character> = ["="],
    catchSignals: Bool = true,
    interruptDescriptor: Int32? = nil,
    isUnsafe: @escaping @Sendable (Unicode.Scalar) -> Bool
  ) {
    self.noSpaceAfter = noSpaceAfter
    self.isUnsafe = isUnsafe
    Self.useUTF8Locale()
    inputState.withLock { $0.interruptDescriptor = interruptDescriptor ?? -1 }
    // Keystrokes are decoded here rather than by libedit, which drops bytes that are not
    // UTF-8 without a word: here they become U+FFFD and the line is reported as invalid.
    clavard_rl_set_getc_function(readCharacter)
    // libedit keeps these pointers for the life of the process: copies that are never freed.
    clavard_rl_set_readline_name(strdup(name))
    clavard_rl_set_word_break_characters(strdup(wordBreakCharacters))
    clavard_rl_set_catch_signals(catchSignals ? 1 : 0)
    clavard_rl_set_attempted_completion_function(attemptedCompletion)
    // This libedit rings the bell after every completion, unique ones included; a terminal
    // bell on each Tab is noise, so the bell is silenced (libedit reads the settings above
    // when it initialises, which this first call makes it do).
    _ = rl_initialize()
    _ = rl_parse_and_bind("settc bl $<0>")
  }

  /// Reads one line, showing `prompt`; while it reads, Tab asks `completion` about the text
  /// before the cursor. The line comes without its newline.
  public func readLine(prompt: String, completion: @escaping @Sendable (String) -> LineCompletion)
    -> LineInput
  {
    completionState.withLock {
      $0 = CompletionState(provider: completion, noSpaceAfter: noSpaceAfter, isUnsafe: isUnsafe)
    }
    defer { completionState.withLock { $0 = nil } }
    // A Ctrl-C pressed while the previous line ran is not meant for this one.
    let interruptDescriptor = inputState.withLock { state in
      state.invalidBytes = 0
      state.interrupted = false
      return state.interruptDescriptor
    }
    drain(interruptDescriptor)
    fflush(nil)
    guard let raw = readline(prompt) else {
      return inputState.withLock { $0.interrupted } ? .interrupted : .end
    }
    defer { free(raw) }
    let bytes = UnsafeBufferPointer(
      start: UnsafeRawPointer(raw).assumingMemoryBound(to: UInt8.self), count: strlen(raw))
    let invalid = inputState.withLock { $0.invalidBytes }
    guard invalid == 0, let line = String(validating: bytes, as: UTF8.self) else {
      return .invalidUTF8(byteCount: max(1, invalid))
    }
    return .line(line)
  }

  /// Adds a line to the in-memory history (what Up recalls).
  public func addToHistory(_ line: String) {
    _ = add_history(line)
  }

  /// Keeps at most `count` lines in the in-memory history, dropping the oldest.
  public func limitHistory(to count: Int) {
    stifle_history(Int32(clamping: count))
  }

  /// Clears the error and end-of-file marks of the C library's standard input, which libedit
  /// reads for its "Display all N possibilities? (y or n)" question (an interrupted read
  /// there leaves them set).
  public func clearInputErrors() {
    clearerr(clavard_stdin())
  }

  /// What libedit gets for a completion: the text that replaces the word (the matches'
  /// longest common prefix), then the matches; empty when nothing matches. Duplicates and
  /// candidates that do not start with `word` are dropped.
  public static func matches(for candidates: [String], word: String) -> [String] {
    var seen: Set<String> = []
    seen.reserveCapacity(candidates.count)
    var kept: [String] = []
    kept.reserveCapacity(candidates.count)
    for candidate in candidates
    where (word.isEmpty || candidate.hasPrefix(word)) && seen.insert(candidate).inserted {
      kept.append(candidate)
    }
    guard let first = kept.first else { return [] }
    return [commonPrefix(kept, startingWith: first)] + kept
  }

  /// Runs what a Tab runs, without a terminal: asks `provider` about `before`, builds
  /// libedit's array of matches for `word` and frees it. Returns how many matches there were.
  /// For measuring completion latency.
  public static func completeOffline(
    _ before: String, word: String, leavingOut isUnsafe: (Unicode.Scalar) -> Bool,
    provider: @Sendable (String) -> LineCompletion
  ) -> Int {
    let candidates: [String]
    switch provider(before) {
    case .candidates(let list): candidates = list
    case .fileNames: candidates = fileNames(startingWith: word, leavingOut: isUnsafe)
    }
    let matches = matches(for: candidates, word: word)
    guard !matches.isEmpty, let array = cArray(matches) else { return 0 }
    for index in 0..<matches.count { free(array[index]) }
    free(array)
    return matches.count - 1
  }

  /// The files and folders whose path starts with `word` (folders end with `/`), sorted;
  /// hidden ones only when the name typed starts with a dot.
  ///
  /// libedit lists the matches as they are, so a path with a character for which `isUnsafe`
  /// holds is left out: a file named `a\u{1B}]2;x\u{7}.chat` would otherwise retitle the
  /// terminal at Tab Tab. Such a name could not be typed back as a usable word anyway.
  public static func fileNames(startingWith word: String, leavingOut isUnsafe: (Unicode.Scalar) -> Bool)
    -> [String]
  {
    let folderPart = word.lastIndex(of: "/").map { String(word[...$0]) } ?? ""
    let namePrefix = String(word.dropFirst(folderPart.count))
    guard let directory = opendir(folderPart.isEmpty ? "." : folderPart) else { return [] }
    defer { closedir(directory) }
    var names: [String] = []
    while let entry = readdir(directory) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) {
        String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self)
      }
      guard name != ".", name != "..", name.hasPrefix(namePrefix),
        !name.hasPrefix(".") || namePrefix.hasPrefix(".")
      else { continue }
      var isFolder = entry.pointee.d_type == UInt8(DT_DIR)
      if entry.pointee.d_type == UInt8(DT_LNK) || entry.pointee.d_type == UInt8(DT_UNKNOWN) {
        var status = stat()
        isFolder = stat(folderPart + name, &status) == 0 && status.st_mode & S_IFMT == S_IFDIR
      }
      let path = folderPart + name
      guard !path.unicodeScalars.contains(where: isUnsafe) else { continue }
      names.append(path + (isFolder ? "/" : ""))
    }
    return names.sorted()
  }

  /// The longest prefix (in characters) shared by all the strings.
  static func commonPrefix(_ strings: [String], startingWith first: String) -> String {
    var prefix = Substring(first)
    for string in strings.dropFirst() where !string.hasPrefix(prefix) {
      var end = prefix.startIndex
      var other = string.startIndex
      while end < prefix.endIndex, other < string.endIndex, prefix[end] == string[other] {
        end = prefix.index(after: end)
        other = string.index(after: other)
      }
      prefix = prefix[..<end]
      if prefix.isEmpty { break }
    }
    return String(prefix)
  }

  /// libedit decodes keystrokes with the C library's multibyte functions: without a UTF-8
  /// character type every byte above 0x7F is dropped as invalid. Takes the environment's
  /// locale, or C.UTF-8 when that is not UTF-8 (a bare `C` locale, say).
  private static func useUTF8Locale() {
    if setlocale(LC_CTYPE, "") == nil || !isUTF8Locale() {
      _ = setlocale(LC_CTYPE, "C.UTF-8") ?? setlocale(LC_CTYPE, "en_US.UTF-8")
    }
  }

  private static func isUTF8Locale() -> Bool {
    guard let codeset = nl_langinfo(nl_item(CODESET)) else { return false }
    let name = String(cString: codeset).lowercased()
    return name == "utf-8" || name == "utf8"
  }
}

/// What the character reader keeps between calls: a byte read too far (the one that showed a
/// sequence was broken), how many invalid bytes this line had, and the interrupt pipe.
private struct InputState: Sendable {
  var pushedBack: UInt8?
  var invalidBytes = 0
  var interruptDescriptor: Int32 = -1
  var interrupted = false
}

private let inputState = Mutex(InputState())

/// Reads and drops whatever the (non-blocking) interrupt pipe holds.
private func drain(_ descriptor: Int32) {
  guard descriptor >= 0 else { return }
  var buffer = [UInt8](repeating: 0, count: 64)
  while buffer.withUnsafeMutableBytes({ read(descriptor, $0.baseAddress, $0.count) }) > 0 {}
}

/// libedit's `rl_getc_function`: one Unicode scalar from the input, decoded from UTF-8; U+FFFD
/// (and a count) for bytes that are not UTF-8; -1 at the end of input, or when the interrupt
/// pipe becomes readable (the line is abandoned).
private let readCharacter: @convention(c) (UnsafeMutablePointer<FILE>?) -> Int32 = { stream in
  let descriptor = stream.map { fileno($0) } ?? 0
  let interrupt = inputState.withLock { $0.interruptDescriptor }
  func byte() -> UInt8? {
    if let pushed = inputState.withLock({ state -> UInt8? in
      defer { state.pushedBack = nil }
      return state.pushedBack
    }) {
      return pushed
    }
    while true {
      var descriptors = [
        pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0),
        pollfd(fd: interrupt, events: Int16(POLLIN), revents: 0),
      ]
      let ready = poll(&descriptors, interrupt >= 0 ? 2 : 1, -1)
      if ready < 0 {
        if errno == EINTR { continue }
        return nil
      }
      if interrupt >= 0, descriptors[1].revents != 0 {
        drain(interrupt)
        inputState.withLock { $0.interrupted = true }
        return nil
      }
      guard descriptors[0].revents != 0 else { continue }
      var value: UInt8 = 0
      let count = read(descriptor, &value, 1)
      if count == 1 { return value }
      if count < 0, errno == EINTR || errno == EAGAIN { continue }
      return nil
    }
  }
  guard let first = byte() else { return -1 }
  if first < 0x80 { return Int32(first) }
  let length: Int
  var scalar: UInt32
  switch first {
  case 0xC2...0xDF: (length, scalar) = (2, UInt32(first & 0x1F))
  case 0xE0...0xEF: (length, scalar) = (3, UInt32(first & 0x0F))
  case 0xF0...0xF4: (length, scalar) = (4, UInt32(first & 0x07))
  default:
    inputState.withLock { $0.invalidBytes += 1 }
    return 0xFFFD
  }
  for _ in 1..<length {
    guard let next = byte() else { return -1 }
    guard next & 0xC0 == 0x80 else {
      inputState.withLock {
        $0.pushedBack = next
        $0.invalidBytes += 1
      }
      return 0xFFFD
    }
    scalar = scalar << 6 | UInt32(next & 0x3F)
  }
  // Overlong forms, surrogates and values past U+10FFFF are not UTF-8 either.
  let minimum: UInt32 = length == 2 ? 0x80 : length == 3 ? 0x800 : 0x10000
  guard scalar >= minimum, scalar <= 0x10FFFF, !(0xD800...0xDFFF).contains(scalar) else {
    inputState.withLock { $0.invalidBytes += 1 }
    return 0xFFFD
  }
  return Int32(scalar)
}

/// The completion callback of the line being read. A C callback cannot capture Swift context,
/// so it lives here, set for the duration of one `readLine`.
private struct CompletionState: Sendable {
  var provider: @Sendable (String) -> LineCompletion
  var noSpaceAfter: Set<Character>
  var isUnsafe: @Sendable (Unicode.Scalar) -> Bool
}

private let completionState = Mutex<CompletionState?>(nil)

/// libedit's `rl_attempted_completion_function`: asks the provider about the line up to the
/// cursor and hands back a malloc'ed array that libedit frees.
private let attemptedCompletion:
  @convention(c) (UnsafePointer<CChar>?, Int32, Int32) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? =
    {
      text, _, _ in
      guard let state = completionState.withLock({ $0 }) else {
        clavard_rl_set_attempted_completion_over(1)
        return nil
      }
      let word =
        text.map {
          String(
            decoding: UnsafeBufferPointer(
              start: UnsafeRawPointer($0).assumingMemoryBound(to: UInt8.self), count: strlen($0)),
            as: UTF8.self)
        } ?? ""
      var before = ""
      if let buffer = clavard_rl_line_buffer() {
        let point = max(0, min(Int(clavard_rl_point()), strlen(buffer)))
        before = String(
          decoding: UnsafeBufferPointer(
            start: UnsafeRawPointer(buffer).assumingMemoryBound(to: UInt8.self), count: point), as: UTF8.self)
      }
      clavard_rl_set_attempted_completion_over(1)
      let candidates: [String]
      var noSpaceAfter = state.noSpaceAfter
      switch state.provider(before) {
      case .fileNames:
        candidates = LineEditor.fileNames(startingWith: word, leavingOut: state.isUnsafe)
        noSpaceAfter.insert("/")
      case .candidates(let list):
        candidates = list
      }
      let matches = LineEditor.matches(for: candidates, word: word)
      guard !matches.isEmpty else { return nil }
      let unique = matches.count == 2
      let endsOpen = matches[0].last.map { noSpaceAfter.contains($0) } ?? false
      clavard_rl_set_completion_append_character(unique && !endsOpen ? 0x20 : 0)
      return cArray(matches)
    }

/// A NULL-terminated array of C strings, allocated with malloc as libedit expects (it frees
/// each string and the array). One spare NULL slot: some libedit versions look at the third
/// entry of a one-match array.
private func cArray(_ strings: [String]) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
  let count = strings.count + 2
  guard let raw = malloc(count * MemoryLayout<UnsafeMutablePointer<CChar>?>.stride) else { return nil }
  let array = raw.bindMemory(to: UnsafeMutablePointer<CChar>?.self, capacity: count)
  for (index, string) in strings.enumerated() {
    array[index] = strdup(string)
  }
  array[strings.count] = nil
  array[strings.count + 1] = nil
  return array
}
