import Foundation

/// The index's assets at a fixed address, so matching can lend one out by position instead of
/// copying it (an asset holds a dozen arrays and strings; copying one per candidate retained each).
///
/// A shelf made from a kept catalog starts empty and places each asset the first time it is
/// asked for (``KeptAssets``): a call that looks at five assets reads five.
final class AssetShelf: @unchecked Sendable {
    private let base: UnsafeMutablePointer<Asset>
    let count: Int
    /// Where assets not yet placed come from; `nil` when every one was placed at once.
    private let source: KeptAssets?
    /// Which slots hold an asset, for a shelf that fills as it is asked; guarded by `lock`.
    private let placed: UnsafeMutablePointer<Bool>?
    private let lock = NSLock()

    init(_ assets: [Asset]) {
        count = assets.count
        base = .allocate(capacity: max(1, assets.count))
        _ = UnsafeMutableBufferPointer(start: base, count: assets.count).initialize(from: assets)
        source = nil
        placed = nil
    }

    init(filling source: KeptAssets) {
        count = source.count
        base = .allocate(capacity: max(1, count))
        self.source = source
        let placed = UnsafeMutablePointer<Bool>.allocate(capacity: max(1, count))
        placed.initialize(repeating: false, count: max(1, count))
        self.placed = placed
    }

    /// The asset at `position`, placed first if it is not yet.
    func address(of position: Int) -> UnsafePointer<Asset> {
        precondition(position >= 0 && position < count, "asset position out of range")
        guard let source, let placed else { return UnsafePointer(base + position) }
        lock.lock()
        defer { lock.unlock() }
        if !placed[position] {
            (base + position).initialize(to: source.asset(at: position))
            placed[position] = true
        }
        return UnsafePointer(base + position)
    }

    /// How many assets are on the shelf so far: all of them, unless it fills as it is asked.
    var placedCount: Int {
        guard let placed else { return count }
        return lock.withLock { (0..<count).count { placed[$0] } }
    }

    /// Where the asset with `id` sits, by a binary search: ids are in order.
    func position(of id: String) -> Int? {
        if let source { return source.position(of: id) }
        var low = 0, high = count
        while low < high {
            let middle = (low + high) / 2
            let found = base[middle].id
            if found == id { return middle }
            if found < id { low = middle + 1 } else { high = middle }
        }
        return nil
    }

    deinit {
        if let placed {
            for position in 0..<count where placed[position] { (base + position).deinitialize(count: 1) }
            placed.deinitialize(count: max(1, count))
            placed.deallocate()
        } else {
            base.deinitialize(count: count)
        }
        base.deallocate()
    }
}
