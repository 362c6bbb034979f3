/// What followed a touch, as marketing reads it: the conflicts it could settle and the stalled jobs
/// it was built for, and which of them were met, are pending or were not met.
///
/// Built from ``TouchFollowUp``, the one rule the matcher also learns from, so marketing's "what
/// helped" and the matcher's evidence never disagree about a send.
public struct TouchOutcome: Sendable, Hashable, Codable {
    public var group: String
    public var asset: String
    public var date: Day
    public var recipients: Int
    public var consumed: Bool
    /// Conflicts the asset could help with, open the day before it was sent.
    public var conflictsAddressed: [String]
    /// Of those, the ones that closed within the follow-up window (by the day of the analysis).
    public var conflictsClosed: [String]
    /// Of those, the ones still open whose window has days left: not a failure yet.
    public var conflictsPending: [String]
    /// The stalled jobs the asset was built for, stalled the day before it was sent.
    public var jobsAddressed: [BuyingJob]
    /// Of those, the ones with an event within the follow-up window (by the day of the analysis).
    public var jobsMoved: [BuyingJob]
    /// Of those, the ones that have not moved yet and whose window has days left.
    public var jobsPending: [BuyingJob]
    /// The follow-up window ended on or before the day of the analysis.
    public var complete: Bool

    /// Outcomes of the touches dated in `from...asOf`, as things stand on `asOf`.
    public static func analyse(_ group: BuyingGroup, assets: (String) -> Asset?, taxonomy: Taxonomy,
                               from: Day, asOf: Day, windowDays: Int = ScoringPolicy.standard.followUpDays) -> [TouchOutcome] {
        group.touches.filter { $0.date >= from && $0.date <= asOf }.sorted {
            $0.date != $1.date ? $0.date < $1.date : $0.asset < $1.asset
        }.compactMap { touch in
            guard let asset = assets(touch.asset) else { return nil }
            let rows = TouchFollowUp.of(touch, asset: asset, in: group, taxonomy: taxonomy, windowDays: windowDays)
            func topics(_ state: TouchFollowUp.State?) -> [String] {
                rows.filter { state == nil || $0.state(asOf: asOf, windowDays: windowDays) == state }.compactMap(\.conflictTopic)
            }
            func jobs(_ state: TouchFollowUp.State?) -> [BuyingJob] {
                rows.filter { state == nil || $0.state(asOf: asOf, windowDays: windowDays) == state }.compactMap(\.stalledJob)
            }
            return TouchOutcome(group: group.id, asset: asset.id, date: touch.date, recipients: touch.to.count, consumed: touch.consumed,
                                conflictsAddressed: topics(nil), conflictsClosed: topics(.met), conflictsPending: topics(.pending),
                                jobsAddressed: jobs(nil), jobsMoved: jobs(.met), jobsPending: jobs(.pending),
                                complete: touch.date.adding(days: windowDays) <= asOf)
        }
    }
}
