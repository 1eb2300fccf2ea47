import Hummingbird
import LedgerCore
import LedgerQueries

/// What a query request asks: the as-of date, the "as known at" point and a period, from its
/// query parameters (`asOf`, `knownAtPosition` or `knownAt`, `from`, `to`), read as the
/// CLI reads `--as-of`, `--known-at-position`, `--known-at`, `--from` and `--to`.
struct Question {
  /// The day asked about (default: today).
  let asOf: CivilDate
  /// The "as known at" point (default: the head).
  let knownAt: KnownAt
  /// The first effective day of a period, if limited.
  let from: CivilDate?
  /// The last effective day of a period (default: today).
  let to: CivilDate

  /// Reads the question of `request`.
  /// - Throws: a 400 ``Problem`` naming the parameter and what is wrong with it.
  init(_ request: Request, today: CivilDate) throws {
    let parameters = request.uri.queryParameters
    func date(_ name: String) throws -> CivilDate? {
      guard let text = parameters.get(name) else { return nil }
      do {
        return try CivilDate(parsing: text)
      } catch {
        throw Problem.badRequest("\(name)=\(text): \(error)")
      }
    }
    asOf = try date("asOf") ?? today
    from = try date("from")
    to = try date("to") ?? today
    if let from, from > to { throw Problem.badRequest("from \(from) is after to \(to)") }
    switch (parameters.get("knownAtPosition"), parameters.get("knownAt")) {
    case (nil, nil): knownAt = .head
    case (let position?, nil):
      guard let value = Int64(position), value >= 0 else {
        throw Problem.badRequest("knownAtPosition=\(position): expected a position, 0 or more")
      }
      knownAt = .position(value)
    case (nil, let instant?):
      do {
        knownAt = .instant(try RecordedInstant(parsing: instant))
      } catch {
        throw Problem.badRequest("knownAt=\(instant): \(error)")
      }
    case (.some, .some): throw Problem.badRequest("give knownAtPosition or knownAt, not both")
    }
  }
}
