import Foundation
import LedgerCatalog
import LedgerCore

/// An organization's ACR rows, bucketed by month; a later report with the same subscription,
/// month, service fields and association restates the earlier one.
struct ConsumptionRows {
  private(set) var months: [YearMonth: [String: ConsumptionEntry]] = [:]
  /// Bumped whenever a month's rows change, so memoized figures of that month are dropped.
  private(set) var revisions: [YearMonth: Int] = [:]
  /// Per-month figures of the replay, shared by the copies of one walk's state.
  let memo = ConsumptionMemo()

  mutating func report(_ row: ConsumptionReported, event: String) {
    let entry = ConsumptionEntry(row: row, event: event)
    months[row.month, default: [:]][entry.meter + "\u{1F}" + entry.association] = entry
    revisions[row.month, default: 0] += 1
  }

  /// The latest month with a row.
  var lastMonth: YearMonth? { months.keys.max() }

  /// The rows of the months from `from` through `through`.
  func rows(from: YearMonth, through: YearMonth) -> [ConsumptionEntry] {
    var rows: [ConsumptionEntry] = []
    var month = from
    while month <= through {
      if let bucket = months[month] { rows.append(contentsOf: bucket.values) }
      month = month.adding(months: 1)
    }
    return rows
  }

  /// How many rows fall outside those months.
  func count(outside from: YearMonth, through: YearMonth, where matches: (ConsumptionEntry) -> Bool) -> Int {
    months.reduce(0) { total, month in
      from <= month.key && month.key <= through ? total : total + month.value.values.filter(matches).count
    }
  }
}

/// One ACR row, the event that reported it, and its fields normalized once for matching.
struct ConsumptionEntry {
  let row: ConsumptionReported
  let event: String
  /// One metered amount: the customer's subscription, month and service fields. Rows with
  /// the same meter under several associations are one amount reaching the partner several ways.
  let meter: String
  let association: String
  let service: [String: String]
  /// The offer name as offer maps key it (``OfferTypes/key(_:)``).
  let offerKey: String

  init(row: ConsumptionReported, event: String) {
    self.row = row
    self.event = event
    meter =
      ([row.customer, row.subscription, row.month.description]
      + ConsumptionReported.serviceFieldNames.map { row.service[$0] ?? "" }).joined(separator: "\u{1F}")
    association = ConsumptionFilter.normalize(row.association)
    service = row.service.mapValues(ConsumptionFilter.normalize)
    offerKey = OfferTypes.key(row.offerType)
  }
}

/// Memoized per-month totals and customers of a metric, keyed by catalog version, metric and
/// month, valid for one revision of that month.
final class ConsumptionMemo: @unchecked Sendable {
  var figures: [Key: (revision: Int, amount: Decimal, byCustomer: [String: Decimal])] = [:]

  /// A catalog version, a metric and a month.
  struct Key: Hashable {
    let version: String
    let metric: String
    let month: YearMonth
  }
}
