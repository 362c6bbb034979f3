/// Warns before one-sided content goes into a split group.
///
/// Research on B2B buying finds that content made for one person, sent into a group that
/// disagrees, tends to harden the split; content made for the whole group raises consensus.
public enum SplitGuard {
    public struct Warning: Sendable, Hashable, CustomStringConvertible {
        public var conflicts: [String]
        /// A shareable asset that serves the open conflicts, if the catalog has one.
        public var alternative: Asset?
        public var description: String
    }

    /// A warning when `asset` serves a single role, is not shareable, and the group has an open conflict.
    ///
    /// - Parameter index: the catalog, asked for only when a warning is due (to find the alternative),
    ///   so the common case of a send needs no catalog at all.
    public static func check(_ asset: Asset, group: BuyingGroup, diagnosis: Diagnosis, index: () throws -> CatalogIndex,
                             taxonomy: Taxonomy) rethrows -> Warning? {
        guard !diagnosis.conflicts.isEmpty, asset.roles.count == 1, !asset.shareable else { return nil }
        let index = try index()
        // The best-ranked shareable asset that works on a conflict, as `next` would rank it.
        let alternative = Matcher.recommend(for: group, diagnosis: diagnosis, index: index, taxonomy: taxonomy,
                                            options: MatchOptions(limit: 10))
            .first { pick in
                pick.asset.shareable && pick.asset.id != asset.id
                    && pick.addresses.contains { if case .conflict = $0 { return true } else { return false } }
            }?.asset
        let topics = diagnosis.conflicts.map(\.topic)
        var text = "\(asset.id) is made for \(asset.roles[0]) only, and \(group.account) is split on \(Words.list(topics)); "
            + "one-sided content sent into a split group tends to harden the split"
        if let alternative {
            text += ". Consider the shareable \(alternative.id) (\"\(alternative.title)\") for the whole group instead"
        }
        return Warning(conflicts: topics, alternative: alternative, description: text + ".")
    }
}
