import Foundation
import LedgerCore

/// The facts of one organization accumulated up to a day: who is associated, who holds
/// what, the membership, overrides, monthly figures, audits and references.
struct OrganizationState {
  let org: String
  var name: String?
  var market: Market = .developed
  /// Each individual's current organization and the event that linked them (changed only by
  /// ``apply(_:settings:)``, which keeps ``members`` with it).
  private(set) var associations = Affiliations()
  /// Individuals once linked to this organization and no longer: how their link ended
  /// ("left contoso", "moved to fabrikam"), the day and the event.
  var formerMembers: [String: (reason: String, date: CivilDate, event: String)] = [:]
  /// Each individual's credentials by code.
  var credentials: [String: [String: CredentialHolding]] = [:]
  var membership: MembershipTerm?
  var overrides: [String: OverrideGrant] = [:]
  /// Monthly performance figures by metric, latest report winning.
  var performance: [String: [YearMonth: (value: Decimal, event: String)]] = [:]
  /// The last month of any performance figure.
  private(set) var lastPerformanceMonth: YearMonth?
  /// ACR rows by month, latest report per restatement key winning.
  var consumption = ConsumptionRows()
  var audits: [String: AuditRecord] = [:]
  var references: [String: [String: ReferenceRecord]] = [:]
  /// Counts the changes to the market (whose thresholds every metric requirement reads), so
  /// an evaluation can tell whether a metric outcome it remembers still stands.
  private(set) var marketRevision = 0
  /// The month of each change to the figures, in order, for the same purpose: an outcome
  /// whose window ends before every month changed since it was evaluated still stands.
  private(set) var figureChanges: [YearMonth] = []
  /// Counts the changes to who is linked and what they earned, for the same purpose.
  var holdingsRevision: Int { holdingsChanges.count }
  /// The individual of each of those changes, in order, so an evaluation gathers again only
  /// the holdings that changed.
  private(set) var holdingsChanges: [String] = []

  init(org: String) {
    self.org = org
  }

  /// The individuals associated with this organization, sorted: kept as associations and
  /// departures are applied, since every evaluation reads it.
  private(set) var members: [String] = []

  /// Whether `individual` is associated with this organization (one of ``members``).
  func isMember(_ individual: String) -> Bool { associations[individual]?.org == org }

  /// Applies one event effective on `date`.
  mutating func apply(_ recorded: RecordedEvent, settings: CatalogSettingsView) {
    let date = recorded.effective
    switch recorded.event {
    case .organizationEnrolled(let event):
      name = event.name
      market = event.market
      marketRevision += 1
    case .credentialEarned(let event):
      holdingsChanges.append(event.individual)
      credentials[event.individual, default: [:]][event.credential] = CredentialHolding(
        code: event.credential, earned: date, expires: event.expires, event: recorded.id)
    case .individualAssociated(let event):
      holdingsChanges.append(event.individual)
      let previous = associations.apply(recorded)
      if previous?.org == org, event.org != org {
        formerMembers[event.individual] = ("moved to \(event.org)", date, recorded.id)
      } else if event.org == org {
        formerMembers[event.individual] = nil
      }
      members = associations.members(of: org)
    case .individualDeparted(let event):
      holdingsChanges.append(event.individual)
      if associations.apply(recorded) != nil, event.org == org {
        formerMembers[event.individual] = ("left \(org)", date, recorded.id)
        members = associations.members(of: org)
      }
    case .membershipPurchased(let event):
      membership = MembershipTerm(
        level: event.level, since: date, start: date, anniversary: date.adding(years: 1),
        event: recorded.id, settings: settings)
    case .membershipRenewed(let event):
      if let current = membership, date < current.lapsesOn {
        membership = current.renewed(level: event.level, event: recorded.id)
      } else {
        membership = MembershipTerm(
          level: event.level, since: date, start: date, anniversary: date.adding(years: 1),
          event: recorded.id, settings: settings)
      }
    case .overridePlaced(let event):
      overrides[event.competency] = OverrideGrant(
        level: event.level, placed: date, expires: event.expires ?? date.adding(months: settings.overrideMonths),
        reason: recorded.reason, event: recorded.id)
    case .overrideRevoked(let event):
      overrides[event.competency] = nil
    case .performanceReported(let event):
      performance[event.metric, default: [:]][event.month] = (event.value, recorded.id)
      lastPerformanceMonth = max(lastPerformanceMonth ?? event.month, event.month)
      figureChanges.append(event.month)
    case .consumptionReported(let event):
      consumption.report(event, event: recorded.id)
      figureChanges.append(event.month)
    case .customerReferenceSubmitted(let event):
      references[event.specialization, default: [:]][event.reference] = ReferenceRecord(
        customer: event.customer, status: .submitted, event: recorded.id)
    case .customerReferenceApproved(let event):
      references[event.specialization, default: [:]][event.reference]?.decide(.approved, event: recorded.id)
    case .customerReferenceRejected(let event):
      references[event.specialization, default: [:]][event.reference]?.decide(.rejected, event: recorded.id)
    case .auditScheduled(let event):
      audits[event.specialization, default: AuditRecord()].scheduled = (date, recorded.id)
    case .auditCompleted(let event):
      audits[event.specialization, default: AuditRecord()].complete(event.result, on: date, event: recorded.id)
    case .roleGranted, .roleRevoked, .tokenIssued, .tokenRevoked:
      break  // Who may act, and how they sign in, changes nothing the program shows.
    }
  }
}

/// The catalog settings the fold needs while applying events.
struct CatalogSettingsView: Equatable, Sendable {
  let overrideMonths: Int
  let renewalWindowOpensAfterDays: Int
  let renewalGraceDays: Int
}
