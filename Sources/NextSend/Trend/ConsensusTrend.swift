/// Whether a buying group is coming together or drifting apart, week by week.
///
/// Each week is the group as it stood on that week's Sunday (the as-of day itself for its own
/// week), rebuilt from the dated history: claims, events and sends dated on or before that day; a
/// fact retracted on a known day counts until the day before; a stakeholder counts from their first
/// dated fact (a claim of theirs or a send to them), so someone with none counts in no week: the
/// store does not know when they joined, and counting them in every week would rewrite past weeks
/// whenever their first fact arrives. The group is then diagnosed as of that day, as a rep saw it.
///
/// ```swift
/// let trend = ConsensusTrend.of(group, taxonomy: taxonomy, asOf: Day("2026-11-29")!)
/// trend.direction   // .converging
/// trend.weeks.last  // 2026-W48: 1 conflict, 0 stalled, 1 unreached, 0 missing voices
/// ```
public struct ConsensusTrend: Sendable, Hashable {
    /// How many weeks a trend shows, ending with the as-of day's week.
    public static let standardWeeks = 12
    /// The direction compares the as-of day with this many weeks earlier.
    public static let directionWeeks = 4

    /// Oldest first; the last is the as-of day's week.
    public var weeks: [TrendWeek]
    public var direction: TrendDirection

    /// The trend over `weeks` weeks ending with the week of `asOf`.
    public static func of(_ group: BuyingGroup, taxonomy: Taxonomy, asOf: Day, weeks: Int = standardWeeks) -> ConsensusTrend {
        let current = IsoWeek(containing: asOf)
        var week = current
        var list: [IsoWeek] = [current]
        for _ in 1..<max(1, weeks) {
            week = week.previous
            list.insert(week, at: 0)
        }
        let history = TrendHistory(group)
        let timeline = ConflictTimeline(group, taxonomy: taxonomy)
        let entries = list.map { entry(history, timeline: timeline, taxonomy: taxonomy, week: $0, asOf: asOf) }
        // The direction's two days are weeks of the trend when it is long enough: no diagnosis twice.
        let direction: TrendDirection
        if entries.count > directionWeeks, let now = entries.last {
            direction = TrendDirection(now: now.openProblems, then: entries[entries.count - 1 - directionWeeks].openProblems)
        } else {
            direction = ConsensusTrend.direction(group, taxonomy: taxonomy, asOf: asOf)
        }
        return ConsensusTrend(weeks: entries, direction: direction)
    }

    /// The direction alone: the as-of day against the Sunday ``directionWeeks`` weeks before its week
    /// (two diagnoses, so `group list` can show it for every group).
    public static func direction(_ group: BuyingGroup, taxonomy: Taxonomy, asOf: Day) -> TrendDirection {
        var earlier = IsoWeek(containing: asOf)
        for _ in 0..<directionWeeks { earlier = earlier.previous }
        let history = TrendHistory(group)
        let now = Diagnoser.openProblems(history.group(on: asOf), taxonomy: taxonomy, asOf: asOf)
        let then = Diagnoser.openProblems(history.group(on: earlier.sunday), taxonomy: taxonomy, asOf: earlier.sunday)
        return TrendDirection(now: now.total, then: then.total)
    }

    /// One week: the group as it stood on its Sunday (or `asOf` for the current week), and its sends.
    static func entry(_ history: TrendHistory, timeline: ConflictTimeline, taxonomy: Taxonomy, week: IsoWeek, asOf: Day) -> TrendWeek {
        let day = min(week.sunday, asOf)
        let open = Diagnoser.openProblems(history.group(on: day), taxonomy: taxonomy, asOf: day, conflicts: timeline.count(on: day))
        // One send per asset, person and day, as the store counts them.
        var sends = Set<String>()
        var consumed = Set<String>()
        for touch in history.base.touches where touch.date >= week.monday && touch.date <= day {
            for person in touch.to {
                let key = "\(touch.asset)\u{1}\(person)\u{1}\(touch.date)"
                sends.insert(key)
                if touch.consumed { consumed.insert(key) }
            }
        }
        return TrendWeek(week: week, asOf: day, conflicts: open.conflicts, stalled: open.stalled, unreached: open.unreached,
                         missingVoices: open.missingVoices, sends: sends.count, consumed: consumed.count)
    }
}

/// Converging, stuck or diverging: one rule, the sum of open conflicts, stalled jobs, unreached
/// people and missing voices now against ``ConsensusTrend/directionWeeks`` weeks earlier.
public enum TrendDirection: String, Sendable, Hashable, Codable {
    case converging, stuck, diverging

    public init(now: Int, then: Int) {
        self = now < then ? .converging : now > then ? .diverging : .stuck
    }
}

/// One week of a group's trend.
public struct TrendWeek: Sendable, Hashable, Codable {
    public var week: IsoWeek
    /// The day it was taken as of: the week's Sunday, or the as-of day in its own week.
    public var asOf: Day
    public var conflicts: Int
    public var stalled: Int
    public var unreached: Int
    public var missingVoices: Int
    /// Sends dated in the week (one per asset, person and day).
    public var sends: Int
    /// Those of them marked consumed (a mark has no date: as things are now).
    public var consumed: Int

    /// What the direction adds up: conflicts, stalled jobs, unreached people and missing voices.
    public var openProblems: Int { conflicts + stalled + unreached + missingVoices }
}

extension BuyingGroup {
    /// The group as it stood on `day`: facts dated after it left out, facts retracted after it put
    /// back, people counted from their first dated fact (someone with none is left out).
    public func asItStood(on day: Day) -> BuyingGroup {
        var past = TrendHistory(self).group(on: day)
        past.claims.removeAll { $0.date > day }
        past.events.removeAll { $0.date > day }
        past.touches.removeAll { $0.date > day }
        past.dismissals.removeAll { $0.date > day }
        return past
    }
}

/// A group's history prepared once for looking back at many days: each person's first dated fact
/// is found once, not once per week.
struct TrendHistory {
    let base: BuyingGroup
    /// Stakeholder → the day of their first claim or send.
    let firstSeen: [String: Day]

    init(_ group: BuyingGroup) {
        base = group
        var first: [String: Day] = [:]
        func saw(_ person: String, _ date: Day) {
            if let known = first[person], known <= date { return }
            first[person] = date
        }
        for claim in group.claims { saw(claim.stakeholder, claim.date) }
        for retracted in group.retractions.claims { saw(retracted.fact.stakeholder, retracted.fact.date) }
        for touch in group.touches { for person in touch.to { saw(person, touch.date) } }
        firstSeen = first
    }

    /// The group with the facts that counted on `day`. Facts dated after it stay: every rule of the
    /// diagnosis already ignores them, and leaving them saves a copy per week.
    func group(on day: Day) -> BuyingGroup {
        var past = base
        let retractions = base.retractions
        if !retractions.claims.isEmpty { past.claims += retractions.claims.filter { $0.on > day }.map(\.fact) }
        // The job board replays events in date order, so a retracted one goes back where its date puts it.
        if !retractions.events.isEmpty { past.events += retractions.events.filter { $0.on > day }.map(\.fact) }
        let people = retractions.stakeholders.isEmpty ? base.stakeholders : base.stakeholders + retractions.stakeholders.filter { $0.on > day }.map(\.fact)
        past.stakeholders = people.filter { person in firstSeen[person.id].map { $0 <= day } ?? false }
        past.retractions = GroupRetractions()
        return past
    }
}
