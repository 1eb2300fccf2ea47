// The ledger's own types as option and argument values. They conform publicly because the
// types are public; only this file needs the public imports.
public import ArgumentParser
public import LedgerCore
public import LedgerStorage

extension Level: ExpressibleByArgument {}
extension Durability: ExpressibleByArgument {}

extension Role: ExpressibleByArgument {
  /// Only the roles that can be granted: `individual` and `system` never are.
  public static var allValueStrings: [String] { allCases.filter(\.isGrantable).map(\.rawValue) }
}
extension AuditResult: ExpressibleByArgument {}
