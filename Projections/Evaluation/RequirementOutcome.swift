public import Foundation
public import LedgerCore

/// The evaluation of one requirement on one day: met or not, in words, with what counts.
public struct RequirementOutcome: Equatable, Sendable {
  /// What the requirement asks, in words.
  public let summary: String
  /// Whether it is met.
  public let met: Bool
  /// The individuals counted, with the credentials and events that count.
  public let individuals: [IndividualEvidence]
  /// The performance figure, for a metric requirement.
  public let figure: MetricFigure?
  /// The parts, for `allOf` and `anyOf`.
  public let parts: [RequirementOutcome]
  /// Whether every part must be met (`allOf`).
  public var needsEveryPart = false
  /// Individuals who hold (or held) what the requirement asks and no longer count, and why.
  public var stoppedCounting: [StoppedCounting] = []

  /// An individual who no longer counts toward a requirement: they left, moved, or their
  /// credential expired or is no longer accepted.
  public struct StoppedCounting: Equatable, Sendable {
    /// The individual's id.
    public let individual: String
    /// Why, in words ("left contoso", "moved to fabrikam", "AZ-104 expired").
    public let reason: String
    /// The day it took effect.
    public let since: CivilDate
    /// The event behind it (the departure, the association elsewhere, the credential).
    public let event: String
  }

  /// An individual who counts toward a requirement.
  public struct IndividualEvidence: Equatable, Sendable {
    /// The individual's id.
    public let individual: String
    /// The credentials that count.
    public let credentials: [String]
    /// The events behind them: the association and the credential events.
    public let events: [String]
  }

  /// A metric's value over its window against its threshold.
  public struct MetricFigure: Equatable, Sendable {
    /// The metric's id.
    public let metric: String
    /// The value over the window.
    public let value: Decimal
    /// The threshold for the organization's market.
    public let threshold: Decimal
    /// The first month of the window.
    public let from: YearMonth
    /// The last month of the window.
    public let through: YearMonth
    /// The distinct customers counted (consumption metrics).
    public let customers: Int
    /// The customers the requirement needs (0 for none).
    public let minCustomers: Int
    /// The events whose figures count.
    public let events: [String]
    /// For a combined ACR metric: what each workload adds, in the catalog's order.
    public var contributions: [Contribution] = []
  }

  /// One workload's share of a combined ACR total.
  public struct Contribution: Equatable, Sendable {
    /// The workload metric.
    public let metric: String
    /// Its amount over the window.
    public let amount: Decimal
  }
}

extension RequirementOutcome {
  /// What is not met, in words: each unmet part of an `allOf`, or the whole requirement.
  var unmetParts: [String] {
    guard !met else { return [] }
    guard needsEveryPart else { return [summary] }
    return parts.flatMap(\.unmetParts)
  }
}
