import Conformance

/// The lines of one input, measured once, to check that the locations of its statements and
/// of its parse error fall inside it.
struct InputLines {
  let path: String
  let bytes: [UInt8]
  /// For valid UTF-8, each line's width in Unicode scalars (a "\r" before "\n" included, though
  /// the parser leaves it out of the line: the bound is one looser there).
  let scalarWidths: [Int]?
  /// For invalid UTF-8, where each line starts and ends in the bytes.
  let byteLines: [Range<Int>]

  init(_ bytes: [UInt8], path: String) {
    self.path = path
    self.bytes = bytes
    if let text = String(validating: bytes, as: UTF8.self) {
      var widths = [0]
      for scalar in text.unicodeScalars {
        if scalar == "\n" {
          widths.append(0)
        } else {
          widths[widths.count - 1] += 1
        }
      }
      scalarWidths = widths
      byteLines = []
    } else {
      scalarWidths = nil
      byteLines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map {
        $0.startIndex..<$0.endIndex
      }
    }
  }

  /// What is wrong with `location`, if anything: its line must exist and its column be at most
  /// one past the line's end (where "expected ..." errors point). For invalid UTF-8 it must be
  /// the first bad byte, the one the message names, its column counting the Unicode scalars
  /// before it on its line, as every other error's does.
  func problem(_ location: SourceLocation, message: String) -> String? {
    guard location.file == path else { return "location in another file: \(location)" }
    if let widths = scalarWidths {
      guard (1...widths.count).contains(location.line) else { return "line out of range: \(location)" }
      let width = widths[location.line - 1]
      guard (1...(width + 1)).contains(location.column) else {
        return "column out of range (line has \(width) scalars): \(location)"
      }
      return nil
    }
    guard (1...byteLines.count).contains(location.line) else { return "line out of range: \(location)" }
    let line = byteLines[location.line - 1]
    guard location.column >= 1 else { return "column out of range: \(location)" }
    var offset = line.lowerBound
    var decoder = UTF8()
    var iterator = bytes[line].makeIterator()
    for _ in 1..<location.column {
      guard case .scalarValue(let scalar) = decoder.decode(&iterator) else {
        return "column past the line's valid scalars: \(location)"
      }
      offset += UTF8.width(scalar)
    }
    guard offset < line.upperBound else {
      return "column out of range (line has \(line.count) bytes): \(location)"
    }
    let hex = String(bytes[offset], radix: 16, uppercase: true)
    guard
      message == "this file is not valid UTF-8 (byte 0x\(hex.count == 1 ? "0" + hex : hex)); save it as UTF-8"
    else {
      return "message does not name the byte at \(location): \(message)"
    }
    guard String(validating: bytes[..<offset], as: UTF8.self) != nil else {
      return "not the first bad byte: \(location)"
    }
    return nil
  }
}
