import Foundation
import LedgerCore
import LedgerImport
import Testing

struct CSVReaderTests {
  func records(_ text: String) async throws -> [(Int, [String])] {
    var records: [(Int, [String])] = []
    try await CSVReader.forEachRecord(in: Data(text.utf8)) { records.append(($0, $1)) }
    return records
  }

  @Test func readsQuotedFieldsWithCommasNewlinesAndQuotes() async throws {
    let read = try await records("a,b,c\r\n\"x, y\",\"two\nlines\",\"say \"\"hi\"\"\"\r\n\r\nlast,,\n")
    #expect(read.map(\.0) == [1, 2, 5])
    #expect(read[1].1 == ["x, y", "two\nlines", "say \"hi\""])
    #expect(read[2].1 == ["last", "", ""])
  }

  @Test func skipsAByteOrderMark() async throws {
    var data = Data([0xEF, 0xBB, 0xBF])
    data.append(Data("PartnerID,Month\n".utf8))
    var first: [String] = []
    try await CSVReader.forEachRecord(in: data) { line, fields in if line == 1 { first = fields } }
    #expect(first == ["PartnerID", "Month"])
  }

  @Test(arguments: [
    ("a,\"b\nc", CSVReader.Problem(line: 1, column: 2, reason: "unterminated quoted field")),
    ("a,\"b\"c\n", CSVReader.Problem(line: 1, column: 2, reason: "text after a closing quote")),
    ("x\na,b\"c\n", CSVReader.Problem(line: 2, column: 2, reason: "a quote inside an unquoted field")),
  ])
  func refusesMalformedQuoting(text: String, problem: CSVReader.Problem) async {
    await #expect(throws: problem) { try await records(text) }
  }
}
