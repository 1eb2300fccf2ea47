/// An operator setting taken from the environment whose value the ledger cannot use.
///
/// The database is not opened, so nothing is read or written.
public struct InvalidSetting: Error, CustomStringConvertible {
  /// The environment variable.
  public let name: String
  /// Its value as given.
  public let value: String
  /// What the variable takes.
  public let expected: String

  public var description: String { "\(name)=\(value): expected \(expected); nothing was changed" }

  /// The variable that bounds how much of the database file reads map.
  static let mappedBytes = "LEDGER_MMAP_BYTES"
}
