import Foundation

/// Scratch space for ``CatalogIndex`` bounds: one slot per asset, cleared slot by slot after use.
///
/// A bound pass touches only the assets on the lists a group's needs name; allocating and zeroing
/// arrays the size of the catalog for every pass would make each `next` cost the whole catalog
/// instead. Workspaces are kept in a ``ScratchPool`` beside the index and reused.
final class BoundWorkspace {
    struct Slot {
        /// The bound from conflicts and jobs.
        var bound = 0.0
        /// Sum and largest of the asset's fits for unreached people (diminishing returns are bounded from both).
        var reachSum = 0.0
        var reachMax = 0.0
        /// The asset's fit for the need being walked: an asset on several lists of one need counts its best fit once.
        var fit = 0.0
        /// The need the slot last saw, or -1 when untouched in this pass.
        var stamp: Int32 = -1
    }

    let slots: UnsafeMutablePointer<Slot>
    let capacity: Int
    /// Assets touched in this pass, in the order first seen.
    var touched: [Int32] = []

    init(capacity: Int) {
        self.capacity = max(1, capacity)
        slots = .allocate(capacity: self.capacity)
        slots.initialize(repeating: Slot(), count: self.capacity)
    }

    deinit {
        slots.deinitialize(count: capacity)
        slots.deallocate()
    }

    /// Clears what the last pass touched: costs that pass's size, not the catalog's.
    func reset() {
        for asset in touched { slots[Int(asset)] = Slot() }
        touched.removeAll(keepingCapacity: true)
    }
}
