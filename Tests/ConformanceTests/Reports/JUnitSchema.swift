import Foundation
import Testing

/// The structural rules the Jenkins xUnit plugin checks a JUnit report against (its
/// `junit-10.xsd`), written down as an XML Schema, and a real validator to apply them: Python's
/// `xmlschema` (`scripts/test` installs it; without it the test fails, it never skips).
///
/// The rules, as the plugin has them: `<testsuites>` holds only `<testsuite>`s and may carry
/// `name`, `time`, `tests`, `failures` and `errors` (no `skipped`); a `<testsuite>` needs
/// `name`, `tests`, `failures` and `errors`, and holds test suites, `<properties>`, test cases
/// and output in any order; a `<testcase>` needs `name`, may carry only `time`, `classname` and
/// `group`, and holds skipped, error, failure and output elements (no `<properties>`); suite
/// times are decimal seconds. The plugin also allows re-run elements, which Clavard never
/// writes; they are left out here, so this schema is, if anything, stricter.
///
/// `file` and `line` on a test case: the plugin's schema allowed them for a few weeks (commit
/// 0c37522, April 2018) and not since (80acfef, May 2018, to this day): a report that carried
/// them would be rejected. So each script is a test suite with `file`, and its failing line is
/// in the failure's message (`path:line:column`).
enum JUnitSchema {
  static let xsd = """
    <?xml version="1.0" encoding="UTF-8"?>
    <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
      <xs:simpleType name="seconds">
        <xs:restriction base="xs:string">
          <xs:pattern value="(([0-9]{0,3},)*[0-9]{3}|[0-9]{0,3})*(\\.[0-9]*)?"/>
        </xs:restriction>
      </xs:simpleType>
      <xs:complexType name="result" mixed="true">
        <xs:attribute name="type" type="xs:string"/>
        <xs:attribute name="message" type="xs:string"/>
      </xs:complexType>
      <xs:element name="failure" type="result"/>
      <xs:element name="error" type="result"/>
      <xs:element name="skipped" type="result"/>
      <xs:element name="system-out" type="xs:string"/>
      <xs:element name="system-err" type="xs:string"/>
      <xs:element name="property">
        <xs:complexType>
          <xs:attribute name="name" type="xs:string" use="required"/>
          <xs:attribute name="value" type="xs:string" use="required"/>
        </xs:complexType>
      </xs:element>
      <xs:element name="properties">
        <xs:complexType>
          <xs:sequence>
            <xs:element ref="property" minOccurs="0" maxOccurs="unbounded"/>
          </xs:sequence>
        </xs:complexType>
      </xs:element>
      <xs:element name="testcase">
        <xs:complexType>
          <xs:choice minOccurs="0" maxOccurs="unbounded">
            <xs:element ref="skipped"/>
            <xs:element ref="error"/>
            <xs:element ref="failure"/>
            <xs:element ref="system-out"/>
            <xs:element ref="system-err"/>
          </xs:choice>
          <xs:attribute name="name" type="xs:string" use="required"/>
          <xs:attribute name="time" type="xs:string"/>
          <xs:attribute name="classname" type="xs:string"/>
          <xs:attribute name="group" type="xs:string"/>
        </xs:complexType>
      </xs:element>
      <xs:element name="testsuite">
        <xs:complexType>
          <xs:choice minOccurs="0" maxOccurs="unbounded">
            <xs:element ref="testsuite"/>
            <xs:element ref="properties"/>
            <xs:element ref="testcase"/>
            <xs:element ref="system-out"/>
            <xs:element ref="system-err"/>
          </xs:choice>
          <xs:attribute name="name" type="xs:string" use="required"/>
          <xs:attribute name="tests" type="xs:string" use="required"/>
          <xs:attribute name="failures" type="xs:string" use="required"/>
          <xs:attribute name="errors" type="xs:string" use="required"/>
          <xs:attribute name="time" type="seconds"/>
          <xs:attribute name="skipped" type="xs:string"/>
          <xs:attribute name="group" type="xs:string"/>
          <xs:attribute name="timestamp" type="xs:string"/>
          <xs:attribute name="hostname" type="xs:string"/>
          <xs:attribute name="id" type="xs:string"/>
          <xs:attribute name="package" type="xs:string"/>
          <xs:attribute name="file" type="xs:string"/>
          <xs:attribute name="log" type="xs:string"/>
          <xs:attribute name="url" type="xs:string"/>
        </xs:complexType>
      </xs:element>
      <xs:element name="testsuites">
        <xs:complexType>
          <xs:sequence>
            <xs:element ref="testsuite" minOccurs="0" maxOccurs="unbounded"/>
          </xs:sequence>
          <xs:attribute name="name" type="xs:string"/>
          <xs:attribute name="time" type="seconds"/>
          <xs:attribute name="tests" type="xs:string"/>
          <xs:attribute name="failures" type="xs:string"/>
          <xs:attribute name="errors" type="xs:string"/>
        </xs:complexType>
      </xs:element>
    </xs:schema>

    """

  /// Validates `xml` with Python's `xmlschema`: nil when it is valid, else what the validator
  /// said (or why it could not run).
  static func problems(in xml: String) throws -> String? {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "junit-schema-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let schema = folder.appendingPathComponent("junit-10.xsd")
    let report = folder.appendingPathComponent("report.xml")
    let output = folder.appendingPathComponent("output.txt")
    try Data(xsd.utf8).write(to: schema)
    try Data(xml.utf8).write(to: report)
    _ = FileManager.default.createFile(atPath: output.path, contents: nil)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [
      "python3", "-c",
      """
      import sys
      try:
          import xmlschema
      except ImportError:
          sys.exit("Python's xmlschema is not installed; scripts/test installs it (pip install xmlschema)")
      for error in xmlschema.XMLSchema(sys.argv[1]).iter_errors(sys.argv[2]):
          print(error.reason, "at", error.path)
      """,
      schema.path, report.path,
    ]
    let handle = try FileHandle(forWritingTo: output)
    process.standardOutput = handle
    process.standardError = handle
    try process.run()
    process.waitUntilExit()
    try handle.close()
    let said = String(decoding: try Data(contentsOf: output), as: UTF8.self)
    guard process.terminationStatus == 0 else {
      return "the validator could not run (status \(process.terminationStatus)): \(said)"
    }
    return said.isEmpty ? nil : said
  }
}
