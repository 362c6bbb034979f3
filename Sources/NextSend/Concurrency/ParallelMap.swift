import Dispatch
import Foundation

extension RandomAccessCollection where Index == Int, Self: Sendable {
    /// `map` over the elements on up to `workers` threads; the results come back in the elements' order.
    ///
    /// For work that only reads what it is given (parsing one file or one line): importing a catalog or
    /// a group export parses thousands of independent records, and one core did all of it while the
    /// others idled. The order of the results, and so everything built from them, is the same as
    /// `map`'s whatever the number of workers.
    ///
    /// - Parameter transform: called concurrently; it must not share mutable state between calls.
    public func parallelMap<T: Sendable>(workers: Int = ProcessInfo.processInfo.activeProcessorCount,
                                         _ transform: @Sendable (Element) -> T) -> [T] {
        let total = count
        guard workers > 1, total > 1 else { return map(transform) }
        // A few stripes per worker, so one slow stripe (a long file) does not leave the others idle.
        let stripes = Swift.min(total, workers * 4)
        return [T](unsafeUninitializedCapacity: total) { buffer, initialized in
            // Each stripe writes its own slots of the buffer, and no slot is read before all are written.
            let slots = Slots(base: buffer.baseAddress!)
            DispatchQueue.concurrentPerform(iterations: stripes) { stripe in
                for offset in (total * stripe / stripes)..<(total * (stripe + 1) / stripes) {
                    (slots.base + offset).initialize(to: transform(self[startIndex + offset]))
                }
            }
            initialized = total
        }
    }
}

/// The result buffer shared by the stripes of ``RandomAccessCollection/parallelMap(workers:_:)``.
private struct Slots<T>: @unchecked Sendable {
    let base: UnsafeMutablePointer<T>
}
