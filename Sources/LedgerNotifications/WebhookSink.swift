import Dispatch
public import Foundation
import LedgerCore
import LedgerPresentation
public import LedgerQueries

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// POSTs each alert's JSON to a URL with an `Idempotency-Key` header carrying the alert's id.
/// A 2xx acknowledges; a 5xx, a timeout or a broken connection is retried with backoff; a
/// redirect is never followed (a 2xx at another address, reached without the body, is no
/// delivery) and, like any other status, is reported at once.
public struct WebhookSink: AlertSink {
  /// The receiver.
  public let url: URL
  /// The retries.
  public let retry: RetryPolicy
  /// How long one attempt may take, in seconds, from sending to the whole answer.
  public let timeout: Double
  /// The address as printed, credentials hidden.
  private let shown: String

  /// The header carrying the alert id.
  public static let idempotencyHeader = "Idempotency-Key"

  /// Creates the sink; `shown` is how messages name it.
  public init(url: URL, retry: RetryPolicy, timeout: Double, shown: String) {
    self.url = url
    self.retry = retry
    self.timeout = timeout
    self.shown = shown
  }

  public func deliver(_ alert: Alert) async throws(DeliveryFailure) {
    var request = URLRequest(url: url, timeoutInterval: timeout)
    request.httpMethod = "POST"
    request.setValue("application/json", forHTTPHeaderField: "Content-Type")
    request.setValue(alert.id, forHTTPHeaderField: Self.idempotencyHeader)
    request.httpBody = Data(AlertDocument.json(alert).canonicalBytes)
    let failure = await retry.run { () async -> (reason: String, retryable: Bool)? in
      switch await send(request) {
      case .answered(let status):
        switch status {
        case 200..<300: return nil
        case 300..<400: return ("\(shown) answered \(status), a redirect, which is not followed: not delivered", false)
        case 500..<600: return ("\(shown) answered \(status)", true)
        default: return ("\(shown) answered \(status)", false)
        }
      case .timedOut: return ("\(shown): no complete answer within \(timeout) s", true)
      case .failed(let reason): return ("\(shown): \(reason)", true)
      }
    }
    if let failure { throw DeliveryFailure(alertID: alert.id, reason: failure) }
  }

  private enum Outcome: Sendable {
    case answered(Int)
    case timedOut
    case failed(String)
  }

  /// One attempt: cancelled when `timeout` runs out, whatever the server does meanwhile.
  private func send(_ request: URLRequest) async -> Outcome {
    let session = URLSession(
      configuration: Self.configuration(timeout: timeout), delegate: RedirectRefuser(), delegateQueue: nil)
    defer { session.finishTasksAndInvalidate() }
    return await withCheckedContinuation { (continuation: CheckedContinuation<Outcome, Never>) in
      let deadline = DeadlineFlag()
      let task = session.dataTask(with: request) { _, response, error in
        if let response = response as? HTTPURLResponse {
          continuation.resume(returning: .answered(response.statusCode))
        } else if deadline.passed || (error as? URLError)?.code == .timedOut {
          // Our deadline, or URLSession's own timer set to the same time, ran out first.
          continuation.resume(returning: .timedOut)
        } else {
          continuation.resume(returning: .failed(error?.localizedDescription ?? "no answer"))
        }
      }
      DispatchQueue.global().asyncAfter(deadline: .now() + timeout) {
        deadline.pass()
        task.cancel()
      }
      task.resume()
    }
  }

  private static func configuration(timeout: Double) -> URLSessionConfiguration {
    let configuration = URLSessionConfiguration.ephemeral
    configuration.timeoutIntervalForRequest = timeout
    configuration.timeoutIntervalForResource = timeout
    return configuration
  }
}

/// Answers every redirect with "do not follow", so the 3xx itself is the answer.
private final class RedirectRefuser: NSObject, URLSessionTaskDelegate, @unchecked Sendable {
  func urlSession(
    _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
    newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void
  ) {
    completionHandler(nil)
  }
}

/// Whether an attempt's deadline passed (set from the timer, read from the completion).
private final class DeadlineFlag: @unchecked Sendable {
  private let lock = NSLock()
  private var value = false

  var passed: Bool { lock.withLock { value } }
  func pass() { lock.withLock { value = true } }
}
