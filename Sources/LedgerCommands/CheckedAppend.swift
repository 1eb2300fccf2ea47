public import LedgerCatalog
public import LedgerCore

/// `ledger append`'s default path: the facts of other systems (enrolments, credentials,
/// associations, departures, ACR and performance figures) are taken as they are, and every
/// event a program action records (roles, purchases, renewals, overrides, audits, customer
/// references) must pass the same role and gate decisions as the command that records it
/// (``CommandHandler``), decided in input order on the log as it stands with the batch's
/// earlier events, as of the event's effective date.
///
/// The writer acts for every gated line: a line that names another actor is refused (use
/// `--unchecked` for history from another system). The whole batch lands in one
/// transaction, or nothing does, and a refusal names the line and the program's reason.
public struct CheckedAppend {
  /// The log.
  public let log: any EventLog
  /// The rules.
  public let catalogs: CatalogHistory

  /// Creates the checked path over `log` with `catalogs`.
  public init(log: any EventLog, catalogs: CatalogHistory) {
    self.log = log
    self.catalogs = catalogs
  }

  /// Appends `events`, written by `writer`, if every gated one passes its decision.
  /// - Throws: ``AppendRejection`` naming every refused or invalid event (nothing written);
  ///   what the log throws.
  public func append(_ events: [ProposedEvent], writer: String) async throws -> AppendReceipt {
    try await log.inOneTransaction {
      var run = Run(log: log)
      for (index, proposed) in events.enumerated() {
        var event = proposed.written(by: writer)
        var recorded: Int64?
        if let id = event.id { recorded = try await log.position(ofEventID: id) }
        guard let command = event.command, recorded == nil else {
          // Ungated, or already recorded (the store's idempotency judges it).
          run.pending.append((index, event))
          continue
        }
        try await run.flush()
        do {
          event.actor = try await decide(command, for: event, writer: writer)
          run.pending.append((index, event))
          try await run.flush()
        } catch let refusal as CommandRefusal {
          run.problems.append(.init(index: index, reason: "refused: \(refusal.message)"))
        }
      }
      try await run.flush()
      guard run.problems.isEmpty else {
        throw AppendRejection(problems: run.problems.sorted { $0.index < $1.index })
      }
      return AppendReceipt(appended: run.appended, alreadyPresent: run.alreadyPresent)
    }
  }

  /// The actor (with the role it acts in) that may record `command`, or the refusal.
  private func decide(_ command: LedgerCommand, for event: ProposedEvent, writer: String) async throws -> Actor {
    if let claimed = event.actor?.id, claimed != writer {
      throw CommandRefusal(
        "the line is recorded by \(claimed) but the append is written by \(writer): append as --actor \(claimed), or import history with --unchecked"
      )
    }
    let context = try await CommandContext(
      log: log, catalogs: catalogs, actor: writer, date: event.effective, claimedRole: event.actor?.role)
    return await Actor(id: writer, role: try context.decide(command).role.rawValue)
  }

  /// The events waiting to be appended together, and what the appends so far did.
  private struct Run {
    let log: any EventLog
    var pending: [(index: Int, event: ProposedEvent)] = []
    var appended: [AppendReceipt.Appended] = []
    var alreadyPresent: [Int] = []
    var problems: [AppendRejection.Problem] = []

    /// Appends the pending events (in the open transaction); their problems are kept with
    /// the batch's indices.
    mutating func flush() async throws {
      guard !pending.isEmpty else { return }
      let indices = pending.map(\.index)
      defer { pending.removeAll() }
      do {
        let receipt = try await log.append(pending.map(\.event))
        appended += receipt.appended.map {
          .init(
            index: indices[$0.index], position: $0.position, id: $0.id, stream: $0.stream,
            streamVersion: $0.streamVersion)
        }
        alreadyPresent += receipt.alreadyPresent.map { indices[$0] }
      } catch let rejection as AppendRejection {
        problems += rejection.problems.map {
          .init(index: indices[$0.index], reason: $0.reason, isConflict: $0.isConflict)
        }
      }
    }
  }
}

extension ProposedEvent {
  /// The command that records this event when the program's gates decide on its type, or
  /// `nil` for a fact that comes from another system.
  var command: LedgerCommand? {
    switch event {
    case .roleGranted(let grant): .grant(subject: grant.subject, role: grant.role, org: grant.org)
    case .roleRevoked(let revoke): .revoke(subject: revoke.subject, role: revoke.role, org: revoke.org)
    case .membershipPurchased(let purchase): .purchase(org: purchase.org, level: purchase.level)
    case .membershipRenewed(let renewal): .renew(org: renewal.org, level: renewal.level)
    case .overridePlaced(let placed):
      .placeOverride(
        org: placed.org, competency: placed.competency, level: placed.level, reason: reason ?? "",
        expires: placed.expires)
    case .overrideRevoked(let revoked): .revokeOverride(org: revoked.org, competency: revoked.competency)
    case .auditScheduled(let audit): .scheduleAudit(org: audit.org, specialization: audit.specialization)
    case .auditCompleted(let audit):
      .recordAudit(org: audit.org, specialization: audit.specialization, result: audit.result)
    case .customerReferenceSubmitted(let reference):
      .submitReference(
        org: reference.org, specialization: reference.specialization, reference: reference.reference,
        customer: reference.customer)
    case .customerReferenceApproved(let reference):
      .approveReference(org: reference.org, specialization: reference.specialization, reference: reference.reference)
    case .customerReferenceRejected(let reference):
      .rejectReference(org: reference.org, specialization: reference.specialization, reference: reference.reference)
    case .tokenIssued(let issued):
      .issueToken(subject: issued.subject, token: issued.token, digest: issued.digest, expires: issued.expires)
    case .tokenRevoked(let revoked): .revokeToken(subject: revoked.subject, token: revoked.token)
    case .organizationEnrolled, .credentialEarned, .individualAssociated, .individualDeparted, .performanceReported,
      .consumptionReported:
      nil
    }
  }
}
