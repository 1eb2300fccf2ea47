import Foundation
import LedgerCore
public import LedgerQueries

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// POSTs each alert's JSON to a URL with an `Idempotency-Key` header carrying the alert's id.
/// A 2xx acknowledges; a 5xx, a timeout or a broken connection is retried with backoff; any
/// other status is reported at once.
public struct WebhookSink: AlertSink {
  /// The receiver.
  public let url: URL
  /// The retries.
  public let retry: RetryPolicy
  /// How long one attempt may take, in seconds.
  public let timeout: Double

  /// The header carrying the alert id.
  public static let idempotencyHeader = "Idempotency-Key"

  /// Creates the sink.
  public init(url: URL, retry: RetryPolicy, timeout: Double) {
    self.url = url
    self.retry = retry
    self.timeout = timeout
  }

  public func deliver(_ alert: Alert) async throws(DeliveryFailure) {
    var request = URLRequest(url: url, timeoutInterval: timeout)
    request.httpMethod = "POST"
    request.setValue("application/json", forHTTPHeaderField: "Content-Type")
    request.setValue(alert.id, forHTTPHeaderField: Self.idempotencyHeader)
    request.httpBody = Data(alert.json.canonicalBytes)
    let failure = await retry.run { () async -> (reason: String, retryable: Bool)? in
      do {
        let (_, response) = try await URLSession.shared.data(for: request)
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        switch status {
        case 200..<300: return nil
        case 500..<600: return ("\(url) answered \(status)", true)
        default: return ("\(url) answered \(status)", false)
        }
      } catch {
        return ("\(url): \(error.localizedDescription)", true)
      }
    }
    if let failure { throw DeliveryFailure(alertID: alert.id, reason: failure) }
  }
}
