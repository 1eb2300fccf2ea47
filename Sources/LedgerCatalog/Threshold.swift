public import Foundation
public import LedgerCore

/// A performance threshold that may differ by market.
public struct Threshold: Equatable, Sendable {
  /// The threshold in developed markets.
  public let developed: Decimal
  /// The threshold in developing markets.
  public let developing: Decimal

  /// Creates a threshold.
  public init(developed: Decimal, developing: Decimal) {
    self.developed = developed
    self.developing = developing
  }

  /// The threshold for `market`.
  public func value(for market: Market) -> Decimal {
    market == .developing ? developing : developed
  }
}
