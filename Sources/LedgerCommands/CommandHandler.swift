public import LedgerCatalog
public import LedgerCore

/// Decides whether a command may be recorded now and records it: reads the streams it decides
/// on, checks the actor's role and the program's gates on the effective date, then appends the
/// one event with the version of its stream as read. When another writer got there first, it
/// reads again and decides anew (a few times), so two conflicting commands never both pass.
///
/// The CLI calls it; so will the HTTP interface. Its trust model: the actor id is taken as
/// given (the CLI cannot authenticate: whoever can write the database file is trusted), every
/// role comes from the ledger's own grants as known when the command is recorded, and the
/// `system` actor only bootstraps roles. The actor is also recorded as the event's writer.
public struct CommandHandler {
  /// The log.
  public let log: any EventLog
  /// The rules.
  public let catalogs: CatalogHistory
  /// How many times a command decides before giving up on a busy stream.
  public static let maximumAttempts = 5
  /// The actor that records ungated facts and bootstraps roles, and acts in no other role.
  public static let systemActor = "system"

  /// Creates a handler over `log` with `catalogs`.
  public init(log: any EventLog, catalogs: CatalogHistory) {
    self.log = log
    self.catalogs = catalogs
  }

  /// Records `command` by `actor`, effective `date`, if its role and gates allow it.
  /// - Parameter expected: the version of the command's stream the caller decided on (an
  ///   HTTP `If-Match`): when the stream is at another version, or moves before the append,
  ///   nothing is written and the command is not decided anew.
  /// - Returns: the receipt of the one appended event.
  /// - Throws: ``EventValidationError`` for a name no input may hold, ``CommandRefusal``
  ///   (nothing written), ``CommandConflict``, ``StaleVersion``, what the log throws.
  public func execute(
    _ command: LedgerCommand, by actor: String, on date: CivilDate, expecting expected: Int? = nil
  ) async throws -> AppendReceipt {
    let command = try command.canonical()
    let actor = try CanonicalText.canonical(actor, field: "actor", kind: .identifier)
    for _ in 1...Self.maximumAttempts {
      // The version first, then the head: whatever lands after the version was read makes the
      // append conflict, so the decision never rests on a stale view of the stream it writes.
      let version = try await log.version(of: command.stream)
      if let expected, expected != version {
        throw StaleVersion(stream: command.stream.description, expected: expected, actual: version)
      }
      let context = try await CommandContext(log: log, catalogs: catalogs, actor: actor, date: date)
      let decision = try await context.decide(command)
      let proposed = ProposedEvent(
        effective: date, event: decision.event, actor: Actor(id: actor, role: decision.role.rawValue),
        reason: decision.reason, expectedVersion: version, writer: actor)
      do {
        return try await log.append([proposed])
      } catch let rejection as AppendRejection where rejection.problems.allSatisfy(\.isConflict) {
        if let expected {
          throw StaleVersion(
            stream: command.stream.description, expected: expected, actual: try await log.version(of: command.stream))
        }
        continue
      }
    }
    throw CommandConflict(streams: [command.stream.description], attempts: Self.maximumAttempts)
  }
}

/// What a command records: the event, the role the actor acted in, and a reason.
struct Decision {
  let event: LedgerEvent
  let role: Role
  var reason: String? = nil
}

extension LedgerCommand {
  /// The stream the command's event goes to, whose version guards the decision.
  var stream: StreamName {
    switch self {
    case .grant(let subject, _, _), .revoke(let subject, _, _), .issueToken(let subject, _, _, _),
      .revokeToken(let subject, _):
      .actor(subject)
    case .associate(let individual, _), .depart(let individual, _): .individual(individual)
    case .purchase(let org, _), .renew(let org, _), .placeOverride(let org, _, _, _, _), .revokeOverride(let org, _),
      .scheduleAudit(let org, _), .recordAudit(let org, _, _), .submitReference(let org, _, _, _),
      .approveReference(let org, _, _), .rejectReference(let org, _, _):
      .organization(org)
    }
  }
}
