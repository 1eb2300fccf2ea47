import Foundation
import LedgerCore

/// Where `ledger notify` delivers: `stdout`, `file:PATH`, `exec:COMMAND` or `webhook:URL`.
///
/// Its ``description`` hides the credentials a webhook address may carry (`user:pass@`, query
/// values such as `?api_key=…`), so they never reach a terminal or a log; ``progressKey``
/// names the sink's progress in the database without storing them either.
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

  /// The address as given, credentials included: only for connecting, never for printing.
  public var fullText: String {
    switch self {
    case .stdout: "stdout"
    case .file(let path): "file:\(path)"
    case .exec(let command): "exec:\(command)"
    case .webhook(let url): "webhook:\(url)"
    }
  }

  /// The address with a webhook's user information and query values replaced by `***`.
  public var description: String {
    guard case .webhook(let url) = self else { return fullText }
    return "webhook:" + Self.redacted(url)
  }

  /// The key of the sink's progress and lease: the address itself when it carries no
  /// credentials (so older progress stays valid), else the redacted address and 16 hex
  /// digits of the SHA-256 of the full one, which tells two secrets apart without storing
  /// either.
  public var progressKey: String {
    let shown = description
    guard shown != fullText else { return shown }
    return shown + " #" + ContentDigest.id("", of: Array(fullText.utf8), length: 16)
  }

  /// `url` with user information and every query value hidden.
  static func redacted(_ url: String) -> String {
    var text = Substring(url)
    var result = ""
    if let scheme = text.range(of: "://") {
      result += text[..<scheme.upperBound]
      text = text[scheme.upperBound...]
    }
    let authorityEnd = text.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? text.endIndex
    let authority = text[..<authorityEnd]
    if let at = authority.lastIndex(of: "@") {
      result += "***@" + authority[authority.index(after: at)...]
    } else {
      result += authority
    }
    text = text[authorityEnd...]
    guard let question = text.firstIndex(of: "?") else { return result + text }
    result += text[..<question] + "?"
    let queryEnd = text.firstIndex(of: "#") ?? text.endIndex
    let query = text[text.index(after: question)..<queryEnd]
    result += query.split(separator: "&", omittingEmptySubsequences: false).map { pair in
      guard let equals = pair.firstIndex(of: "=") else { return String(pair) }
      return pair[...equals] + "***"
    }.joined(separator: "&")
    return result + text[queryEnd...]
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
