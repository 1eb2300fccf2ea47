import Foundation

/// Buffered writes to standard output, flushed every 64 KiB and at the end, so streaming
/// millions of lines does not cost a system call each.
struct OutputBuffer: ~Copyable {
  private var bytes: [UInt8] = []

  init() {
    bytes.reserveCapacity(1 << 16)
  }

  mutating func write(_ text: String) {
    bytes.append(contentsOf: text.utf8)
    if bytes.count >= 1 << 16 { flush() }
  }

  mutating func write(bytes more: [UInt8]) {
    bytes.append(contentsOf: more)
    if bytes.count >= 1 << 16 { flush() }
  }

  mutating func flush() {
    guard !bytes.isEmpty else { return }
    FileHandle.standardOutput.write(Data(bytes))
    bytes.removeAll(keepingCapacity: true)
  }

  deinit {
    if !bytes.isEmpty { FileHandle.standardOutput.write(Data(bytes)) }
  }
}
