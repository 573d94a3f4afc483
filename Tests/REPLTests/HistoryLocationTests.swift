import Testing

@testable import REPL

@Suite("History location")
struct HistoryLocationTests {
  @Test("CLAVARD_HISTORY, else XDG_STATE_HOME/clavard/history, else ~/.local/state/clavard/history")
  func order() {
    #expect(
      HistoryLocation.path(environment: ["CLAVARD_HISTORY": "/h", "XDG_STATE_HOME": "/s", "HOME": "/home/a"])
        == "/h")
    #expect(
      HistoryLocation.path(environment: ["XDG_STATE_HOME": "/s", "HOME": "/home/a"]) == "/s/clavard/history")
    #expect(HistoryLocation.path(environment: ["HOME": "/home/a/"]) == "/home/a/.local/state/clavard/history")
    // A relative XDG_STATE_HOME is ignored, as the XDG specification says.
    #expect(
      HistoryLocation.path(environment: ["XDG_STATE_HOME": "state", "HOME": "/home/a"])
        == "/home/a/.local/state/clavard/history")
    #expect(HistoryLocation.path(environment: ["CLAVARD_HISTORY": ""]) == nil)
    #expect(HistoryLocation.path(environment: [:]) == nil)
  }
}
