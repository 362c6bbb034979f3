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
