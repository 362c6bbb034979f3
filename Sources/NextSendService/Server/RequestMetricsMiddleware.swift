import Dispatch
import Hummingbird
import Prometheus
import Synchronization

/// Counts requests and records their latency per route, method and status, for `GET /metrics`.
///
/// Metrics go to this server's own Prometheus registry, so two servers in one process — tests —
/// never share or clash; each has a `# HELP` line saying what it counts.
struct RequestMetricsMiddleware<Context: RequestContext>: RouterMiddleware {
    private let registry: PrometheusCollectorRegistry
    private let cache = MetricCache()

    init(registry: PrometheusCollectorRegistry) {
        self.registry = registry
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
        let metrics = cache.metrics(for: key, registry: registry)
        metrics.counter.increment()
        metrics.histogram.recordNanoseconds(Int64(DispatchTime.now().uptimeNanoseconds - start))
    }
}

/// One counter and one histogram per route × method × status, made once.
private final class MetricCache: Sendable {
    struct Key: Hashable { var route, method: String; var status: Int }
    struct Metrics: Sendable { var counter: Counter; var histogram: DurationHistogram }

    private let entries = Mutex<[Key: Metrics]>([:])

    /// From half a millisecond (a cached `next`) to a few seconds (a cold catalog index).
    static let buckets = [0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5].map { Duration.nanoseconds(Int64($0 * 1e9)) }

    func metrics(for key: Key, registry: PrometheusCollectorRegistry) -> Metrics {
        entries.withLock { entries in
            if let found = entries[key] { return found }
            let labels = [("route", key.route), ("method", key.method), ("status", String(key.status))]
            let made = Metrics(
                counter: registry.makeCounter(
                    descriptor: MetricNameDescriptor(namespace: "nextsend", metricName: "http_requests", unitName: "total",
                                                     helpText: "HTTP requests answered, by route, method and status."),
                    labels: labels),
                histogram: registry.makeDurationHistogram(
                    descriptor: MetricNameDescriptor(namespace: "nextsend", metricName: "http_request_duration", unitName: "seconds",
                                                     helpText: "Time from a request's arrival to its response, by route, method and status."),
                    labels: labels, buckets: MetricCache.buckets))
            entries[key] = made
            return made
        }
    }
}
