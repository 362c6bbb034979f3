import NextSend
import NextSendStore
import Synchronization

/// Keeps the taxonomy and the catalog index between requests, rebuilt only when the catalog's
/// data version changes (an import) or a request asks about another day.
///
/// Building the index for a 10,000-asset catalog takes a few hundred milliseconds; a `next`
/// request then costs what matching costs. Outcome evidence (an aggregate over every send's
/// follow-up, tens of milliseconds at 20,000 groups) is kept until the store's follow-up version
/// moves: only a write that changes what followed some send bumps it, so recording a claim or a
/// send that leaves every follow-up as it was keeps the evidence warm.
final class AdvisorCache: Sendable {
    private struct Entry: Sendable {
        var version: Int
        var day: Day
        var taxonomy: Taxonomy
        var index: CatalogIndex
    }

    private struct Evidence: Sendable {
        var version: Int
        var day: Day
        var evidence: OutcomeEvidence
    }

    private let store: any Store
    private let entry = Mutex<Entry?>(nil)
    private let evidence = Mutex<Evidence?>(nil)

    init(store: any Store) { self.store = store }

    func advisor(asOf day: Day) throws -> Advisor {
        let version = try store.dataVersions().catalog
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
        let followUps = try store.followUpVersion()
        let known = evidence.withLock { known in known.flatMap { $0.version == followUps && $0.day == day ? $0.evidence : nil } }
        return Advisor(taxonomy: current.taxonomy, policy: .standard, loadingEvidence: { [self] in
            if let known { return known }
            let loaded = try store.evidence(asOf: day)
            evidence.withLock { $0 = Evidence(version: followUps, day: day, evidence: loaded) }
            return loaded
        }) { current.index }
    }
}
