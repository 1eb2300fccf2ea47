public import LedgerCore

/// What a log holds, folded event by event: counts by type, the organizations and
/// individuals it names, the span of effective dates, and the corrections.
///
/// A pure fold: feed it the visible events in position order with ``apply(_:)``.
public struct LogSummary: Equatable, Sendable {
  /// The number of visible events.
  public private(set) var eventCount = 0
  /// The number of events of each type.
  public private(set) var countsByType: [String: Int] = [:]
  /// Enrolled organizations, by id, with their names.
  public private(set) var organizations: [String: String] = [:]
  /// Individuals named by any event.
  public private(set) var individuals: Set<String> = []
  /// The earliest and latest effective dates.
  public private(set) var effectiveSpan: ClosedRange<CivilDate>?
  /// Events that void an earlier one.
  public private(set) var corrections = 0

  /// An empty summary.
  public init() {}

  /// Folds one event into the summary.
  public mutating func apply(_ recorded: RecordedEvent) {
    eventCount += 1
    countsByType[recorded.event.typeName, default: 0] += 1
    if recorded.corrects != nil { corrections += 1 }
    let date = recorded.effective
    effectiveSpan = effectiveSpan.map { min($0.lowerBound, date)...max($0.upperBound, date) } ?? date...date
    switch recorded.event {
    case .organizationEnrolled(let enrolled): organizations[enrolled.org] = enrolled.name
    case .credentialEarned(let earned): individuals.insert(earned.individual)
    case .individualAssociated(let associated): individuals.insert(associated.individual)
    case .individualDeparted(let departed): individuals.insert(departed.individual)
    default: break
    }
  }
}
