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

  /// What each workload of a combined consumption metric adds over the window, in the
  /// catalog's order (a row two workloads both take counts once in the total, in each here).
  static func contributions(
    of metric: MetricDefinition, in window: MetricWindow, catalog: Catalog, state: OrganizationState
  ) -> [(metric: String, amount: Decimal)] {
    metric.components.compactMap { id in
      catalog.metrics[id].map { part in
        let total = ConsumptionFigure.total(
          part, version: catalog.version, from: window.from, through: window.through, rows: state.consumption,
          priority: catalog.attributionPriority)
        return (id, total.amount)
      }
    }
  }

  /// The metric's value over the window, the distinct customers (consumption only) and the
  /// events that count.
  static func figure(
    of metric: MetricDefinition, in window: MetricWindow, state: OrganizationState, priority: [String],
    version: String, withEvents: Bool
  ) -> (value: Decimal, customers: Int, events: [String]) {
    switch metric.source {
    case .performance:
      let months = (state.performance[metric.id] ?? [:]).filter { window.contains($0.key) }
      switch metric.aggregate {
      case .sum:
        let ordered = months.sorted { $0.key < $1.key }
        return (ordered.reduce(Decimal(0)) { $0 + $1.value.value }, 0, ordered.map(\.value.event))
      case .latest:
        guard let last = months.max(by: { $0.key < $1.key }) else { return (0, 0, []) }
        return (last.value.value, 0, [last.value.event])
      }
    case .consumption:
      guard withEvents else {
        let total = ConsumptionFigure.total(
          metric, version: version, from: window.from, through: window.through, rows: state.consumption,
          priority: priority)
        return (total.amount, total.customers.count, [])
      }
      let figure = ConsumptionFigure.evaluate(
        metric, from: window.from, through: window.through, rows: state.consumption, priority: priority,
        withDetail: true)
      return (figure.amount, figure.customers.count, figure.counted)
    }
  }
}
