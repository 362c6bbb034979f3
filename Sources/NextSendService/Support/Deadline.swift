import Foundation

/// A time limit on work that cannot be cancelled (a blocking database call).
///
/// A task group would wait for every child before returning, the blocked one included; here the
/// first of the work and the clock to finish answers, and the work, if late, finishes unheard.
enum Deadline {
    /// `true` when `work` finished within `seconds`, `false` when the time ran out first.
    ///
    /// - Throws: the work's own error, when it failed in time.
    static func race(seconds: Double, _ work: @escaping @Sendable () async throws -> Void) async throws -> Bool {
        let once = Once()
        return try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Bool, any Error>) in
            Task {
                do {
                    try await work()
                    if once.claim() { continuation.resume(returning: true) }
                } catch {
                    if once.claim() { continuation.resume(throwing: error) }
                }
            }
            Task {
                try? await Task.sleep(for: .seconds(seconds))
                if once.claim() { continuation.resume(returning: false) }
            }
        }
    }

    /// Lets exactly one of two racers resume the continuation.
    private final class Once: @unchecked Sendable {
        private let lock = NSLock()
        private var claimed = false

        func claim() -> Bool {
            lock.lock()
            defer { lock.unlock() }
            if claimed { return false }
            claimed = true
            return true
        }
    }
}
