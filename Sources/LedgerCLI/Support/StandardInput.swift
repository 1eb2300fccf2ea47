import Foundation
import LedgerCore

/// Standard input copied to a temporary file, a block at a time, so a command can read it
/// twice (a checking pass, then the append) in constant memory.
struct StandardInput {
  /// The copy.
  let path: String

  /// Copies standard input to a new temporary file.
  /// - Throws: ``CommandFailure`` (exit 73) when the copy cannot be made.
  static func spool() throws -> StandardInput {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("ledger-stdin-\(UUID().uuidString)").path
    guard FileManager.default.createFile(atPath: path, contents: nil), let out = FileHandle(forWritingAtPath: path)
    else { throw CommandFailure(status: .cannotCreate, lines: ["\(path): cannot copy standard input"]) }
    defer { try? out.close() }
    while let block = try FileHandle.standardInput.read(upToCount: LineReader.blockSize), !block.isEmpty {
      try out.write(contentsOf: block)
    }
    return StandardInput(path: path)
  }

  /// Removes the copy.
  func remove() {
    try? FileManager.default.removeItem(atPath: path)
  }
}
