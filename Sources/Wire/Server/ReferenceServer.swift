import Conformance
import ContactCenter

/// The reference engine behind the protocol: what `clavard serve` runs, and a working peer for
/// adapter authors to read. Pure, as a swift-nio state machine: each line in is a `mutating`
/// call that returns the reply line to write; the caller owns the streams.
///
/// A line that is not a request gets an `error` reply naming its line number, never a crash:
/// `malformed-request` when it cannot be read (with `"in_reply_to": null` when even its id
/// cannot), `not-supported` for what the protocol does not have.
public struct ReferenceServer: Sendable {
  /// The longest request line read, in bytes; longer ones are refused whole.
  public static let maximumLineBytes = 1 << 20

  public static let name = "clavard-reference"

  /// No routing audit: the reference is what it is compared with, not what is checked here.
  private var session: Session
  private var greeted = false
  private var lineNumber = 0
  /// The mistakes it makes on purpose (`clavard serve --fault`); none for the reference.
  public let faults: FaultSet

  public init(faults: FaultSet = []) {
    self.faults = faults
    session = Session(auditsRouting: false, faults: faults)
  }

  /// Handles one request line (without its newline) and returns the reply line (without one);
  /// nil for a blank line (a person typing), which is counted but gets no reply.
  public mutating func handle(_ line: some Collection<UInt8>) -> String? {
    lineNumber += 1
    if line.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\r") }) {
      return nil
    }
    return reply(to: line).text
  }

  /// A line longer than ``maximumLineBytes``, which the caller did not keep.
  public mutating func tooLong() -> String {
    lineNumber += 1
    return malformed(nil, "the line is longer than \(Self.maximumLineBytes) bytes").text
  }

  private func malformed(_ id: Int?, _ text: String) -> JSON {
    Reply.error(code: Reply.ErrorCode.malformedRequest, text: "line \(lineNumber): \(text)").json(
      inReplyTo: id)
  }

  private mutating func reply(to line: some Collection<UInt8>) -> JSON {
    let json: JSON
    do {
      json = try JSON.parse(line)
    } catch {
      return malformed(nil, "not JSON: \(error)")
    }
    let id = json["id"]?.int
    let request: Request
    do {
      let decoded = try Request.decode(json)
      request = decoded.request
    } catch {
      let code = error.isUnsupported ? Reply.ErrorCode.notSupported : Reply.ErrorCode.malformedRequest
      return Reply.error(code: code, text: "line \(lineNumber): \(error)").json(inReplyTo: id)
    }
    guard greeted || request == .hello else {
      return malformed(id, "the first request must be hello (the handshake)")
    }
    return respond(to: request).json(inReplyTo: id)
  }

  private mutating func respond(to request: Request) -> Reply {
    switch request {
    case .hello:
      greeted = true
      let name = faults.isEmpty ? Self.name : "\(Self.name) (fault \(faults))"
      return .hello(name: name, version: nil, capabilities: .everything)
    case .reset:
      session = Session(auditsRouting: false, faults: faults)
      return .events([])
    case .command(let call):
      do {
        return Reply(session.run(.engine(try call.command())))
      } catch {
        let code = error.isUnsupported ? Reply.ErrorCode.notSupported : Reply.ErrorCode.malformedRequest
        return .error(code: code, text: "line \(lineNumber): \(error)")
      }
    case .clock(let instant):
      return Reply(session.run(.clock(.to(instant))))
    case .query(let question):
      switch session.answer(question) {
      case .success(let answer): return .answer(answer.json(for: question))
      case .failure(let problem): return .noSuchSubject(message: problem.message)
      }
    }
  }
}
