import PostgresNIO

/// What went wrong talking to PostgreSQL: what the ledger was doing, and the server's own
/// message and SQLSTATE when it sent one (PostgresNIO's errors print only a generic text, to
/// keep query values out of logs; the server's message names no value of ours).
public struct PostgresFailure: Error, CustomStringConvertible {
  /// What the ledger was doing.
  public let doing: String
  /// What failed.
  public let message: String
  /// The server's SQLSTATE, when it answered with an error.
  public let sqlState: String?

  /// A failure with a message of ours.
  public init(doing: String, message: String, sqlState: String? = nil) {
    self.doing = doing
    self.message = message
    self.sqlState = sqlState
  }

  /// The failure `error` (PostgresNIO's, or any other) while `doing`.
  init(doing: String, error: any Error) {
    if let error = error as? PostgresFailure {
      self = error
      return
    }
    guard let error = error as? PSQLError else {
      self.init(doing: doing, message: "\(error)")
      return
    }
    if let server = error.serverInfo {
      self.init(
        doing: doing, message: server[.message] ?? "the server refused", sqlState: server[.sqlState])
    } else {
      self.init(doing: doing, message: Self.describe(error.code))
    }
  }

  public var description: String { "\(doing): \(message)" + (sqlState.map { " (SQLSTATE \($0))" } ?? "") }

  private static func describe(_ code: PSQLError.Code) -> String {
    if code == .connectionError { return "cannot connect to the server" }
    if code == .serverClosedConnection || code == .clientClosedConnection { return "the connection closed" }
    return "\(code)"
  }
}
