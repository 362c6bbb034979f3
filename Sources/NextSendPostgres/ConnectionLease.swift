import Foundation
import PostgresNIO

/// A connection leased from the pool for one synchronous scope.
///
/// `PostgresClient` lends connections to an async closure only; the lease runs that closure in a
/// task which hands the connection over and waits, suspended, until ``release()``. The caller's
/// thread blocks meanwhile — and may be one of Swift's cooperative threads (a test, a caller
/// that forgot to leave the pool), so the lease's task and the client's own run on
/// ``PostgresExecutor``'s threads instead: with every cooperative thread blocked, they still run.
///
/// The caller waits a bounded time (``wait(seconds:)``) and may give up (``abandon()``): the
/// pool then drops the request, or hands a connection that comes later straight back.
final class ConnectionLease: @unchecked Sendable {
    private let lock = NSCondition()
    private var leased: PostgresConnection?
    private var failure: (any Error)?
    private var done: CheckedContinuation<Void, Never>?
    private var released = false
    private var task: Task<Void, Never>?
    private let onLeased: @Sendable () -> Void
    private let onRelease: @Sendable () -> Void

    var connection: PostgresConnection { leased! }

    /// Asks `client` for a connection; `onLeased` runs when one is handed over, `onRelease` when
    /// a handed-over connection goes back.
    init(client: PostgresClient, onLeased: @escaping @Sendable () -> Void = {}, onRelease: @escaping @Sendable () -> Void = {}) {
        self.onLeased = onLeased
        self.onRelease = onRelease
        let task = Task.detached(executorPreference: PostgresExecutor.shared) { [self] in
            do {
                try await client.withConnection { connection in
                    await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
                        hand(connection, done)
                    }
                }
            } catch {
                fail(error)
            }
        }
        lock.lock()
        self.task = task
        lock.unlock()
    }

    /// Waits up to `seconds` for the connection: `true` once it is here, `false` if it is not yet.
    ///
    /// - Throws: the pool's error when it failed the request (the caller translates it).
    func wait(seconds: Double) throws -> Bool {
        let deadline = Date(timeIntervalSinceNow: seconds)
        lock.lock()
        defer { lock.unlock() }
        while leased == nil && failure == nil {
            if !lock.wait(until: deadline) { break }
        }
        if let failure { throw failure }
        return leased != nil
    }

    /// Gives up on a connection not handed over yet: the request leaves the pool's queue, and a
    /// connection that arrives anyway goes straight back.
    func abandon() {
        lock.lock()
        let task = self.task
        let waiting = leased == nil
        lock.unlock()
        if waiting { task?.cancel() }
        release()
    }

    private func hand(_ connection: PostgresConnection, _ done: CheckedContinuation<Void, Never>) {
        lock.lock()
        let alreadyReleased = released
        if !alreadyReleased {
            leased = connection
            self.done = done
            // Counted before anyone can see the connection: a pool is never taken for idle while
            // a lease it just handed over is on its way to the caller.
            onLeased()
        }
        lock.broadcast()
        lock.unlock()
        if alreadyReleased { done.resume() }
    }

    private func fail(_ error: any Error) {
        lock.lock()
        if leased == nil { failure = error }
        lock.broadcast()
        lock.unlock()
    }

    /// Hands the connection back to the pool.
    func release() {
        lock.lock()
        guard !released else {
            lock.unlock()
            return
        }
        released = true
        let done = self.done
        self.done = nil
        lock.unlock()
        if let done {
            done.resume()
            onRelease()
        }
    }

    deinit { release() }
}
