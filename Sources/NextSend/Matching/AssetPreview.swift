/// How one asset would fare as a pick for one group (`nextsend catalog preview ID --group G`): the
/// reason and send-to a rep would read, or why it is not picked — what a marketer checks before
/// shipping a new piece or re-tagging one.
public struct AssetPreview: Sendable, Hashable, Encodable {
    public enum Verdict: String, Sendable, Hashable, Encodable {
        /// Among the group's picks today.
        case picked
        /// It serves a need, but the picks rank above it.
        case ranksLower = "ranks-lower"
        /// It is never picked for this group today.
        case notPicked = "not-picked"
    }

    public var asset: String
    public var group: String
    public var verdict: Verdict
    /// Its rank among the picks, when picked.
    public var rank: Int?
    /// The reason a rep would read: as picked, or as it would read on its own.
    public var reason: String?
    /// Who it would go to (stakeholder ids).
    public var sendTo: [String]
    /// Its score: as picked, or on its own with no pick before it.
    public var score: Double?
    /// Why it is not picked, or ranks lower, in words; `nil` when picked.
    public var why: String?
}

extension Matcher {
    /// How `asset` fares among the picks for `group`: picked (rank, reason, send-to), ranking
    /// below the picks (its own reason and score against the last pick's), or not picked and why
    /// (not live, dismissed here, or serving none of the group's needs).
    public static func preview(_ asset: Asset, for group: BuyingGroup, diagnosis: Diagnosis, index: CatalogIndex, taxonomy: Taxonomy,
                               options: MatchOptions = MatchOptions()) -> AssetPreview {
        var preview = AssetPreview(asset: asset.id, group: group.id, verdict: .notPicked, sendTo: [])
        let picks = recommend(for: group, diagnosis: diagnosis, index: index, taxonomy: taxonomy, options: options)
        if let pick = picks.first(where: { $0.asset.id == asset.id }) {
            preview.verdict = .picked
            preview.rank = pick.rank
            preview.reason = pick.reason
            preview.sendTo = pick.sendTo
            preview.score = pick.score
            return preview
        }
        let asOf = diagnosis.asOf
        guard asset.isLive(asOf: asOf) else {
            preview.why = notLive(asset, asOf: asOf)
            return preview
        }
        let context = MatchContext(group: group, diagnosis: diagnosis, taxonomy: taxonomy, options: options, index: index)
        if context.dismissed.contains(asset.id),
           let last = group.dismissals.filter({ $0.asset == asset.id && $0.date <= asOf }).map(\.date).max() {
            preview.why = "a rep dismissed it for this group on \(last); it stays out of the picks until "
                + "\(last.adding(days: options.policy.dismissalDays))"
            return preview
        }
        guard let evaluation = context.evaluate(asset, at: index.position(of: asset.id) ?? 0) else {
            preview.why = noNeedServed(asset, group: group, diagnosis: diagnosis, taxonomy: taxonomy)
            return preview
        }
        let weights = [Double](repeating: 1, count: diagnosis.needs.count)
        let score = evaluation.score(weights: weights)
        let alone = context.recommendation(evaluation, asset: asset, rank: 0, weights: weights, score: score)
        preview.verdict = .ranksLower
        preview.reason = alone.reason
        preview.sendTo = alone.sendTo
        preview.score = alone.score
        // Replay the picks' discounts: each pick lowers the weight of every need it served, so
        // what the asset earns after them is what decided.
        var after = weights
        for pick in picks {
            guard let position = index.position(of: pick.asset.id), let served = context.evaluate(pick.asset, at: position) else { continue }
            for contribution in served.contributions { after[contribution.need] *= options.policy.servedNeedDiscount }
        }
        let left = Rounding.score(evaluation.score(weights: after))
        let needs = Self.needWords(alone.addresses, group: group, taxonomy: taxonomy).joined(separator: "; ")
        // The same test as the matcher's: a pick with the same jobs, roles, topics and format that
        // goes to some of the same people.
        let twin = picks.first { pick in
            Set(pick.asset.jobs) == Set(asset.jobs) && Set(pick.asset.roles) == Set(asset.roles) && Set(pick.asset.topics) == Set(asset.topics)
                && pick.asset.format == asset.format && !Set(pick.sendTo).isDisjoint(with: alone.sendTo)
        }
        if let lead = picks.first {
            let bar = Rounding.score(lead.score * options.policy.thinPickShare)
            let scores = "after them it scores \(NumberText.plain(left)) (\(NumberText.plain(alone.score)) on its own)"
            if let twin {
                preview.why = "it is a near twin of \(twin.asset.id), already picked: the same jobs, roles, topics and format for some of the same people"
            } else if left < bar {
                preview.why = "the picks already serve what it serves (\(needs)): \(scores), under the \(NumberText.plain(bar)) a pick needs "
                    + "beside a lead of \(NumberText.plain(lead.score))"
            } else {
                preview.why = "the \(Words.count(picks.count, "pick")) rank above it: \(scores), the last pick \(NumberText.plain(picks.last!.score))"
            }
        } else {
            preview.why = "nothing is picked for this group today"
        }
        return preview
    }

    static func notLive(_ asset: Asset, asOf: Day) -> String {
        switch asset.status {
        case .draft: return "it is a draft: drafts are stored but never picked until published"
        case .retired: return "it is retired"
        case .published:
            if let published = asset.published, published > asOf { return "it is published on \(published), after \(asOf)" }
            if let reviewBy = asset.reviewBy, asset.isExpired(asOf: asOf) {
                return "its review date \(reviewBy) has passed: it is not picked until reviewed"
            }
            return "it is not live on \(asOf)"
        }
    }

    /// Needs as a person reads them: "a split on three-year total cost of ownership".
    static func needWords(_ needs: [Need.Kind], group: BuyingGroup, taxonomy: Taxonomy) -> [String] {
        let words = Vocabulary(taxonomy)
        return needs.map { need in
            switch need {
            case let .conflict(topic): return "a split on \(words.topic(topic))"
            case let .stalledJob(job): return "a stalled \(words.job(job))"
            case let .activeJob(job): return "\(words.job(job)) under way"
            case let .unengagedStakeholder(id): return "reaching \(group.stakeholder(id).map(words.person) ?? id)"
            case let .missingVoice(job, role): return "bringing \(words.role(role)) into \(words.job(job))"
            }
        }
    }

    /// What the group needs, set against what the asset is tagged for.
    static func noNeedServed(_ asset: Asset, group: BuyingGroup, diagnosis: Diagnosis, taxonomy: Taxonomy) -> String {
        let words = Vocabulary(taxonomy)
        let needs = needWords(diagnosis.needs.prefix(3).map(\.kind), group: group, taxonomy: taxonomy)
        guard !needs.isEmpty else { return "the group has no open need today" }
        var tags = "jobs " + asset.jobs.map { words.job($0) }.joined(separator: ", ")
        if !asset.topics.isEmpty { tags += "; topics " + asset.topics.map(words.topic).joined(separator: ", ") }
        if !asset.roles.isEmpty { tags += "; roles " + asset.roles.map(words.role).joined(separator: ", ") }
        return "it serves none of the group's needs (\(needs.joined(separator: "; "))); it is tagged for \(tags)"
    }
}
