// The ledger's own types as option and argument values. They conform publicly because the
// types are public; only this file needs the public imports.
public import ArgumentParser
public import LedgerCore
public import LedgerStorage

extension Level: ExpressibleByArgument {}
extension Durability: ExpressibleByArgument {}

extension Role: ExpressibleByArgument {
  /// A role that can be granted; `individual` and `system` never are, so the command line
  /// refuses them as it refuses any unknown word.
  public init?(argument: String) {
    guard let role = Role(rawValue: argument), role.isGrantable else { return nil }
    self = role
  }

  /// Only the roles that can be granted.
  public static var allValueStrings: [String] { allCases.filter(\.isGrantable).map(\.rawValue) }
}
extension AuditResult: ExpressibleByArgument {}
