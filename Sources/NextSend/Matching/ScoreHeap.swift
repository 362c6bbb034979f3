/// Candidates by score, highest first and ties by the lower position (id order): the matcher's
/// lazy greedy picks pop from it, re-score, and push back what fell behind.
struct ScoreHeap {
    struct Entry {
        var score: Double
        var position: Int

        /// Whether `self` ranks before `other`.
        func leads(_ other: Entry) -> Bool {
            score != other.score ? score > other.score : position < other.position
        }
    }

    private(set) var entries: [Entry] = []

    var isEmpty: Bool { entries.isEmpty }
    var top: Entry? { entries.first }

    mutating func reserve(_ count: Int) { entries.reserveCapacity(count) }

    /// Adds without ordering; call ``heapify()`` once all are in.
    mutating func append(_ entry: Entry) { entries.append(entry) }

    /// Orders what ``append(_:)`` added, in linear time.
    mutating func heapify() {
        var index = entries.count / 2
        while index > 0 {
            index -= 1
            siftDown(index)
        }
    }

    mutating func push(_ entry: Entry) {
        entries.append(entry)
        var child = entries.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard entries[child].leads(entries[parent]) else { break }
            entries.swapAt(child, parent)
            child = parent
        }
    }

    mutating func pop() -> Entry? {
        guard !entries.isEmpty else { return nil }
        entries.swapAt(0, entries.count - 1)
        let first = entries.removeLast()
        if !entries.isEmpty { siftDown(0) }
        return first
    }

    private mutating func siftDown(_ start: Int) {
        var parent = start
        while true {
            let left = 2 * parent + 1
            guard left < entries.count else { return }
            var best = left
            if left + 1 < entries.count, entries[left + 1].leads(entries[left]) { best = left + 1 }
            guard entries[best].leads(entries[parent]) else { return }
            entries.swapAt(best, parent)
            parent = best
        }
    }
}
