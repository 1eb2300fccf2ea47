import Foundation
public import LedgerCore
public import Projections

/// The JSON and text of `ledger acr`.
public enum ConsumptionDocument {
  /// The report as one JSON document.
  public static func json(_ report: ConsumptionReport, org: String, knownAtPosition: Int64) -> JSONValue {
    .object([
      ("org", .string(org)),
      ("asOf", .string(report.asOf.description)),
      ("knownAtPosition", .number(Decimal(knownAtPosition))),
      ("requirements", .array(report.lines.map(line))),
    ])
  }

  static func line(_ line: ConsumptionReport.Line) -> JSONValue {
    .object([
      ("owner", .string(line.owner)),
      ("metric", .string(line.metric)),
      ("name", .string(line.name)),
      ("from", .string(line.from.description)),
      ("through", .string(line.through.description)),
      ("amount", .number(line.figure.amount)),
      ("threshold", .number(line.threshold)),
      ("customers", .array(line.figure.customers.map(JSONValue.string))),
      ("minCustomers", .number(Decimal(line.minCustomers))),
      ("met", .bool(line.met)),
      ("counted", .array(line.figure.counted.map(JSONValue.string))),
      (
        "excluded",
        .array(
          line.figure.excluded.map { row in
            .object([
              ("event", .string(row.event)), ("customer", .string(row.customer)),
              ("subscription", .string(row.subscription)), ("month", .string(row.month.description)),
              ("association", .string(row.association)), ("amount", .number(row.amount)),
              ("reason", .string(row.reason)),
            ])
          })
      ),
      ("outsideWindow", .number(Decimal(line.figure.outsideWindow))),
      ("unknownOfferTypes", .array(line.figure.unknownOfferTypes.map { .string($0) })),
      (
        "contributions",
        .array(line.contributions.map { .object([("metric", .string($0.metric)), ("amount", .number($0.amount))]) })
      ),
    ])
  }

  /// The readable form: each requirement, then the rows left out grouped by reason.
  public static func text(_ report: ConsumptionReport, org: String, knownAtPosition: Int64) -> String {
    var lines = ["ACR of \(org) on \(report.asOf), as known at position \(knownAtPosition)"]
    if report.lines.isEmpty { lines.append("No ACR requirement applies.") }
    for line in report.lines {
      let customers =
        line.minCustomers > 0 ? ", \(line.figure.customers.count) customer(s) of \(line.minCustomers)" : ""
      lines.append("")
      lines.append(
        "\(line.owner): \(line.name) \(line.from)…\(line.through) = \(line.figure.amount) against \(line.threshold)"
          + "\(customers): \(line.met ? "met" : "NOT MET") (\(line.figure.counted.count) row(s) counted)")
      for contribution in line.contributions {
        lines.append("  of which \(contribution.metric): \(contribution.amount)")
      }
      let byReason = Dictionary(grouping: line.figure.excluded, by: \.reason)
      for (reason, rows) in byReason.sorted(by: { $0.key < $1.key }) {
        let sample = rows.prefix(5).map(\.event).joined(separator: ", ")
        lines.append("  left out, \(reason): \(rows.count) row(s) (\(sample)\(rows.count > 5 ? ", …" : ""))")
      }
      if line.figure.outsideWindow > 0 {
        lines.append("  left out, outside the window: \(line.figure.outsideWindow) row(s)")
      }
      if !line.figure.unknownOfferTypes.isEmpty {
        lines.append(
          "  counted, but not in the catalog's offer map (add them to offerTypes): "
            + line.figure.unknownOfferTypes.map { OutputText.escaped($0) }.joined(separator: ", "))
      }
    }
    return lines.joined(separator: "\n")
  }
}
