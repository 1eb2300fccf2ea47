import Foundation

extension SinkAddress {
  /// The sink this address names, retrying with `retry` and giving a webhook call `timeout`
  /// seconds.
  /// - Throws: ``DeliveryFailure`` when a file sink cannot be opened.
  public func makeSink(retry: RetryPolicy, timeout: Double) throws(DeliveryFailure) -> any AlertSink {
    switch self {
    case .stdout: StreamSink.standardOutput()
    case .file(let path): try StreamSink.file(path: path)
    case .exec(let command): ExecSink(command: command, retry: retry, timeout: timeout)
    case .webhook(let url):
      // `init(parsing:)` accepts only http(s) addresses, which URL always reads.
      WebhookSink(url: URL(string: url)!, retry: retry, timeout: timeout, shown: description)
    }
  }
}
