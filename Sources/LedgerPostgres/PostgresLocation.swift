import Foundation
import PostgresNIO

/// Where a PostgreSQL ledger lives: a `postgres://` (or `postgresql://`) URL, as libpq reads
/// it. `postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE` connects over TCP;
/// `postgres://USER@/DATABASE?host=/run/postgresql` (a directory) over the Unix socket in
/// that directory, with `port=` naming the socket's number. TLS is not spoken: the server
/// is expected on loopback or a socket (docs/postgres.md).
public struct PostgresLocation: Sendable, Equatable, CustomStringConvertible {
  /// The role to connect as.
  public var user: String
  /// Its password, when the server asks for one.
  public var password: String?
  /// The database.
  public var database: String
  /// The server: a host name or address, or a socket directory (starting with `/`).
  public var host: String
  /// The port (TCP), or the socket's number.
  public var port: Int

  /// Whether `text` names a PostgreSQL ledger rather than a SQLite file.
  public static func names(_ text: String) -> Bool {
    text.hasPrefix("postgres://") || text.hasPrefix("postgresql://")
  }

  /// Reads a `postgres://` URL.
  /// - Throws: ``InvalidDatabaseURL`` naming what is wrong with it.
  public init(_ text: String) throws(InvalidDatabaseURL) {
    guard Self.names(text), let url = URLComponents(string: text) else {
      throw InvalidDatabaseURL(reason: "\(text) is not a postgres:// URL")
    }
    let parameters = Dictionary(
      (url.queryItems ?? []).map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { _, last in last })
    let database = String(url.path.drop { $0 == "/" })
    guard !database.isEmpty else {
      throw InvalidDatabaseURL(reason: "\(text) names no database (…/DATABASE)")
    }
    let host = parameters["host"] ?? url.host ?? ""
    guard !host.isEmpty else {
      throw InvalidDatabaseURL(reason: "\(text) names no server (a host, or ?host=/socket/directory)")
    }
    let port = url.port ?? parameters["port"].flatMap { Int($0) } ?? 5432
    self.init(
      user: url.user ?? parameters["user"] ?? "postgres", password: url.password ?? parameters["password"],
      database: database, host: host, port: port)
  }

  /// A location from its parts.
  public init(user: String, password: String? = nil, database: String, host: String, port: Int = 5432) {
    self.user = user
    self.password = password
    self.database = database
    self.host = host
    self.port = port
  }

  /// The same server and role, another database.
  public func database(_ name: String) -> PostgresLocation {
    var location = self
    location.database = name
    return location
  }

  /// The same server and database, another role.
  public func user(_ name: String) -> PostgresLocation {
    var location = self
    location.user = name
    location.password = nil
    return location
  }

  /// The URL, without the password.
  public var description: String {
    if host.hasPrefix("/") { return "postgres://\(user)@/\(database)?host=\(host)&port=\(port)" }
    return "postgres://\(user)@\(host):\(port)/\(database)"
  }

  /// How PostgresNIO connects to it.
  var configuration: PostgresConnection.Configuration {
    if host.hasPrefix("/") {
      return .init(
        unixSocketPath: "\(host)/.s.PGSQL.\(port)", username: user, password: password, database: database)
    }
    return .init(host: host, port: port, username: user, password: password, database: database, tls: .disable)
  }
}

/// A `--db` value that is not a usable `postgres://` URL.
public struct InvalidDatabaseURL: Error, CustomStringConvertible {
  /// What is wrong with it.
  public let reason: String

  public var description: String { reason }
}
