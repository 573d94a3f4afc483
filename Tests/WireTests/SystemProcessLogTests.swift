import Glibc
import Testing

@testable import Subprocesses

/// A system under test's standard error is its log: read as it comes, and only its tail kept.
/// A system that writes gigabytes there costs neither memory nor time past a request's deadline.
@Suite struct SystemProcessLogTests {
  /// Linux's F_SETPIPE_SZ (from <fcntl.h> under _GNU_SOURCE, which Swift's Glibc leaves out).
  static let setPipeSize: Int32 = 1031

  @Test("a read of the log keeps only its tail, and stops after a bounded amount however much waits")
  func logReadIsBounded() throws {
    var ends: [Int32] = [-1, -1]
    try #require(pipe(&ends) == 0)
    defer { for end in ends { close(end) } }
    // A pipe of a megabyte, full: what a system flooding its log leaves waiting.
    let size = 1 << 20
    try #require(fcntl(ends[1], Self.setPipeSize, Int32(size)) >= size)
    _ = fcntl(ends[0], F_SETFL, fcntl(ends[0], F_GETFL) | O_NONBLOCK)
    let flood = [UInt8](repeating: UInt8(ascii: "e"), count: size)
    try #require(write(ends[1], flood, flood.count) == size)
    var log: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    var descriptor = ends[0]
    SystemProcess.drain(&descriptor, into: &log, keeping: 1000, using: &chunk)
    #expect(log.count == 1000)
    // Never more than the tail and a read held at once…
    #expect(log.capacity < size / 2, "\(log.capacity)")
    // …and the rest is left for the next read: the caller goes back to its deadline.
    var byte: UInt8 = 0
    #expect(read(ends[0], &byte, 1) == 1)
    #expect(descriptor == ends[0])
  }
}
