/// Where `ledger notify` delivers: `stdout`, `file:PATH`, `exec:COMMAND` or `webhook:URL`.
/// The address as written names the sink's progress in the database.
public enum SinkAddress: Equatable, Sendable, CustomStringConvertible {
  /// NDJSON on standard output.
  case stdout
  /// NDJSON appended to a file, synced after each alert.
  case file(path: String)
  /// One run of a shell command per alert, the alert as JSON on its standard input.
  case exec(command: String)
  /// One HTTP POST of the alert's JSON per alert.
  case webhook(url: String)

  /// Reads an address.
  /// - Throws: ``SinkAddressError`` for anything else.
  public init(parsing text: String) throws(SinkAddressError) {
    func rest(_ prefix: String) -> String? {
      guard text.hasPrefix(prefix) else { return nil }
      let value = String(text.dropFirst(prefix.count))
      return value.isEmpty ? nil : value
    }
    if text == "stdout" {
      self = .stdout
    } else if let path = rest("file:") {
      self = .file(path: path)
    } else if let command = rest("exec:") {
      self = .exec(command: command)
    } else if let url = rest("webhook:"), url.hasPrefix("http://") || url.hasPrefix("https://") {
      self = .webhook(url: url)
    } else {
      throw SinkAddressError(text: text)
    }
  }

  public var description: String {
    switch self {
    case .stdout: "stdout"
    case .file(let path): "file:\(path)"
    case .exec(let command): "exec:\(command)"
    case .webhook(let url): "webhook:\(url)"
    }
  }
}

/// A sink address that is none of the four kinds.
public struct SinkAddressError: Error, CustomStringConvertible {
  /// The address as given.
  public let text: String

  public var description: String {
    "unknown sink \"\(text)\": use stdout, file:PATH, exec:COMMAND or webhook:http(s)://…"
  }
}
