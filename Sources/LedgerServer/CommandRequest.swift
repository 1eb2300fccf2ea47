import LedgerCommands
import LedgerCore

/// A gated command as an HTTP client sends it: `POST /commands/{name}` with a JSON object of
/// the CLI command's arguments and options under their own names (`org`, `level`,
/// `competency`, `reason`, `expires`, …), and `effective` (default today). The actor is never
/// in the body: it is whoever the bearer token signs in.
struct CommandRequest {
  /// The command.
  let command: LedgerCommand
  /// The day it takes effect.
  let effective: CivilDate?

  /// The names `POST /commands/{name}` takes: the CLI's gated commands.
  static let names = [
    "grant", "revoke", "associate", "depart", "purchase", "renew", "override", "revoke-override", "schedule-audit",
    "record-audit", "submit-reference", "approve-reference", "reject-reference",
  ]

  /// Reads the command `name` from the members of the request's JSON object.
  /// - Throws: ``EventValidationError`` for a missing, ill-typed or unknown field; a 404
  ///   ``Problem`` for a name that is not a gated command.
  init(name: String, members: [(key: String, value: JSONValue)]) throws {
    var fields = FieldReader(members: members)
    effective = try fields.optionalDate("effective")
    switch name {
    case "grant", "revoke":
      let (subject, role, org) = (
        try fields.string("subject"), try fields.choice("role", as: Role.self), try fields.optionalString("org")
      )
      command =
        name == "grant"
        ? .grant(subject: subject, role: role, org: org) : .revoke(subject: subject, role: role, org: org)
    case "associate": command = .associate(individual: try fields.string("individual"), org: try fields.string("org"))
    case "depart": command = .depart(individual: try fields.string("individual"), org: try fields.string("org"))
    case "purchase":
      command = .purchase(org: try fields.string("org"), level: try fields.choice("level", as: Level.self))
    case "renew": command = .renew(org: try fields.string("org"), level: try fields.choice("level", as: Level.self))
    case "override":
      command = .placeOverride(
        org: try fields.string("org"), competency: try fields.string("competency"),
        level: try fields.choice("level", as: Level.self), reason: try fields.text("reason"),
        expires: try fields.optionalDate("expires"))
    case "revoke-override":
      command = .revokeOverride(org: try fields.string("org"), competency: try fields.string("competency"))
    case "schedule-audit":
      command = .scheduleAudit(org: try fields.string("org"), specialization: try fields.string("specialization"))
    case "record-audit":
      command = .recordAudit(
        org: try fields.string("org"), specialization: try fields.string("specialization"),
        result: try fields.choice("result", as: AuditResult.self))
    case "submit-reference":
      command = .submitReference(
        org: try fields.string("org"), specialization: try fields.string("specialization"),
        reference: try fields.string("reference"), customer: try fields.string("customer"))
    case "approve-reference", "reject-reference":
      let (org, specialization, reference) = (
        try fields.string("org"), try fields.string("specialization"), try fields.string("reference")
      )
      command =
        name == "approve-reference"
        ? .approveReference(org: org, specialization: specialization, reference: reference)
        : .rejectReference(org: org, specialization: specialization, reference: reference)
    default:
      throw Problem.notFound("no command \"\(name)\"; the commands are \(Self.names.joined(separator: ", "))")
    }
    try fields.finish()
  }
}
