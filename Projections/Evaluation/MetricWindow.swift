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

  /// Whether the metric requirement is met on `date`: the figure over its window reaches the
  /// market's threshold, from at least `minCustomers` customers.
  static func isMet(
    metric id: String, atLeast threshold: Threshold, months: Int, minCustomers: Int, catalog: Catalog,
    state: OrganizationState, on date: CivilDate
  ) -> Bool {
    let total = value(
      of: catalog.metrics[id]!, months: months, catalog: catalog, state: state, on: date,
      countingCustomers: minCustomers > 0)
    return isMet(total, atLeast: threshold, minCustomers: minCustomers, market: state.market)
  }

  /// Whether a figure reaches the market's threshold, from at least `minCustomers` customers.
  static func isMet(
    _ figure: (value: Decimal, customers: Int), atLeast threshold: Threshold, minCustomers: Int, market: Market
  ) -> Bool {
    figure.value >= threshold.value(for: market) && figure.customers >= minCustomers
  }

  /// A metric's value over the `months` before `date` (or ending with its month, when the
  /// catalog says so) and, when counted, its consuming customers, without the events.
  static func value(
    of metric: MetricDefinition, months: Int, catalog: Catalog, state: OrganizationState, on date: CivilDate,
    countingCustomers: Bool
  ) -> (value: Decimal, customers: Int) {
    let window = MetricWindow(
      date: date, months: months, includesCurrentMonth: catalog.settings.metricWindowIncludesCurrentMonth)
    switch metric.source {
    case .performance:
      return (performance(of: metric, in: window, state: state, withEvents: false).value, 0)
    case .consumption:
      let total = ConsumptionFigure.total(
        metric, version: catalog.version, from: window.from, through: window.through, rows: state.consumption,
        priority: catalog.attributionPriority, countingCustomers: countingCustomers)
      return (total.amount, total.customers.count)
    }
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
          priority: catalog.attributionPriority, countingCustomers: false)
        return (id, total.amount)
      }
    }
  }

  /// The metric's value over the window, the distinct customers (consumption only) and the
  /// events that count.
  static func figure(
    of metric: MetricDefinition, in window: MetricWindow, state: OrganizationState, priority: [String]
  ) -> (value: Decimal, customers: Int, events: [String]) {
    switch metric.source {
    case .performance:
      let (value, events) = performance(of: metric, in: window, state: state, withEvents: true)
      return (value, 0, events)
    case .consumption:
      let figure = ConsumptionFigure.evaluate(
        metric, from: window.from, through: window.through, rows: state.consumption, priority: priority,
        withDetail: true)
      return (figure.amount, figure.customers.count, figure.counted)
    }
  }

  /// A performance metric's value over the window and, when asked for, the reports that
  /// make it: the months' figures added in month order, or the latest month's.
  private static func performance(
    of metric: MetricDefinition, in window: MetricWindow, state: OrganizationState, withEvents: Bool
  ) -> (value: Decimal, events: [String]) {
    guard let figures = state.performance[metric.id] else { return (0, []) }
    switch metric.aggregate {
    case .sum:
      var total = Decimal(0)
      var events: [String] = []
      var month = window.from
      while month <= window.through {
        if let figure = figures[month] {
          total += figure.value
          if withEvents { events.append(figure.event) }
        }
        month = month.adding(months: 1)
      }
      return (total, events)
    case .latest:
      var month = window.through
      while month >= window.from {
        if let figure = figures[month] { return (figure.value, withEvents ? [figure.event] : []) }
        month = month.adding(months: -1)
      }
      return (0, [])
    }
  }
}
