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
    /// - Parameter alternatives: the group's picks as `next` ranks them, asked for only when a
    ///   warning is due (to name a shareable alternative), so the common send needs no catalog.
    public static func check(_ asset: Asset, group: BuyingGroup, diagnosis: Diagnosis, taxonomy: Taxonomy,
                             alternatives: () throws -> [Recommendation]) rethrows -> Warning? {
        guard !diagnosis.conflicts.isEmpty, asset.roles.count == 1, !asset.shareable else { return nil }
        // The best-ranked shareable asset that works on a conflict.
        let alternative = try alternatives()
            .first { pick in
                pick.asset.shareable && pick.asset.id != asset.id
                    && pick.addresses.contains { if case .conflict = $0 { return true } else { return false } }
            }?.asset
        let topics = diagnosis.conflicts.map(\.topic)
        let words = Vocabulary(taxonomy)
        var text = "\(asset.id) is made for \(words.role(asset.roles[0])) only, and \(group.account) is split on \(Words.list(topics.map(words.topic))); "
            + "one-sided content sent into a split group tends to harden the split"
        if let alternative {
            text += ". Consider the shareable \(alternative.id) (\"\(alternative.title)\") for the whole group instead"
        }
        return Warning(conflicts: topics, alternative: alternative, description: text + ".")
    }
}
