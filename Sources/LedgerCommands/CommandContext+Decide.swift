import LedgerCatalog
import LedgerCore
import Projections

extension CommandContext {
  /// The event `command` records, or the refusal.
  func decide(_ command: LedgerCommand) async throws -> Decision {
    switch command {
    case .grant(let subject, let role, let org):
      return try await decideRole(subject: subject, role: role, org: org, granting: true)
    case .revoke(let subject, let role, let org):
      return try await decideRole(subject: subject, role: role, org: org, granting: false)
    case .associate(let individual, let org): return try await decideAssociation(individual: individual, org: org)
    case .depart(let individual, let org): return try await decideDeparture(individual: individual, org: org)
    case .purchase(let org, let level): return try await decidePurchase(org: org, level: level)
    case .renew(let org, let level): return try await decideRenewal(org: org, level: level)
    case .placeOverride(let org, let competency, let level, let reason, let expires):
      return try await decideOverride(org: org, competency: competency, level: level, reason: reason, expires: expires)
    case .revokeOverride(let org, let competency):
      return try await decideOverrideRevocation(org: org, competency: competency)
    case .scheduleAudit(let org, let specialization):
      return try await decideAuditScheduling(org: org, id: specialization)
    case .recordAudit(let org, let specialization, let result):
      return try await decideAuditResult(org: org, id: specialization, result: result)
    case .submitReference(let org, let specialization, let reference, let customer):
      return try await decideReferenceSubmission(org: org, id: specialization, reference: reference, customer: customer)
    case .approveReference(let org, let specialization, let reference):
      return try await decideReference(org: org, id: specialization, reference: reference, approving: true)
    case .rejectReference(let org, let specialization, let reference):
      return try await decideReference(org: org, id: specialization, reference: reference, approving: false)
    case .issueToken(let subject, let token, let digest, let expires):
      return try await decideTokenIssue(subject: subject, token: token, digest: digest, expires: expires)
    case .revokeToken(let subject, let token): return try await decideTokenRevocation(subject: subject, token: token)
    }
  }

  static let admins: [Role] = [.globalAdmin, .accountAdmin]

  func decideRole(subject: String, role: Role, org: String?, granting: Bool) async throws -> Decision {
    guard role.isGrantable else { throw CommandRefusal("The role \(role.rawValue) is never granted.") }
    guard role.isOrganizational == (org != nil) else {
      throw CommandRefusal(
        role.isOrganizational
          ? "The role \(role.rawValue) is held for one organization: name it with --org."
          : "The role \(role.rawValue) is program-wide: give no --org.")
    }
    let verb = granting ? "grant" : "revoke"
    let acting: Role
    if let org {
      _ = try await status(of: org)
      if actor == CommandHandler.systemActor {
        // The bootstrap: the system names an organization's first Global admin, no more.
        guard granting, role == .globalAdmin, try await globalAdmins(of: org).isEmpty else {
          throw CommandRefusal.role(
            "The system grants only the first Global admin of an organization; \(org)'s own Global admins \(verb) its roles."
          )
        }
        acting = .system
      } else {
        acting = try await authorize([.globalAdmin], org: org, to: "\(verb) roles for \(org)")
      }
    } else {
      guard actor == CommandHandler.systemActor else {
        throw CommandRefusal.role("Only the system may \(verb) the program-wide role \(role.rawValue).")
      }
      acting = .system
    }
    let book = RoleBook(actor: subject, events: try await log.events(in: .actor(subject), knownAt: head), on: date)
    let scope = org.map { " of \($0)" } ?? ""
    if granting, book.holds(role, for: org) {
      throw CommandRefusal("\(subject) already holds the role \(role.rawValue)\(scope).")
    }
    if !granting, !book.holds(role, for: org) {
      throw CommandRefusal("\(subject) does not hold the role \(role.rawValue)\(scope).")
    }
    let event: LedgerEvent =
      granting
      ? .roleGranted(RoleGranted(subject: subject, role: role, org: org))
      : .roleRevoked(RoleRevoked(subject: subject, role: role, org: org))
    return Decision(event: event, role: acting)
  }

  /// Who holds the Global admin role of `org` on the day, from every grant naming it.
  func globalAdmins(of org: String) async throws -> Set<String> {
    var subjects: Set<String> = []
    for event in try await log.events(concerning: org, knownAt: head) where event.effective <= date {
      if case .roleGranted(let grant) = event.event, grant.org == org { subjects.insert(grant.subject) }
    }
    var admins: Set<String> = []
    for subject in subjects {
      let book = RoleBook(actor: subject, events: try await log.events(in: .actor(subject), knownAt: head), on: date)
      if book.holds(.globalAdmin, for: org) { admins.insert(subject) }
    }
    return admins
  }

  func decideAssociation(individual: String, org: String) async throws -> Decision {
    let acting = try await authorize([.individual], individual: individual, to: "link \(individual)'s certifications")
    _ = try await status(of: org)
    let events = try await history(of: .individual(individual))
    if Affiliations(events)[individual]?.org == org {
      throw CommandRefusal("\(individual) is already associated with \(org).")
    }
    let days = events.compactMap { event -> CivilDate? in
      if case .individualAssociated = event.event { return event.effective }
      return nil
    }
    let settings = catalog.settings
    let limit = AssociationLimit(perYear: settings.associationsPerYear, daysBetween: settings.daysBetweenAssociations)
    let next = limit.nextAvailableDate(after: days, onOrAfter: date)
    guard next <= date else { throw CommandRefusal(limit.refusal(next: next, earlier: days, on: date)) }
    return Decision(event: .individualAssociated(IndividualAssociated(individual: individual, org: org)), role: acting)
  }

  func decideDeparture(individual: String, org: String) async throws -> Decision {
    let acting = try await authorize(
      [.individual] + Self.admins, org: org, individual: individual, to: "record that \(individual) left \(org)")
    _ = try await status(of: org)
    guard Affiliations(try await history(of: .individual(individual)))[individual]?.org == org else {
      throw CommandRefusal("\(individual) is not associated with \(org) on \(date).")
    }
    return Decision(event: .individualDeparted(IndividualDeparted(individual: individual, org: org)), role: acting)
  }

  /// Refused unless a competency is attained at `level` (or an override in force supports it).
  func requireAttained(_ level: Level, in status: OrganizationStatus, toward action: String) throws {
    guard status.competencies.contains(where: { ($0.attained.map { $0 >= level }) ?? false }) else {
      throw CommandRefusal(
        "\(status.org) cannot \(action) at \(level.rawValue): no competency is attained at \(level.rawValue) on \(date) (an override in force counts)."
      )
    }
  }

  func decidePurchase(org: String, level: Level) async throws -> Decision {
    let acting = try await authorize(Self.admins, org: org, to: "buy a membership for \(org)")
    let status = try await status(of: org)
    if let membership = status.membership, membership.level >= level {
      throw CommandRefusal(
        "\(org) already holds a \(membership.level.rawValue) membership (anniversary \(membership.anniversary)): renew it in its renewal window."
      )
    }
    try requireAttained(level, in: status, toward: "buy a membership")
    return Decision(event: .membershipPurchased(MembershipPurchased(org: org, level: level)), role: acting)
  }

  func decideRenewal(org: String, level: Level) async throws -> Decision {
    let acting = try await authorize(Self.admins, org: org, to: "renew the membership of \(org)")
    let status = try await status(of: org)
    guard let membership = status.membership else {
      throw CommandRefusal("\(org) holds no membership to renew on \(date): buy one instead.")
    }
    guard membership.renewalWindowOpens <= date, date < membership.lapsesOn else {
      throw CommandRefusal(
        "The renewal window of \(org) runs from \(membership.renewalWindowOpens) to \(membership.lapsesOn.adding(days: -1)); \(date) is outside it."
      )
    }
    try requireAttained(level, in: status, toward: "renew")
    return Decision(event: .membershipRenewed(MembershipRenewed(org: org, level: level)), role: acting)
  }
}
