import Foundation
public import LedgerCore
public import Projections

/// The JSON and text of `ledger profile`: the business profile as customers see it.
public enum ProfileDocument {
  /// The profile with the keys the interface fixes: `org`, `asOf`, `membership` (`null`,
  /// `silver` or `gold`), `competencies` (`competency`, `level`, `since`) and
  /// `specializations` (`specialization`, `since`), plus `membershipSince`.
  public static func json(_ profile: BusinessProfile) -> JSONValue {
    .object([
      ("org", .string(profile.org)), ("asOf", .string(profile.asOf.description)),
      ("membership", profile.membership.map { .string($0.value.rawValue) } ?? .null),
      ("membershipSince", profile.membership.map { .string($0.since.description) } ?? .null),
      (
        "competencies",
        .array(
          profile.competencies.map {
            .object([
              ("competency", .string($0.id)), ("level", .string($0.value.rawValue)),
              ("since", .string($0.since.description)),
            ])
          })
      ),
      (
        "specializations",
        .array(
          profile.specializations.map {
            .object([("specialization", .string($0.id)), ("since", .string($0.since.description))])
          })
      ),
    ])
  }

  /// The profile in words, one line per thing shown.
  public static func text(_ profile: BusinessProfile) -> String {
    var lines = ["\(OutputText.escaped(profile.name ?? profile.org)) on \(profile.asOf), as customers see it:"]
    if let membership = profile.membership {
      lines.append("  \(membership.value.rawValue.capitalized) partner since \(membership.since)")
    } else {
      lines.append("  no membership in force")
    }
    for level in [Level.gold, .silver] {
      for competency in profile.competencies where competency.value == level {
        lines.append("  \(level.rawValue.capitalized) competency: \(competency.id), shown since \(competency.since)")
      }
    }
    for specialization in profile.specializations {
      lines.append("  Advanced specialization: \(specialization.id), shown since \(specialization.since)")
    }
    return lines.joined(separator: "\n")
  }
}
