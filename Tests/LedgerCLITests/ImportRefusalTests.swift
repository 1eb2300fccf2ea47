import Foundation
import LedgerCore
import LedgerStorage
import LedgerTestSupport
import Testing

/// `import-acr` and `append` never report success on a file they did not understand, and
/// write nothing when they refuse one.
struct ImportRefusalTests {
  let directory = TemporaryDirectory()
  var db: String { directory.file("ledger.sqlite") }

  func enrol() throws {
    let line = #"{"type":"OrganizationEnrolled","effective":"2021-01-01","org":"contoso","name":"Contoso"}"#
    #expect(try LedgerProcess.run(["append", "--db", db], stdin: Data(line.utf8), in: directory).status == 0)
  }

  func importing(_ bytes: [UInt8]) throws -> LedgerProcess.Outcome {
    let path = directory.write("acr-\(UUID().uuidString).csv", String(decoding: bytes, as: UTF8.self))
    return try LedgerProcess.run(["import-acr", "--db", db, path], in: directory)
  }

  static let header = AcrCommandTests.header.trimmingCharacters(in: .newlines)
  static let row = "contoso,p1,c1,s1,2021-05,100,DPOR,Pay-As-You-Go,,,AKS,"

  @Test(arguments: [
    (Self.header + "\r" + Self.row + "\r", "a carriage return that does not end a line"),
    (
      Self.header + "\n" + Self.row.replacingOccurrences(of: "2021-05", with: "1/1/21") + "\n", "with a four-digit year"
    ),
    (Self.header + ",Month\n" + Self.row + ",x\n", "column Month appears twice"),
    (Self.header + "\n" + Self.row.replacingOccurrences(of: "c1", with: "c\u{0}1") + "\n", "a NUL byte"),
    (
      Self.header + "\n" + Self.row.replacingOccurrences(of: "c1", with: "\"c\n1\"") + "\n",
      "contains a control character"
    ),
  ])
  func aFileItCannotReadFaithfullyIsRefusedNamingLineAndReason(file: String, reason: String) throws {
    try enrol()
    let outcome = try importing(Array(file.utf8))
    #expect(outcome.status == 65, "\(outcome.stdout)")
    #expect(outcome.stderr.contains(reason), "\(outcome.stderr)")
    #expect(outcome.stderr.contains(".csv:"), "the file and line are named")
    #expect(try SQLiteEventLog(readingAt: db).headPosition() == 1, "nothing written")
  }

  @Test func anNDJSONFileMayStartWithAByteOrderMark() throws {
    let line = #"{"type":"OrganizationEnrolled","effective":"2021-01-01","org":"contoso","name":"Contoso"}"#
    let path = directory.file("bom.ndjson")
    _ = FileManager.default.createFile(atPath: path, contents: Data([0xEF, 0xBB, 0xBF]) + Data((line + "\n").utf8))
    let outcome = try LedgerProcess.run(["append", "--db", db, path], in: directory)
    #expect(outcome.status == 0, "\(outcome.stderr)")
    #expect(outcome.stdout == "appended 1 event at positions 1…1\n")
  }
}
