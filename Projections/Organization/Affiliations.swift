public import LedgerCore

/// Which organization each individual's certifications are linked to, folded from their
/// associations and departures in application order: an association links them (away from
/// any earlier organization), a departure from the organization they are linked to unlinks
/// them. The timeline and the commands' gates share this one fold.
public struct Affiliations: Sendable {
  /// One individual's link: the organization and the event that made it.
  public struct Link: Equatable, Sendable {
    /// The organization.
    public let org: String
    /// The id of the association.
    public let event: String
  }

  private var links: [String: Link] = [:]

  /// No one linked yet.
  public init() {}

  /// The individuals' links folded from `events` (in application order).
  public init(_ events: [RecordedEvent]) {
    for event in events { apply(event) }
  }

  /// The individual's current link, if any.
  public subscript(individual: String) -> Link? { links[individual] }

  /// Applies an association or a departure; other events change nothing.
  /// - Returns: the link the event ended, if it ended one.
  @discardableResult
  public mutating func apply(_ recorded: RecordedEvent) -> Link? {
    switch recorded.event {
    case .individualAssociated(let associated):
      let previous = links[associated.individual]
      links[associated.individual] = Link(org: associated.org, event: recorded.id)
      return previous
    case .individualDeparted(let departed):
      guard let current = links[departed.individual], current.org == departed.org else { return nil }
      links[departed.individual] = nil
      return current
    default:
      return nil
    }
  }

  /// The individuals linked to `org`, sorted.
  public func members(of org: String) -> [String] {
    links.filter { $0.value.org == org }.keys.sorted()
  }
}
