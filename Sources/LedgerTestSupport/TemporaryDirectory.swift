import Foundation

/// A fresh directory under the system's temporary folder, removed when released.
public final class TemporaryDirectory: Sendable {
  /// The directory's path.
  public let path: String

  /// Creates a unique directory.
  public init() {
    path = NSTemporaryDirectory() + "ledger-test-" + UUID().uuidString
    try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }

  /// A path inside the directory.
  public func file(_ name: String) -> String {
    path + "/" + name
  }

  /// Writes `text` to a file inside the directory and returns its path.
  @discardableResult
  public func write(_ name: String, _ text: String) -> String {
    let path = file(name)
    _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
    return path
  }

  deinit {
    try? FileManager.default.removeItem(atPath: path)
  }
}
