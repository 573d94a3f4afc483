import ClavardTestSupport
import PseudoTerminal
import Testing

/// `clavard explore` on a terminal: its progress line, rewritten in place, then cleared.
@Suite struct ExploreTerminalTests {
  @Test(
    "on a terminal, progress (runs, commands, commands/s, elapsed) is shown and cleared; --time stops the runs"
  )
  func progress() throws {
    let terminal = try PseudoTerminal(
      try BuiltProducts.clavard(), ["explore", "--runs", "1000000", "--time", "1s"],
      environment: ["TERM=xterm", "LANG=C.UTF-8", "PATH=/usr/bin:/bin"])
    try terminal.expect("stopped by --time", timeout: 30)
    #expect(terminal.waitForExit() == 0)
    let text = terminal.text()
    // A status line starts with a carriage return and "erase the line", and is cleared the same way.
    #expect(text.contains("\r\u{1B}[Kexplore: "))
    #expect(text.contains(" commands/s, "))
    #expect(text.contains("\r\u{1B}[Kexplore: no failure in "))
  }
}
