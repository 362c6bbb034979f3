import Foundation
import NextSend
import Prometheus

/// The process's own figures in `GET /metrics`, as Prometheus' client libraries name them, and
/// which NextSend is running: what an operator graphs beside the request counts.
struct ProcessMetrics: Sendable {
    private let registry: PrometheusCollectorRegistry
    private let started = Date()

    init(registry: PrometheusCollectorRegistry) {
        self.registry = registry
        registry.makeGauge(descriptor: MetricNameDescriptor(namespace: "nextsend", metricName: "build", unitName: "info",
                                                            helpText: "Always 1; the version label says which NextSend is running."),
                           labels: [("version", NextSendVersion.current)]).set(to: 1.0)
        registry.makeGauge(descriptor: MetricNameDescriptor(namespace: "process", metricName: "start_time", unitName: "seconds",
                                                            helpText: "When the process started, in seconds since the Unix epoch."))
            .set(to: started.timeIntervalSince1970)
    }

    /// Reads the process's memory, CPU time and open files (Linux `/proc/self`) into the gauges; called before each scrape.
    func update() {
        if let stat = try? String(contentsOfFile: "/proc/self/stat", encoding: .utf8),
           let fields = stat.split(separator: ")").last?.split(separator: " ").map(String.init), fields.count > 22 {
            // After the command name: state is field 3, utime 14, stime 15, rss 24 (so 11, 12 and 21 here).
            let ticks = Double(sysconf(Int32(_SC_CLK_TCK)))
            if let user = Double(fields[11]), let system = Double(fields[12]), ticks > 0 {
                gauge("process_cpu_seconds_total", "User and system CPU time spent, in seconds.").set(to: (user + system) / ticks)
            }
            if let pages = Double(fields[21]) {
                gauge("process_resident_memory_bytes", "Resident memory size, in bytes.").set(to: pages * Double(sysconf(Int32(_SC_PAGESIZE))))
            }
            if let virtual = Double(fields[20]) {
                gauge("process_virtual_memory_bytes", "Virtual memory size, in bytes.").set(to: virtual)
            }
        }
        if let files = try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd") {
            gauge("process_open_fds", "Open file descriptors.").set(to: Double(files.count))
        }
    }

    private func gauge(_ name: String, _ help: String) -> Gauge {
        registry.makeGauge(name: name, labels: [], help: help)
    }
}
