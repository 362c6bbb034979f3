/// Recommends what to send next: the assets that best serve a group's needs, to whom, and why.
///
/// Each asset earns score for each need it serves — it `resolves` a conflict's topic and
/// positions; its jobs include a stalled or active job (the primary job counting most); its roles
/// reach the people concerned — and loses score for being stale, for another industry, or for
/// having been sent before. Picks are greedy: each pick discounts the needs it served, so five
/// picks cover five needs rather than one need five times. Ties break by asset id.
///
/// ```swift
/// let index = CatalogIndex(assets: catalog)
/// let diagnosis = Diagnoser.diagnose(group, taxonomy: taxonomy, asOf: asOf)
/// let picks = Matcher.recommend(for: group, diagnosis: diagnosis, index: index, taxonomy: taxonomy)
/// print(picks.first?.reason ?? "nothing to send")
/// ```
public enum Matcher {
    /// Slack for floating-point rounding when comparing exact scores with bounds.
    static let epsilon = 1e-9

    public static func recommend(for group: BuyingGroup, diagnosis: Diagnosis, index: CatalogIndex, taxonomy: Taxonomy,
                                 options: MatchOptions = MatchOptions()) -> [Recommendation] {
        let context = MatchContext(group: group, diagnosis: diagnosis, taxonomy: taxonomy, options: options, index: index)
        let openJobs = Set(diagnosis.jobs.filter(\.isOpen).map(\.job))
        // Scored exactly so far (by index position, which is id order), and those that serve nothing.
        var scored: [Int: MatchContext.Evaluation] = [:]
        var unusable = Set<Int>()
        var weights = [Double](repeating: 1, count: diagnosis.needs.count)
        var picks: [Recommendation] = []
        // The most urgent need leads when it is a conflict or a stalled job: a live asset that
        // resolves that conflict (or is built for that job), for people who have not had it, is
        // pick 1 — a broad asset touching many small needs never jumps ahead of it.
        let leader = diagnosis.needs.first.flatMap { need -> Int? in
            switch need.kind {
            case .conflict, .stalledJob: return 0
            case .unengagedStakeholder, .missingVoice, .activeJob: return nil
            }
        }
        var leading = leader != nil
        let evidenceCeiling = options.evidence.records.isEmpty ? 1 : options.evidence.largestFactor(options.policy)
        // Who may lead, read from the index rather than from each asset (copying an asset per
        // candidate was a fifth of the time of a call).
        let leaderResolvers: Set<Int>? = leader.flatMap { leader in
            if case let .conflict(topic) = diagnosis.needs[leader].kind { return Set(index.byResolvedTopic[topic] ?? []) }
            return nil
        }
        let leaderJobBit: UInt8? = leader.flatMap { leader in
            if case let .stalledJob(job) = diagnosis.needs[leader].kind { return CatalogIndex.bit(job) }
            return nil
        }
        func eligible(_ position: Int) -> Bool {
            guard leading else { return true }
            if let leaderResolvers { return leaderResolvers.contains(position) }
            if let leaderJobBit { return index.jobMask[position] & leaderJobBit != 0 }
            return true
        }
        return index.workspaces.withWorkspace { workspace in
            var pass = 0
            var boundWeights = weights
            while picks.count < options.limit {
                var best: (position: Int, score: Double)?
                func consider(_ position: Int, _ score: Double) {
                    guard score > 0, eligible(position) else { return }
                    if leading, let leader, !(scored[position]?.contributions.contains { $0.need == leader && $0.serves } ?? false) { return }
                    if let current = best, score < current.score || (score == current.score && position > current.position) { return }
                    best = (position, score)
                }
                for (position, evaluation) in scored { consider(position, evaluation.score(weights: weights)) }
                // Bounds under this round's weights: an asset is scored exactly only while its bound
                // could still match the best score so far. After the first round only the needs the
                // last pick discounted are walked again, to lower the bounds by what they lost.
                // A discounted unreached person starts afresh: the largest reach contribution cannot be
                // lowered in place, and left high it keeps every broadcast asset in play.
                if pass > 0, diagnosis.needs.indices.contains(where: {
                    if case .unengagedStakeholder = diagnosis.needs[$0].kind { return weights[$0] != boundWeights[$0] }
                    return false
                }) {
                    pass = 0
                }
                var weighted = diagnosis.needs
                for slot in weighted.indices { weighted[slot].urgency *= weights[slot] - (pass == 0 ? 0 : boundWeights[slot]) }
                boundWeights = weights
                // Evidence can lift a score above what the tags allow: the bounds are raised by the most it lifts.
                let all = index.bounds(for: weighted, in: group, taxonomy: taxonomy, openJobs: openJobs, policy: options.policy,
                                       everyoneConcerned: options.onlyTo != nil, scale: evidenceCeiling, workspace: workspace, pass: pass)
                pass += 1
                // Score the most promising candidate first: its exact score is a threshold that usually
                // leaves only a handful of candidates to sort and score.
                var top: (index: Int, bound: Double)?
                if !options.exhaustive, best == nil {
                    for candidate in all where eligible(candidate.index) {
                        if let current = top, candidate.bound < current.bound || (candidate.bound == current.bound && candidate.index > current.index) { continue }
                        top = candidate
                    }
                }
                if let top, scored[top.index] == nil, !unusable.contains(top.index) {
                    if let evaluation = context.evaluate(index[top.index], at: top.index) {
                        scored[top.index] = evaluation
                        consider(top.index, evaluation.score(weights: weights))
                    } else {
                        unusable.insert(top.index)
                    }
                }
                for candidate in CatalogIndex.ordered(all, atLeast: options.exhaustive ? -.infinity : best?.score ?? 0) {
                    if !options.exhaustive, let current = best, candidate.bound + epsilon < current.score { break }
                    let position = candidate.index
                    guard eligible(position), scored[position] == nil, !unusable.contains(position) else { continue }
                    guard let evaluation = context.evaluate(index[position], at: position) else {
                        unusable.insert(position)
                        continue
                    }
                    scored[position] = evaluation
                    consider(position, evaluation.score(weights: weights))
                }
                guard let chosen = best, let evaluation = scored.removeValue(forKey: chosen.position) else {
                    // Nothing resolves the leading need for anyone who has not had it: rank as usual.
                    if leading {
                        leading = false
                        continue
                    }
                    break
                }
                leading = false
                unusable.insert(chosen.position)
                picks.append(context.recommendation(evaluation, asset: index[chosen.position], rank: picks.count + 1,
                                                    weights: weights, score: chosen.score))
                for contribution in evaluation.contributions { weights[contribution.need] *= options.policy.servedNeedDiscount }
            }
            return Matcher.withoutThinOrTwin(picks, policy: options.policy)
        }
    }

    /// Drops picks scoring below ``ScoringPolicy/thinPickShare`` of the leading pick's, and an
    /// asset that duplicates an earlier pick (same jobs, roles, topics and format) for people that
    /// pick already goes to; the rest are ranked again in order.
    static func withoutThinOrTwin(_ picks: [Recommendation], policy: ScoringPolicy) -> [Recommendation] {
        guard let lead = picks.first else { return picks }
        var kept: [Recommendation] = []
        for pick in picks {
            if pick.score < lead.score * policy.thinPickShare { continue }
            let twin = kept.contains { earlier in
                Set(earlier.asset.jobs) == Set(pick.asset.jobs) && Set(earlier.asset.roles) == Set(pick.asset.roles)
                    && Set(earlier.asset.topics) == Set(pick.asset.topics) && earlier.asset.format == pick.asset.format
                    && !Set(earlier.sendTo).isDisjoint(with: pick.sendTo)
            }
            if twin { continue }
            var ranked = pick
            ranked.rank = kept.count + 1
            kept.append(ranked)
        }
        return kept
    }
}

/// Everything about one group that scoring each asset needs, computed once.
struct MatchContext {
    let group: BuyingGroup
    let diagnosis: Diagnosis
    let taxonomy: Taxonomy
    let options: MatchOptions
    /// Stakeholder → assets sent to them inside the re-send window.
    let recentlySent: [String: Set<String>]
    /// Asset → person → their latest send of it (day, consumed), before or on the day.
    let earlier: [String: [String: (date: Day, consumed: Bool)]]
    /// Which needs live content made for the group's industry serves, worked out on demand.
    let ownIndustry: OwnIndustryContent
    /// Conflict topic → people who got a resolver of it within ``ScoringPolicy/resolverWaitDays``
    /// and did not report it consumed: other resolvers of that conflict wait for them.
    let waiting: [String: Set<String>]
    let openJobs: Set<BuyingJob>
    let roles: [String: String]
    /// Assets a rep dismissed for this group within the dismissal window.
    let dismissed: Set<String>

    /// - Parameter index: the catalog, to know which earlier sends were resolvers of a conflict;
    ///   without it no resolver waits.
    init(group: BuyingGroup, diagnosis: Diagnosis, taxonomy: Taxonomy, options: MatchOptions, index: CatalogIndex? = nil) {
        self.group = group
        self.diagnosis = diagnosis
        self.taxonomy = taxonomy
        self.options = options
        let since = diagnosis.asOf.adding(days: -options.policy.resendWindowDays)
        let waitSince = diagnosis.asOf.adding(days: -options.policy.resolverWaitDays)
        let open = Set(diagnosis.conflicts.map(\.topic))
        var recent: [String: Set<String>] = [:]
        var earlier: [String: [String: (date: Day, consumed: Bool)]] = [:]
        var waiting: [String: Set<String>] = [:]
        for touch in group.touches where touch.date <= diagnosis.asOf {
            for person in touch.to {
                if let known = earlier[touch.asset]?[person], known.date > touch.date || (known.date == touch.date && known.consumed) { continue }
                earlier[touch.asset, default: [:]][person] = (touch.date, touch.consumed)
            }
            if touch.date > since {
                for person in touch.to { recent[person, default: []].insert(touch.asset) }
            }
            // A resolver just sent is given its chance; a consumed one that left the split open was not enough.
            if touch.date > waitSince, !touch.consumed, let asset = index?.asset(touch.asset) {
                for topic in Set(asset.resolves.map(\.topic)) where open.contains(topic) {
                    waiting[topic, default: []].formUnion(touch.to)
                }
            }
        }
        recentlySent = recent
        ownIndustry = OwnIndustryContent(index: index, industry: group.industry)
        self.earlier = earlier
        self.waiting = waiting
        let dismissedSince = diagnosis.asOf.adding(days: -options.policy.dismissalDays)
        dismissed = Set(group.dismissals.filter { $0.date <= diagnosis.asOf && $0.date > dismissedSince }.map(\.asset))
        openJobs = Set(diagnosis.jobs.filter(\.isOpen).map(\.job))
        roles = Dictionary(group.stakeholders.map { ($0.id, $0.role) }, uniquingKeysWith: { first, _ in first })
    }

    /// One need served by one asset: its unweighted value and the people it can go to.
    struct Contribution {
        /// Why the value is what it is; turned into words only for the picks (`--explain`).
        enum Detail {
            /// How it settles the split, and how many of its sides have someone the asset is made for.
            case conflict(how: String, reached: Int, of: Int)
            case job(primary: Bool, reachable: Int, concerned: Int)
            case reach(forRole: Bool, timely: Bool)
            case voice(shareable: Bool, onJob: Bool)

            var text: String {
                switch self {
                case let .conflict(how, reached, sides):
                    return "\(how); " + (reached == sides ? "reaches every side" : "reaches \(reached) of \(sides) sides")
                case let .job(primary, reachable, concerned):
                    return "\(primary ? "primary" : "secondary") job; reaches \(reachable) of \(concerned) concerned"
                case let .reach(forRole, timely):
                    return "\(forRole ? "made for their role" : "made for everyone")\(timely ? ", on a job in progress" : "")"
                case let .voice(shareable, onJob):
                    return "made for the missing role\(shareable ? ", shareable" : ", rep-led")\(onJob ? ", on that job" : ", on another job")"
                }
            }
        }

        var need: Int
        var value: Double
        var targets: [String]
        var detail: Detail
        /// Whether the asset really serves the need (resolves or covers a conflict's topic, is
        /// built for the job, reaches the person), rather than only sharing a conflict's job:
        /// only needs it serves are listed in `addresses` and named in the reason.
        var serves = true
        /// The asset's outcome record for this need and the factor it earned (already in `value`).
        var evidence: (record: OutcomeEvidence.Record, factor: Double)?
        /// Serves an unengaged stakeholder.
        var isReach: Bool { if case .reach = detail { return true } else { return false } }
    }

    struct Evaluation {
        /// The asset's position in the catalog index (its id order).
        var position: Int
        var contributions: [Contribution]
        var factors: [Recommendation.ScorePart]
        var factor: Double

        /// Σ weight × value over the needs served, times the factors. Reaching several unengaged
        /// people counts with diminishing returns (½, ¼, …), so one broadcast asset does not
        /// outweigh the stalled job or the conflict that is really holding the deal.
        var diminishing: Double

        func score(weights: [Double]) -> Double {
            var total = 0.0
            var reach: [Double] = []
            for contribution in contributions {
                let value = weights[contribution.need] * contribution.value
                if contribution.isReach { reach.append(value) } else { total += value }
            }
            var share = 1.0
            for value in reach.sorted(by: >) {
                total += value * share
                share *= diminishing
            }
            return factor * total
        }
    }

    func evaluate(_ asset: Asset, at position: Int) -> Evaluation? {
        guard asset.isLive(asOf: diagnosis.asOf), !dismissed.contains(asset.id) else { return nil }
        var contributions: [Contribution] = []
        for (index, need) in diagnosis.needs.enumerated() {
            if let contribution = contribution(of: asset, to: need, at: index), contribution.value > 0 {
                contributions.append(contribution)
            }
        }
        // Another industry's edition never stands beside (or above) the group's own industry's
        // content for the same need: it keeps only the needs nothing of the group's industry serves.
        if let industry = group.industry, !asset.industries.isEmpty, !asset.industries.contains(industry) {
            contributions.removeAll { ownIndustry.serves($0.need, context: self) }
        }
        // An asset that serves no need (it only shares a conflict's job) is never a pick: every pick
        // names a need it really addresses.
        guard contributions.contains(where: \.serves) else { return nil }
        var factors: [Recommendation.ScorePart] = []
        let policy = options.policy
        if let industry = group.industry, !asset.industries.isEmpty, !asset.industries.contains(industry) {
            factors.append(.init(name: "industry", value: policy.otherIndustry, kind: .factor, detail: "made for \(asset.industries.joined(separator: ", ")), not \(industry)"))
        }
        if let reviewBy = asset.reviewBy, diagnosis.asOf.days(until: reviewBy) <= policy.reviewSoonDays {
            factors.append(.init(name: "stale", value: policy.dueForReview, kind: .factor, detail: "due for review on \(reviewBy)"))
        }
        // Earlier sends count person by person: the more of its readers already had it, the less it earns.
        let readers = Set(contributions.flatMap(\.targets))
        if let history = earlier[asset.id], !readers.isEmpty {
            let had = readers.filter { history[$0] != nil }.count
            if had > 0 {
                let share = Double(had) / Double(readers.count)
                factors.append(.init(name: "already-sent", value: 1 - (1 - policy.alreadySent) * share, kind: .factor,
                                     detail: "\(had) of the \(Words.count(readers.count, "person", plural: "people")) it would go to had it before"))
            }
        }
        return Evaluation(position: position, contributions: contributions, factors: factors,
                          factor: factors.reduce(1) { $0 * $1.value }, diminishing: policy.reachDiminishing)
    }

    /// Whether an asset is made for this person's role (or for everyone).
    func fits(_ asset: Asset, _ person: String) -> Bool {
        asset.shareable || asset.roles.isEmpty || roles[person].map(asset.roles.contains) == true
    }

    func notRecent(_ asset: Asset, _ person: String) -> Bool {
        recentlySent[person]?.contains(asset.id) != true
    }

    /// Whether `person` just got a resolver of a split `asset` also resolves: they are given time
    /// with it, whatever need the asset would go to them for (a second hosting piece into the same
    /// split the same day reads as pressure, not help).
    func waitsForResolver(_ asset: Asset, _ person: String) -> Bool {
        asset.resolves.contains { waiting[$0.topic]?.contains(person) == true }
    }

    /// Applies `--to`: only that person, when they can receive it.
    func restrict(_ people: [String]) -> [String] {
        guard let only = options.onlyTo else { return people }
        return people.contains(only) ? [only] : []
    }

    func contribution(of asset: Asset, to need: Need, at position: Int) -> Contribution? {
        guard var contribution = tagContribution(of: asset, to: need, at: position) else { return nil }
        // Learning from outcomes: what followed earlier sends of this asset for this kind of need.
        if case .activeJob = need.kind { return contribution }
        if case .unengagedStakeholder = need.kind { return contribution }
        if case .missingVoice = need.kind { return contribution }
        if let record = options.evidence.record(asset: asset.id, need: need.kind) {
            let factor = options.policy.evidenceFactor(record)
            contribution.value *= factor
            contribution.evidence = (record, factor)
        }
        return contribution
    }

    /// A contribution from the asset's tags alone.
    func tagContribution(of asset: Asset, to need: Need, at position: Int) -> Contribution? {
        let policy = options.policy
        switch need.kind {
        case let .conflict(topicID):
            guard let conflict = diagnosis.conflicts.first(where: { $0.topic == topicID }) else { return nil }
            let (fit, how) = conflictFit(asset, conflict)
            guard fit > 0 else { return nil }
            let reached = conflict.sides.filter { side in side.stakeholders.contains { fits(asset, $0) } }.count
            let coversAll = reached == conflict.sides.count
            // Content for one side, sent into a split group, tends to harden the split. (A resolver of
            // a figure is credited by the camps it is made for already: no second discount.)
            let creditedByCamps = taxonomy.topic(topicID)?.isNumber == true && asset.resolves.contains { $0.topic == topicID }
            let audience = coversAll || creditedByCamps ? 1.0 : policy.oneSidedAudience
            // With one reader (`--to`), a conflict counts only when they are part of it. People who just
            // got another resolver of this split are given time with it first.
            let waitingFor = waiting[topicID] ?? []
            let targets = restrict(conflict.stakeholders.filter {
                fits(asset, $0) && notRecent(asset, $0) && !waitingFor.contains($0) && !waitsForResolver(asset, $0)
            })
            guard !targets.isEmpty else { return nil }
            let servesTopic = asset.resolves.contains { $0.topic == conflict.topic } || asset.topics.contains(conflict.topic)
            return Contribution(need: position, value: need.urgency * fit * audience, targets: targets.sorted(),
                                detail: .conflict(how: how, reached: reached, of: conflict.sides.count), serves: servesTopic)
        case let .stalledJob(job), let .activeJob(job):
            let jobFit = policy.jobFit(asset, job)
            guard jobFit > 0 else { return nil }
            // The people whose role the asset is made for are concerned with the job it is built for,
            // whether or not they hold a view on its topics (the depot engineer and the pilot kit).
            let madeFor = group.stakeholders.filter { asset.roles.contains($0.role) }.map(\.id)
            let everyone = need.stakeholders + madeFor.filter { !need.stakeholders.contains($0) }
            // With one reader (`--to`), a job counts only when they are concerned with it, and the
            // asset is judged for them alone.
            let concerned = options.onlyTo.map { everyone.contains($0) ? [$0] : [] } ?? everyone
            let reachable = concerned.filter { fits(asset, $0) }
            guard !reachable.isEmpty else { return nil }
            let targets = restrict(reachable.filter { notRecent(asset, $0) && !waitsForResolver(asset, $0) })
            guard !targets.isEmpty else { return nil }
            let roleFit = policy.jobReach(reached: reachable.count, of: concerned.count)
            return Contribution(need: position, value: need.urgency * jobFit * roleFit, targets: targets.sorted(),
                                detail: .job(primary: asset.primaryJob == job, reachable: reachable.count, concerned: concerned.count))
        case let .unengagedStakeholder(person):
            guard let role = roles[person], notRecent(asset, person), !waitsForResolver(asset, person) else { return nil }
            let roleFit = asset.roles.contains(role) ? policy.reachForRole : (asset.shareable || asset.roles.isEmpty) ? policy.reachForEveryone : 0
            guard roleFit > 0, !restrict([person]).isEmpty else { return nil }
            let timely = asset.jobs.contains(where: openJobs.contains)
            // They are not talking to the rep: content they can take on their own works better.
            let channel = asset.channel == .repLed ? policy.reachRepLed : 1.0
            let value = need.urgency * roleFit * (timely ? 1 : policy.reachOffJob) * channel
            return Contribution(need: position, value: value, targets: [person],
                                detail: .reach(forRole: asset.roles.contains(role), timely: timely))
        case let .missingVoice(job, role):
            // Content made for the missing role, for the person who can bring that role in to
            // forward: a shareable piece can go on as it is.
            guard asset.roles.contains(role), let broker = need.stakeholders.first,
                  notRecent(asset, broker), !waitsForResolver(asset, broker), !restrict([broker]).isEmpty else { return nil }
            let onJob = asset.jobs.contains(job)
            let value = need.urgency * (asset.shareable ? policy.voiceShareable : policy.voiceNotShareable) * (onJob ? 1 : policy.voiceOffJob)
            return Contribution(need: position, value: value, targets: [broker], detail: .voice(shareable: asset.shareable, onJob: onJob))
        }
    }

    /// How well an asset settles a conflict: resolving it beats covering its topic beats sharing its
    /// job, and a resolver earns in proportion to the sides it covers (``SideCoverage``).
    func conflictFit(_ asset: Asset, _ conflict: Conflict) -> (Double, String) {
        let policy = options.policy
        if let coverage = SideCoverage.of(asset, conflict, group: group, taxonomy: taxonomy) {
            guard !coverage.covered.isEmpty else { return (policy.resolvesOtherPositions, "resolves other positions than the ones held") }
            return (policy.resolvesConflict * coverage.share,
                    coverage.isComplete ? "resolves this conflict" : "covers \(coverage.covered.count) of \(coverage.sides.count) sides")
        }
        if asset.topics.contains(conflict.topic) { return (policy.coversTopic, "covers the topic") }
        let jobs = taxonomy.topic(conflict.topic)?.jobs ?? []
        if asset.jobs.contains(where: jobs.contains) { return (policy.sharesTopicJob, "shares the topic's job") }
        return (0, "")
    }

    func recommendation(_ evaluation: Evaluation, asset: Asset, rank: Int, weights: [Double], score: Double) -> Recommendation {
        let weighted = evaluation.contributions
            .map { (contribution: $0, value: $0.value * weights[$0.need]) }
            .sorted { $0.value != $1.value ? $0.value > $1.value : diagnosis.needs[$0.contribution.need].kind.key < diagnosis.needs[$1.contribution.need].kind.key }
        let serving = weighted.filter(\.contribution.serves)
        let top = serving.first?.value ?? 0
        var addressed = serving.filter { $0.value >= top * options.policy.addressedShare }.map(\.contribution)
        // Content for a missing voice goes to the person who can bring that role in, to forward: the
        // jobs it also touches do not add the rest of the group to send-to.
        if let lead = addressed.first, case .missingVoice = diagnosis.needs[lead.need].kind {
            addressed.removeAll { if case .missingVoice = diagnosis.needs[$0.need].kind { return false } else { return true } }
        }
        let sendTo = Set(addressed.flatMap(\.targets)).sorted()
        // What --explain credits by name is what the pick addresses, and so whom sendTo names; the
        // minor parts of the score (below a quarter of the main need, or merely sharing a job) are
        // summed in one line that credits nobody.
        let addressedNeeds = Set(addressed.map(\.need))
        var breakdown = weighted.filter { addressedNeeds.contains($0.contribution.need) }.map { item in
            var detail = item.contribution.detail.text
            if let (record, factor) = item.contribution.evidence {
                detail += "; evidence: met \(record.successes) of \(record.sends) within \(options.policy.followUpDays) days → ×\(NumberText.plain(Rounding.score(factor)))"
                    + (record.sends < options.policy.evidenceMinimumSends ? " (fewer than \(options.policy.evidenceMinimumSends) sends)" : "")
            }
            return Recommendation.ScorePart(name: diagnosis.needs[item.contribution.need].kind.key,
                                            value: Rounding.score(item.value * evaluation.factor), kind: .need, detail: detail)
        }
        let minor = weighted.filter { !addressedNeeds.contains($0.contribution.need) }
        if !minor.isEmpty {
            let value = minor.reduce(0) { $0 + $1.value } * evaluation.factor
            breakdown.append(Recommendation.ScorePart(
                name: "minor-needs", value: Rounding.score(value), kind: .need,
                detail: "\(Words.count(minor.count, "more need")) touched in passing; not addressed, so nobody is added to send-to for them"))
        }
        breakdown += evaluation.factors
        let needs = addressed.map { diagnosis.needs[$0.need] }
        let evidence = addressed.first?.evidence.map {
            Recommendation.Evidence(sends: $0.record.sends, successes: $0.record.successes, factor: Rounding.score($0.factor))
        }
        return Recommendation(rank: rank, asset: asset, sendTo: sendTo, addresses: needs.map(\.kind),
                              score: Rounding.score(score), breakdown: breakdown,
                              reason: ReasonWriter(group: group, diagnosis: diagnosis, taxonomy: taxonomy)
                                .sentence(for: asset, needs: needs, sendTo: sendTo, earlier: earlier[asset.id] ?? [:], evidence: evidence),
                              evidence: evidence)
    }
}
