import Foundation
import Hummingbird

/// The fields of a posted HTML form (`application/x-www-form-urlencoded`).
struct FormFields {
  /// Each field's value, by name (the last one when a name repeats).
  let values: [String: String]

  /// Reads the form of `request`.
  /// - Throws: a 400 ``Problem`` for a body over 16 KiB or not URL-encoded text.
  init(_ request: Request) async throws {
    let body: ByteBuffer
    do {
      body = try await request.body.collect(upTo: 16_384)
    } catch {
      throw Problem.badRequest("the form must be at most 16 KiB")
    }
    var values: [String: String] = [:]
    for pair in String(buffer: body).split(separator: "&") {
      let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      func decoded(_ text: Substring) throws -> String {
        guard let value = text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding else {
          throw Problem.badRequest("the form is not URL-encoded")
        }
        return value
      }
      values[try decoded(parts[0])] = parts.count > 1 ? try decoded(parts[1]) : ""
    }
    self.values = values
  }

  subscript(name: String) -> String? { values[name] }
}
