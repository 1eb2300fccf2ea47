public import LedgerCore

/// The events that bear on one organization, in the order the program applies them:
/// effective date, then the same-day rank of their type, then position. Voided events are
/// left out.
///
/// Build it at once from a list (``init(org:events:)``) or feed it event by event in
/// position order (``apply(_:)``); both give the same facts.
public struct OrganizationFacts: Sendable {
  /// The organization's id.
  public let org: String
  /// The visible, relevant events in application order.
  public private(set) var events: [RecordedEvent] = []
  private var voided: Set<String> = []

  /// An organization with no facts yet.
  public init(org: String) {
    self.org = org
  }

  /// The facts of `events` (any order; corrections among them void their targets).
  public init(org: String, events: [RecordedEvent]) {
    self.org = org
    voided = Set(events.compactMap(\.corrects))
    self.events = events.filter { !voided.contains($0.id) && isRelevant($0) }.sorted(by: OrganizationFacts.precedes)
  }

  /// Adds one event, recorded after every event applied so far.
  public mutating func apply(_ event: RecordedEvent) {
    if let target = event.corrects {
      voided.insert(target)
      events.removeAll { $0.id == target }
    }
    guard !voided.contains(event.id), isRelevant(event) else { return }
    let index = events.partitioningIndex { OrganizationFacts.precedes(event, $0) }
    events.insert(event, at: index)
  }

  /// Individual events always matter (an association elsewhere severs a link); organization
  /// events only for this organization.
  private func isRelevant(_ event: RecordedEvent) -> Bool {
    event.stream.category == StreamName.individual("").category || event.event.organization == org
  }

  /// The application order.
  static func precedes(_ a: RecordedEvent, _ b: RecordedEvent) -> Bool {
    if a.effective != b.effective { return a.effective < b.effective }
    let (rankA, rankB) = (a.event.sameDayRank, b.event.sameDayRank)
    if rankA != rankB { return rankA < rankB }
    return a.position < b.position
  }
}

extension Array {
  /// The first index whose element satisfies `belongsAfter`, for an array already partitioned by it.
  func partitioningIndex(where belongsAfter: (Element) -> Bool) -> Int {
    var low = 0
    var high = count
    while low < high {
      let middle = (low + high) / 2
      if belongsAfter(self[middle]) { high = middle } else { low = middle + 1 }
    }
    return low
  }
}
