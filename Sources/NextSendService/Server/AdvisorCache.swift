import NextSend
import NextSendStore
import Synchronization

/// Keeps the taxonomy and the catalog index between requests, rebuilt only when the catalog's
/// data version changes (an import) or a request asks about another day.
///
/// Building the index for a 10,000-asset catalog takes a few hundred milliseconds; a `next`
/// request then costs what matching costs. Outcome evidence is read per request: every recorded
/// send changes it.
final class AdvisorCache: Sendable {
    private struct Entry: Sendable {
        var version: Int
        var day: Day
        var taxonomy: Taxonomy
        var index: CatalogIndex
    }

    private let store: Store
    private let entry = Mutex<Entry?>(nil)

    init(store: Store) { self.store = store }

    func advisor(asOf day: Day) throws -> Advisor {
        let version = try store.catalogVersion()
        let cached = entry.withLock { entry in entry.flatMap { $0.version == version && $0.day == day ? $0 : nil } }
        let current: Entry
        if let cached {
            current = cached
        } else {
            // Two requests may build the same index at once after an import; both are right, one is kept.
            current = Entry(version: version, day: day, taxonomy: try store.taxonomy(),
                            index: CatalogIndex(assets: try store.matchableAssets(asOf: day)))
            entry.withLock { $0 = current }
        }
        let store = self.store
        return Advisor(taxonomy: current.taxonomy, policy: .standard, loadingEvidence: { try store.evidence(asOf: day) }) { current.index }
    }
}
