import LedgerCore
import LedgerPresentation
public import LedgerQueries

/// Something that takes alerts one at a time and says when it has them: a file synced to
/// disk, a command that exited 0, a webhook that answered 2xx. A sink retries what may pass
/// on a second try itself; what it throws is final for this run.
public protocol AlertSink {
  /// Delivers `alert`; returning means acknowledged.
  /// - Throws: ``DeliveryFailure`` when the alert could not be delivered.
  func deliver(_ alert: Alert) async throws(DeliveryFailure)
}

/// An alert a sink could not deliver: refused, or still failing after every retry.
public struct DeliveryFailure: Error, CustomStringConvertible {
  /// The alert.
  public let alertID: String
  /// Why, in words.
  public let reason: String

  /// Creates a failure.
  public init(alertID: String, reason: String) {
    self.alertID = alertID
    self.reason = reason
  }

  public var description: String { "alert \(alertID) not delivered: \(reason)" }
}

extension Alert {
  /// The alert as one line of NDJSON.
  var line: [UInt8] { AlertDocument.json(self).canonicalBytes + [0x0A] }
}
