public import LedgerCore

/// One individual's own record on a day: the credentials they earned (with their expiry) and
/// the organization their certifications are linked to, folded from their stream.
public struct IndividualRecord: Equatable, Sendable {
  /// The individual.
  public let individual: String
  /// The day asked about.
  public let asOf: CivilDate
  /// Every credential earned by the day, in the order earned.
  public let credentials: [Credential]
  /// The organization their certifications are linked to that day, if any.
  public let link: Affiliations.Link?

  /// One credential earned.
  public struct Credential: Equatable, Sendable {
    /// The catalog's code.
    public let credential: String
    /// The day it was earned.
    public let earned: CivilDate
    /// The first day it no longer holds, if it expires.
    public let expires: CivilDate?
    /// The event that recorded it.
    public let event: String
  }

  /// The record of `individual` on `asOf` from the events of their stream, applied in
  /// effective order (an ending before a beginning on one day, as the timeline applies them).
  public init(individual: String, events: [RecordedEvent], asOf: CivilDate) {
    self.individual = individual
    self.asOf = asOf
    let applied = events.filter { $0.effective <= asOf }.sorted {
      ($0.effective, $0.event.sameDayRank, $0.position) < ($1.effective, $1.event.sameDayRank, $1.position)
    }
    credentials = applied.compactMap { event in
      guard case .credentialEarned(let earned) = event.event, earned.individual == individual else { return nil }
      return Credential(
        credential: earned.credential, earned: event.effective, expires: earned.expires, event: event.id)
    }
    link = Affiliations(applied)[individual]
  }
}
