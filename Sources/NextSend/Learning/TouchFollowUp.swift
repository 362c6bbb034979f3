/// What followed one send for one need it could serve: the one rule for "did it help", which the
/// matcher learns from and marketing's digest reports.
///
/// A send on day D is followed up for each conflict it could settle (an asset that resolves or
/// covers its topic, sent to someone in the split, open the day before D) and each stalled job it
/// was built for (stalled the day before D). The need is **met** on the first day from D through
/// D + ``ScoringPolicy/followUpDays`` that the conflict is no longer open or the job has an event;
/// until the window's last day it is **pending**, after that **unmet**.
public struct TouchFollowUp: Sendable, Hashable {
    public enum State: String, Sendable, Hashable, Codable {
        case met, pending, unmet
    }

    public var asset: String
    /// `conflict:<topic>` or `stalled-job:<job>`.
    public var need: String
    public var sent: Day
    /// The first day within the window the need was met (the conflict closed, the job moved).
    public var met: Day?

    /// Where the follow-up stands on `asOf`: met once the need was met (on or before `asOf`),
    /// pending while the window has days left, unmet after.
    public func state(asOf: Day, windowDays: Int = ScoringPolicy.standard.followUpDays) -> State {
        if let met, met <= asOf { return .met }
        return sent.adding(days: windowDays) > asOf ? .pending : .unmet
    }

    /// The topic of a conflict need, or `nil`.
    public var conflictTopic: String? { need.hasPrefix("conflict:") ? String(need.dropFirst("conflict:".count)) : nil }
    /// The job of a stalled-job need, or `nil`.
    public var stalledJob: BuyingJob? { need.hasPrefix("stalled-job:") ? BuyingJob(rawValue: String(need.dropFirst("stalled-job:".count))) : nil }

    /// Every send of `group`, followed up.
    public static func of(_ group: BuyingGroup, assets: (String) -> Asset?, taxonomy: Taxonomy,
                          windowDays: Int = ScoringPolicy.standard.followUpDays) -> [TouchFollowUp] {
        group.touches.flatMap { touch in
            assets(touch.asset).map { of(touch, asset: $0, in: group, taxonomy: taxonomy, windowDays: windowDays) } ?? []
        }
    }

    /// One send followed up: a row per conflict it could settle and per stalled job it was built for.
    public static func of(_ touch: Touch, asset: Asset, in group: BuyingGroup, taxonomy: Taxonomy,
                          windowDays: Int = ScoringPolicy.standard.followUpDays) -> [TouchFollowUp] {
        var rows: [TouchFollowUp] = []
        // As things stood before the day of the send, so that what changed that day counts as following it.
        let before = touch.date.adding(days: -1)
        let end = touch.date.adding(days: windowDays)
        for conflict in ConflictDetector.detect(group.claims, taxonomy: taxonomy, asOf: before)
        where (asset.resolves.contains { $0.topic == conflict.topic } || asset.topics.contains(conflict.topic))
            && !Set(conflict.stakeholders).isDisjoint(with: touch.to) {
            // The first claim day in the window after which the conflict is no longer open.
            let days = Set(group.claims.filter { $0.topic == conflict.topic && $0.date >= touch.date && $0.date <= end }.map(\.date)).sorted()
            let met = days.first { day in
                !ConflictDetector.detect(group.claims, taxonomy: taxonomy, asOf: day).contains { $0.topic == conflict.topic }
            }
            rows.append(TouchFollowUp(asset: asset.id, need: Need.Kind.conflict(topic: conflict.topic).key, sent: touch.date, met: met))
        }
        for state in JobBoard.evaluate(group.events, taxonomy: taxonomy, asOf: before)
        where state.status == .stalled && asset.jobs.contains(state.job) {
            let met = group.events.filter { $0.job == state.job && $0.date >= touch.date && $0.date <= end }.map(\.date).min()
            rows.append(TouchFollowUp(asset: asset.id, need: Need.Kind.stalledJob(state.job).key, sent: touch.date, met: met))
        }
        return rows
    }
}
