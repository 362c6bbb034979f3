import Dispatch
import Hummingbird
import CoreMetrics
import Metrics
import Prometheus
import Synchronization

/// Counts requests and records their latency per route, method and status, for `GET /metrics`.
///
/// Metrics go to this server's own Prometheus registry (through swift-metrics with an explicit
/// factory), so two servers in one process — tests — never share or clash.
struct RequestMetricsMiddleware<Context: RequestContext>: RouterMiddleware {
    private let factory: PrometheusMetricsFactory
    private let cache = MetricCache()

    init(registry: PrometheusCollectorRegistry) {
        var factory = PrometheusMetricsFactory(registry: registry)
        // From half a millisecond (a cached `next`) to a few seconds (a cold catalog index).
        factory.defaultDurationHistogramBuckets = [0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5]
            .map { Duration.nanoseconds(Int64($0 * 1e9)) }
        self.factory = factory
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = DispatchTime.now().uptimeNanoseconds
        let response: Response
        do {
            response = try await next(request, context)
        } catch {
            // ProblemMiddleware sits inside this one, so what arrives here is rare; count it as a 500.
            record(route: context.endpointPath, method: request.method, status: 500, start: start)
            throw error
        }
        // Measured to the moment the response is ready: bodies here are small and already in memory.
        record(route: context.endpointPath, method: request.method, status: response.status.code, start: start)
        return response
    }

    private func record(route: String?, method: HTTPRequest.Method, status: Int, start: UInt64) {
        let key = MetricCache.Key(route: route ?? "unmatched", method: method.rawValue, status: status)
        let metrics = cache.metrics(for: key, factory: factory)
        metrics.counter.increment()
        metrics.timer.recordNanoseconds(Int64(DispatchTime.now().uptimeNanoseconds - start))
    }
}

/// One counter and one timer per route × method × status, made once.
private final class MetricCache: Sendable {
    struct Key: Hashable { var route, method: String; var status: Int }
    struct Metrics: Sendable { var counter: CoreMetrics.Counter; var timer: CoreMetrics.Timer }

    private let entries = Mutex<[Key: Metrics]>([:])

    func metrics(for key: Key, factory: PrometheusMetricsFactory) -> Metrics {
        entries.withLock { entries in
            if let found = entries[key] { return found }
            let dimensions = [("route", key.route), ("method", key.method), ("status", String(key.status))]
            let made = Metrics(counter: CoreMetrics.Counter(label: "nextsend_http_requests_total", dimensions: dimensions, factory: factory),
                               timer: CoreMetrics.Timer(label: "nextsend_http_request_duration_seconds", dimensions: dimensions, factory: factory))
            entries[key] = made
            return made
        }
    }
}
