public import LedgerQueries

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// NDJSON to a file descriptor: standard output, or a file opened for appending, synced to
/// disk after each alert so an acknowledged alert survives a crash, and never left with a
/// partial line.
public final class StreamSink: AlertSink {
  private let descriptor: Int32
  private let name: String
  private let syncs: Bool

  /// Standard output (flushed, not synced: a pipe or terminal has nothing to sync).
  public static func standardOutput() -> StreamSink {
    StreamSink(descriptor: STDOUT_FILENO, name: "stdout", syncs: false)
  }

  /// The file at `path`, created when missing, appended to. A line left half-written by a
  /// crash or a full disk is cut off first, so every line a reader sees is a whole alert.
  /// - Throws: ``DeliveryFailure`` when it cannot be opened or repaired.
  public static func file(path: String) throws(DeliveryFailure) -> StreamSink {
    let descriptor = open(path, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else {
      throw DeliveryFailure(alertID: "-", reason: "\(path): \(String(cString: strerror(errno)))")
    }
    // Past a file-size limit, a write must fail (EFBIG) rather than kill the process.
    signal(SIGXFSZ, SIG_IGN)
    let sink = StreamSink(descriptor: descriptor, name: path, syncs: true)
    guard let end = Self.endOfLastLine(descriptor), end == lseek(descriptor, 0, SEEK_END) || sink.cut(to: end)
    else {
      throw DeliveryFailure(
        alertID: "-", reason: "\(path): cannot cut a partial line: \(String(cString: strerror(errno)))")
    }
    return sink
  }

  /// The offset just past the file's last line feed (0 when it has none).
  private static func endOfLastLine(_ descriptor: Int32) -> off_t? {
    var end = lseek(descriptor, 0, SEEK_END)
    guard end >= 0 else { return nil }
    var chunk = [UInt8](repeating: 0, count: 65_536)
    while end > 0 {
      let start = max(0, end - off_t(chunk.count))
      let count = Int(end - start)
      let read = chunk.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, count, start) }
      guard read == count else { return nil }
      if let last = chunk[..<count].lastIndex(of: 0x0A) { return start + off_t(last) + 1 }
      end = start
    }
    return 0
  }

  /// Cuts the file back to `length` and syncs; `false` when that fails.
  private func cut(to length: off_t) -> Bool {
    ftruncate(descriptor, length) == 0 && fsync(descriptor) == 0
  }

  private init(descriptor: Int32, name: String, syncs: Bool) {
    self.descriptor = descriptor
    self.name = name
    self.syncs = syncs
  }

  deinit {
    if syncs { close(descriptor) }
  }

  /// Writes the alert's line; a file that took only part of it (a full disk) is cut back to
  /// where the line began, so no half line is ever left for a reader or the next delivery.
  public func deliver(_ alert: Alert) async throws(DeliveryFailure) {
    let line = alert.line
    let start = syncs ? lseek(descriptor, 0, SEEK_END) : 0
    var written = 0
    while written < line.count {
      let result = line[written...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
      if result < 0, errno == EINTR { continue }
      guard result > 0 else {
        let reason = String(cString: strerror(result == 0 ? ENOSPC : errno))
        if syncs, written > 0 { _ = cut(to: start) }
        throw DeliveryFailure(alertID: alert.id, reason: "\(name): \(reason)")
      }
      written += result
    }
    if syncs, fsync(descriptor) != 0 {
      let reason = String(cString: strerror(errno))
      _ = cut(to: start)
      throw DeliveryFailure(alertID: alert.id, reason: "\(name): fsync: \(reason)")
    }
  }
}
