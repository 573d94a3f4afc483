// The operating systems this module is written for. It calls Linux's C library (Glibc)
// directly: `posix_spawn` with a process group of its own, `poll`, `waitpid`, `kill` of a
// group (SystemProcess+Posix.swift). Another system would need its own spellings of these calls
// (and a test run on it) before it is claimed.
#if !os(Linux)
  #error("Subprocesses is written and tested for Linux only (Glibc); see README.md, 'Platforms'")
#endif
