public import LedgerCore

/// One step of an organization's replay for audits: an event that touched it or a day on
/// which time alone changed something, with what it changed.
public struct HistoryEntry: Equatable, Sendable {
  /// The effective day.
  public let date: CivilDate
  /// What happened.
  public let source: Source
  /// What the program shows that changed, before → after (empty when nothing did).
  public let changes: [StateChange]

  /// An event, or the passing of time.
  public enum Source: Equatable, Sendable {
    /// A recorded event, with its envelope (who recorded it and when).
    case event(RecordedEvent)
    /// Time-driven reasons, in words (`override of cloud-platform ended`).
    case timeDriven([String])
  }
}
