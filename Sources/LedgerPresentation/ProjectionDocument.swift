import Foundation
import LedgerCore
public import LedgerQueries

/// What a catch-up of the read models did, as `ledger project` prints it.
public enum ProjectionDocument {
  /// The report as JSON: the positions covered and the organizations folded.
  public static func json(_ report: ProjectionReport) -> String {
    let object = JSONValue.object([
      ("from", .number(Decimal(report.from))), ("to", .number(Decimal(report.to))),
      ("organizations", .number(Decimal(report.organizations))),
    ])
    return String(decoding: object.canonicalBytes, as: UTF8.self)
  }

  /// The report in words.
  public static func text(_ report: ProjectionReport) -> String {
    let events = report.to > report.from ? " (events \(report.from + 1)…\(report.to))" : ""
    return "read models at position \(report.to): \(report.organizations) organization(s) folded\(events)"
  }
}
