public import LedgerQueries

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// NDJSON to a file descriptor: standard output, or a file opened for appending, synced to
/// disk after each alert so an acknowledged alert survives a crash.
public final class StreamSink: AlertSink {
  private let descriptor: Int32
  private let name: String
  private let syncs: Bool

  /// Standard output (flushed, not synced: a pipe or terminal has nothing to sync).
  public static func standardOutput() -> StreamSink {
    StreamSink(descriptor: STDOUT_FILENO, name: "stdout", syncs: false)
  }

  /// The file at `path`, created when missing, appended to.
  /// - Throws: ``DeliveryFailure`` when it cannot be opened.
  public static func file(path: String) throws(DeliveryFailure) -> StreamSink {
    let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else {
      throw DeliveryFailure(alertID: "-", reason: "\(path): \(String(cString: strerror(errno)))")
    }
    return StreamSink(descriptor: descriptor, name: path, syncs: true)
  }

  private init(descriptor: Int32, name: String, syncs: Bool) {
    self.descriptor = descriptor
    self.name = name
    self.syncs = syncs
  }

  deinit {
    if syncs { close(descriptor) }
  }

  public func deliver(_ alert: Alert) async throws(DeliveryFailure) {
    let line = alert.line
    var written = 0
    while written < line.count {
      let result = line[written...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
      if result < 0, errno == EINTR { continue }
      guard result > 0 else {
        throw DeliveryFailure(alertID: alert.id, reason: "\(name): \(String(cString: strerror(errno)))")
      }
      written += result
    }
    if syncs, fsync(descriptor) != 0 {
      throw DeliveryFailure(alertID: alert.id, reason: "\(name): fsync: \(String(cString: strerror(errno)))")
    }
  }
}
