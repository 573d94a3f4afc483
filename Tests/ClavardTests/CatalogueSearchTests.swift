import Testing

@testable import clavard

/// Where `clavard coverage` looks for the catalogue when `--catalogue` is not given.
@Suite struct CatalogueSearchTests {
  static let catalogue = "/w/p/fixtures/procedure/requirements.tsv"

  static func find(_ paths: [String], in directory: String, existing: Set<String> = [catalogue]) -> String? {
    CoverageCommand.findCatalogue(for: paths, in: directory) { existing.contains($0) }
  }

  @Test("from the first path given up to /, relative to the working directory when inside it")
  func walkUp() {
    #expect(Self.find(["fixtures"], in: "/w/p") == "fixtures/procedure/requirements.tsv")
    #expect(Self.find(["fixtures/conformance/a.chat"], in: "/w/p") == "fixtures/procedure/requirements.tsv")
    #expect(Self.find(["."], in: "/w/p/fixtures/conformance") == Self.catalogue)
    #expect(Self.find(["/w/p/fixtures/reports"], in: "/tmp") == Self.catalogue)
    #expect(Self.find(["../p/fixtures"], in: "/w/q") == Self.catalogue)
    #expect(Self.find(["fixtures"], in: "/w/q") == nil)
    #expect(Self.find([], in: "/w/p") == nil)
    #expect(
      Self.find(["x"], in: "/", existing: ["/fixtures/procedure/requirements.tsv"])
        == "fixtures/procedure/requirements.tsv")
  }
}
