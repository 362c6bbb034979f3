/// How well the catalog serves one of a group's needs: the best asset for that need alone.
///
/// Needs that nothing serves, or only weakly, are marketing's content backlog.
public struct NeedCoverage: Sendable, Hashable {
    public var need: Need
    /// The best live asset for this need, if any serves it at all.
    public var bestAsset: String?
    /// The best asset's fit for this need, 0…1 (1: resolves it for everyone concerned).
    public var strength: Double

    /// Below this strength a need counts as served only weakly.
    public static let weak = 0.7

    public var isGap: Bool { strength < NeedCoverage.weak }
}

extension Matcher {
    /// For each need of the diagnosis, the single best asset and how well it fits.
    public static func coverage(for group: BuyingGroup, diagnosis: Diagnosis, index: CatalogIndex, taxonomy: Taxonomy) -> [NeedCoverage] {
        // Re-sends do not matter here: the question is whether the catalog has the content at all.
        let context = MatchContext(group: group, diagnosis: diagnosis, taxonomy: taxonomy,
                                   options: MatchOptions(resendWindowDays: 0))
        let candidates = index.candidates(for: diagnosis.needs, in: group, taxonomy: taxonomy).map { index.assets[$0] }
            .filter { $0.isLive(asOf: diagnosis.asOf) }
        return diagnosis.needs.enumerated().map { position, need in
            var best: (id: String, strength: Double)?
            for asset in candidates {
                guard let contribution = context.contribution(of: asset, to: need, at: position), need.urgency > 0 else { continue }
                let strength = contribution.value / need.urgency
                if strength > (best?.strength ?? 0) { best = (asset.id, strength) }
            }
            return NeedCoverage(need: need, bestAsset: best?.id, strength: Rounding.score(best?.strength ?? 0))
        }
    }
}
