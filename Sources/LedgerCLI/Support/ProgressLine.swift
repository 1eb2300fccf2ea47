import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The progress of a long command, on standard error: one line rewritten in place with what
/// is done, the rate and (when the total is known) the time left. Shown only when standard
/// error is a terminal and `--quiet` is not given, at most twice a second (or every
/// `LEDGER_PROGRESS_INTERVAL_MS` milliseconds, which the tests set to 0 so the line shows
/// whatever the machine's speed); a pipe or a log file gets nothing.
final class ProgressLine {
  private let command: String
  private let shown: Bool
  private var phaseStarted = ContinuousClock.now
  private var lastShown = ContinuousClock.now
  private var visible = false
  private let interval: Duration = .milliseconds(
    Int(ProcessInfo.processInfo.environment["LEDGER_PROGRESS_INTERVAL_MS"] ?? "") ?? 500)

  /// Progress of `command`; silent when `quiet` or when standard error is not a terminal.
  init(command: String, quiet: Bool) {
    self.command = command
    shown = !quiet && isatty(STDERR_FILENO) == 1
  }

  /// Starts a new phase (its rate is its own).
  func begin() {
    phaseStarted = ContinuousClock.now
  }

  /// `done` of `total` (when known) `unit`, shown at most once an interval (so a command that
  /// ends within half a second shows nothing).
  func update(_ verb: String, _ done: Int, of total: Int? = nil, unit: String) {
    guard shown else { return }
    let now = ContinuousClock.now
    guard now - lastShown >= interval else { return }
    lastShown = now
    let elapsed = (now - phaseStarted).components
    let seconds = Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18
    let rate = seconds > 0 ? Double(done) / seconds : 0
    var text = "\(command): \(verb) \(Self.grouped(done))"
    if let total { text += " of \(Self.grouped(total))" }
    text += " \(unit)"
    if rate > 0 { text += ", \(Self.grouped(Int(rate)))/s" }
    if let total, rate > 0, total > done { text += ", about \(Int(Double(total - done) / rate) + 1) s left" }
    FileHandle.standardError.write(Data("\r\(text)\u{1B}[K".utf8))
    visible = true
  }

  /// `1234567` as `1,234,567`, whatever the locale.
  static func grouped(_ number: Int) -> String {
    let digits = Array(String(number))
    return digits.enumerated().reduce(into: "") { text, element in
      if element.offset > 0, (digits.count - element.offset) % 3 == 0 { text += "," }
      text.append(element.element)
    }
  }

  /// Clears the line, so what the command prints next starts on a clean line.
  func finish() {
    guard visible else { return }
    FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    visible = false
  }
}
