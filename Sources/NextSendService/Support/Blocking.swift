import Dispatch

/// Runs a blocking database call off Swift's cooperative threads.
///
/// The store is synchronous (GRDB with a pool: one writer, concurrent readers that never wait for
/// it); running it on the cooperative pool would stall every request behind one slow read on
/// this 2-core machine, so it runs on Dispatch's global queue and the request awaits it.
enum Blocking {
    static func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(with: Result { try body() }) }
        }
    }
}
