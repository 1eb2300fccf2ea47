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
