import Foundation
import LedgerCatalog
import LedgerCore

/// The months a metric requirement looks at on a day: the trailing `months` full months
/// before the day's month (or ending with it, when the catalog says so).
struct MetricWindow {
  let from: YearMonth
  let through: YearMonth

  init(date: CivilDate, months: Int, includesCurrentMonth: Bool) {
    let current = YearMonth(date)
    through = includesCurrentMonth ? current : current.adding(months: -1)
    from = through.adding(months: -(months - 1))
  }

  func contains(_ month: YearMonth) -> Bool {
    from <= month && month <= through
  }

  /// The metric's value over the window and the events that count.
  static func figure(
    of metric: MetricDefinition, in window: MetricWindow, state: OrganizationState, withEvents: Bool
  )
    -> (Decimal, [String])
  {
    switch metric.source {
    case .performance:
      let months = (state.performance[metric.id] ?? [:]).filter { window.contains($0.key) }
      switch metric.aggregate {
      case .sum:
        let ordered = months.sorted { $0.key < $1.key }
        return (ordered.reduce(Decimal(0)) { $0 + $1.value.value }, ordered.map(\.value.event))
      case .latest:
        guard let last = months.max(by: { $0.key < $1.key }) else { return (0, []) }
        return (last.value.value, [last.value.event])
      }
    case .consumption:
      let rows = state.consumption.values.filter { entry in
        window.contains(entry.row.month) && metric.associations.contains(entry.row.association)
          && !metric.excludedOfferTypes.contains(entry.row.offerType)
      }
      let total = rows.reduce(Decimal(0)) { $0 + $1.row.amount }
      return (total, withEvents ? rows.map(\.event).sorted() : [])
    }
  }
}
