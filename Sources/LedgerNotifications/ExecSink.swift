import Foundation
import LedgerCore
import LedgerPresentation
public import LedgerQueries
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Runs a shell command once per alert with the alert's JSON on its standard input (and its
/// id in `LEDGER_ALERT_ID`); exit 0 acknowledges, anything else is retried with backoff.
///
/// The command runs in a process group of its own. When it outlives `timeout` seconds, or
/// `notify` is stopped by SIGINT, SIGTERM or SIGHUP meanwhile, the whole group (the shell and
/// whatever it started) is killed, so no child is left running. A SIGKILL of `notify` itself
/// cannot be caught: the group then runs to its own end.
public struct ExecSink: AlertSink {
  /// The command, run with `/bin/sh -c`.
  public let command: String
  /// The retries.
  public let retry: RetryPolicy
  /// How long one run may take, in seconds.
  public let timeout: Double

  /// Creates the sink.
  public init(command: String, retry: RetryPolicy, timeout: Double) {
    self.command = command
    self.retry = retry
    self.timeout = timeout
    ChildGroup.installStopHandlers()
  }

  public func deliver(_ alert: Alert) async throws(DeliveryFailure) {
    let failure = await retry.run { () async -> (reason: String, retryable: Bool)? in
      switch run(alert) {
      case .exited(0): return nil
      case .exited(let status): return ("command exited with status \(status)", true)
      case .killed(let signal): return ("command was killed by signal \(signal)", true)
      case .timedOut: return ("command did not finish within \(timeout) s; its process group was killed", true)
      case .notStarted(let reason): return ("command could not start: \(reason)", false)
      }
    }
    if let failure { throw DeliveryFailure(alertID: alert.id, reason: failure) }
  }

  private enum Outcome {
    case exited(Int32)
    case killed(Int32)
    case timedOut
    case notStarted(String)
  }

  private func run(_ alert: Alert) -> Outcome {
    var pipeEnds: [Int32] = [0, 0]
    guard pipe(&pipeEnds) == 0 else { return .notStarted(String(cString: strerror(errno))) }
    let (readEnd, writeEnd) = (pipeEnds[0], pipeEnds[1])
    _ = fcntl(writeEnd, F_SETFD, FD_CLOEXEC)

    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_adddup2(&actions, readEnd, STDIN_FILENO)
    posix_spawn_file_actions_addclose(&actions, readEnd)
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    // The child starts with SIGPIPE (which this process ignores) and the stop signals at their
    // defaults.
    var defaults = sigset_t()
    sigemptyset(&defaults)
    for reset in [SIGPIPE, SIGINT, SIGTERM, SIGHUP] { sigaddset(&defaults, reset) }
    posix_spawnattr_setsigdefault(&attributes, &defaults)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF))
    posix_spawnattr_setpgroup(&attributes, 0)

    var environment = ProcessInfo.processInfo.environment
    environment["LEDGER_ALERT_ID"] = alert.id
    let arguments = ["/bin/sh", "-c", command]
    let environmentLines = environment.map { "\($0.key)=\($0.value)" }
    var pid: pid_t = 0
    ChildGroup.current.store(ChildGroup.spawning, ordering: .sequentiallyConsistent)
    let spawned = withCStrings(arguments) { argv in
      withCStrings(environmentLines) { envp in posix_spawn(&pid, "/bin/sh", &actions, &attributes, argv, envp) }
    }
    close(readEnd)
    ChildGroup.spawned(spawned == 0 ? pid : 0)
    defer { ChildGroup.current.store(0, ordering: .sequentiallyConsistent) }
    guard spawned == 0 else {
      close(writeEnd)
      return .notStarted(String(cString: strerror(spawned)))
    }
    // A command that exits without reading must not kill this process with SIGPIPE, nor
    // fail the delivery.
    signal(SIGPIPE, SIG_IGN)
    let bytes = AlertDocument.json(alert).canonicalBytes
    _ = bytes.withUnsafeBytes { write(writeEnd, $0.baseAddress, $0.count) }
    close(writeEnd)

    let deadline = Date().addingTimeInterval(timeout)
    var status: Int32 = 0
    while true {
      let waited = waitpid(pid, &status, WNOHANG)
      if waited == pid { break }
      if waited < 0, errno != EINTR { return .notStarted(String(cString: strerror(errno))) }
      if Date() >= deadline {
        kill(-pid, SIGKILL)
        _ = waitpid(pid, &status, 0)
        return .timedOut
      }
      usleep(2_000)
    }
    // The shell is done; anything it left behind in its group goes with it.
    kill(-pid, SIGKILL)
    let signalled = status & 0x7F
    return signalled == 0 ? .exited((status >> 8) & 0xFF) : .killed(signalled)
  }
}

/// The process group of the exec sink's running command, ended when `notify` is stopped.
///
/// A stop signal may arrive on any thread, even while the command is being spawned: the
/// handler then only notes it, and the spawner ends the new group itself once it knows it.
enum ChildGroup {
  /// The running command's process group (its shell's pid), 0 when none runs, ``spawning``
  /// while one is being started.
  static let current = Atomic<Int32>(0)
  /// The stop signal received while spawning, 0 when none.
  static let pendingStop = Atomic<Int32>(0)
  static let spawning: Int32 = -1

  /// Installs handlers (once) that kill the running group, then end `notify` as the signal
  /// would have.
  static func installStopHandlers() {
    _ = installed
  }

  /// The spawn finished with the group `group` (0 when it failed): a stop noted meanwhile
  /// is carried out now.
  static func spawned(_ group: Int32) {
    current.store(group, ordering: .sequentiallyConsistent)
    let stop = pendingStop.load(ordering: .sequentiallyConsistent)
    guard stop != 0 else { return }
    if group > 0 { kill(-group, SIGKILL) }
    signal(stop, SIG_DFL)
    kill(getpid(), stop)
  }

  private static let installed: Bool = {
    for stop in [SIGINT, SIGTERM, SIGHUP] {
      signal(stop) { received in
        ChildGroup.pendingStop.store(received, ordering: .sequentiallyConsistent)
        let group = ChildGroup.current.load(ordering: .sequentiallyConsistent)
        if group == ChildGroup.spawning { return }
        if group > 0 { kill(-group, SIGKILL) }
        signal(received, SIG_DFL)
        kill(getpid(), received)
      }
    }
    return true
  }()
}

/// Calls `body` with a NULL-terminated C array of `strings`.
private func withCStrings<R>(_ strings: [String], _ body: ([UnsafeMutablePointer<CChar>?]) -> R) -> R {
  var pointers = strings.map { strdup($0) }
  pointers.append(nil)
  defer { pointers.forEach { free($0) } }
  return body(pointers)
}
