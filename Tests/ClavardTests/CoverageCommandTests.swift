import ClavardTestSupport
import Foundation
import Testing

/// `clavard coverage` as a process, with a tiny catalogue of its own.
@Suite struct CoverageCommandTests {
  static let catalogue = """
    id\tgroup\trequirement
    SES-2\tSession\tThe agent logs in.
    SES-3\tSession\tReady to Work starts the session.

    """

  static func folder(
    _ catalogue: String = catalogue, scripts: [String: String] = ["pass.chat": SampleScripts.pass]
  )
    throws -> TemporaryFolder
  {
    var files = ["fixtures/procedure/requirements.tsv": catalogue]
    for (path, text) in scripts { files["fixtures/conformance/" + path] = text }
    return try TemporaryFolder(files)
  }

  @Test("every id covered by a passing script: exit 0, the text report (its format is CoverageTests')")
  func covered() throws {
    let output = try Self.folder().run("coverage")
    #expect(output.status == 0)
    #expect(output.stdout.hasPrefix("passed      SES-2 (Session) The agent logs in.\n"))
    #expect(output.stdout.hasSuffix("2 requirements: 2 passed, 0 failed, 0 not covered\n"))
    #expect(output.stderr == "")
  }

  @Test("an id covered by nothing: exit 1; --markdown prints the table; annotations under GitHub Actions")
  func notCovered() throws {
    let folder = try Self.folder(Self.catalogue + "CAP-1\tFeatures\tAt most six chats.\n")
    let output = try folder.run("coverage", "--markdown")
    #expect(output.status == 1)
    #expect(output.stdout.hasPrefix("| ID | Group | Requirement | Verdict | Covered by |\n"))
    #expect(output.stdout.hasSuffix("**3 requirements: 2 passed, 0 failed, 1 not covered**\n"))
    let annotated = try folder.run("coverage", environment: ["GITHUB_ACTIONS": "true"])
    #expect(annotated.status == 1)
    #expect(annotated.stderr.hasPrefix("::error file=fixtures/procedure/requirements.tsv,"))
    #expect(annotated.stderr.split(separator: "\n").count == 1)
  }

  @Test("a covering script that fails: exit 1")
  func coveringScriptFails() throws {
    let folder = try Self.folder(scripts: [
      "pass.chat": SampleScripts.pass, "fail.chat": SampleScripts.fail, "setup.chat": SampleScripts.setup,
    ])
    let output = try folder.run("coverage")
    #expect(output.status == 1)
    #expect(output.stdout.hasSuffix("2 requirements: 1 passed, 1 failed, 0 not covered\n"))
  }

  @Test("a catalogue or script that cannot be read or parsed: exit 2, file:line:column on stderr")
  func brokenInputs() throws {
    let missing = try TemporaryFolder(["fixtures/conformance/pass.chat": SampleScripts.pass])
    let noCatalogue = try missing.run("coverage")
    #expect(noCatalogue.status == 2)
    #expect(
      noCatalogue.stderr
        == "clavard: no requirement catalogue found: no fixtures/procedure/requirements.tsv in fixtures or a "
        + "folder above it; name one with --catalogue FILE\n")
    let unreadable = try missing.run("coverage", "--catalogue", "nope.tsv")
    #expect(unreadable.status == 2)
    #expect(
      unreadable.stderr
        == "clavard: cannot read the requirement catalogue nope.tsv: No such file or directory\n")
    let badCatalogue = try Self.folder("id\tgroup\trequirement\nSES-2\tSession\n").run("coverage")
    #expect(badCatalogue.status == 2)
    #expect(
      badCatalogue.stderr
        == "fixtures/procedure/requirements.tsv:2:1: expected 3 tab-separated fields (id, group, requirement), found 2\n"
    )
    let brokenScript = try Self.folder(scripts: [
      "pass.chat": SampleScripts.pass, "broken.chat": SampleScripts.broken,
    ])
    .run("coverage")
    #expect(brokenScript.status == 2)
    #expect(brokenScript.stderr == "fixtures/conformance/" + SampleScripts.brokenError)
  }

  @Test("run outside the project root, the catalogue is found above the scripts given")
  func catalogueAbove() throws {
    let project = try Self.folder()
    let inside = try ChildProcess.run(
      try BuiltProducts.clavard(), ["coverage", "."], in: project.path + "/fixtures/conformance")
    #expect(inside.status == 0)
    #expect(inside.stdout.hasSuffix("2 requirements: 2 passed, 0 failed, 0 not covered\n"))
    let elsewhere = try TemporaryFolder()
    let outside = try elsewhere.run(
      "coverage", project.url.path + "/fixtures", environment: ["GITHUB_ACTIONS": "true"])
    #expect(outside.status == 0)
    #expect(outside.stdout.hasSuffix("2 requirements: 2 passed, 0 failed, 0 not covered\n"))
  }

  @Test("--catalogue and paths choose the catalogue and the scripts")
  func options() throws {
    let folder = try TemporaryFolder([
      "cat.tsv": "id\tgroup\trequirement\nSES-2\tSession\tLogin.\n", "s/pass.chat": SampleScripts.pass,
    ])
    let output = try folder.run("coverage", "s", "--catalogue", "cat.tsv", "--jobs", "2")
    #expect(output.status == 0)
    #expect(output.stdout.hasSuffix("1 requirement: 1 passed, 0 failed, 0 not covered\n"))
  }
}
