import Foundation
public import LedgerCore
public import Projections

/// The JSON of `ledger status --json`, with the keys fixed by the interface.
public enum StatusDocument {
  /// The document for `status` as known at `knownAtPosition`.
  public static func json(_ status: OrganizationStatus, knownAtPosition: Int64) -> JSONValue {
    .object([
      ("org", .string(status.org)),
      ("name", status.name.map(JSONValue.string) ?? .null),
      ("asOf", .string(status.asOf.description)),
      ("knownAtPosition", .number(Decimal(knownAtPosition))),
      ("catalogVersion", .string(status.catalogVersion)),
      ("membership", status.membership.map(membership) ?? .null),
      ("competencies", .array(status.competencies.map(competency))),
      ("specializations", .array(status.specializations.map(specialization))),
      ("alerts", .array(status.alerts.map(alert))),
    ])
  }

  static func level(_ level: Level?) -> JSONValue {
    .string(level?.rawValue ?? "none")
  }

  static func membership(_ membership: OrganizationStatus.Membership) -> JSONValue {
    .object([
      ("level", level(membership.level)),
      ("since", .string(membership.since.description)),
      ("anniversary", .string(membership.anniversary.description)),
      ("inGrace", .bool(membership.inGrace)),
      ("renewalWindowOpens", .string(membership.renewalWindowOpens.description)),
      ("lapsesOn", .string(membership.lapsesOn.description)),
      ("renewalDue", .bool(membership.renewalDue)), ("renewalPossible", .bool(membership.renewalPossible)),
    ])
  }

  static func competency(_ competency: OrganizationStatus.CompetencyStatus) -> JSONValue {
    let override: JSONValue =
      competency.override.map { grant in
        .object([
          ("level", level(grant.level)), ("placed", .string(grant.placed.description)),
          ("expires", .string(grant.expires.description)), ("reason", grant.reason.map(JSONValue.string) ?? .null),
          ("event", .string(grant.event)),
        ])
      } ?? .null
    return .object([
      ("competency", .string(competency.competency)),
      ("attained", level(competency.attained)),
      ("earned", level(competency.earned)),
      ("displayed", level(competency.displayed)),
      ("atRisk", .bool(competency.atRisk)),
      ("override", override),
      ("paths", .object(competency.paths.sorted { $0.key < $1.key }.map { ($0.key, level($0.value)) })),
    ])
  }

  static func specialization(_ specialization: SpecializationStatus) -> JSONValue {
    .object([
      ("specialization", .string(specialization.specialization)),
      ("status", .string(specialization.status)),
      ("stage", .string(specialization.stage.rawValue)),
      ("activeSince", specialization.activeSince.map { .string($0.description) } ?? .null),
      ("anniversary", specialization.anniversary.map { .string($0.description) } ?? .null),
      ("activeUntil", specialization.anniversary.map { .string($0.adding(days: -1).description) } ?? .null),
      ("heldByValidityYear", .bool(specialization.heldByValidityYear)),
      ("auditValidUntil", specialization.auditValidUntil.map { .string($0.description) } ?? .null),
      ("approvedReferences", .number(Decimal(specialization.approvedReferences))),
      ("missing", .array(specialization.missing.map(JSONValue.string))),
    ])
  }

  static func alert(_ alert: OrganizationStatus.RenewalAlert) -> JSONValue {
    .object([
      ("kind", .string("renewal-at-risk")),
      ("competency", .string(alert.competency)),
      ("level", level(alert.level)),
      ("since", .string(alert.since.description)),
      ("cause", .string(alert.cause.description)),
      ("message", .string(OrganizationStatus.atRiskMessage)),
    ])
  }
}
