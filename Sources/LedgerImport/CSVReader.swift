public import Foundation
import LedgerCore

/// A strict RFC 4180 CSV reader: comma-separated fields, optionally in double quotes (which
/// may hold commas, newlines and doubled quotes), CRLF or LF line ends, a UTF-8 byte-order
/// mark skipped. Records stream one at a time, each with the line it starts on. A carriage
/// return outside quotes that does not end a CRLF (old Mac line ends) and a NUL byte
/// anywhere are refused: such a file is never read as something it is not.
public enum CSVReader {
  /// A malformed record: the line and 1-based column (field number) where it went wrong.
  public struct Problem: Error, Equatable, CustomStringConvertible {
    /// The line the problem is on.
    public let line: Int
    /// The field number, from 1.
    public let column: Int
    /// What is wrong.
    public let reason: String

    /// Creates a problem report.
    public init(line: Int, column: Int, reason: String) {
      self.line = line
      self.column = column
      self.reason = reason
    }

    public var description: String { "line \(line), column \(column): \(reason)" }
  }

  /// Calls `body` with each record's first line and fields; blank lines are skipped.
  /// - Throws: ``Problem`` for malformed quoting or invalid UTF-8, or what `body` throws.
  public static func forEachRecord(
    in data: Data, _ body: (_ line: Int, _ fields: [String]) async throws -> Void
  ) async throws {
    var input = CSVInput(bytes: Array(data))
    try await forEachRecord(of: &input, body)
  }

  /// ``forEachRecord(in:_:)`` over a file, read a block at a time, so memory stays
  /// constant however long the file.
  public static func forEachRecord(
    in handle: FileHandle, _ body: (_ line: Int, _ fields: [String]) async throws -> Void
  ) async throws {
    var input = CSVInput(handle: handle)
    try await forEachRecord(of: &input, body)
  }

  private static func forEachRecord(
    of input: inout CSVInput, _ body: (_ line: Int, _ fields: [String]) async throws -> Void
  ) async throws {
    if try input.has(2), input.bytes[input.index...].starts(with: [0xEF, 0xBB, 0xBF]) { input.index += 3 }
    var line = 1
    while try input.has(0) {
      input.compact()
      let recordLine = line
      var fields: [String] = []
      var field: [UInt8] = []
      var quotedField = false
      func finishField() throws {
        // ASCII needs no validation (the generic validator is slow).
        let ascii = field.allSatisfy { $0 < 0x80 }
        guard let text = ascii ? String(decoding: field, as: UTF8.self) : String(validating: field, as: UTF8.self)
        else {
          throw Problem(line: line, column: fields.count + 1, reason: "invalid UTF-8")
        }
        fields.append(text)
        field.removeAll(keepingCapacity: true)
        quotedField = false
      }
      recordLoop: while try input.has(0) {
        let byte = input.bytes[input.index]
        if byte == UInt8(ascii: "\""), field.isEmpty, !quotedField {
          quotedField = true
          input.index += 1
          while true {
            guard try input.has(0) else {
              throw Problem(line: recordLine, column: fields.count + 1, reason: "unterminated quoted field")
            }
            let inner = input.bytes[input.index]
            input.index += 1
            if inner == UInt8(ascii: "\"") {
              if try input.has(0), input.bytes[input.index] == UInt8(ascii: "\"") {
                field.append(inner)
                input.index += 1
              } else {
                break
              }
            } else {
              if inner == 0x0A { line += 1 }
              if inner == 0x00 { throw Problem(line: line, column: fields.count + 1, reason: "a NUL byte") }
              field.append(inner)
            }
          }
          if try input.has(0), ![UInt8(ascii: ","), 0x0A, 0x0D].contains(input.bytes[input.index]) {
            throw Problem(line: line, column: fields.count + 1, reason: "text after a closing quote")
          }
          continue
        }
        switch byte {
        case UInt8(ascii: ","):
          try finishField()
          input.index += 1
        case 0x0D where try input.has(1) && input.bytes[input.index + 1] == 0x0A:
          input.index += 2
          line += 1
          break recordLoop
        case 0x0A:
          input.index += 1
          line += 1
          break recordLoop
        case 0x0D:
          throw Problem(
            line: line, column: fields.count + 1,
            reason: "a carriage return that does not end a line (CR-only line ends are not read: use LF or CRLF)")
        case 0x00:
          throw Problem(line: line, column: fields.count + 1, reason: "a NUL byte")
        default:
          if quotedField { throw Problem(line: line, column: fields.count + 1, reason: "text after a closing quote") }
          if byte == UInt8(ascii: "\"") {
            throw Problem(line: line, column: fields.count + 1, reason: "a quote inside an unquoted field")
          }
          field.append(byte)
          input.index += 1
        }
      }
      try finishField()
      if fields.count == 1, fields[0].isEmpty { continue }
      try await body(recordLine, fields)
    }
  }
}

/// The bytes a ``CSVReader`` reads: all in memory, or a file's, a block at a time.
private struct CSVInput {
  var bytes: [UInt8]
  var index = 0
  private let handle: FileHandle?
  private var atEnd: Bool

  init(bytes: [UInt8]) {
    self.bytes = bytes
    handle = nil
    atEnd = true
  }

  init(handle: FileHandle) {
    bytes = []
    self.handle = handle
    atEnd = false
  }

  /// Whether the byte `ahead` places after the current one exists, reading more when needed.
  mutating func has(_ ahead: Int) throws -> Bool {
    while index + ahead >= bytes.count, !atEnd, let handle {
      let block = try handle.read(upToCount: LineReader.blockSize) ?? Data()
      if block.isEmpty { atEnd = true } else { bytes.append(contentsOf: block) }
    }
    return index + ahead < bytes.count
  }

  /// Drops the bytes already read, once they are many (at a record's start).
  mutating func compact() {
    guard handle != nil, index >= LineReader.blockSize else { return }
    bytes.removeFirst(index)
    index = 0
  }
}
