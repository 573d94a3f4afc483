import ClavardTestSupport
import ContactCenter
import Testing

@testable import Wire

/// The JSON reader takes lines from another program: every hostile line is an error that says
/// what and where (the column, from 1), never a crash, a hang or a stack overflow.
@Suite("JSON lines: strict reading, hostile input, writing")
struct JSONTextTests {
  private func error(_ bytes: [UInt8]) -> String? {
    do {
      _ = try JSON.parse(bytes)
      return nil
    } catch {
      return error.description
    }
  }

  private func error(_ text: String) -> String? { error(Array(text.utf8)) }

  @Test("Nesting: 64 levels are read, the 65th is refused where it starts, however deep it goes")
  func nesting() throws {
    let deepest = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
    #expect(error(deepest) == nil)
    let tooDeep = String(repeating: "[", count: 65) + String(repeating: "]", count: 65)
    #expect(error(tooDeep) == "column 65: nested more than 64 deep")
    #expect(error(String(repeating: "[", count: 1_000_000)) == "column 65: nested more than 64 deep")
    let objects = String(repeating: "{\"a\":", count: 100_000)
    #expect(error(objects) == "column 321: nested more than 64 deep")
  }

  @Test("Numbers: whole, within 64 bits; fractions and exponents are refused")
  func numbers() throws {
    #expect(try JSON.parse("9223372036854775807") == .number(Int.max))
    #expect(try JSON.parse("-9223372036854775808") == .number(Int.min))
    #expect(try JSON.parse("-0") == .number(0))
    #expect(error("9223372036854775808") == "column 1: a number out of range")
    #expect(error("-9223372036854775809") == "column 1: a number out of range")
    #expect(error("{\"a\":99999999999999999999999999}") == "column 6: a number out of range")
    #expect(error(String(repeating: "9", count: 100_000)) == "column 1: a number out of range")
    #expect(error("1.5") == "column 2: the protocol's numbers are whole (times are milliseconds)")
    #expect(error("[0, -0.0]") == "column 7: the protocol's numbers are whole (times are milliseconds)")
    #expect(error("1e3") == "column 2: the protocol's numbers are whole (times are milliseconds)")
    #expect(error("2E-1") == "column 2: the protocol's numbers are whole (times are milliseconds)")
    #expect(error("01") == "column 3: a number cannot start with 0")
    #expect(error("-") == "column 2: expected a digit")
    #expect(error("-a") == "column 2: expected a digit")
    #expect(error("+1") == "column 1: expected a value")
    #expect(error("NaN") == "column 1: expected a value")
    #expect(error("Infinity") == "column 1: expected a value")
  }

  @Test("Strings: surrogate pairs are characters, lone surrogates are not")
  func surrogates() throws {
    #expect(try JSON.parse(#""\ud83d\udc4d""#) == .string("\u{1F44D}"))
    #expect(try JSON.parse(#""\u00e9\u0000""#) == .string("\u{E9}\u{0}"))
    #expect(error(#""\ud800""#) == "column 8: a lone surrogate is not a character")
    #expect(error(#""\udc00""#) == "column 8: a lone surrogate is not a character")
    #expect(error(#""\ud800\u0041""#) == "column 14: a lone surrogate is not a character")
    #expect(error(#""\ud800\ud800""#) == "column 14: a lone surrogate is not a character")
    #expect(error(#""\ud800"#) == "column 8: a lone surrogate is not a character")
    #expect(error(#""\u12""#) == "column 4: expected four hexadecimal digits")
    #expect(error(#""\u12G4""#) == "column 6: expected four hexadecimal digits")
    #expect(error(#""\x""#) == "column 3: unknown escape")
    #expect(error(#""\"#) == "column 3: an escape is cut short")
  }

  @Test("Bytes: invalid UTF-8 in a string says where its run starts; outside a string it is no value")
  func invalidUTF8() {
    #expect(error([0x22, 0xFF, 0x22]) == "column 2: this text is not valid UTF-8")
    // An overlong encoding, an encoded surrogate, a sequence cut short.
    #expect(error([0x22, 0x61, 0xC0, 0x80, 0x22]) == "column 2: this text is not valid UTF-8")
    #expect(error([0x22, 0xED, 0xA0, 0x80, 0x22]) == "column 2: this text is not valid UTF-8")
    #expect(error([0x22, 0x5C, 0x6E, 0xE2, 0x82, 0x22]) == "column 4: this text is not valid UTF-8")
    #expect(error([0xFF]) == "column 1: expected a value")
    #expect(error([0xEF, 0xBB, 0xBF, 0x7B, 0x7D]) == "column 1: expected a value")
    #expect(error([0x22, 0x09, 0x22]) == "column 2: a control character must be escaped in a string")
    #expect(error([0x22, 0x0A, 0x22]) == "column 2: a control character must be escaped in a string")
  }

  @Test("Objects: a key given twice is refused where the second starts; 100,000 keys are read")
  func keys() throws {
    #expect(error(#"{"a":1,"a":2}"#) == #"column 8: the key "a" is given twice"#)
    #expect(error(#"{"a":1,"\u0061":2}"#) == #"column 8: the key "a" is given twice"#)
    #expect(error(#"{"a":{"b":1,"b":1}}"#) == #"column 13: the key "b" is given twice"#)
    let members = (0..<100_000).map { "\"k\($0)\":\($0)" }.joined(separator: ",")
    let many = try JSON.parse("{" + members + "}")
    guard case .object(let read) = many else {
      Issue.record("not an object")
      return
    }
    #expect(read.count == 100_000)
    #expect(many["k99999"] == .number(99_999))
    let twice = "{" + members + ",\"k5\":0}"
    #expect(error(twice) == "column \(members.utf8.count + 3): the key \"k5\" is given twice")
  }

  @Test("Text after the value, and values cut short, are refused")
  func structure() {
    #expect(error("{} x") == "column 4: unexpected text after the value")
    #expect(error("{}{}") == "column 3: unexpected text after the value")
    #expect(error("1 2") == "column 3: unexpected text after the value")
    #expect(error("\"a\"\u{0}") == "column 4: unexpected text after the value")
    #expect(error("") == "column 1: expected a value")
    #expect(error("   ") == "column 4: expected a value")
    #expect(error("[1,]") == "column 4: expected a value")
    #expect(error("[") == "column 2: expected a value")
    #expect(error("[1") == "column 3: this array has no closing ]")
    #expect(error("[1 2]") == "column 4: expected , or ] in an array")
    #expect(error(#"{"a" 1}"#) == "column 6: expected : after a key")
    #expect(error("{1:2}") == "column 2: expected a key in quotes")
    #expect(error(#"{"a":1,}"#) == "column 8: expected a key in quotes")
    #expect(error(#"{"a":1"#) == "column 7: this object has no closing }")
    #expect(error(#"{"a":1 "b":2}"#) == "column 8: expected , or } in an object")
    #expect(error(#""abc"#) == "column 5: this string has no closing quote")
    #expect(error("tru") == "column 1: expected a value")
    #expect(error("nul") == "column 1: expected a value")
    #expect(error("True") == "column 1: expected a value")
  }

  @Test("Whitespace of JSON around values is read; a line's values keep their order")
  func reading() throws {
    let value = try JSON.parse(" {\t\"b\" : [ 1 , true , null ] ,\r\n\"a\":\"x\" } ")
    #expect(value == ["a": "x", "b": [1, true, nil]])
    guard case .object(let members) = value else { return }
    #expect(members.map(\.0) == ["b", "a"])
  }

  @Test("Writing: one line, control characters and line separators escaped, other text as UTF-8")
  func writing() throws {
    let text: JSON = .string("a\"b\\c\n\r\t\u{0}\u{1F}\u{7F}\u{2028}\u{2029}é\u{1F44D}/")
    #expect(text.text == #""a\"b\\c\n\r\t\u0000\u001f\u007f\u2028\u2029é👍/""#)
    #expect(try JSON.parse(text.text) == text)
    let object: JSON = ["z": 1, "a": [true, false, nil], "m": ["": -5]]
    #expect(object.text == #"{"z":1,"a":[true,false,null],"m":{"":-5}}"#)
    #expect(JSON.number(Int.min).text == "-9223372036854775808")
  }

  @Test("Writing: C1 controls and bidirectional controls are escaped too, so a line cannot drive a terminal")
  func writingTerminalControls() throws {
    // A reply `clavard serve` writes to a person's terminal, or `explore --json`'s summary,
    // echoes what customers and systems under test wrote: U+009B is a terminal's CSI.
    let text: JSON = .string("a\u{80}\u{9B}2J\u{9F}\u{202E}b\u{2066}\u{200F}\u{61C}\u{A0}é")
    #expect(text.text == #""a\u0080\u009b2J\u009f\u202eb\u2066\u200f\u061c\#u{A0}é""#)
    #expect(try JSON.parse(text.text) == text)
  }

  @Test("An escape past U+FFFF is a surrogate pair, which the reader takes back as the scalar")
  func escapePastTheBasicPlane() throws {
    var bytes: [UInt8] = []
    JSON.writeEscape("\u{1F600}", to: &bytes)
    let escape = String(decoding: bytes, as: UTF8.self)
    #expect(escape == #"\ud83d\ude00"#)
    #expect(try JSON.parse("\"" + escape + "\"") == .string("\u{1F600}"))
  }

  @Test("Equality: objects ignore their members' order; strings compare scalar by scalar")
  func equality() {
    #expect(JSON.object([("a", 1), ("b", 2)]) == JSON.object([("b", 2), ("a", 1)]))
    #expect(JSON.object([("a", 1), ("b", 2)]).hashValue == JSON.object([("b", 2), ("a", 1)]).hashValue)
    #expect(JSON.string("\u{E9}") != JSON.string("e\u{301}"))
    #expect(JSON.array([1, 2]) != JSON.array([2, 1]))
  }
}

/// Random lines never crash the reader, the decoders or the reference server; random values
/// are written and read back the same.
@Suite("JSON lines: random input")
struct JSONFuzzTests {
  /// Bytes JSON is made of, and some it is not.
  private static let alphabet =
    Array(#"{}[]:,"\ u0123456789abcdefnrtl-.eE+"#.utf8) + [0x00, 0x0A, 0xC3, 0xA9, 0xFF, 0xED]

  @Test("Random bytes: a value or an error with a column inside the line")
  func randomBytes() {
    var random = SplitMix64(seed: 0xC1A7_A4D0)
    for _ in 0..<20_000 {
      let bytes = (0..<random.below(40)).map { _ in random.pick(Self.alphabet) }
      do {
        _ = try JSON.parse(bytes)
      } catch {
        #expect((1...(bytes.count + 1)).contains(error.column), "\(bytes): \(error)")
      }
    }
  }

  @Test("Random values: written on one line, read back equal")
  func randomValues() throws {
    var random = SplitMix64(seed: 42)
    for _ in 0..<2_000 {
      let value = Self.value(&random, depth: 0)
      let text = value.text
      #expect(!text.contains("\n") && !text.contains("\r"))
      #expect(try JSON.parse(text) == value, "\(text)")
    }
  }

  @Test("Real lines with bytes changed: the decoders and the reference server answer, never crash")
  func mutatedLines() throws {
    var random = SplitMix64(seed: 7)
    let lines =
      Samples.commands(full: true).map { Request.command(CommandCall($0)).json(id: 1).text }
      + Samples.allEvents.map { Reply.events([$0.json]).json(inReplyTo: 1).text }
      + [Request.hello.json(id: 0).text, Request.clock(.start).json(id: 2).text]
    var server = ReferenceServer()
    _ = server.handle(Array(Request.hello.json(id: 0).text.utf8))
    for _ in 0..<5_000 {
      var bytes = Array(random.pick(lines).utf8)
      for _ in 0...random.below(3) where !bytes.isEmpty {
        let index = random.below(bytes.count)
        switch random.below(3) {
        case 0: bytes[index] = random.pick(Self.alphabet)
        case 1: bytes.remove(at: index)
        default: bytes.insert(random.pick(Self.alphabet), at: index)
        }
      }
      if let json = try? JSON.parse(bytes) {
        _ = try? Request.decode(json)
        _ = try? Reply.decode(json)
        for event in json["events"]?.array ?? [] { _ = try? Event.decode(event) }
      }
      // A blank line is counted and not answered.
      guard let reply = server.handle(bytes) else { continue }
      #expect(!reply.contains("\n"))
      let parsed = try JSON.parse(reply)
      #expect(parsed["in_reply_to"] != nil, "\(reply)")
    }
  }

  private static func value(_ random: inout SplitMix64, depth: Int) -> JSON {
    switch random.below(depth > 5 ? 4 : 6) {
    case 0: return .null
    case 1: return .bool(random.chance(50))
    case 2: return .number(Int(bitPattern: UInt(random.next())) >> random.below(64))
    case 3: return .string(string(&random))
    case 4: return .array((0..<random.below(4)).map { _ in value(&random, depth: depth + 1) })
    default:
      var keys: Set<String> = []
      let members = (0..<random.below(4)).compactMap { _ -> (String, JSON)? in
        let key = string(&random)
        guard keys.insert(key).inserted else { return nil }
        return (key, value(&random, depth: depth + 1))
      }
      return .object(members)
    }
  }

  private static func string(_ random: inout SplitMix64) -> String {
    var scalars = String.UnicodeScalarView()
    for _ in 0..<random.below(8) {
      let ranges: [ClosedRange<UInt32>] = [
        0...0x7F, 0x80...0x7FF, 0x2028...0x2029, 0xE000...0xFFFF, 0x1F300...0x1F6FF,
      ]
      let range = random.pick(ranges)
      let value = range.lowerBound + UInt32(random.below(Int(range.upperBound - range.lowerBound) + 1))
      if let scalar = Unicode.Scalar(value) { scalars.append(scalar) }
    }
    return String(scalars)
  }
}
