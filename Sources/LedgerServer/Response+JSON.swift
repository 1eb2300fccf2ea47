import Hummingbird
import LedgerCore

extension Response {
  /// A response (200 unless told) carrying `document` as canonical JSON.
  static func json(_ document: JSONValue, status: HTTPResponse.Status = .ok) -> Response {
    Response(
      status: status, headers: [.contentType: "application/json"],
      body: ResponseBody(byteBuffer: ByteBuffer(bytes: document.canonicalBytes)))
  }
}
