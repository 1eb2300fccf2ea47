public import LedgerCore

/// An exam, assessment or certification the program recognises, with the dates it stops
/// counting.
public struct CredentialDefinition: Equatable, Sendable {
  /// The kind of credential.
  public enum Kind: String, Sendable, CaseIterable {
    case exam, assessment, certification
  }

  /// The code individuals earn it under (`70-533`, `MCSA: Office 365`).
  public let code: String
  /// Its title.
  public let name: String
  /// Exam, assessment or certification.
  public let kind: Kind
  /// The day it retired, when it did.
  public let retired: CivilDate?
  /// The last day it counts toward competencies, that day included, as the program words
  /// it ("accepted until December 31, 2018"); by default retirement + 12 months, as the
  /// program's own "retired 2017-12-31, accepted until 2018-12-31".
  public let acceptedUntil: CivilDate?

  /// Creates a credential definition.
  public init(code: String, name: String, kind: Kind, retired: CivilDate?, acceptedUntil: CivilDate?) {
    self.code = code
    self.name = name
    self.kind = kind
    self.retired = retired
    self.acceptedUntil = acceptedUntil
  }

  /// Whether the program still accepts it on `date`.
  public func isAccepted(on date: CivilDate) -> Bool {
    acceptedUntil.map { date <= $0 } ?? true
  }
}
