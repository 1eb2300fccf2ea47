/// The stream a command writes is not at the version its caller decided on: another writer
/// recorded something since. Nothing was written; read again, then decide.
public struct StaleVersion: Error, Equatable, CustomStringConvertible {
  /// The stream.
  public let stream: String
  /// The version the caller expected.
  public let expected: Int
  /// The version the stream is at.
  public let actual: Int

  public var description: String {
    "\(stream) is at version \(actual), not \(expected): it changed since you read it; read it again"
  }
}
