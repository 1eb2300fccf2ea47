/// What an append did: the events it wrote and the ones it recognised as already present.
public struct AppendReceipt: Equatable, Sendable {
  /// The records written, in batch order.
  public let appended: [EventRecord]
  /// The batch indices of events whose id and content were already in the log (no-ops).
  public let alreadyPresent: [Int]

  /// Creates a receipt.
  public init(appended: [EventRecord], alreadyPresent: [Int]) {
    self.appended = appended
    self.alreadyPresent = alreadyPresent
  }
}
