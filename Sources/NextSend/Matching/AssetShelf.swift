/// The index's assets at a fixed address, so matching can lend one out by position instead of
/// copying it (an asset holds a dozen arrays and strings; copying one per candidate retained each).
final class AssetShelf: @unchecked Sendable {
    let base: UnsafeMutablePointer<Asset>
    let count: Int

    init(_ assets: [Asset]) {
        count = assets.count
        base = .allocate(capacity: max(1, assets.count))
        _ = UnsafeMutableBufferPointer(start: base, count: assets.count).initialize(from: assets)
    }

    deinit {
        base.deinitialize(count: count)
        base.deallocate()
    }
}
