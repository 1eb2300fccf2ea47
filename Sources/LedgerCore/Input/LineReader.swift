public import Foundation

/// The lines of a file, read a block at a time, so memory stays constant however long the
/// file: each line without its line end (LF, or CR LF), numbered from 1, a UTF-8 byte-order
/// mark at the very start skipped.
public struct LineReader {
  private let handle: FileHandle
  private var buffer: [UInt8] = []
  private var start = 0
  private var atEnd = false
  private var atStart = true
  /// The number of the last line given.
  public private(set) var lineNumber = 0

  /// How much one read takes from the file.
  public static let blockSize = 1 << 20

  /// Reads `handle` from its current offset.
  public init(_ handle: FileHandle) {
    self.handle = handle
  }

  /// The next line, or `nil` at the end of the file.
  /// - Throws: what reading the file throws.
  public mutating func next() throws -> ArraySlice<UInt8>? {
    while true {
      if let end = buffer[start...].firstIndex(of: 0x0A) {
        return take(upTo: end, skipping: 1)
      }
      if atEnd {
        guard start < buffer.count else { return nil }
        return take(upTo: buffer.count, skipping: 0)
      }
      buffer.removeFirst(start)
      start = 0
      let block = try handle.read(upToCount: Self.blockSize) ?? Data()
      if block.isEmpty { atEnd = true }
      buffer.append(contentsOf: block)
      if atStart, buffer.count >= 3 || atEnd {
        atStart = false
        if buffer.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
      }
    }
  }

  private mutating func take(upTo end: Int, skipping terminator: Int) -> ArraySlice<UInt8> {
    var last = end
    if last > start, buffer[last - 1] == 0x0D { last -= 1 }
    let line = buffer[start..<last]
    start = end + terminator
    lineNumber += 1
    return line
  }
}
