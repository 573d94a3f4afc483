import Glibc

// The operating systems this module is written for. It calls Linux's C library (Glibc)
// directly: `open` with `O_NONBLOCK`, `fstat`, `flock`, `fsync`, `mkstemp`. Another system
// would need its own spellings of these calls here (and a test run on it) before it is claimed.
#if !os(Linux)
  #error("SystemFiles is written and tested for Linux only (Glibc); see README.md, 'Platforms'")
#endif

/// The flags every open of this module adds: no descriptor leaks into a child process
/// (`O_CLOEXEC`), and a terminal device never becomes the controlling terminal (`O_NOCTTY`).
let commonOpenFlags: Int32 = O_CLOEXEC | O_NOCTTY

/// The system's message for an `errno` value.
public func systemMessage(_ code: Int32) -> String {
  String(cString: strerror(code))
}
