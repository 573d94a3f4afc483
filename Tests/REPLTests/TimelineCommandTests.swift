import Conformance
import ContactCenter
import Testing

@testable import REPL

@Suite("The REPL's .timeline: the session so far as the HTML picture of clavard run --html")
struct TimelineCommandTests {
  @Test(".timeline FILE writes the page of the session so far")
  func writes() throws {
    let harness = Harness(files: ["greet.chat": "alice> say \"Bonjour\"\n< chat-1 alice says \"Bonjour\"\n"])
    harness.type(aliceWithChat)
    harness.type(
      ".read greet.chat", "alice> reject", "clock +30s", "expect alice chats 4", "step END-1 \"the end\"",
      "alice> end")
    #expect(harness.type(".timeline t.html") == "# wrote the timeline of the session so far to t.html\n")
    let page = try #require(harness.files["t.html"])
    #expect(page.hasPrefix("<!DOCTYPE html>"))
    #expect(page.contains("<title>clavard repl: 1 passed, 0 failed</title>"))
    #expect(page.contains("data-path=\"clavard repl session\" data-verdict=\"passed\""))
    // Every command of the session, the read file's included, with its lanes and marks.
    for source in ["alice&gt; accept", "alice&gt; say &quot;Bonjour&quot;", "alice&gt; reject", "clock +30s"]
    {
      #expect(page.contains(source), "\(source) is not on the page")
    }
    #expect(page.contains("<title>marie</title>"))
    #expect(page.contains("<title>chat-1 offered to alice (accept within 30s)</title>"))
    #expect(page.contains("! alice has no pending offer"))
    #expect(page.contains("step END-1 “the end” — passed"))
    // The page is a picture: the session goes on as before.
    #expect(harness.type("alice> finish").hasPrefix("< chat-1 finished by alice"))
  }

  @Test("an empty session gives a page that says no command ran; a file is replaced only when asked")
  func empty() throws {
    let harness = Harness(files: ["t.html": "old"])
    #expect(
      harness.type(".timeline t.html")
        == "error: t.html already exists; `.timeline t.html --replace` replaces it\n")
    #expect(harness.files["t.html"] == "old")
    #expect(
      harness.type(".timeline \"t.html\" --replace")
        == "# wrote the timeline of the session so far to t.html\n")
    #expect(harness.files["t.html"]?.contains("<p class=\"note\">No command ran.</p>") == true)
  }

  @Test("without a file, or when the file cannot be written, it says so")
  func errors() {
    let harness = Harness()
    #expect(harness.type(".timeline") == "error: usage: .timeline FILE  or  .timeline FILE --replace\n")
    #expect(harness.type(".record r.chat").hasPrefix("# recording to r.chat"))
    #expect(
      harness.type(".timeline r.chat --replace")
        == "error: r.chat is the file being recorded; `.record stop` first, or save to another file\n")
    harness.files.failWrites(to: "full.html")
    #expect(harness.type(".timeline full.html") == "error: cannot write full.html: disk full\n")
    #expect(harness.files["full.html"] == nil)
  }

  @Test("completion offers file names after .timeline, and .help describes it")
  func helpAndCompletion() {
    let harness = Harness()
    #expect(harness.complete(".timeline ") == ["<files>"])
    #expect(harness.complete(".tim") == [".timeline"])
    #expect(Help.detail(".timeline")?.joined(separator: "\n").contains(".timeline FILE") == true)
  }
}
