import Glibc

/// Reads a stream (standard input, a pipe) a line at a time in bounded memory: a line longer
/// than `maximumLineBytes` is not kept but reported as soon as it passes the limit, and the
/// next call goes on after its end; `/dev/zero`, which has no line break at all, costs one
/// line's worth of memory and answers at once.
public struct LineReader {
  /// One line, without its `\n` (a `\r` before it is kept: the caller decides).
  public enum Line: Hashable, Sendable {
    case text([UInt8])
    /// A line past the limit, given up when it passed it (the rest of it is skipped).
    case tooLong
  }

  public let descriptor: Int32
  public let maximumLineBytes: Int
  private let name: String
  private var buffer: [UInt8] = []
  private var start = 0
  /// Where the search for the next line break resumes (the bytes before hold none).
  private var searched = 0
  private var atEnd = false
  /// The rest of a line given up as too long is still to be skipped.
  private var skipping = false
  /// Where each read lands: one buffer for the reader's life, not one a read (a server answers
  /// a line at a time, and a fresh 64 KiB per line cost more than the line).
  private var chunk = [UInt8](repeating: 0, count: 1 << 16)

  /// `name` is how errors name the stream (`standard input`).
  public init(descriptor: Int32, maximumLineBytes: Int, name: String) {
    self.descriptor = descriptor
    self.maximumLineBytes = max(1, maximumLineBytes)
    self.name = name
  }

  /// The next line; nil at the end of the stream.
  public mutating func next() throws(FileError) -> Line? {
    while true {
      if let newline = buffer[max(start, searched)...].firstIndex(of: UInt8(ascii: "\n")) {
        let line = buffer[start..<newline]
        start = newline + 1
        searched = start
        if skipping {
          skipping = false
          continue
        }
        return line.count > maximumLineBytes ? .tooLong : .text(Array(line))
      }
      searched = buffer.count
      if skipping {
        buffer.removeAll(keepingCapacity: true)
        (start, searched) = (0, 0)
      } else if buffer.count - start > maximumLineBytes {
        buffer.removeAll(keepingCapacity: true)
        (start, searched) = (0, 0)
        skipping = true
        return .tooLong
      }
      if atEnd {
        guard start < buffer.count, !skipping else { return nil }
        let rest = Array(buffer[start...])
        buffer.removeAll()
        (start, searched) = (0, 0)
        return .text(rest)
      }
      try fill()
    }
  }

  private mutating func fill() throws(FileError) {
    if start > 0 {
      buffer.removeFirst(start)
      searched -= start
      start = 0
    }
    let descriptor = descriptor
    let count = try FileSystem.transfer(descriptor, waitingFor: POLLIN, path: name) {
      chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
    }
    if count == 0 { atEnd = true }
    buffer += chunk[0..<count]
  }
}
