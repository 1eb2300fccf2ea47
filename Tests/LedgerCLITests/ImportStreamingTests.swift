import Foundation
import LedgerCore
import LedgerStorage
import LedgerTestSupport
import Testing

/// `ledger import-acr` reads the export in two streaming passes: memory does not grow with the
/// file, and an export longer than one chunk is still all or nothing.
struct ImportStreamingTests {
  let directory = TemporaryDirectory()
  var db: String { directory.file("ledger.sqlite") }

  /// An Insights export of `rows` distinct rows for contoso.
  func export(rows: Int, name: String = "acr.csv", last: String? = nil) -> String {
    var text = "PartnerID,CustomerTenantId,SubscriptionId,Month,ACR_USD,AssociationType,OfferType\n"
    for row in 0..<rows {
      text += "contoso,customer-\(row),sub-\(row),2021-05,\(100 + row % 900).25,DPOR,Pay-As-You-Go\n"
    }
    if let last { text += last + "\n" }
    return directory.write(name, text)
  }

  @Test func anExportOverSeveralChunksLandsWhole() throws {
    let file = export(rows: 10_005)
    let run = try LedgerProcess.run(["import-acr", "--db", db, file], in: directory)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout == "imported 10005 rows: appended 10005 events at positions 1…10005\n")
    let again = try LedgerProcess.run(["import-acr", "--db", db, file], in: directory)
    #expect(again.stdout == "imported 10005 rows: appended 0 events; 10005 already present\n")
  }

  @Test func aBadLastRowLeavesNothingOfTheRowsBeforeIt() throws {
    let file = export(rows: 10_005, last: "contoso,late,sub-late,2021-13,5,DPOR,Pay-As-You-Go")
    let run = try LedgerProcess.run(["import-acr", "--db", db, file], in: directory)
    #expect(run.status == 65)
    #expect(run.stderr.contains("acr.csv:10007: column Month: \"2021-13\" is not a month"))
    #expect(!FileManager.default.fileExists(atPath: db), "nothing was even opened for writing")
  }

  /// 60,000 rows take no more memory than a thousand beyond the bounded caches (SQLite's
  /// 32 MiB page cache, one chunk of 10,000 events): a reader that kept the export and its
  /// events would grow by well over 100 MB more.
  @Test func memoryDoesNotGrowWithTheExport() throws {
    let small = export(rows: 1_000, name: "small.csv")
    let large = export(rows: 60_000, name: "large.csv")
    let few = try LedgerProcess.peakMemory(["import-acr", "--db", directory.file("few.sqlite"), small], in: directory)
    let many = try LedgerProcess.peakMemory(
      ["import-acr", "--db", directory.file("many.sqlite"), large], in: directory)
    #expect(few.status == 0 && many.status == 0)
    #expect(
      many.peakKiB - few.peakKiB < 90 * 1024, "1,000 rows peaked at \(few.peakKiB) KiB, 60,000 at \(many.peakKiB) KiB")
  }
}
