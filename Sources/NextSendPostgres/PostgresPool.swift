import Foundation
import Logging
import NIOCore
import NIOPosix
import NextSendStore
import PostgresNIO

/// postgres-nio's connection pool, made to fail fast while the server is down and to recover as
/// soon as it is back.
///
/// On its own the pool queues every request while it retries connecting, with a back-off that
/// grows to a minute: with the server down a request waited about a minute, and once it was back
/// requests still waited out the back-off. Here a request that gets no connection within
/// ``probeAfter`` seconds checks the server with a connection of its own: refused → the server is
/// marked down and the request fails (`unreachable`, which the service answers 503); while it is
/// down, requests check again at most every ``probeInterval`` (one check at a time) and fail at
/// once in between. When the server answers again, a fresh pool replaces one that saw connects
/// fail (it may be backing off; the old one closes once its last lease is back). A pool that never
/// failed, on a live server, is only busy: requests wait up to ``busyWait`` for a connection.
final class PostgresPool: @unchecked Sendable {
    static let maximumConnections = 16
    static let probeAfter = 2.0
    static let probeInterval = 0.25
    static let busyWait = 30.0

    /// One `PostgresClient` and its run task; replaced after an outage.
    private final class Generation: @unchecked Sendable {
        let client: PostgresClient
        let runner: Task<Void, Never>
        var held = 0
        var retired = false
        /// A connect failed or a connection dropped while this pool served: it may be backing off.
        var troubled = false

        init(client: PostgresClient) {
            self.client = client
            runner = Task.detached(executorPreference: PostgresExecutor.shared) { await client.run() }
        }
    }

    private let place: PostgresLocation
    private let location: String
    private let logger: Logger
    private let clientConfiguration: PostgresClient.Configuration
    private let probeConfiguration: PostgresConnection.Configuration
    private let lock = NSLock()
    private var current: Generation
    /// While the server is known to be down: why, and when it was last checked.
    private var outage: (error: any Error, checked: Date)?
    /// One check of the server at a time: a busy pool's waiters must not each open a connection.
    private let probing = NSLock()

    init(_ place: PostgresLocation, logger: Logger) throws {
        self.place = place
        location = place.description
        self.logger = logger
        var configuration = try place.clientConfiguration()
        configuration.options.maximumConnections = PostgresPool.maximumConnections
        configuration.options.connectTimeout = .seconds(5)
        clientConfiguration = configuration
        probeConfiguration = try place.connectionConfiguration(connectTimeout: .seconds(1))
        current = Generation(client: PostgresClient(configuration: configuration, backgroundLogger: logger))
    }

    deinit {
        current.runner.cancel()
    }

    /// A connection, or an error at once (about ``probeAfter`` seconds at most) when the server
    /// cannot be reached.
    ///
    /// - Throws: ``StoreError``: `unreachable` when the server is down, `busy` when every
    ///   connection stayed in use for ``busyWait`` seconds.
    func lease() throws -> ConnectionLease {
        if let outage = knownOutage() {
            guard Date().timeIntervalSince(outage.checked) >= PostgresPool.probeInterval else { throw outage.error }
            let seen = currentGeneration()
            try probe()
            // Back: the old pool may still be backing off; start a fresh one.
            renew(replacing: seen)
        }
        let generation = currentGeneration()
        let lease = makeLease(generation)
        if try waitFor(lease, seconds: PostgresPool.probeAfter) { return lease }
        do {
            try probe()
        } catch {
            lease.abandon()
            throw error
        }
        if isTroubled(generation) {
            // The server answers, yet this pool, which saw connects fail, handed nothing over: it
            // is backing off. Ask a fresh pool.
            lease.abandon()
            renew(replacing: generation)
            let retry = makeLease(currentGeneration())
            if try waitFor(retry, seconds: PostgresPool.busyWait) { return retry }
            retry.abandon()
        } else if try waitFor(lease, seconds: PostgresPool.busyWait - PostgresPool.probeAfter) {
            // A pool that never failed and a server that answers: only busy.
            return lease
        } else {
            lease.abandon()
        }
        throw StoreError(.busy, "\(location) has no free connection after \(Int(PostgresPool.busyWait)) s; try again in a moment")
    }

    /// A request learned the server is gone (its connection dropped): later requests fail at once
    /// until a check finds it back.
    func lost(_ error: StoreError) {
        lock.lock()
        current.troubled = true
        // One dropped connection (a terminated backend, an idle timeout) is not yet an outage:
        // the next request checks the server at once rather than failing for a while.
        if outage == nil { outage = (error, .distantPast) }
        lock.unlock()
    }

    // MARK: Helpers

    private func makeLease(_ generation: Generation) -> ConnectionLease {
        ConnectionLease(client: generation.client, onLeased: { [self] in adjust(generation, by: 1) },
                        onRelease: { [self] in adjust(generation, by: -1) })
    }

    private func waitFor(_ lease: ConnectionLease, seconds: Double) throws -> Bool {
        do {
            return try lease.wait(seconds: seconds)
        } catch {
            lease.abandon()
            throw PostgresErrors.translate(error, location: location)
        }
    }

    /// Connects once, apart from the pool: does the server answer at all?
    ///
    /// - Throws: the translated error, after marking the server down.
    private func probe() throws {
        probing.lock()
        defer { probing.unlock() }
        // Another request checked while this one waited for the lock: take its answer.
        if let outage = knownOutage(), Date().timeIntervalSince(outage.checked) < PostgresPool.probeInterval { throw outage.error }
        do {
            let connection = try PostgresConnection.connect(on: MultiThreadedEventLoopGroup.singleton.any(), configuration: probeConfiguration,
                                                            id: -1, logger: logger).wait()
            try? connection.close().wait()
            lock.lock()
            let wasDown = outage != nil
            outage = nil
            lock.unlock()
            if wasDown { logger.notice("PostgreSQL answers again", metadata: ["database": "\(location)"]) }
        } catch {
            let translated = PostgresErrors.translate(error, location: location)
            lock.lock()
            let wasUp = outage == nil
            outage = (translated, Date())
            current.troubled = true
            lock.unlock()
            if wasUp { logger.error("PostgreSQL does not answer", metadata: ["database": "\(location)", "error": "\(translated)"]) }
            throw translated
        }
    }

    private func knownOutage() -> (error: any Error, checked: Date)? {
        lock.lock()
        defer { lock.unlock() }
        return outage
    }

    private func currentGeneration() -> Generation {
        lock.lock()
        defer { lock.unlock() }
        return current
    }

    private func isTroubled(_ generation: Generation) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return generation.troubled
    }

    /// A fresh pool in place of `old`, unless another request renewed it already.
    private func renew(replacing old: Generation) {
        lock.lock()
        guard current === old else {
            lock.unlock()
            return
        }
        current = Generation(client: PostgresClient(configuration: clientConfiguration, backgroundLogger: logger))
        old.retired = true
        let idle = old.held == 0
        lock.unlock()
        if idle { old.runner.cancel() }
    }

    private func adjust(_ generation: Generation, by change: Int) {
        lock.lock()
        generation.held += change
        let close = generation.retired && generation.held == 0
        lock.unlock()
        if close { generation.runner.cancel() }
    }
}
