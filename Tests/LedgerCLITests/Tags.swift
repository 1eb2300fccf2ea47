import Testing

extension Tag {
  /// Slow suites that start and kill real `ledger` processes many times. For a fast local
  /// run, skip them by name: `swift test --skip KillTests`.
  @Tag static var crash: Self
}
