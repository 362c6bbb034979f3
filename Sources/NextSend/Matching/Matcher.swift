import Foundation

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
    /// Slack for floating-point rounding when comparing exact scores with bounds (the gap check).
    static let epsilon = 1e-9

    public static func recommend(for group: BuyingGroup, diagnosis: Diagnosis, index: CatalogIndex, taxonomy: Taxonomy,
                                 options: MatchOptions = MatchOptions()) -> [Recommendation] {
        let context = MatchContext(group: group, diagnosis: diagnosis, taxonomy: taxonomy, options: options, index: index)
        let picks = options.exhaustive || !index.table.isPacked || !options.policy.scoresOnlyFall
            ? greedyOverEveryAsset(context, index: index)
            : picksFromColumns(context, index: index)
        return withoutThinOrTwin(picks, policy: options.policy)
    }

    /// The need pick 1 must serve: the most urgent, when it is a conflict or a stalled job. A live
    /// asset that resolves that conflict (or is built for that job), for people who have not had
    /// it, is pick 1 — a broad asset touching many small needs never jumps ahead of it.
    static func leadingNeed(_ diagnosis: Diagnosis) -> Int? {
        switch diagnosis.needs.first?.kind {
        case .conflict, .stalledJob: return 0
        case .unengagedStakeholder, .missingVoice, .activeJob, nil: return nil
        }
    }

    /// Whether an asset serving `served` may lead for the need at `leader`: it serves that need,
    /// and for a conflict it is one of its resolvers.
    static func mayLead(_ position: Int, serving served: (Int) -> Bool, leader: Int, context: MatchContext, index: CatalogIndex) -> Bool {
        guard case let .conflict(topic) = context.diagnosis.needs[leader].kind else { return served(leader) }
        // Without topic bits (an unpacked table) the masks are empty: ask the asset itself.
        let resolves = index.table.isPacked
            ? index.table.resolvedMask[position] & MatchTable.bit(topic, in: index.table.topicBit) != 0
            : index[position].resolves.contains { $0.topic == topic }
        return mayLead(serving: served, resolvesLeader: resolves, leader: leader, context: context)
    }

    /// ``mayLead(_:serving:leader:context:index:)`` with whether the asset resolves the leading
    /// conflict already known (the column scorer keeps it with each profile).
    static func mayLead(serving served: (Int) -> Bool, resolvesLeader: Bool, leader: Int, context: MatchContext) -> Bool {
        guard served(leader) else { return false }
        if case .conflict = context.diagnosis.needs[leader].kind { return resolvesLeader }
        return true
    }

    /// The reference: every live asset scored the exact way, each round the best under the
    /// weights left. Slow on a large catalog; what the fast path must always equal.
    static func greedyOverEveryAsset(_ context: MatchContext, index: CatalogIndex) -> [Recommendation] {
        let options = context.options
        var candidates: [MatchContext.Evaluation] = (0..<index.count).compactMap { context.evaluate(index[$0], at: $0) }
        var weights = [Double](repeating: 1, count: context.diagnosis.needs.count)
        let leader = leadingNeed(context.diagnosis)
        var leading = leader != nil
        var picks: [Recommendation] = []
        while picks.count < options.limit {
            var best: (slot: Int, score: Double)?
            for (slot, candidate) in candidates.enumerated() {
                if leading, let leader, !mayLead(candidate.position, serving: { need in candidate.contributions.contains { $0.need == need && $0.serves } },
                                                 leader: leader, context: context, index: index) { continue }
                let score = candidate.score(weights: weights)
                // Candidates are in id order: a tie keeps the earlier one.
                if score > 0, score > (best?.score ?? 0) { best = (slot, score) }
            }
            guard let best else {
                // Nothing resolves the leading need for anyone who has not had it: rank as usual.
                if leading {
                    leading = false
                    continue
                }
                break
            }
            leading = false
            let chosen = candidates.remove(at: best.slot)
            picks.append(context.recommendation(chosen, asset: index[chosen.position], rank: picks.count + 1, weights: weights, score: best.score))
            for contribution in chosen.contributions { weights[contribution.need] *= options.policy.servedNeedDiscount }
        }
        return picks
    }

    /// Every asset's exact score in one pass over the packed columns (``ColumnScorer``; the few
    /// assets whose history matters go the exact way), then greedy picks over those numbers. The
    /// rounds work on profiles (``ScoreSheet``): candidates with the same contributions and factor
    /// score alike, so a profile is scored once and gives its candidates in id order. A pick lowers
    /// the weights of the needs it served, which only ever lowers scores: a kept score is an upper
    /// bound of today's, and a round re-scores a profile only when it has a part in a need changed
    /// since and its kept score could still beat the best found so far. Reasons are written for
    /// the picks only.
    ///
    /// (A max-heap with lazy re-scoring was tried first: on flat scores most candidates share the
    /// needs a pick discounts, so the heap re-scored and re-sifted nearly all of them every round,
    /// and its sifting alone cost more than a round's pass over the kept scores.)
    static func picksFromColumns(_ context: MatchContext, index: CatalogIndex) -> [Recommendation] {
        let options = context.options
        let scorer = ColumnScorer(context: context, index: index)
        // A group matched while no other is in its pass (a `next` call, a lone request) passes
        // the catalog's two halves on two cores; when another is, the cores are taken and one
        // thread does the whole pass.
        let alone = matching.enter() == 1
        defer { matching.leave() }
        let halves = switch context.options.threads {
        case .whenAlone: alone && index.table.count >= ColumnScorer.halvesFrom && hasSecondCore
        case .one: false
        case .two: index.table.count > 1
        }
        return index.sheets.borrow { box in
            var sheet = box.value
            box.value = ScoreSheet()
            defer { box.value = sheet }
            var evaluations: [Int: MatchContext.Evaluation] = [:]
            if halves {
                index.sheets.borrow { spare in
                    scorer.fill(&sheet, halvesWith: &spare.value, evaluations: &evaluations)
                }
            } else {
                scorer.fill(&sheet, evaluations: &evaluations)
            }
            var weights = [Double](repeating: 1, count: context.diagnosis.needs.count)
            var picks: [Recommendation] = []
            // changedSince[k]: the needs discounted by the picks from the k-th on.
            var changedSince: [UInt64] = [0]
            func take(_ profile: Int) {
                let position = sheet.position(of: Int(sheet.heads[profile])), score = sheet.scores[profile]
                sheet.pickHead(of: profile)
                guard let evaluation = evaluations[position] ?? context.evaluate(index[position], at: position) else {
                    assertionFailure("the column scorer kept an asset the exact path drops: \(index[position].id)")
                    return
                }
                picks.append(context.recommendation(evaluation, asset: index[position], rank: picks.count + 1, weights: weights,
                                                    score: score))
                var changed: UInt64 = 0
                for contribution in evaluation.contributions {
                    weights[contribution.need] *= options.policy.servedNeedDiscount
                    changed |= weights.count > 64 ? ~0 : 1 << UInt64(contribution.need)
                }
                for pick in changedSince.indices { changedSince[pick] |= changed }
                changedSince.append(0)
            }
            func refresh(_ profile: Int) {
                guard sheet.needMasks[profile] & changedSince[sheet.seen[profile]] != 0 else { return }
                sheet.scores[profile] = scorer.score(profile, in: sheet, weights: weights)
                sheet.seen[profile] = picks.count
            }
            func best(where admitted: (Int) -> Bool = { _ in true }) -> Int? {
                // The highest kept score first: its score today is a bar most others' kept scores
                // are already under, so few are re-scored.
                var top: Int?
                for profile in 0..<sheet.profileCount where sheet.scores[profile] > (top.map { sheet.scores[$0] } ?? 0) && admitted(profile) {
                    top = profile
                }
                if let top { refresh(top) }
                // The best score, and on a tie the lowest id: profiles are in the order of their
                // first candidate, but a pick moves a profile's head on.
                var best: Int?, bestScore = 0.0, bestHead = Int32.max
                func beats(_ profile: Int) -> Bool {
                    let score = sheet.scores[profile]
                    return score > bestScore || (score == bestScore && score > 0 && sheet.heads[profile] < bestHead)
                }
                for profile in 0..<sheet.profileCount where beats(profile) && admitted(profile) {
                    refresh(profile)
                    guard beats(profile) else { continue }
                    best = profile
                    bestScore = sheet.scores[profile]
                    bestHead = sheet.heads[profile]
                }
                return best
            }
            // Nothing resolves the leading need for anyone who has not had it: rank as usual.
            if let leader = leadingNeed(context.diagnosis), options.limit > 0,
               let lead = best(where: { profile in
                   mayLead(serving: { sheet.serves(profile, need: $0) }, resolvesLeader: sheet.leads(profile), leader: leader, context: context)
               }) {
                take(lead)
            }
            while picks.count < options.limit, let next = best() { take(next) }
            return picks
        }
    }

    /// How many groups are in their pass over the columns (or its picks) right now, in this process.
    static let matching = InFlight()
    /// Read once: asking costs about 100,000 instructions (it reads the process's CPU affinity).
    static let hasSecondCore = ProcessInfo.processInfo.activeProcessorCount > 1

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
    /// Writes the picks' reasons.
    let reasons: ReasonWriter
    /// Each need's key (`conflict:tco`), worked out once: breakdowns sort and name parts by it.
    let needKeys: [String]

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
        reasons = ReasonWriter(group: group, diagnosis: diagnosis, taxonomy: taxonomy)
        needKeys = diagnosis.needs.map(\.kind.key)
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
            .sorted { $0.value != $1.value ? $0.value > $1.value : needKeys[$0.contribution.need] < needKeys[$1.contribution.need] }
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
            return Recommendation.ScorePart(name: needKeys[item.contribution.need],
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
                              reason: reasons
                                .sentence(for: asset, needs: needs, sendTo: sendTo, earlier: earlier[asset.id] ?? [:], evidence: evidence),
                              evidence: evidence)
    }
}
