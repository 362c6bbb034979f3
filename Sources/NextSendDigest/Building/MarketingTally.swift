import Foundation
import NextSend

/// What the marketing digest keeps of the groups it has seen, folded in one group at a time.
///
/// The digest used to hold every group's ``DigestBuilder/GroupFacts`` until the last rep was
/// written (each gap with its label and shortfall sentences, last week's gaps, outcomes and
/// dismissals): at 100,000 groups that alone grew the run by hundreds of megabytes. A tally keeps
/// what the marketing digest reads, and no more: per kind of gap a count, the five groups where the
/// best asset fits least, the industries and roles; per asset the outcome counts; per dismissal
/// reason its counts; and the few dismissals that give a reason, with their group's gap keys.
///
/// Folding is order-free: tallies built on different threads merge into the same tally whatever
/// order they come in, so the digest stays byte for byte the same.
public struct MarketingTally: Sendable {
    /// How many groups were folded in.
    public private(set) var groupCount = 0
    /// Every group folded in had last week's gaps worked out (so the trend can be told).
    var everyGroupHasLastWeek = true
    var gaps: [String: GapTally] = [:]
    /// Last week's gaps: key → the label of the first group (by id) that had it, and how many had it.
    var lastWeek: [String: (group: String, label: String, groups: Int)] = [:]
    /// Outcome counts per asset (titles are filled in when the digest is built).
    var effects: [String: MarketingDigest.Effect] = [:]
    var reasons: [ReasonKey: ReasonTally] = [:]
    /// Dismissals that give a reason, for grouping reasons by their words.
    var reasoned: [DismissalReasons.Given] = []

    /// The groups named for one kind of gap: at most this many, weakest fit first.
    static let namedGroups = 5

    public init() {}

    /// The tally of `facts`, in any order.
    public init(_ facts: [DigestBuilder.GroupFacts]) {
        for group in facts { add(group) }
    }

    struct GapTally: Sendable {
        struct Entry: Sendable {
            var group: String
            var owner: String
            var gap: DigestBuilder.GroupFacts.Gap

            /// Weakest fit first: the group where the best asset serves least says most about what to write.
            func precedes(_ other: Entry) -> Bool {
                gap.strength != other.gap.strength ? gap.strength < other.gap.strength : group < other.group
            }
        }

        var groups = 0
        /// The weakest entries, in order, at most ``MarketingTally/namedGroups``.
        var weakest: [Entry] = []
        var industries: [String: Int] = [:]
        var roles: Set<String> = []

        mutating func keep(_ entries: [Entry]) {
            weakest = (weakest + entries).sorted { $0.precedes($1) }
            if weakest.count > MarketingTally.namedGroups { weakest.removeLast(weakest.count - MarketingTally.namedGroups) }
        }
    }

    struct ReasonKey: Hashable, Sendable {
        var asset: String
        var reason: String?
    }

    struct ReasonTally: Sendable {
        var count = 0
        var groups: Set<String> = []
        var reps: Set<String> = []
        var latest: Day

        mutating func add(_ other: ReasonTally) {
            count += other.count
            groups.formUnion(other.groups)
            reps.formUnion(other.reps)
            latest = max(latest, other.latest)
        }
    }

    /// Folds in one group's facts: the tally of that group alone, merged.
    public mutating func add(_ facts: DigestBuilder.GroupFacts) {
        var one = MarketingTally()
        one.groupCount = 1
        for gap in facts.gaps {
            one.gaps[gap.key] = GapTally(groups: 1, weakest: [GapTally.Entry(group: facts.group, owner: facts.owner, gap: gap)],
                                         industries: facts.industry.map { [$0: 1] } ?? [:], roles: Set(gap.roles))
        }
        if let previous = facts.previousGaps {
            for (key, label) in previous { one.lastWeek[key] = (facts.group, label, 1) }
        } else {
            one.everyGroupHasLastWeek = false
        }
        for outcome in facts.outcomes {
            one.effects[outcome.asset, default: .zero(outcome.asset)].add(MarketingDigest.Effect(
                asset: outcome.asset, title: "", sent: 1, consumed: outcome.consumed ? 1 : 0,
                conflictsAddressed: outcome.conflictsAddressed.count, conflictsClosed: outcome.conflictsClosed.count,
                conflictsPending: outcome.conflictsPending.count, jobsAddressed: outcome.jobsAddressed.count,
                jobsMoved: outcome.jobsMoved.count, jobsPending: outcome.jobsPending.count))
        }
        for dismissal in facts.dismissals {
            let text = dismissal.reason?.trimmingCharacters(in: .whitespacesAndNewlines)
            let key = ReasonKey(asset: dismissal.asset, reason: text?.isEmpty == false ? text : nil)
            one.reasons[key, default: ReasonTally(latest: dismissal.date)].add(
                ReasonTally(count: 1, groups: [facts.group], reps: [facts.owner], latest: dismissal.date))
            if let reason = key.reason {
                one.reasoned.append(DismissalReasons.Given(reason: reason, asset: dismissal.asset, group: facts.group,
                                                           gapKeys: facts.gaps.map(\.key)))
            }
        }
        merge(one)
    }

    /// Folds in another tally, as if its groups had been added one by one.
    public mutating func merge(_ other: MarketingTally) {
        groupCount += other.groupCount
        everyGroupHasLastWeek = everyGroupHasLastWeek && other.everyGroupHasLastWeek
        for (key, theirs) in other.gaps {
            guard var tally = gaps[key] else {
                gaps[key] = theirs
                continue
            }
            tally.groups += theirs.groups
            tally.keep(theirs.weakest)
            tally.industries.merge(theirs.industries, uniquingKeysWith: +)
            tally.roles.formUnion(theirs.roles)
            gaps[key] = tally
        }
        for (key, entry) in other.lastWeek { noteLastWeek(key, group: entry.group, label: entry.label, groups: entry.groups) }
        for (asset, theirs) in other.effects { effects[asset, default: .zero(asset)].add(theirs) }
        for (key, theirs) in other.reasons { reasons[key, default: ReasonTally(latest: theirs.latest)].add(theirs) }
        reasoned += other.reasoned
    }

    /// Last week's label of a gap is the one the first group by id gave it, whichever thread saw it first.
    private mutating func noteLastWeek(_ key: String, group: String, label: String, groups: Int) {
        guard let existing = lastWeek[key] else {
            lastWeek[key] = (group, label, groups)
            return
        }
        lastWeek[key] = group < existing.group ? (group, label, existing.groups + groups) : (existing.group, existing.label, existing.groups + groups)
    }

    /// Whether the week before can be compared with: every group had its gaps worked out, and there were groups.
    var tellsTrend: Bool { groupCount > 0 && everyGroupHasLastWeek }
}

extension MarketingDigest.Effect {
    /// No sends yet.
    static func zero(_ asset: String) -> Self {
        Self(asset: asset, title: "", sent: 0, consumed: 0, conflictsAddressed: 0, conflictsClosed: 0, conflictsPending: 0,
             jobsAddressed: 0, jobsMoved: 0, jobsPending: 0)
    }

    mutating func add(_ other: Self) {
        sent += other.sent
        consumed += other.consumed
        conflictsAddressed += other.conflictsAddressed
        conflictsClosed += other.conflictsClosed
        conflictsPending += other.conflictsPending
        jobsAddressed += other.jobsAddressed
        jobsMoved += other.jobsMoved
        jobsPending += other.jobsPending
    }
}
