import Foundation

/// The one path from a buying group to what to send it: diagnose the group as of a day, then
/// serve its needs from the live catalog.
///
/// An advisor holds what does not change from group to group — the taxonomy, the catalog index and
/// the scoring policy — so build one per run (or per service) and ask it about as many groups as
/// you like. Every caller goes through it: `next`, `sent`, `demo`, the digest, the benchmark.
///
/// ```swift
/// let advisor = Advisor(taxonomy: taxonomy, index: CatalogIndex(assets: catalog))
/// let advice = advisor.advise(group, asOf: Day("2026-11-29")!, limit: 3)
/// print(advice.diagnosis.conflicts.count, advice.recommendations.first?.reason ?? "nothing to send")
/// ```
public struct Advisor: Sendable {
    public let taxonomy: Taxonomy
    public let policy: ScoringPolicy
    private let catalog: Lazy<CatalogIndex>
    private let history: Lazy<OutcomeEvidence>
    /// The content-gap check's answers for needs that look alike to the catalog (``GapMemo``).
    private let gapMemo = GapMemo()
    /// How many threads one group's pass may use: batch work that matches groups on every core
    /// sets ``PassThreads/one``.
    public var threads: PassThreads = .whenAlone

    /// - Parameters:
    ///   - index: the catalog to recommend from; drafts and retired assets in it are never picked.
    ///   - policy: the weights, factors and windows to score with.
    ///   - evidence: what followed earlier sends, to learn from.
    public init(taxonomy: Taxonomy, index: CatalogIndex, policy: ScoringPolicy = .standard, evidence: OutcomeEvidence = .none) {
        self.taxonomy = taxonomy
        self.policy = policy
        catalog = Lazy(index)
        history = Lazy(evidence)
    }

    /// An advisor that loads the catalog (and the outcome evidence) only when a question needs
    /// it: diagnosing a group or recording an ordinary send does not, so those stay cheap.
    public init(taxonomy: Taxonomy, policy: ScoringPolicy = .standard,
                loadingEvidence evidence: @escaping @Sendable () throws -> OutcomeEvidence = { .none },
                loadingIndex load: @escaping @Sendable () throws -> CatalogIndex) {
        self.taxonomy = taxonomy
        self.policy = policy
        catalog = Lazy(load)
        history = Lazy(evidence)
    }

    /// The catalog index, loaded on first use.
    public func index() throws -> CatalogIndex { try catalog.value() }

    /// What followed earlier sends, loaded on first use.
    public func evidence() throws -> OutcomeEvidence { try history.value() }

    /// Where the group stands as of `asOf`: jobs, conflicts, unreached people and needs.
    public func diagnose(_ group: BuyingGroup, asOf: Day) -> Diagnosis {
        Diagnoser.diagnose(group, taxonomy: taxonomy, asOf: asOf)
    }

    /// The diagnosis and what to send next.
    ///
    /// - Parameters:
    ///   - limit: how many recommendations at most.
    ///   - to: only what can go to this stakeholder, and only to them.
    public func advise(_ group: BuyingGroup, asOf: Day, limit: Int = 5, to: String? = nil) throws -> Advice {
        let diagnosis = diagnose(group, asOf: asOf)
        return Advice(diagnosis: diagnosis, recommendations: try recommend(group, diagnosis: diagnosis, limit: limit, to: to))
    }

    /// What to send next for an existing diagnosis of `group`.
    public func recommend(_ group: BuyingGroup, diagnosis: Diagnosis, limit: Int = 5, to: String? = nil) throws -> [Recommendation] {
        Matcher.recommend(for: group, diagnosis: diagnosis, index: try index(), taxonomy: taxonomy,
                          options: MatchOptions(limit: limit, onlyTo: to, policy: policy, evidence: try evidence(), threads: threads))
    }

    /// How one asset fares among the group's picks: picked, ranking lower, or not picked and why.
    public func preview(_ asset: Asset, for group: BuyingGroup, asOf: Day, limit: Int = 5) throws -> AssetPreview {
        Matcher.preview(asset, for: group, diagnosis: diagnose(group, asOf: asOf), index: try index(), taxonomy: taxonomy,
                        options: MatchOptions(limit: limit, policy: policy, evidence: try evidence()))
    }

    /// The group's needs that no live asset serves well: marketing's content backlog.
    ///
    /// Active jobs are the background hum of a deal, not a gap in the catalog, so only conflicts,
    /// stalled jobs and unreached people are checked.
    public func contentGaps(_ group: BuyingGroup, diagnosis: Diagnosis) throws -> [NeedCoverage] {
        var pressing = diagnosis
        pressing.needs = diagnosis.needs.filter { if case .activeJob = $0.kind { return false } else { return true } }
        return Matcher.gaps(for: group, diagnosis: pressing, index: try index(), taxonomy: taxonomy, policy: policy, memo: gapMemo)
    }

    /// What a rep should hear before `asset` goes to `group` on `day`: that it is not live, or that
    /// one-sided content is about to go into a split group (with a shareable alternative).
    ///
    /// The catalog is loaded only when the split warning needs an alternative.
    public func touchWarnings(for asset: Asset, to group: BuyingGroup, on day: Day) throws -> [TouchWarning] {
        var warnings: [TouchWarning] = []
        if !asset.isLive(asOf: day) {
            warnings.append(.notLive(asset: asset.id, state: asset.isExpired(asOf: day) ? "expired" : asset.status.rawValue))
        }
        let diagnosis = diagnose(group, asOf: day)
        if let split = try SplitGuard.check(asset, group: group, diagnosis: diagnosis, taxonomy: taxonomy,
                                            alternatives: { try recommend(group, diagnosis: diagnosis, limit: 10) }) {
            warnings.append(.oneSided(split))
        }
        return warnings
    }
}

/// A group's diagnosis and the picks that serve it.
public struct Advice: Sendable, Hashable {
    public var diagnosis: Diagnosis
    public var recommendations: [Recommendation]
}

/// Something a rep should know before a send is recorded; the send is recorded anyway.
public enum TouchWarning: Sendable, Hashable, CustomStringConvertible {
    /// The asset is a draft, retired or expired.
    case notLive(asset: String, state: String)
    /// One-sided content into a split group.
    case oneSided(SplitGuard.Warning)

    public var description: String {
        switch self {
        case let .notLive(asset, state): return "\(asset) is \(state); recorded anyway."
        case let .oneSided(warning): return warning.description
        }
    }
}
