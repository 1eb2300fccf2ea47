/// What an append did: where each new event landed, and which events were already present.
public struct AppendReceipt: Equatable, Sendable {
  /// One event the append wrote.
  public struct Appended: Equatable, Sendable {
    /// Its index in the appended batch.
    public let index: Int
    /// Its global position.
    public let position: Int64
    /// Its event id (the client's or the generated one).
    public let id: String
    /// Its stream.
    public let stream: StreamName
    /// Its version in the stream.
    public let streamVersion: Int

    /// Creates an entry.
    public init(index: Int, position: Int64, id: String, stream: StreamName, streamVersion: Int) {
      self.index = index
      self.position = position
      self.id = id
      self.stream = stream
      self.streamVersion = streamVersion
    }
  }

  /// The events written, in batch order.
  public let appended: [Appended]
  /// The batch indices of events whose id and content were already in the log (no-ops).
  public let alreadyPresent: [Int]

  /// Creates a receipt.
  public init(appended: [Appended], alreadyPresent: [Int]) {
    self.appended = appended
    self.alreadyPresent = alreadyPresent
  }
}
