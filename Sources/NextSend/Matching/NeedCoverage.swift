/// How well the catalog serves one of a group's needs: the best asset for that need alone.
///
/// Needs that nothing serves, or only weakly, are marketing's content backlog.
public struct NeedCoverage: Sendable, Hashable {
    public var need: Need
    /// The best live asset for this need, if any serves it at all.
    public var bestAsset: String?
    /// The best asset's fit for this need, 0…1 (1: resolves it for everyone concerned).
    public var strength: Double
    /// Why the best asset falls short, in words ("reaches 1 of 2 sides: made for finance, the
    /// split is between finance and IT"); "nothing in the catalog serves it" when there is none.
    public var shortfall: [String] = []

    /// Below this strength a need counts as served only weakly.
    public static let weak = 0.7
}

extension Matcher {
    /// The needs of the diagnosis that no live asset serves strongly (strength below
    /// ``NeedCoverage/weak``), each with the asset that comes closest.
    ///
    /// The search for a need stops at the first strong asset, so well-served needs cost little.
    /// Re-sends do not matter here: the question is whether the catalog has the content at all.
    public static func gaps(for group: BuyingGroup, diagnosis: Diagnosis, index: CatalogIndex, taxonomy: Taxonomy,
                            policy: ScoringPolicy = .standard, memo: GapMemo? = nil) -> [NeedCoverage] {
        var policy = policy
        policy.resendWindowDays = 0
        let context = MatchContext(group: group, diagnosis: diagnosis, taxonomy: taxonomy, options: MatchOptions(policy: policy))
        let openJobs = Set(diagnosis.jobs.filter(\.isOpen).map(\.job))
        var gaps: [NeedCoverage] = []
        for (position, need) in diagnosis.needs.enumerated() where need.urgency > 0 {
            let signature = memo.flatMap { _ in GapMemo.signature(of: need, group: group, diagnosis: diagnosis, context: context) }
            if let signature, let finding = memo?.finding(signature) {
                // The remembered asset, checked for this group: its own strength and shortfall.
                switch finding {
                case let .served(asset):
                    if strength(of: asset, for: need, at: position, index: index, context: context).map({ $0 + epsilon >= NeedCoverage.weak }) == true {
                        continue
                    }
                case let .best(asset?):
                    if let coverage = coverage(of: asset, for: need, at: position, index: index, context: context) {
                        gaps.append(coverage)
                        continue
                    }
                case .best(nil):
                    gaps.append(NeedCoverage(need: need, bestAsset: nil, strength: 0, shortfall: ["nothing in the catalog serves it"]))
                    continue
                }
            }
            let all = index.bounds(for: [need], in: group, taxonomy: taxonomy, openJobs: openJobs, policy: policy)
            let strong = need.urgency * NeedCoverage.weak
            // Any asset whose bound reaches the strong level may be strong: check those first, stop at one.
            var server: Int?
            for candidate in all where candidate.bound + epsilon >= strong {
                // With slack: a secondary job reaching everyone fits exactly 0.7, which the division
                // can bring back as 0.69999…, and the gap list then showed a strength of 0.7 as weak.
                if let found = strength(of: candidate.index, for: need, at: position, index: index, context: context),
                   found + epsilon >= NeedCoverage.weak {
                    server = candidate.index
                    break
                }
            }
            if let server {
                if let signature { memo?.remember(.served(position: server), for: signature) }
                continue
            }
            let found = best(for: need, at: position, among: all, index: index, context: context)
            if let signature { memo?.remember(.best(position: found.bestAsset.flatMap(index.position(of:))), for: signature) }
            gaps.append(found)
        }
        return gaps
    }

    /// How strongly the asset at `position` serves `need` (its contribution over the need's
    /// urgency), or `nil` when it is not live or does not serve it.
    static func strength(of asset: Int, for need: Need, at position: Int, index: CatalogIndex, context: MatchContext) -> Double? {
        guard index[asset].isLive(asOf: context.diagnosis.asOf),
              let contribution = context.contribution(of: index[asset], to: need, at: position) else { return nil }
        return contribution.value / need.urgency
    }

    /// The coverage the asset at `asset` gives `need`, as ``best(for:at:among:index:context:)``
    /// reports it; `nil` when it is not live or does not serve it.
    static func coverage(of asset: Int, for need: Need, at position: Int, index: CatalogIndex, context: MatchContext) -> NeedCoverage? {
        guard index[asset].isLive(asOf: context.diagnosis.asOf),
              let contribution = context.contribution(of: index[asset], to: need, at: position) else { return nil }
        return NeedCoverage(need: need, bestAsset: index[asset].id, strength: Rounding.score(contribution.value / need.urgency),
                            shortfall: context.shortfall(of: index[asset], for: need, contribution: contribution))
    }

    /// The best asset for one need: score the most promising candidate, then only those whose
    /// bound could still beat it, best bound first.
    static func best(for need: Need, at position: Int, among all: [(index: Int, bound: Double)], index: CatalogIndex,
                     context: MatchContext) -> NeedCoverage {
        var best: (position: Int, strength: Double, contribution: MatchContext.Contribution)?
        func score(_ candidate: Int) {
            guard need.urgency > 0, index[candidate].isLive(asOf: context.diagnosis.asOf),
                  let contribution = context.contribution(of: index[candidate], to: need, at: position) else { return }
            let strength = contribution.value / need.urgency
            if strength > (best?.strength ?? 0) || (strength == best?.strength && candidate < best!.position) {
                best = (candidate, strength, contribution)
            }
        }
        if let top = all.max(by: { $0.bound != $1.bound ? $0.bound < $1.bound : $0.index > $1.index }) { score(top.index) }
        for candidate in CatalogIndex.ordered(all, atLeast: (best?.strength ?? 0) * need.urgency) {
            if let current = best, candidate.bound + Matcher.epsilon < current.strength * need.urgency { break }
            score(candidate.index)
        }
        guard let best else { return NeedCoverage(need: need, bestAsset: nil, strength: 0, shortfall: ["nothing in the catalog serves it"]) }
        return NeedCoverage(need: need, bestAsset: index[best.position].id, strength: Rounding.score(best.strength),
                            shortfall: context.shortfall(of: index[best.position], for: need, contribution: best.contribution))
    }
}
