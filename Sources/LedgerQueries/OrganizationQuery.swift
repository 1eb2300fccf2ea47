public import LedgerCatalog
public import LedgerCore
public import Projections

/// Answers questions about one organization from the log: its status or an explanation on
/// an as-of date, as known at a position. Reads only the organization's streams, or, for a
/// status as known at the head, its read model when the models are current (the same answer,
/// without the replay).
public struct OrganizationQuery {
  /// The log.
  public let log: any EventLog
  /// The rules.
  public let catalogs: CatalogHistory

  /// Creates a query over `log` with `catalogs`.
  public init(log: any EventLog, catalogs: CatalogHistory) {
    self.log = log
    self.catalogs = catalogs
  }

  /// The organization's timeline from the events visible at `knownAt`.
  /// - Throws: ``UnknownOrganization`` when no visible event names it; what the log throws.
  public func timeline(of org: String, knownAt: Int64) async throws -> OrganizationTimeline {
    let events = try await log.events(concerning: org, knownAt: knownAt)
    guard events.contains(where: { $0.event.organization == org }) else {
      throw UnknownOrganization(org: org, knownAt: knownAt)
    }
    return OrganizationTimeline(catalogs: catalogs, facts: OrganizationFacts(org: org, events: events))
  }

  /// The organization's status on `asOf` as known at `knownAt`.
  public func status(of org: String, asOf: CivilDate, knownAt: Int64) async throws -> OrganizationStatus {
    if let status = try await projectedStatus(of: org, asOf: asOf, knownAt: knownAt) { return status }
    return try await timeline(of: org, knownAt: knownAt).status(asOf: asOf)
  }

  /// The organization's business profile on `asOf` as known at `knownAt`.
  public func profile(of org: String, asOf: CivilDate, knownAt: Int64) async throws -> BusinessProfile {
    if let profile = try await projectedProfile(of: org, asOf: asOf, knownAt: knownAt) { return profile }
    return try await timeline(of: org, knownAt: knownAt).profile(asOf: asOf)
  }
}

/// No visible event names the organization.
public struct UnknownOrganization: Error, Equatable, CustomStringConvertible {
  /// The organization asked about.
  public let org: String
  /// The known-at position of the question.
  public let knownAt: Int64

  /// Creates the error.
  public init(org: String, knownAt: Int64) {
    self.org = org
    self.knownAt = knownAt
  }

  public var description: String {
    "no event names organization \"\(org)\" (as known at position \(knownAt))"
  }
}
