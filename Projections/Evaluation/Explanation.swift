public import LedgerCore

/// The requirement-by-requirement evaluation of one competency or specialization on a day.
public struct Explanation: Equatable, Sendable {
  /// The competency or specialization id.
  public let id: String
  /// Its name.
  public let name: String
  /// `competency` or `specialization`.
  public let kind: String
  /// The day evaluated.
  public let asOf: CivilDate
  /// The level (competency) or status (specialization) that results.
  public let result: String
  /// Each part, in catalog order: a path's Silver and Gold, or a specialization's prerequisites.
  public let parts: [Part]

  /// One named part and its outcome.
  public struct Part: Equatable, Sendable {
    /// What the part is (`Azure Consumption option, gold`).
    public let title: String
    /// Its evaluation.
    public let outcome: RequirementOutcome
  }
}
