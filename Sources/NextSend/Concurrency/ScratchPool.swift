import Foundation

/// Scratch objects lent to one caller at a time and kept for the next: the service matches
/// several groups at once, and allocating a catalog-sized scratch per call would cost the whole
/// catalog every time. Whoever borrows one clears what it needs.
final class ScratchPool<Scratch: AnyObject>: @unchecked Sendable {
    private let lock = NSLock()
    private var idle: [Scratch] = []
    private let make: () -> Scratch

    init(_ make: @escaping () -> Scratch) { self.make = make }

    func borrow<Result>(_ body: (Scratch) throws -> Result) rethrows -> Result {
        let scratch = lock.withLock { idle.popLast() } ?? make()
        defer { lock.withLock { if idle.count < 8 { idle.append(scratch) } } }
        return try body(scratch)
    }
}

/// A value kept in a ``ScratchPool``: the borrower moves it out, works on it as a local value,
/// and moves it back.
final class ScratchBox<Value> {
    var value: Value

    init(_ value: Value) { self.value = value }
}
