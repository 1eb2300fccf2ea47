/// How hard a commit works to survive a power loss (SQLite's `synchronous` in WAL mode).
public enum Durability: String, CaseIterable, Sendable {
  /// `synchronous=FULL`: every commit is synced before it is acknowledged (the default).
  case full
  /// `synchronous=NORMAL`: commits survive a crash of the process, but the last ones may be
  /// lost on a power failure.
  case normal
}
