import LedgerCore
import LedgerTestSupport
import Testing

extension EventLogContractTests {
  /// Reading the whole log costs the same memory however long it is: `ledger log` and
  /// `ledger verify` (which stream every entry) over a log of some 60 MB grow by no more
  /// than the database's page cache beyond what reading its last hundred entries takes. A
  /// backend that gathered the log before handing it over would grow by all of it. The runs
  /// map none of the file (`LEDGER_MMAP_BYTES=0`): mapped pages are the OS's reclaimable file
  /// cache, yet count in RSS, and the default 128 MiB map would cover this whole log.
  @Test(arguments: LogBackend.all)
  func readingTheWholeLogStreamsInConstantMemory(backend: LogBackend) async throws {
    let store = try await backend.makeStore()
    let log = try await store.open()
    let reason = String(repeating: "a long reason that fills the record. ", count: 100)
    let (batches, perBatch) = (16, 1_000)
    for batch in 0..<batches {
      _ = try await log.append(
        Samples.enrolments(perBatch, from: batch * perBatch).map { event in
          var event = event
          event.reason = reason
          return event
        })
    }
    let loggedKiB = batches * perBatch * reason.utf8.count / 1024
    let directory = TemporaryDirectory()
    let unmapped = ["LEDGER_MMAP_BYTES": "0"]
    let tail = try LedgerProcess.peakMemory(
      ["log", "--json", "--from-position", "\(batches * perBatch - 99)"] + store.databaseArguments,
      environment: unmapped, in: directory)
    #expect(tail.status == 0)
    for command in [["log", "--json"], ["verify"]] {
      let run = try LedgerProcess.peakMemory(command + store.databaseArguments, environment: unmapped, in: directory)
      #expect(run.status == 0)
      #expect(
        run.peakKiB - tail.peakKiB < loggedKiB * 3 / 4,
        "\(command[0]) peaked at \(run.peakKiB) KiB (the last 100 entries: \(tail.peakKiB) KiB) over a log of \(loggedKiB) KiB"
      )
    }
  }
}
