public import Foundation
import LedgerCatalog
public import LedgerCore

/// Every ACR requirement of an organization's competencies and specializations on a day: the
/// amount, the customers, whether it is met, and the rows left out with the reason.
public struct ConsumptionReport: Equatable, Sendable {
  /// The day evaluated.
  public let asOf: CivilDate
  /// One line per consumption metric requirement.
  public let lines: [Line]

  /// One requirement's figure.
  public struct Line: Equatable, Sendable {
    /// Whose requirement: a specialization id, or `competency/path/level`.
    public let owner: String
    /// The metric's id and name.
    public let metric: String
    public let name: String
    /// The threshold for the organization's market, and the customers needed.
    public let threshold: Decimal
    public let minCustomers: Int
    /// The window.
    public let from: YearMonth
    public let through: YearMonth
    /// What counts and what does not.
    public let figure: ConsumptionFigure
    /// For a combined metric: what each workload adds, in the catalog's order.
    public let contributions: [RequirementOutcome.Contribution]

    /// The counted amount.
    public var amount: Decimal { figure.amount }

    /// Whether the amount and the customers reach the requirement.
    public var met: Bool { figure.amount >= threshold && figure.customers.count >= minCustomers }
  }

  static func build(
    catalog: Catalog, state: OrganizationState, date: CivilDate, specialization: String?
  ) -> ConsumptionReport {
    var owners: [(String, Requirement)] = []
    if let specialization {
      if let requirements = catalog.specialization(specialization)?.requirements {
        owners.append((specialization, requirements))
      }
    } else {
      for competency in catalog.competencies {
        for path in competency.paths {
          if let silver = path.silver { owners.append(("\(competency.id)/\(path.id)/silver", silver)) }
          if let gold = path.gold { owners.append(("\(competency.id)/\(path.id)/gold", gold)) }
        }
      }
      owners += catalog.specializations.compactMap { definition in definition.requirements.map { (definition.id, $0) } }
    }
    var lines: [Line] = []
    for (owner, requirement) in owners {
      for (id, threshold, months, minCustomers) in requirement.metricRequirements {
        guard let metric = catalog.metrics[id], metric.source == .consumption else { continue }
        let window = MetricWindow(
          date: date, months: months, includesCurrentMonth: catalog.settings.metricWindowIncludesCurrentMonth)
        let figure = ConsumptionFigure.evaluate(
          metric, from: window.from, through: window.through, rows: state.consumption,
          priority: catalog.attributionPriority, withDetail: true)
        lines.append(
          Line(
            owner: owner, metric: id, name: metric.name, threshold: threshold.value(for: state.market),
            minCustomers: minCustomers, from: window.from, through: window.through, figure: figure,
            contributions: MetricWindow.contributions(of: metric, in: window, catalog: catalog, state: state).map {
              .init(metric: $0.metric, amount: $0.amount)
            }))
      }
    }
    return ConsumptionReport(asOf: date, lines: lines)
  }
}

extension Requirement {
  /// Every metric requirement in the tree, in order.
  var metricRequirements: [(id: String, threshold: Threshold, months: Int, minCustomers: Int)] {
    switch self {
    case .allOf(let parts), .anyOf(let parts): parts.flatMap(\.metricRequirements)
    case .metric(let id, let threshold, let months, let minCustomers): [(id, threshold, months, minCustomers)]
    case .individuals, .attribute: []
    }
  }
}
