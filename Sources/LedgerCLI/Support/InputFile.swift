import Foundation

/// Reading input files: memory-mapped, so a large file is not copied onto the heap.
enum InputFile {
  /// The file's bytes, or `nil` when it cannot be read.
  static func read(_ path: String) -> Data? {
    try? Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)
  }
}
