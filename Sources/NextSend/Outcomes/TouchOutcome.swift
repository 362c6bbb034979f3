/// What followed a touch: did the conflicts it could settle close, did its jobs move?
///
/// Marketing reads these to learn which assets help. A conflict counts when it was open before
/// the day of the send, the asset resolves or covers its topic and a recipient was in it; a job
/// counts when it is one of the asset's jobs and was open before the day of the send. What
/// happens on the day of the send itself counts as following it (a conflict settled in the
/// meeting where the model was shared), and an asset sent for something else gets no credit.
public struct TouchOutcome: Sendable, Hashable, Codable {
    public var group: String
    public var asset: String
    public var date: Day
    public var recipients: Int
    public var consumed: Bool
    /// Conflicts the asset could help with, open on the day it was sent.
    public var conflictsAddressed: [String]
    /// Of those, the ones closed within the follow-up window.
    public var conflictsClosed: [String]
    /// The asset's jobs that were open on the day it was sent.
    public var jobsAddressed: [BuyingJob]
    /// Of those, the ones with an event (progressed, completed…) within the follow-up window.
    public var jobsMoved: [BuyingJob]
    /// The follow-up window ended on or before the day of the analysis.
    public var complete: Bool

    /// Outcomes of the touches dated in `from...asOf`, looking `windowDays` ahead of each (never past `asOf`).
    public static func analyse(_ group: BuyingGroup, assets: (String) -> Asset?, taxonomy: Taxonomy,
                               from: Day, asOf: Day, windowDays: Int = 14) -> [TouchOutcome] {
        group.touches.filter { $0.date >= from && $0.date <= asOf }.sorted {
            $0.date != $1.date ? $0.date < $1.date : $0.asset < $1.asset
        }.compactMap { touch in
            guard let asset = assets(touch.asset) else { return nil }
            let end = min(touch.date.adding(days: windowDays), asOf)
            // As things stood before the day of the send, so that what changed that day counts as following it.
            let before = touch.date.adding(days: -1)
            let open = ConflictDetector.detect(group.claims, taxonomy: taxonomy, asOf: before)
            let relevant = open.filter { conflict in
                (asset.resolves.contains { $0.topic == conflict.topic } || asset.topics.contains(conflict.topic))
                    && !Set(conflict.stakeholders).isDisjoint(with: touch.to)
            }.map(\.topic)
            let later = Set(ConflictDetector.detect(group.claims, taxonomy: taxonomy, asOf: end).map(\.topic))
            let board = JobBoard.evaluate(group.events, taxonomy: taxonomy, asOf: before)
            let openJobs = asset.jobs.filter { job in board.contains { $0.job == job && $0.isOpen } }
            let moved = openJobs.filter { job in
                group.events.contains { $0.job == job && $0.date >= touch.date && $0.date <= end }
            }
            return TouchOutcome(group: group.id, asset: asset.id, date: touch.date, recipients: touch.to.count, consumed: touch.consumed,
                                conflictsAddressed: relevant, conflictsClosed: relevant.filter { !later.contains($0) },
                                jobsAddressed: openJobs, jobsMoved: moved, complete: touch.date.adding(days: windowDays) <= asOf)
        }
    }
}
