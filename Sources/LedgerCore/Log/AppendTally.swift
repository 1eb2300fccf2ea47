/// What a run of appends did, in constant memory: how many events were written and where the
/// first and the last landed, and how many were already present.
public struct AppendTally: Equatable, Sendable {
  /// Events written.
  public private(set) var appended = 0
  /// The position of the first event written.
  public private(set) var firstPosition: Int64?
  /// The position of the last event written.
  public private(set) var lastPosition: Int64?
  /// Events whose id and content were already in the log.
  public private(set) var alreadyPresent = 0

  /// Nothing appended yet.
  public init() {}

  /// The tally of one append.
  public init(_ receipt: AppendReceipt) {
    add(receipt)
  }

  /// Adds the next append's receipt.
  public mutating func add(_ receipt: AppendReceipt) {
    appended += receipt.appended.count
    alreadyPresent += receipt.alreadyPresent.count
    if firstPosition == nil { firstPosition = receipt.appended.first?.position }
    lastPosition = receipt.appended.last?.position ?? lastPosition
  }
}
