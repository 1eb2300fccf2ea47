import ArgumentParser
import LedgerCore
import LedgerStorage

/// `ledger verify`: recomputes the hash chain and names the first position that does not match.
struct VerifyCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "verify",
    abstract: "Recompute the SHA-256 hash chain and name the first position that does not match.",
    discussion: "Exit 0 when the chain holds; 65 when a stored event was changed, removed or reordered."
  )

  @OptionGroup var database: DatabaseOptions

  func run() async throws {
    try await reportingFailures {
      let log = try database.openForReading()
      let result: ChainVerification
      do {
        result = try log.verify()
      } catch {
        throw CommandFailure.storage(error, path: database.resolvedPath)
      }
      if let mismatch = result.firstMismatch {
        throw CommandFailure(
          exitCode: 65,
          lines: ["\(database.resolvedPath): chain broken at position \(mismatch.position): \(mismatch.reason)"])
      }
      print("ok: \(result.eventCount) events, chain head \(HashChain.hex(result.headHash))")
    }
  }
}
