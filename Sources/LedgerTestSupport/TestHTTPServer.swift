public import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A small HTTP/1.1 server on 127.0.0.1 for webhook tests: it answers each request with the
/// next status of a script (200 once the script runs out) and records what it received. A
/// 3xx answer redirects to the server's own URL (`Location`); a scripted 0 never answers
/// (the connection stays open, silent, until the server stops).
public final class TestHTTPServer: @unchecked Sendable {
  /// One request as received.
  public struct Request: Sendable {
    /// Header fields, names lowercased.
    public let headers: [String: String]
    /// The body.
    public let body: Data
    /// The status answered.
    public let status: Int
  }

  /// The port it listens on.
  public let port: UInt16
  private let socket: Int32
  private let lock = NSLock()
  private var script: [Int]
  private var received: [Request] = []
  private var silent: [Int32] = []

  /// Starts listening on an ephemeral port of 127.0.0.1; `script` lists the statuses of the
  /// first answers.
  public init(script: [Int]) throws {
    self.script = script
    let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = 0
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
        bind(socket, pointer, length) == 0 && listen(socket, 16) == 0 && getsockname(socket, pointer, &length) == 0
      }
    }
    guard bound else { throw POSIXError(.EADDRINUSE) }
    self.socket = socket
    port = UInt16(bigEndian: address.sin_port)
    Thread.detachNewThread { [self] in serve() }
  }

  /// Stops accepting connections.
  public func stop() {
    shutdown(socket, Int32(SHUT_RDWR))
    close(socket)
    for connection in lock.withLock({ silent }) { close(connection) }
  }

  /// The server's URL.
  public var url: String { "http://127.0.0.1:\(port)/alerts" }

  /// The requests received so far, in order.
  public var requests: [Request] {
    lock.withLock { received }
  }

  private func serve() {
    while true {
      let connection = accept(socket, nil, nil)
      guard connection >= 0 else { return }
      if handle(connection) { close(connection) }
    }
  }

  /// Answers one request; `false` when the connection is kept open without an answer.
  private func handle(_ connection: Int32) -> Bool {
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 4096)
    var headerEnd: Int?
    var contentLength = 0
    while headerEnd.map({ bytes.count < $0 + contentLength }) ?? true {
      let count = read(connection, &buffer, buffer.count)
      guard count > 0 else { return true }
      bytes += buffer[0..<count]
      if headerEnd == nil, let range = Data(bytes).range(of: Data("\r\n\r\n".utf8)) {
        headerEnd = range.upperBound
        contentLength = Int(Self.headers(bytes[0..<range.lowerBound])["content-length"] ?? "0") ?? 0
      }
    }
    let end = headerEnd!
    let status = lock.withLock { script.isEmpty ? 200 : script.removeFirst() }
    let request = Request(
      headers: Self.headers(bytes[0..<end]), body: Data(bytes[end..<(end + contentLength)]), status: status)
    lock.withLock { received.append(request) }
    guard status != 0 else {
      lock.withLock { silent.append(connection) }
      return false
    }
    let location = (300..<400).contains(status) ? "Location: \(url)\r\n" : ""
    let answer = "HTTP/1.1 \(status) Scripted\r\n\(location)Content-Length: 0\r\nConnection: close\r\n\r\n"
    _ = answer.utf8CString.withUnsafeBytes { write(connection, $0.baseAddress, $0.count - 1) }
    return true
  }

  private static func headers(_ head: ArraySlice<UInt8>) -> [String: String] {
    var fields: [String: String] = [:]
    for line in String(decoding: head, as: UTF8.self).components(separatedBy: "\r\n").dropFirst() {
      guard let colon = line.firstIndex(of: ":") else { continue }
      fields[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
    }
    return fields
  }
}
