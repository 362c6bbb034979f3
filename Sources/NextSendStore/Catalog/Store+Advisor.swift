import GRDB
import NextSend

extension Store {
    /// An ``Advisor`` over this database's taxonomy and live catalog as of `asOf`.
    ///
    /// The taxonomy is read now (every question needs it); the catalog is read and indexed only
    /// when a question needs it, so diagnosing a group or recording a send stays cheap.
    public func advisor(asOf: Day, policy: ScoringPolicy = .standard) throws -> Advisor {
        let taxonomy = try taxonomy()
        return Advisor(taxonomy: taxonomy, policy: policy, loadingEvidence: { [self] in try evidence(asOf: asOf) }) { [self] in
            CatalogIndex(assets: try matchableAssets(asOf: asOf))
        }
    }
}

extension Store {
    /// A number that changes whenever the catalog or the taxonomy is imported: what a cached
    /// catalog index is keyed on.
    public func catalogVersion() throws -> Int { try dataVersions().catalog }

    /// Two counters in one read: `data` changes with every write to the catalog or the groups
    /// (what outcome evidence is keyed on), `catalog` only with catalog imports.
    public func dataVersions() throws -> (data: Int, catalog: Int) {
        try read { db in
            let row = try Row.fetchOne(db, sql: "SELECT version, catalog FROM storeVersion WHERE id = 1")
            return (row?["version"] ?? 0, row?["catalog"] ?? 0)
        }
    }
}
