import Hummingbird
import LedgerCore
import Metrics
import Prometheus

extension LedgerService {
  /// `GET /metrics` in Prometheus's text format (no token: bind the server to loopback, or
  /// keep the route behind a proxy): every request counted and timed by route, method and
  /// status (Hummingbird's `MetricsMiddleware`), and `ledger_head_position`, the log's head
  /// when scraped.
  func addMetricsRoute(to router: Router<LedgerRequestContext>, registry: PrometheusCollectorRegistry) {
    router.add(middleware: MetricsMiddleware())
    let head = Gauge(label: "ledger_head_position")
    router.get("metrics") { _, _ in
      let log = try await borrowLog()
      defer { returnLog(log) }
      await head.record(try log.headPosition())
      var text: [UInt8] = []
      registry.emit(into: &text)
      return Response(
        status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
        body: ResponseBody(byteBuffer: ByteBuffer(bytes: text)))
    }
  }
}
