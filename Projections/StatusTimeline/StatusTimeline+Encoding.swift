import LedgerCore

extension StatusTimeline {
  /// The version of the encoding, its first number.
  static let encodingVersion = 1

  /// The compact form a read model stores: each piece as what changed since the one before
  /// (a list element that did not change is a reference to its place in the previous piece).
  public var encoded: [UInt8] {
    var writer = StatusBytesWriter()
    writer.integer(Self.encodingVersion)
    writer.string(org)
    writer.day(horizon)
    writer.integer(transitions.count)
    for transition in transitions { writer.transition(transition) }
    writer.integer(pieces.count)
    var previous: OrganizationStatus?
    for piece in pieces {
      writer.day(piece.asOf)
      writer.string(piece.name)
      writer.string(piece.catalogVersion)
      writer.membership(piece.membership)
      writer.changes(piece.competencies, from: previous?.competencies) { $0.competency($1) }
      writer.changes(piece.specializations, from: previous?.specializations) { $0.specialization($1) }
      writer.changes(piece.alerts, from: previous?.alerts) { $0.alert($1) }
      previous = piece
    }
    return writer.bytes
  }

  /// Reads what ``encoded`` wrote.
  /// - Throws: ``StoredDataError`` when the bytes are not such a timeline.
  public init(encoded bytes: [UInt8]) throws {
    var reader = try StatusBytesReader(bytes)
    let version = try reader.integer()
    guard version == Self.encodingVersion else { throw reader.malformed("encoding version \(version)") }
    let org = try reader.string()
    let horizon = try reader.day()
    let transitions = try (0..<reader.count()).map { _ in try reader.transition() }
    var pieces: [OrganizationStatus] = []
    for _ in 0..<(try reader.count()) {
      let previous = pieces.last
      let asOf = try reader.day()
      pieces.append(
        OrganizationStatus(
          org: org, name: try reader.optionalString(), asOf: asOf, catalogVersion: try reader.string(),
          membership: try reader.membership(),
          competencies: try reader.changes(from: previous?.competencies) { try $0.competency() },
          specializations: try reader.changes(from: previous?.specializations) { try $0.specialization() },
          alerts: try reader.changes(from: previous?.alerts) { try $0.alert() }, alertTransitions: []))
    }
    guard reader.isAtEnd else { throw reader.malformed("bytes after the last piece") }
    self.init(org: org, horizon: horizon, pieces: pieces, transitions: transitions)
  }
}

extension StatusBytesWriter {
  /// A list as the previous piece's elements it repeats (their index plus one) and new ones (0,
  /// then the element).
  mutating func changes<T: Equatable>(_ list: [T], from previous: [T]?, _ element: (inout Self, T) -> Void) {
    integer(list.count)
    for item in list {
      if let index = previous?.firstIndex(of: item) {
        integer(index + 1)
      } else {
        integer(0)
        element(&self, item)
      }
    }
  }

  mutating func cause(_ cause: ChangeCause) {
    switch cause {
    case .event(let id):
      integer(0)
      string(id)
    case .timeDriven(let reason):
      integer(1)
      string(reason)
    }
  }

  mutating func transition(_ transition: AlertTransition) {
    string(transition.competency)
    string(transition.state.rawValue)
    day(transition.effective)
    cause(transition.cause)
    string(transition.reason?.rawValue)
  }

  mutating func membership(_ membership: OrganizationStatus.Membership?) {
    flag(membership != nil)
    guard let membership else { return }
    level(membership.level)
    day(membership.since)
    day(membership.anniversary)
    flag(membership.inGrace)
    day(membership.renewalWindowOpens)
    day(membership.lapsesOn)
    flag(membership.renewalDue)
    flag(membership.renewalPossible)
  }

  mutating func competency(_ status: OrganizationStatus.CompetencyStatus) {
    string(status.competency)
    level(status.attained)
    level(status.earned)
    level(status.displayed)
    flag(status.atRisk)
    flag(status.override != nil)
    if let grant = status.override {
      level(grant.level)
      day(grant.placed)
      day(grant.expires)
      string(grant.reason)
      string(grant.event)
    }
    integer(status.paths.count)
    for (path, level) in status.paths.sorted(by: { $0.key < $1.key }) {
      string(path)
      self.level(level)
    }
  }

  mutating func specialization(_ status: SpecializationStatus) {
    string(status.specialization)
    string(status.stage.rawValue)
    day(status.activeSince)
    day(status.anniversary)
    flag(status.heldByValidityYear)
    day(status.auditValidUntil)
    integer(status.approvedReferences)
    integer(status.references.count)
    for (reference, state) in status.references.sorted(by: { $0.key < $1.key }) {
      string(reference)
      string(state.rawValue)
    }
    flag(status.auditPending)
    strings(status.missing)
    strings(status.missingBeforeAudit)
  }

  mutating func alert(_ alert: OrganizationStatus.RenewalAlert) {
    string(alert.competency)
    level(alert.level)
    day(alert.since)
    cause(alert.cause)
  }
}

extension StatusBytesReader {
  mutating func changes<T>(from previous: [T]?, _ element: (inout Self) throws -> T) throws -> [T] {
    try (0..<count()).map { _ in
      let reference = try integer()
      if reference == 0 { return try element(&self) }
      guard let previous, previous.indices.contains(reference - 1) else {
        throw malformed("element \(reference - 1) of the previous piece does not exist")
      }
      return previous[reference - 1]
    }
  }

  mutating func requiredLevel() throws -> Level {
    guard let level = try level() else { throw malformed("a level is missing") }
    return level
  }

  mutating func cause() throws -> ChangeCause {
    switch try integer() {
    case 0: return .event(try string())
    case 1: return .timeDriven(try string())
    case let other: throw malformed("cause kind \(other)")
    }
  }

  mutating func transition() throws -> AlertTransition {
    AlertTransition(
      competency: try string(), state: try raw(AlertTransition.State.self), effective: try day(), cause: try cause(),
      reason: try optionalString().map { text in
        guard let reason = AlertTransition.ClearReason(rawValue: text) else { throw malformed("clear reason \(text)") }
        return reason
      })
  }

  mutating func membership() throws -> OrganizationStatus.Membership? {
    guard try flag() else { return nil }
    return OrganizationStatus.Membership(
      level: try requiredLevel(), since: try day(), anniversary: try day(), inGrace: try flag(),
      renewalWindowOpens: try day(), lapsesOn: try day(), renewalDue: try flag(), renewalPossible: try flag())
  }

  mutating func competency() throws -> OrganizationStatus.CompetencyStatus {
    let competency = try string()
    let (attained, earned, displayed, atRisk) = (try level(), try level(), try level(), try flag())
    let grant =
      try flag()
      ? OverrideGrant(
        level: try requiredLevel(), placed: try day(), expires: try day(), reason: try optionalString(),
        event: try string())
      : nil
    var paths: [String: Level?] = [:]
    for _ in 0..<(try count()) { paths[try string()] = .some(try level()) }
    return .init(
      competency: competency, attained: attained, earned: earned, displayed: displayed, atRisk: atRisk,
      override: grant, paths: paths)
  }

  mutating func specialization() throws -> SpecializationStatus {
    let (id, stage) = (try string(), try raw(SpecializationStatus.Stage.self))
    let (since, anniversary, held, auditValidUntil) = (
      try optionalDay(), try optionalDay(), try flag(), try optionalDay()
    )
    let approved = try integer()
    var references: [String: SpecializationStatus.ReferenceState] = [:]
    for _ in 0..<(try count()) { references[try string()] = try raw(SpecializationStatus.ReferenceState.self) }
    return SpecializationStatus(
      specialization: id, stage: stage, activeSince: since, anniversary: anniversary, heldByValidityYear: held,
      auditValidUntil: auditValidUntil, approvedReferences: approved, references: references,
      auditPending: try flag(), missing: try strings(), missingBeforeAudit: try strings())
  }

  mutating func alert() throws -> OrganizationStatus.RenewalAlert {
    .init(competency: try string(), level: try requiredLevel(), since: try day(), cause: try cause())
  }
}
