import ClavardTestSupport
import ContactCenter
import Foundation
import Testing

/// The README's Swift example is this test's code, run: the README's block and the code between
/// the markers below must be the same lines, and what it prints must be its `//` comments.
@Suite struct ReadmeExampleTests {
  /// The lines between two marker lines of a text, without their indentation.
  private static func lines(of text: String, from start: String, to end: String) -> [String] {
    let all = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    guard let first = all.firstIndex(where: { $0.contains(start) }),
      let last = all[(first + 1)...].firstIndex(where: { $0.contains(end) })
    else { return [] }
    return all[(first + 1)..<last].map { $0.trimmingCharacters(in: .whitespaces) }
  }

  @Test("the README's example is this test's code, and prints what its comments say")
  func example() throws {
    var printed: [String] = []
    func print(_ items: Any...) { printed.append(items.map { "\($0)" }.joined(separator: " ")) }
    // README example begins
    var center = Center()
    _ = try center.perform(.defineQueue("support", media: .chat, dispositions: ["resolved"]))
    _ = try center.perform(.defineAgent("alice", queues: ["support"], maximumChats: nil))
    for action: AgentAction in [
      .login, .readyToWork, .selectQueue("support", enabled: true),
      .confirmSelections, .setStatus(.available),
    ] {
      _ = try center.perform(.agent("alice", action))
    }
    let request = ChatRequest(name: "Marie Tremblay", email: "marie@example.com", ipAddress: "203.0.113.7")
    for event in try center.perform(.customer("marie", .open("support", request))) { print(event) }
    // chat-1 queued in support for marie
    // chat-1 offered to alice (accept within 30s)
    // chat-1 screen pop for alice: new customer form
    for event in try center.advance(by: .seconds(30)) { print(event) }
    // chat-1 offer to alice expired
    // alice is now Working Offline
    // chat-1 back at the head of support

    // perform throws(Refusal): in the catch, `error` is a Refusal (no `as` cast needed, and
    // `catch let refusal as Refusal` around a typed-throws call crashes swiftc 6.3.1).
    do {
      _ = try center.perform(.agent("alice", .login))
    } catch {
      print(error.kind.rawValue, "-", error)
    }
    // already-logged-in - alice is already logged in
    // README example ends
    let source = try String(contentsOfFile: #filePath, encoding: .utf8)
    let code = Self.lines(of: source, from: "// README example begins", to: "// README example ends")
    let readme = try Repository.read("README.md")
    let block = Self.lines(of: readme, from: "## Using the engine", to: "A driver that sends millions")
      .filter { $0 != "```swift" }
    #expect(block.first == "import ContactCenter")
    #expect(Array(block.drop { $0 != "var center = Center()" }.prefix(while: { $0 != "```" })) == code)
    let comments = code.filter {
      $0.hasPrefix("// ") && !$0.contains("perform throws") && !$0.contains("`catch")
    }
    #expect(printed == comments.map { String($0.dropFirst(3)) })
  }
}
