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

  deinit {
    try? FileManager.default.removeItem(atPath: path)
  }
}
