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
    let kept = events.filter { !voided.contains($0.id) && isRelevant($0) }
    // Sort small keys, not the large events.
    let keys = kept.map { OrderKey(day: $0.effective.dayNumber, rank: $0.event.sameDayRank, position: $0.position) }
    self.events = keys.indices.sorted { keys[$0] < keys[$1] }.map { kept[$0] }
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
    event.stream.category == StreamName.individualCategory || event.event.organization == org
  }

  /// The application order.
  static func precedes(_ a: RecordedEvent, _ b: RecordedEvent) -> Bool {
    OrderKey(day: a.effective.dayNumber, rank: a.event.sameDayRank, position: a.position)
      < OrderKey(day: b.effective.dayNumber, rank: b.event.sameDayRank, position: b.position)
  }
}

/// Where an event falls in the application order: effective day, same-day rank, position.
private struct OrderKey: Comparable {
  let day: Int
  let rank: Int
  let position: Int64

  static func < (lhs: OrderKey, rhs: OrderKey) -> Bool {
    (lhs.day, lhs.rank, lhs.position) < (rhs.day, rhs.rank, rhs.position)
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
