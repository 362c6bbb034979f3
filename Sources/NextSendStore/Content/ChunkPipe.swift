import Foundation

/// Hands chunks from a reading thread to the thread that works on them, holding at most
/// `capacity` at a time: the reader waits when the worker is behind, so memory stays bounded.
final class ChunkPipe: @unchecked Sendable {
    private let condition = NSCondition()
    private let capacity: Int
    private var chunks: [GroupFiles.Chunk] = []
    private var closed = false
    private var failure: (any Error)?
    private var cancelled = false

    init(capacity: Int) { self.capacity = capacity }

    /// Waits for room, then adds `chunk`; `false` when the worker stopped taking (nothing more is wanted).
    func put(_ chunk: GroupFiles.Chunk) -> Bool {
        condition.withLock {
            while chunks.count >= capacity, !cancelled { condition.wait() }
            guard !cancelled else { return false }
            chunks.append(chunk)
            condition.broadcast()
            return true
        }
    }

    /// The next chunk, waiting for one; `nil` once the reader closed the pipe and all were taken.
    /// Rethrows what the reader failed with.
    func take() throws -> GroupFiles.Chunk? {
        try condition.withLock {
            while chunks.isEmpty, !closed { condition.wait() }
            if !chunks.isEmpty {
                condition.broadcast()
                return chunks.removeFirst()
            }
            if let failure { throw failure }
            return nil
        }
    }

    /// The reader is done: after the chunks still held, `take` gives `nil`, or throws `failure`.
    func close(failure: (any Error)? = nil) {
        condition.withLock {
            closed = true
            self.failure = failure
            condition.broadcast()
        }
    }

    /// The worker stopped: the reader's next `put` returns `false` instead of waiting.
    func cancel() {
        condition.withLock {
            cancelled = true
            chunks.removeAll()
            condition.broadcast()
        }
    }

    var isCancelled: Bool { condition.withLock { cancelled } }
}
