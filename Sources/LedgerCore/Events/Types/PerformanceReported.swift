public import Foundation

/// A monthly performance figure of an organization (revenue, active entitlements, seats, …).
///
/// A later report for the same organization, metric and month restates the earlier one.
public struct PerformanceReported: EventPayload {
  public static let typeName = "PerformanceReported"
  /// The organization's id.
  public var org: String
  /// The catalog id of the metric.
  public var metric: String
  /// The month the figure covers.
  public var month: YearMonth
  /// The figure.
  public var value: Decimal

  /// Creates the event.
  public init(org: String, metric: String, month: YearMonth, value: Decimal) {
    self.org = org
    self.metric = metric
    self.month = month
    self.value = value
  }

  package init(reading fields: inout some FieldReading) throws(EventValidationError) {
    metric = try fields.string("metric")
    month = try fields.month("month")
    org = try fields.string("org")
    value = try fields.decimal("value")
  }

  package func write(to fields: inout FieldWriter) {
    fields.set("org", org)
    fields.set("metric", metric)
    fields.set("month", month)
    fields.set("value", value)
  }

  public var stream: StreamName { .organization(org) }

  public var event: LedgerEvent { .performanceReported(self) }
}
