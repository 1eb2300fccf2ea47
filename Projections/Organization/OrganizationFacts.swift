public import LedgerCore

/// The events that bear on one organization, in the order the program applies them:
/// effective date, then the same-day rank of their type, then position.
///
/// Voided events are the log's to filter (``LogEntry/isVisible(knownAt:)``): a read as known
/// at a position gives only what is visible then. Fed event by event, a correction can
/// arrive after the event it voids was applied; ``apply(_:)`` then takes that event out.
///
/// The ranks put enrolments first, then credentials, departures, associations and the rest
/// (``LedgerEvent/sameDayRank``): leaving one organization and joining another on one day is
/// a departure, then an association. A departure from the organization the same individual
/// associated with earlier that day (by recorded order) keeps the recorded order: they
/// joined, then left.
///
/// Build it at once from a list (``init(org:events:)``) or feed it event by event in
/// position order (``apply(_:)``); both give the same facts.
public struct OrganizationFacts: Sendable {
  /// The organization's id.
  public let org: String
  /// The visible, relevant events in application order.
  public private(set) var events: [RecordedEvent] = []
  /// The order key of each event, by index.
  private var keys: [OrderKey] = []

  /// An organization with no facts yet.
  public init(org: String) {
    self.org = org
  }

  /// The facts of `events`, the events visible at one known-at position (any order).
  public init(org: String, events: [RecordedEvent]) {
    self.org = org
    order(events.filter(isRelevant))
  }

  /// Sorts `kept` into application order, small keys rather than the large events.
  private mutating func order(_ kept: [RecordedEvent]) {
    var joined: [JoinKey: Int64] = [:]
    for event in kept {
      if case .individualAssociated(let associated) = event.event {
        let key = JoinKey(day: event.effective.dayNumber, individual: associated.individual, org: associated.org)
        joined[key] = min(joined[key] ?? .max, event.position)
      }
    }
    let unsorted = kept.map { event in
      OrderKey(
        day: event.effective.dayNumber, rank: Self.rank(of: event) { joined[$0].map { $0 < event.position } ?? false },
        position: event.position)
    }
    let order = unsorted.indices.sorted { unsorted[$0] < unsorted[$1] }
    events = order.map { kept[$0] }
    keys = order.map { unsorted[$0] }
  }

  /// Adds one event, recorded after every event applied so far; a correction takes the event
  /// it voids out.
  public mutating func apply(_ event: RecordedEvent) {
    if let target = event.corrects {
      if let index = events.firstIndex(where: { $0.id == target }) {
        events.remove(at: index)
        // A voided association may change the rank of a same-day departure: order afresh.
        order(events)
      }
    }
    // A correction names an earlier event, so no event arrives after the one voiding it.
    guard isRelevant(event) else { return }
    // Every event applied so far was recorded earlier than this one.
    let key = OrderKey(
      day: event.effective.dayNumber,
      rank: Self.rank(of: event) { join in
        // Only that day's events, found by the sorted keys, can hold the association.
        let first = keys.partitioningIndex { $0.day >= join.day }
        return events[first...].prefix { $0.effective.dayNumber == join.day }.contains { earlier in
          guard case .individualAssociated(let associated) = earlier.event else { return false }
          return associated.individual == join.individual && associated.org == join.org
        }
      }, position: event.position)
    let index = keys.partitioningIndex { key < $0 }
    events.insert(event, at: index)
    keys.insert(key, at: index)
  }

  /// The same-day rank of `event`: its type's, except a departure from an organization the
  /// individual joined earlier the same day (`joinedEarlier`), which follows that association.
  private static func rank(of event: RecordedEvent, joinedEarlier: (JoinKey) -> Bool) -> Int {
    if case .individualDeparted(let departed) = event.event,
      joinedEarlier(JoinKey(day: event.effective.dayNumber, individual: departed.individual, org: departed.org))
    {
      return LedgerEvent.associationRank
    }
    return event.event.sameDayRank
  }

  /// Individual events always matter (an association elsewhere severs a link); organization
  /// events only for this organization.
  private func isRelevant(_ event: RecordedEvent) -> Bool {
    event.stream.category == StreamName.individualCategory || event.event.organization == org
  }
}

/// An individual joining an organization on a day.
private struct JoinKey: Hashable {
  let day: Int
  let individual: String
  let org: String
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
