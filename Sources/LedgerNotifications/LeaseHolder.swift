import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Who holds a sink's lease: a host, a process id and a random token, written
/// `host pid token`. A lease whose holder ran on this host and is no longer running is
/// abandoned at once, so a notify killed with SIGKILL can be restarted without waiting for
/// its lease to run out.
struct LeaseHolder: Equatable {
  let host: String
  let pid: Int32
  let token: String

  /// This process.
  static func current() -> LeaseHolder {
    LeaseHolder(
      host: ProcessInfo.processInfo.hostName, pid: getpid(),
      token: String(UUID().uuidString.prefix(8)).lowercased())
  }

  init(host: String, pid: Int32, token: String) {
    self.host = host
    self.pid = pid
    self.token = token
  }

  /// Reads `host pid token`; `nil` for anything else.
  init?(_ text: String) {
    let parts = text.split(separator: " ").map(String.init)
    guard parts.count == 3, let pid = Int32(parts[1]) else { return nil }
    self.init(host: parts[0], pid: pid, token: parts[2])
  }

  var text: String { "\(host) \(pid) \(token)" }

  /// Whether the holder is known to be gone: it ran on this host and its process is gone.
  var isGone: Bool {
    host == ProcessInfo.processInfo.hostName && kill(pid, 0) != 0 && errno == ESRCH
  }
}
