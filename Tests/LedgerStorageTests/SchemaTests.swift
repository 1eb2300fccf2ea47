import LedgerCore
import LedgerStorage
import LedgerTestSupport
import Testing

struct SchemaTests {
  @Test func aNewDatabaseIsMigratedToTheLatestVersionInWALMode() throws {
    let ledger = TemporaryLedger()
    _ = try ledger.open()
    let raw = try SQLiteConnection(path: ledger.path, mode: .existing)
    #expect(try raw.integer("PRAGMA user_version") == 8)
    let mode = try raw.statement("PRAGMA journal_mode")
    _ = try mode.step()
    #expect(mode.text(0) == "wal")
  }

  @Test func aNewLedgerHasSixteenKiBPagesAndAnEarlierOneKeepsItsOwn() throws {
    let new = TemporaryLedger()
    _ = try new.open().append(Samples.enrolments(3))
    #expect(try SQLiteConnection(path: new.path, mode: .existing).integer("PRAGMA page_size") == 16_384)

    // A ledger made before, with SQLite's default pages: opened, appended to and verified as it is.
    let earlier = TemporaryLedger()
    let raw = try SQLiteConnection(path: earlier.path, mode: .create)
    try raw.execute("PRAGMA page_size = 4096")
    try raw.execute("PRAGMA journal_mode = WAL")
    let log = try earlier.open()
    _ = try log.append(Samples.enrolments(3))
    #expect(try log.headPosition() == 3)
    #expect(try log.verify(against: []).isIntact)
    #expect(try SQLiteConnection(path: earlier.path, mode: .existing).integer("PRAGMA page_size") == 4_096)
  }

  @Test func reopeningKeepsTheEventsAndDoesNotMigrateAgain() throws {
    let ledger = TemporaryLedger()
    _ = try ledger.open().append(Samples.enrolments(3))
    let reopened = try ledger.open()
    #expect(try reopened.headPosition() == 3)
  }

  @Test func aDatabaseFromANewerLedgerIsRefused() throws {
    let ledger = TemporaryLedger()
    _ = try ledger.open()
    try SQLiteConnection(path: ledger.path, mode: .existing).execute("PRAGMA user_version = 99")
    #expect(throws: SQLiteMigrator.SchemaTooNew.self) { try ledger.open() }
  }

  @Test func openingAMissingFileWithoutCreateFails() {
    let directory = TemporaryDirectory()
    #expect(throws: SQLiteError.self) { try SQLiteEventLog(path: directory.file("missing.sqlite"), create: false) }
  }

  @Test func sqliteErrorsCarryTheCodeMessageAndStatement() throws {
    let ledger = TemporaryLedger()
    _ = try ledger.open()
    let raw = try SQLiteConnection(path: ledger.path, mode: .existing)
    let error = #expect(throws: SQLiteError.self) { try raw.execute("SELECT nope FROM events") }
    #expect(error?.message == "no such column: nope")
    #expect(error?.sql == "SELECT nope FROM events")
    #expect(error?.description.contains("SQLite error 1") == true)
  }
}
