/// A catalog file that cannot be loaded: the file, where in it, and why.
public struct CatalogError: Error, Equatable, CustomStringConvertible {
  /// The file's name.
  public let file: String
  /// The JSON path of the bad value (`competencies[3].paths[0].gold`).
  public let path: String
  /// What is wrong.
  public let reason: String

  /// Creates an error.
  public init(file: String, path: String, reason: String) {
    self.file = file
    self.path = path
    self.reason = reason
  }

  public var description: String { "\(file): \(path.isEmpty ? "" : path + ": ")\(reason)" }
}
