import NextSend

/// Builds digests from groups and the catalog: pure, so the same data always gives the same digest.
///
/// The batch builds one per run and shares it across worker threads.
public struct DigestBuilder: Sendable {
    public let week: IsoWeek
    public let advisor: Advisor
    /// The advisor of the week before (its catalog and evidence as they stood on its Sunday), for
    /// the gaps opened and closed since; `nil`: no trend.
    let previous: Advisor?
    let words: Vocabulary
    let assetsByID: [String: Asset]
    /// How many recommendations each group shows.
    public var recommendationsPerGroup = 3
    /// Sends this many days back are followed up in the marketing digest.
    public var outcomeDays = 84

    public var asOf: Day { week.sunday }
    public var taxonomy: Taxonomy { advisor.taxonomy }

    /// - Parameters:
    ///   - previousWeek: the catalog and evidence as they stood on the Sunday before, for the gaps
    ///     opened and closed since (the marketing digest's trend); `nil` leaves the trend out.
    public init(week: IsoWeek, taxonomy: Taxonomy, assets: [Asset], policy: ScoringPolicy = .standard, evidence: OutcomeEvidence = .none,
                previousWeek: (assets: [Asset], evidence: OutcomeEvidence)? = nil) {
        self.week = week
        // The digest's workers keep both cores busy with groups of their own.
        var advisor = Advisor(taxonomy: taxonomy, index: CatalogIndex(assets: assets), policy: policy, evidence: evidence)
        advisor.threads = .one
        self.advisor = advisor
        previous = previousWeek.map {
            var previous = Advisor(taxonomy: taxonomy, index: CatalogIndex(assets: $0.assets), policy: policy, evidence: $0.evidence)
            previous.threads = .one
            return previous
        }
        words = Vocabulary(taxonomy)
        self.assetsByID = Dictionary(assets.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Everything the digests need from one group, computed from one diagnosis.
    public struct GroupAnalysis: Sendable {
        public var section: GroupSection
        public var urgency: Double
        public var facts: GroupFacts
    }

    /// What the marketing digest needs from one group, folded into a ``MarketingTally`` as groups are analysed.
    public struct GroupFacts: Sendable {
        public struct Gap: Sendable {
            var key: String
            var kind: String
            var label: String
            var bestAsset: String?
            var strength: Double
            /// Why the best asset falls short here, in words.
            var shortfall: [String] = []
            /// The roles of the people the need concerns.
            var roles: [String] = []
        }

        public var group: String
        /// The group's rep, for the marketing digest's tables.
        var owner: String
        var industry: String?
        var gaps: [Gap]
        /// The gaps the group had on the Sunday before, key → label (`nil`: not worked out).
        var previousGaps: [String: String]?
        var outcomes: [TouchOutcome]
        /// Picks reps dismissed in the outcome window.
        var dismissals: [Dismissal]
    }

    public func analyse(_ group: BuyingGroup) throws -> GroupAnalysis {
        let advice = try advisor.advise(group, asOf: asOf, limit: recommendationsPerGroup)
        let diagnosis = advice.diagnosis
        let changes = GroupChanges(group: group, taxonomy: taxonomy, since: asOf.adding(days: -7), until: asOf)
        let trend = ConsensusTrend.of(group, taxonomy: taxonomy, asOf: asOf)
        var section = GroupSection(
            rank: 0, id: group.id, account: group.title, urgency: Rounding.score(diagnosis.urgency),
            headline: headline(diagnosis, group),
            jobs: diagnosis.jobs.map(jobRow),
            conflicts: diagnosis.conflicts.map { conflictRow($0, group) },
            stalled: diagnosis.stalledJobs.map(jobRow),
            unengaged: diagnosis.unengaged.map { group.stakeholder($0).map(words.person) ?? $0 },
            missingVoices: words.missingVoiceLines(diagnosis, group: group),
            direction: trend.direction.rawValue, directionText: trend.direction.sentence,
            trend: DigestBuilder.bars(trend), trendRow: DigestBuilder.row(trend),
            changes: sentences(changes, group),
            recommendations: words.pickRows(advice.recommendations, in: group).map { row in
                GroupSection.RecommendationRow(rank: row.rank, asset: row.asset, title: row.title, url: row.url ?? "", sendTo: row.sendTo,
                                               sendToIds: row.sendToIds, reason: row.reason, score: row.score)
            })
        if advice.recommendations.isEmpty { section.nothingToSend = words.nothingToSend(diagnosis) }
        var gaps: [String: GroupFacts.Gap] = [:]
        for covered in try advisor.contentGaps(group, diagnosis: diagnosis) {
            guard let gap = gapKey(covered, group) else { continue }
            if let existing = gaps[gap.key], existing.strength <= gap.strength { continue }
            gaps[gap.key] = gap
        }
        // Last week's gaps, from the group and the catalog as they stood on that Sunday.
        var previousGaps: [String: String]?
        if let previous {
            let sunday = asOf.adding(days: -7)
            let past = group.asItStood(on: sunday)
            previousGaps = [:]
            for covered in try previous.contentGaps(past, diagnosis: previous.diagnose(past, asOf: sunday)) {
                if let gap = gapIdentity(covered, past) { previousGaps?[gap.key] = gap.label }
            }
        }
        let outcomes = TouchOutcome.analyse(group, assets: { assetsByID[$0] }, taxonomy: taxonomy,
                                            from: asOf.adding(days: -outcomeDays + 1), asOf: asOf)
        let from = asOf.adding(days: -outcomeDays + 1)
        let dismissals = group.dismissals.filter { $0.date >= from && $0.date <= asOf }
        return GroupAnalysis(section: section, urgency: diagnosis.urgency,
                             facts: GroupFacts(group: group.id, owner: group.owner, industry: group.industry, gaps: gaps.values.sorted { $0.key < $1.key },
                                               previousGaps: previousGaps, outcomes: outcomes, dismissals: dismissals))
    }

    /// A rep's digest from their groups' analyses: most urgent first, ties by group id.
    public func repDigest(rep: String, _ analyses: [GroupAnalysis]) -> RepDigest {
        let ordered = analyses.sorted { $0.urgency != $1.urgency ? $0.urgency > $1.urgency : $0.section.id < $1.section.id }
        let sections = ordered.enumerated().map { offset, analysis -> GroupSection in
            var section = analysis.section
            section.rank = offset + 1
            return section
        }
        let conflicted = sections.filter { !$0.conflicts.isEmpty }.count
        let stalled = sections.filter { !$0.stalled.isEmpty }.count
        var summary = Words.count(sections.count, "group")
        var parts: [String] = []
        if conflicted > 0 { parts.append("\(conflicted) with open conflicts") }
        if stalled > 0 { parts.append("\(stalled) with a stalled job") }
        summary += parts.isEmpty ? ", all on track." : ": " + Words.list(parts) + "."
        return RepDigest(rep: rep, week: week.description, weekStart: week.monday.description, asOf: asOf.description,
                         summary: summary, groups: sections)
    }

    /// The marketing digest from every group's facts and the whole catalog.
    public func marketingDigest(_ facts: [GroupFacts], assets: [Asset]) -> MarketingDigest {
        marketingDigest(MarketingTally(facts), assets: assets)
    }

    /// The marketing digest from the tally of every group's facts and the whole catalog.
    public func marketingDigest(_ tally: MarketingTally, assets: [Asset]) -> MarketingDigest {
        let gaps = gapRows(tally)
        // What to act on now: reviews due within 30 days, or missed within the last 30. Older ones
        // are counted, not listed again every week.
        var expiredEarlier = 0
        let expiring = assets.filter { $0.status == .published }.compactMap { asset -> MarketingDigest.Expiring? in
            guard let reviewBy = asset.reviewBy else { return nil }
            let left = asOf.days(until: reviewBy)
            guard left <= AssetParser.reviewWarningDays else { return nil }
            guard left >= -AssetParser.reviewWarningDays else {
                expiredEarlier += 1
                return nil
            }
            let state = left < 0 ? "expired \(Words.count(-left, "day")) ago" : left == 0 ? "expires today" : "expires in \(Words.count(left, "day"))"
            return MarketingDigest.Expiring(asset: asset.id, title: asset.title, owner: asset.owner ?? "-", reviewBy: reviewBy.description,
                                            daysLeft: left, state: state)
        }.sorted { $0.reviewBy != $1.reviewBy ? $0.reviewBy < $1.reviewBy : $0.asset < $1.asset }

        let effectiveness = tally.effects.values.map { effect in
            var effect = effect
            effect.title = assetsByID[effect.asset]?.title ?? effect.asset
            return effect
        }.sorted { $0.sent != $1.sent ? $0.sent > $1.sent : $0.asset < $1.asset }

        // What reps said no to: per asset, one row per reason, with where, by whom and when last.
        var byAsset: [String: [MarketingDigest.Dismissed.Reason]] = [:]
        for (key, entry) in tally.reasons {
            let row = MarketingDigest.Dismissed.Reason(reason: key.reason, count: entry.count, groups: entry.groups.sorted(),
                                                       reps: entry.reps.sorted(), latest: entry.latest.description)
            byAsset[key.asset, default: []].append(row)
        }
        let dismissals = byAsset.map { asset, rows in
            MarketingDigest.Dismissed(asset: asset, title: assetsByID[asset]?.title ?? asset, count: rows.reduce(0) { $0 + $1.count },
                                      reasons: rows.sorted(by: DigestBuilder.reasonOrder))
        }.sorted { $0.count != $1.count ? $0.count > $1.count : $0.asset < $1.asset }

        let matrix = CoverageMatrix(assets: assets, taxonomy: taxonomy, asOf: asOf)
        let coverage = MarketingDigest.Coverage(
            roles: matrix.roles,
            rows: matrix.rows.map { row in
                MarketingDigest.Coverage.Row(job: row.job.rawValue, label: words.jobTitle(row.job),
                                             cells: zip(matrix.roles, row.counts).map { role, count in
                                                 .init(role: role, count: count, display: count == 0 ? "—" : String(count))
                                             })
            },
            emptyCount: matrix.emptyCells.count)

        let reasonGroups = DismissalReasons.group(tally.reasoned, gaps: gaps, assets: assetsByID, words: words)
        var gapsWithReasons = gaps
        for index in gapsWithReasons.indices {
            gapsWithReasons[index].repsSaid = reasonGroups.filter { $0.gaps.contains(gapsWithReasons[index].key) }.map(\.said)
        }
        return MarketingDigest(week: week.description, weekStart: week.monday.description, asOf: asOf.description,
                               groupCount: tally.groupCount, liveAssets: assets.filter { $0.isLive(asOf: asOf) }.count,
                               gaps: gapsWithReasons, gapTrend: gapTrend(tally, gaps: gaps), reasonGroups: reasonGroups, expiring: expiring, expiredEarlier: expiredEarlier, outcomesFrom: asOf.adding(days: -outcomeDays + 1).description,
                               effectiveness: effectiveness, dismissals: dismissals, coverage: coverage)
    }

    // MARK: Pieces

    /// Most given first; among equals, reasons in word order and "no reason given" last.
    static func reasonOrder(_ a: MarketingDigest.Dismissed.Reason, _ b: MarketingDigest.Dismissed.Reason) -> Bool {
        if a.count != b.count { return a.count > b.count }
        switch (a.reason, b.reason) {
        case let (x?, y?): return x < y
        case (_?, nil): return true
        default: return false
        }
    }

    func jobRow(_ state: JobState) -> GroupSection.JobRow {
        let row = words.jobRow(state)
        // The words are the job board's everywhere; the label and colours are the digest's badge.
        let (label, background, foreground): (String, String, String)
        switch state.status {
        case .notStarted: (label, background, foreground) = (row.status, "#f3f4f6", "#6b7280")
        case .active: (label, background, foreground) = (row.status, "#dbeafe", "#1e40af")
        case .stalled: (label, background, foreground) = (row.status.uppercased(), "#fee2e2", "#991b1b")
        case .done: (label, background, foreground) = (row.status, "#dcfce7", "#166534")
        }
        return GroupSection.JobRow(job: state.job.rawValue, label: row.title, status: state.status.rawValue,
                                   statusLabel: label, idle: row.idleDays == nil ? "-" : row.idle,
                                   idleDays: row.idleDays, loops: row.loops,
                                   reopened: row.reopened.map { ", \($0)" }, stallDays: row.stallDays,
                                   background: background, foreground: foreground)
    }

    func conflictRow(_ conflict: Conflict, _ group: BuyingGroup) -> GroupSection.ConflictRow {
        var names = words.names(in: group)
        let text = words.conflictLine(conflict, names: &names)
        return GroupSection.ConflictRow(topic: conflict.topic, label: taxonomy.topic(conflict.topic)?.label ?? conflict.topic, text: text,
                                        positions: ConflictCamps.numbers(conflict, taxonomy: taxonomy).map { DiagnosisReport.Side($0.side, camp: $0.camp) })
    }

    /// The tallest bar, in pixels: the week with the most open problems.
    static let barHeight = 40

    static func bars(_ trend: ConsensusTrend) -> [GroupSection.TrendBar] {
        let peak = max(1, trend.weeks.map(\.openProblems).max() ?? 0)
        return trend.weeks.map { week in
            // A week with problems shows at least a sliver; one without shows none.
            let bar = week.openProblems == 0 ? 0 : max(2, Int((Double(week.openProblems) / Double(peak) * Double(barHeight)).rounded()))
            return GroupSection.TrendBar(week: week.week.description, short: "W\(week.week.week)", open: week.openProblems, sends: week.sends,
                                         bar: bar, space: barHeight - bar, marked: week.sends > 0)
        }
    }

    static func row(_ trend: ConsensusTrend) -> String {
        trend.weeks.map { "W\($0.week.week) \($0.openProblems)\($0.sends > 0 ? "▲" : "")" }.joined(separator: " · ")
    }

    func headline(_ diagnosis: Diagnosis, _ group: BuyingGroup) -> String {
        var parts: [String] = []
        if !diagnosis.conflicts.isEmpty {
            parts.append(Words.count(diagnosis.conflicts.count, "open conflict"))
        }
        for state in diagnosis.stalledJobs { parts.append("\(words.job(state.job)) stalled") }
        if !diagnosis.unengaged.isEmpty {
            parts.append("\(diagnosis.unengaged.count) of \(Words.count(group.stakeholders.count, "person", plural: "people")) "
                + "not reached in \(Words.count(Diagnoser.engagementWindowDays, "day"))")
        }
        if !diagnosis.missingVoices.isEmpty { parts.append(Words.count(diagnosis.missingVoices.count, "missing voice")) }
        return parts.isEmpty ? "On track." : Words.capitalized(Words.list(parts)) + "."
    }

    func sentences(_ changes: GroupChanges, _ group: BuyingGroup) -> [String] {
        var lines: [String] = []
        for topic in changes.conflictsOpened { lines.append("New conflict on \(words.topic(topic)).") }
        for topic in changes.conflictsClosed { lines.append("Conflict on \(words.topic(topic)) closed.") }
        for event in changes.events {
            lines.append("\(words.jobTitle(event.job)) \(event.type.rawValue) on \(event.date).")
        }
        for claim in changes.claims { lines.append(words.claimRow(claim, in: group).sentence) }
        for touch in changes.touches {
            let title = assetsByID[touch.asset]?.title ?? touch.asset
            var names = words.names(in: group)
            let people = Words.list(touch.to.map { names.mention($0) }, limit: 3)
            lines.append("Sent “\(title)” to \(people) on \(touch.date)\(touch.consumed ? " (consumed)" : "").")
        }
        return lines
    }

    func gapKey(_ coverage: NeedCoverage, _ group: BuyingGroup) -> GroupFacts.Gap? {
        var gap = gapIdentity(coverage, group)
        gap?.shortfall = coverage.shortfall
        let roles: [String]
        if case let .missingVoice(_, role) = coverage.need.kind { roles = [role] } else {
            roles = Array(Set(coverage.need.stakeholders.compactMap { group.stakeholder($0)?.role })).sorted()
        }
        gap?.roles = roles
        return gap
    }

    func gapIdentity(_ coverage: NeedCoverage, _ group: BuyingGroup) -> GroupFacts.Gap? {
        switch coverage.need.kind {
        case let .conflict(topic):
            return .init(key: "conflict:\(topic)", kind: "conflict", label: "Settling a split on \(words.topic(topic))",
                         bestAsset: coverage.bestAsset, strength: coverage.strength)
        case let .stalledJob(job):
            return .init(key: "stalled-job:\(job.rawValue)", kind: "stalled-job", label: "Unsticking a stalled \(words.job(job))",
                         bestAsset: coverage.bestAsset, strength: coverage.strength)
        case let .unengagedStakeholder(id):
            guard let role = group.stakeholder(id)?.role else { return nil }
            return .init(key: "unengaged-role:\(role)", kind: "unengaged-stakeholder", label: "Reaching \(words.role(role)) stakeholders",
                         bestAsset: coverage.bestAsset, strength: coverage.strength)
        case let .missingVoice(job, role):
            return .init(key: "missing-voice:\(job.rawValue):\(role)", kind: "missing-voice",
                         label: "Bringing \(words.role(role)) into \(words.job(job))",
                         bestAsset: coverage.bestAsset, strength: coverage.strength)
        case .activeJob:
            return nil
        }
    }
}
