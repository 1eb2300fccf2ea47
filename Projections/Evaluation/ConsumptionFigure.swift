public import Foundation
import LedgerCatalog
public import LedgerCore

/// What one consumption metric counts over a window, and every row in the window it leaves
/// out, with the reason (rules §8.1, §8.3).
public struct ConsumptionFigure: Equatable, Sendable {
  /// The total of the counted rows.
  public let amount: Decimal
  /// The customers who consumed: those whose counted rows in the window sum to more than
  /// zero (a customer with nothing, or with credits that net to zero or less, does not
  /// count toward a minimum of customers), sorted.
  public let customers: [String]
  /// The net counted amount of each customer in the window, the non-consuming ones included.
  public let byCustomer: [String: Decimal]
  /// The events of the counted rows, sorted.
  public let counted: [String]
  /// The rows in the window that do not count.
  public let excluded: [Exclusion]
  /// The offer names of counted rows that the catalog's offer map does not know, sorted: the
  /// rows count, and an operator extends the map (`offerTypes`) to say what they are.
  public let unknownOfferTypes: [String]
  /// How many rows that the metric's filter takes fall outside the window (rows of other
  /// workloads are no part of this metric, in the window or out of it).
  public let outsideWindow: Int

  /// A row left out, and why.
  public struct Exclusion: Equatable, Sendable {
    /// The reporting event.
    public let event: String
    /// The row's customer, subscription, month, association and amount.
    public let customer: String
    public let subscription: String
    public let month: YearMonth
    public let association: String
    public let amount: Decimal
    /// Why it does not count.
    public let reason: String
  }

  /// Evaluates `metric` over the months `from…through` of `rows`.
  static func evaluate(
    _ metric: MetricDefinition, from: YearMonth, through: YearMonth, rows: ConsumptionRows, priority: [String],
    withDetail: Bool
  ) -> ConsumptionFigure {
    var excluded: [Exclusion] = []
    var unknownOffers = Set<String>()
    var candidates: [String: [ConsumptionEntry]] = [:]
    func exclude(_ entry: ConsumptionEntry, _ reason: @autoclosure () -> String) {
      guard withDetail else { return }
      let row = entry.row
      excluded.append(
        Exclusion(
          event: entry.event, customer: row.customer, subscription: row.subscription, month: row.month,
          association: row.association, amount: row.amount, reason: reason()))
    }
    for entry in rows.rows(from: from, through: through) {
      let row = entry.row
      let category = metric.offerTypes.category(ofKey: entry.offerKey)
      if let category, metric.excludedOfferCategories.contains(category) {
        exclude(entry, "offer type \(row.offerType) (\(category)) does not count")
      } else if !metric.countedAssociations.contains(entry.association) {
        exclude(entry, "association \(row.association) does not count for \(metric.id)")
      } else if let filter = metric.filter, !filter.matches(normalized: entry.service) {
        exclude(entry, "does not match the filter of \(metric.id)")
      } else {
        if category == nil, withDetail { unknownOffers.insert(row.offerType) }
        candidates[entry.meter, default: []].append(entry)
      }
    }
    var amount = Decimal(0)
    var byCustomer: [String: Decimal] = [:]
    var counted: [String] = []
    // Only an amount reaching the partner several ways needs the ranks.
    let rank =
      candidates.values.contains { $0.count > 1 }
      ? Dictionary(priority.enumerated().map { (ConsumptionFilter.normalize($0.element), $0.offset) }) { a, _ in a }
      : [:]
    for group in candidates.values {
      let ordered = group.sorted {
        (rank[$0.association] ?? .max, $0.event) < (rank[$1.association] ?? .max, $1.event)
      }
      let winner = ordered[0]
      amount += winner.row.amount
      byCustomer[winner.row.customer, default: 0] += winner.row.amount
      if withDetail { counted.append(winner.event) }
      for duplicate in ordered.dropFirst() {
        exclude(
          duplicate,
          "duplicate: the same amount counts once, through \(winner.row.association) (event \(winner.event))")
      }
    }
    return ConsumptionFigure(
      amount: amount, customers: consuming(byCustomer), byCustomer: byCustomer, counted: counted.sorted(),
      excluded: excluded.sorted { ($0.month, $0.event) < ($1.month, $1.event) },
      unknownOfferTypes: unknownOffers.sorted(),
      outsideWindow: withDetail
        ? rows.count(outside: from, through: through) { metric.filter?.matches(normalized: $0.service) ?? true } : 0)
  }

  /// The amount and customers over `from…through` without detail, summed from per-month
  /// figures memoized while the month's rows do not change (de-duplication never crosses a
  /// month, since the month is part of the meter). Without `countingCustomers`, the
  /// customers are left empty.
  static func total(
    _ metric: MetricDefinition, version: String, from: YearMonth, through: YearMonth, rows: ConsumptionRows,
    priority: [String], countingCustomers: Bool
  ) -> (amount: Decimal, customers: Set<String>) {
    var amount = Decimal(0)
    var byCustomer: [String: Decimal] = [:]
    var month = from
    while month <= through {
      defer { month = month.adding(months: 1) }
      guard let revision = rows.revisions[month] else { continue }
      let key = ConsumptionMemo.Key(version: version, metric: metric.id, month: month)
      if let cached = rows.memo.figures[key], cached.revision == revision {
        amount += cached.amount
        if countingCustomers { byCustomer.merge(cached.byCustomer, uniquingKeysWith: +) }
        continue
      }
      let figure = evaluate(metric, from: month, through: month, rows: rows, priority: priority, withDetail: false)
      rows.memo.figures[key] = (revision, figure.amount, figure.byCustomer)
      amount += figure.amount
      if countingCustomers { byCustomer.merge(figure.byCustomer, uniquingKeysWith: +) }
    }
    return (amount, Set(consuming(byCustomer)))
  }

  /// The customers whose net amount over the window is more than zero, sorted.
  static func consuming(_ byCustomer: [String: Decimal]) -> [String] {
    byCustomer.filter { $0.value > 0 }.keys.sorted()
  }
}
