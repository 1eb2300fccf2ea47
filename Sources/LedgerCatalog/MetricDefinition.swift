/// A performance figure the catalog's requirements refer to, and how monthly facts add up.
public struct MetricDefinition: Equatable, Sendable {
  /// Where the monthly facts come from.
  public enum Source: String, Sendable, CaseIterable {
    /// `PerformanceReported` events with this metric id.
    case performance
    /// `ConsumptionReported` events (Azure consumed revenue) whose association counts.
    case consumption
  }

  /// How the months of a window combine.
  public enum Aggregate: String, Sendable, CaseIterable {
    /// The total over the window (revenue, new customers, devices shipped).
    case sum
    /// The figure of the window's last reported month (active entitlements, seats).
    case latest
  }

  /// The metric's id.
  public let id: String
  /// What it measures.
  public let name: String
  /// Where its facts come from.
  public let source: Source
  /// How months combine.
  public let aggregate: Aggregate
  /// For consumption: the association types that count (`DPOR`, `TPOR`, …).
  public let associations: [String]
  /// ``associations`` normalized (``ConsumptionFilter/normalize(_:)``), as rows are matched.
  public let countedAssociations: Set<String>
  /// For consumption: offer types that never count (`Trial`, `Internal`, …), as the catalog
  /// words them.
  public let excludedOfferTypes: [String]
  /// For consumption: the catalog's offer map, and the categories of ``excludedOfferTypes``.
  public let offerTypes: OfferTypes
  /// The offer categories that never count.
  public let excludedOfferCategories: Set<String>
  /// For consumption: which rows the metric counts by their service fields; `nil` counts all.
  public let filter: ConsumptionFilter?
  /// For a combined consumption metric: the workload metrics whose rows it adds up, in the
  /// catalog's order. Its filter takes a row when any of theirs does, so a row counts once.
  public let components: [String]

  /// Creates a metric.
  public init(
    id: String, name: String, source: Source, aggregate: Aggregate, associations: [String],
    excludedOfferTypes: [String], filter: ConsumptionFilter? = nil, offerTypes: OfferTypes = OfferTypes([:]),
    components: [String] = []
  ) {
    self.id = id
    self.name = name
    self.source = source
    self.aggregate = aggregate
    self.associations = associations
    self.countedAssociations = Set(associations.map(ConsumptionFilter.normalize))
    self.excludedOfferTypes = excludedOfferTypes
    self.offerTypes = offerTypes
    self.excludedOfferCategories = Set(excludedOfferTypes.map { offerTypes.category(of: $0) ?? $0 })
    self.filter = filter
    self.components = components
  }
}
