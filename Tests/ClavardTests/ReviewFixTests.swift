import ClavardTestSupport
import Testing

/// Files that are not scripts: a device or a pipe named by `use` is refused, not read forever.
@Suite struct SpecialFileTests {
  @Test("`use /dev/zero` fails the script with a clear reason instead of filling memory")
  func deviceIsRefused() throws {
    let folder = try TemporaryFolder(["main.chat": "use /dev/zero\n"])
    let output = try folder.run("run", "main.chat")
    #expect(output.status == 1)
    #expect(output.stdout.contains("main.chat:1:1: cannot read /dev/zero: not a regular file"))
    #expect(output.stdout.hasSuffix("0 passed, 1 failed\n"))
  }
}
