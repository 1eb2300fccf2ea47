public import LedgerCore

/// An organization's status on every day from its first event through a horizon, as its
/// replay left it: the status after each day the replay visited (an event took effect, or time
/// alone changed something), kept only when it differs from the one before. Between two such
/// days nothing the status shows can change but the months its words name (``MonthTemplate``),
/// so the status on any day is the one of the last visited day on or before it, asked about
/// that day, its words rendered for that day's month.
///
/// What the read models keep for `status` as known at a position, so a question is answered
/// without replaying the organization.
public struct StatusTimeline: Equatable, Sendable {
  /// The organization.
  public let org: String
  /// The last day the timeline covers.
  public let horizon: CivilDate
  /// The statuses in day order, each in force from its `asOf` day until the next one's, their
  /// words templates relative to their own month; their `alertTransitions` are empty
  /// (``transitions`` holds them all).
  public internal(set) var pieces: [OrganizationStatus]
  /// Every raise and clear of a renewal-at-risk alert through the horizon, in order.
  public internal(set) var transitions: [AlertTransition]

  /// Creates a timeline.
  init(org: String, horizon: CivilDate, pieces: [OrganizationStatus], transitions: [AlertTransition]) {
    self.org = org
    self.horizon = horizon
    self.pieces = pieces
    self.transitions = transitions
  }

  /// The first day with a status of its own: before it, no event of the organization is in
  /// effect (``OrganizationTimeline/status(asOf:)`` of no events answers those days).
  public var start: CivilDate? { pieces.first?.asOf }

  /// The status on `day`, as ``OrganizationTimeline/status(asOf:)`` gives it; `nil` for a day
  /// after the horizon or before ``start``.
  public func status(asOf day: CivilDate) -> OrganizationStatus? {
    guard let index = piece(inForceOn: day) else { return nil }
    let through = transitions.prefix { $0.effective <= day }
    return pieces[index].rendered(at: YearMonth(day)).with(asOf: day, transitions: Array(through))
  }

  /// The index of the piece in force on `day`: the last starting on or before it; `nil` for a
  /// day after the horizon or before ``start``.
  func piece(inForceOn day: CivilDate) -> Int? {
    guard day <= horizon else { return nil }
    var (low, high) = (0, pieces.count)
    while low < high {
      let middle = (low + high) / 2
      if pieces[middle].asOf <= day { low = middle + 1 } else { high = middle }
    }
    return low > 0 ? low - 1 : nil
  }

  /// Adds the status after a visited day, its words templates relative to its month: it
  /// replaces a piece of the same day, and is dropped when it shows what the piece before it
  /// shows.
  mutating func note(_ status: OrganizationStatus) {
    let piece = status.with(asOf: status.asOf, transitions: [])
    if let last = pieces.last, last.asOf == piece.asOf { pieces.removeLast() }
    if let last = pieces.last, last == piece.with(asOf: last.asOf, transitions: []) { return }
    pieces.append(piece)
  }
}

extension OrganizationStatus {
  /// The same status on another day, with those transitions.
  func with(asOf day: CivilDate, transitions: [AlertTransition]) -> OrganizationStatus {
    OrganizationStatus(
      org: org, name: name, asOf: day, catalogVersion: catalogVersion, membership: membership,
      competencies: competencies, specializations: specializations, alerts: alerts, alertTransitions: transitions)
  }
}
