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
    /// The events whose figures count.
    public let events: [String]
  }
}
