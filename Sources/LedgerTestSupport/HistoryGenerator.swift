import Foundation
public import LedgerCore

/// Random but reproducible program histories: a few organizations and individuals, events
/// recorded out of effective order (backdated), and corrections of earlier events.
public struct HistoryGenerator {
  private var random: SplitMix64
  /// The organizations the histories use.
  public static let organizations = ["o1", "o2", "o3"]
  private static let individuals = (1...8).map { "i\($0)" }
  private static let credentials = [
    "70-533", "70-532", "70-535", "70-483", "70-486", "MCSA: Office 365", "AZ-104", "AZ-303",
  ]

  /// A generator whose histories depend only on `seed`.
  public init(seed: UInt64) {
    random = SplitMix64(seed: seed)
  }

  /// A history of about `count` proposed events, in recording order.
  public mutating func history(count: Int) -> [ProposedEvent] {
    var events = Self.organizations.map { org in
      ProposedEvent(
        id: "enrol-\(org)", effective: Samples.date("2020-01-01"),
        event: .organizationEnrolled(OrganizationEnrolled(org: org, name: org.uppercased())))
    }
    while events.count < count {
      let index = events.count
      let date = Samples.date("2020-01-01").adding(days: pick(0..<1100))
      let org = pickElement(Self.organizations)
      let individual = pickElement(Self.individuals)
      let event: LedgerEvent
      switch pick(0..<100) {
      case 0..<22:
        event = .credentialEarned(
          CredentialEarned(
            individual: individual, credential: pickElement(Self.credentials),
            expires: pick(0..<4) == 0 ? date.adding(months: pick(3..<30)) : nil))
      case 22..<40: event = .individualAssociated(IndividualAssociated(individual: individual, org: org))
      case 40..<48: event = .individualDeparted(IndividualDeparted(individual: individual, org: org))
      case 48..<55:
        event = .membershipPurchased(MembershipPurchased(org: org, level: pick(0..<2) == 0 ? .silver : .gold))
      case 55..<60: event = .membershipRenewed(MembershipRenewed(org: org, level: pick(0..<3) == 0 ? .silver : .gold))
      case 60..<65:
        event = .overridePlaced(OverridePlaced(org: org, competency: "cloud-platform", level: .gold))
      case 65..<67: event = .overrideRevoked(OverrideRevoked(org: org, competency: "cloud-platform"))
      case 67..<85:
        event = .consumptionReported(
          ConsumptionReported(
            // Mostly the month of the day; sometimes a month before, late, inside the windows.
            org: org, customer: "c\(pick(0..<3))", subscription: "s\(pick(0..<3))",
            month: YearMonth(date).adding(months: -max(0, pick(-4..<3))),
            amount: Decimal(pick(1_000..<30_000)), association: pickElement(["DPOR", "PAL", "Partner"]),
            offerType: pickElement(["Pay-As-You-Go", "Trial"])))
      case 85..<90:
        event = .auditCompleted(
          AuditCompleted(
            org: org, specialization: "windows-server-and-sql-server-migration-to-microsoft-azure",
            result: pick(0..<3) == 0 ? .noPass : .pass))
      default:
        if pick(0..<2) == 0, let target = events.dropFirst(3).randomElement(using: &random) {
          // A correction: void an earlier event and record it again a few days later.
          events.append(
            ProposedEvent(
              id: "e\(index)", effective: target.effective.adding(days: pick(1..<20)), event: target.event,
              corrects: target.id, reason: "recorded with the wrong date"))
          continue
        }
        event = .individualDeparted(IndividualDeparted(individual: individual, org: org))
      }
      events.append(ProposedEvent(id: "e\(index)", effective: date, event: event))
    }
    return events
  }

  private mutating func pick(_ range: Range<Int>) -> Int {
    Int.random(in: range, using: &random)
  }

  private mutating func pickElement<T>(_ elements: [T]) -> T {
    elements[pick(0..<elements.count)]
  }
}
