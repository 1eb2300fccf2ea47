import Foundation
import LedgerCore
import LedgerPresentation
import LedgerQueries
import LedgerTestSupport
import Testing

/// No event field can forge output: control characters are escaped in every text output,
/// and no CSV cell runs as a formula.
struct OutputSafetyTests {
  @Test func controlCharactersInFreeTextAreEscapedInTheLogAndTheActivityExport() throws {
    let directory = TemporaryDirectory()
    let db = directory.file("ledger.sqlite")
    let line =
      #"{"type":"OrganizationEnrolled","effective":"2021-01-01","org":"=HYPERLINK(1)","name":"x","reason":"ok\n2\tfake line\u0009"}"#
    #expect(try LedgerProcess.run(["append", "--db", db], stdin: Data(line.utf8), in: directory).status == 0)
    let log = try LedgerProcess.run(["log", "--db", db], in: directory)
    #expect(log.stdout.split(separator: "\n").count == 1, "one event, one line")
    #expect(log.stdout.contains(#"reason "ok\n2\tfake line\t""#))
    let text = try LedgerProcess.run(["export-activity", "--db", db], in: directory)
    #expect(text.stdout.split(separator: "\n").count == 1)
    let csv = try LedgerProcess.run(["export-activity", "--db", db, "--csv"], in: directory)
    let row = try #require(csv.stdout.split(separator: "\n").last)
    #expect(row.contains(",'=HYPERLINK(1),organization '=HYPERLINK(1)") || row.contains(",'=HYPERLINK(1),"))
    #expect(!row.contains(",=HYPERLINK"))
  }

  @Test(arguments: [
    ("a\u{1B}[31mred", "a\\u{1B}[31mred"), ("two\nlines", "two\\nlines"), ("back\\slash", "back\\\\slash"),
    ("rtl\u{202E}txt", "rtl\\u{202E}txt"), ("plain", "plain"),
  ])
  func escapingShowsEveryUnsafeCharacter(raw: String, shown: String) {
    #expect(OutputText.escaped(raw) == shown)
  }

  @Test(arguments: [
    ("=1+1", "'=1+1"), ("+1", "'+1"), ("-1", "'-1"), ("@sum", "'@sum"), ("a,b", "\"a,b\""), ("ok", "ok"),
  ])
  func csvCellsNeverRunAsFormulas(raw: String, cell: String) {
    #expect(OutputText.csvCell(raw) == cell)
  }
}
