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
        return diagnosis.needs.enumerated().map { position, need in
            // Candidates for this need alone: score the most promising one, then only those whose
            // bound could still beat it, best bound first.
            var best: (position: Int, strength: Double)?
            let openJobs = Set(diagnosis.jobs.filter(\.isOpen).map(\.job))
            let all = index.bounds(for: [need], in: group, taxonomy: taxonomy, openJobs: openJobs)
            func score(_ position: Int) {
                let asset = index.assets[position]
                guard asset.isLive(asOf: diagnosis.asOf), need.urgency > 0,
                      let contribution = context.contribution(of: asset, to: need, at: position) else { return }
                let strength = contribution.value / need.urgency
                if strength > (best?.strength ?? 0) || (strength == best?.strength && position < best!.position) {
                    best = (position, strength)
                }
            }
            if let top = all.max(by: { $0.bound != $1.bound ? $0.bound < $1.bound : $0.index > $1.index }) { score(top.index) }
            for candidate in CatalogIndex.ordered(all, atLeast: (best?.strength ?? 0) * need.urgency) {
                if let current = best, candidate.bound + Matcher.epsilon < current.strength * need.urgency { break }
                score(candidate.index)
            }
            return NeedCoverage(need: need, bestAsset: best.map { index.assets[$0.position].id },
                                strength: Rounding.score(best?.strength ?? 0))
        }
    }
}
