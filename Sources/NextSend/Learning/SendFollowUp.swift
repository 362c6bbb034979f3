/// One send followed up for one need: the rows the store keeps to learn from.
public struct SendFollowUp: Sendable, Hashable {
    public var asset: String
    /// `conflict:<topic>` or `stalled-job:<job>`.
    public var need: String
    public var sent: Day
    /// The first day within the window the need was met (the conflict closed, the job moved).
    public var met: Day?

    /// Every send of `group` followed up for the conflicts it could settle (its topic, someone in
    /// the split among the recipients) and the stalled jobs it was built for, as of the day before.
    public static func of(_ group: BuyingGroup, assets: (String) -> Asset?, taxonomy: Taxonomy, windowDays: Int = 14) -> [SendFollowUp] {
        var rows: [SendFollowUp] = []
        for touch in group.touches {
            guard let asset = assets(touch.asset) else { continue }
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
                rows.append(SendFollowUp(asset: asset.id, need: Need.Kind.conflict(topic: conflict.topic).key, sent: touch.date, met: met))
            }
            for state in JobBoard.evaluate(group.events, taxonomy: taxonomy, asOf: before)
            where state.status == .stalled && asset.jobs.contains(state.job) {
                let met = group.events.filter { $0.job == state.job && $0.date >= touch.date && $0.date <= end }.map(\.date).min()
                rows.append(SendFollowUp(asset: asset.id, need: Need.Kind.stalledJob(state.job).key, sent: touch.date, met: met))
            }
        }
        return rows
    }
}
