import Foundation

/// A count of calls under way, for work that may spread over more threads only when it runs alone.
final class InFlight: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    /// Counts a call in and returns how many are under way, this one included.
    func enter() -> Int { lock.withLock { count += 1; return count } }

    func leave() { lock.withLock { count -= 1 } }
}
