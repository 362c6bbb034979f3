import Foundation

/// Which asset serves a kind of need best, remembered across the groups of one run: the digest
/// checks every group's needs against the whole catalog, and at 100,000 assets that search was
/// half of it, while most groups' needs look alike to the catalog.
///
/// A need's best asset depends on the need and on the people behind it only through their roles
/// and influence, the group's industry and the jobs under way (``GapMemo/signature(of:group:diagnosis:openJobs:)``
/// says exactly what). A group whose history can change an asset's reach (someone waiting with a
/// resolver, a recent send) is never remembered nor served from memory. What is remembered is the
/// asset; its strength and shortfall are worked out again for each group, so the figures a group
/// gets are its own, and when the remembered asset no longer holds for it the search runs in full.
public final class GapMemo: @unchecked Sendable {
    enum Finding {
        /// An asset that serves the need strongly.
        case served(position: Int)
        /// The need's best asset, or none at all.
        case best(position: Int?)
    }

    private let lock = NSLock()
    private var findings: [String: Finding] = [:]

    public init() {}

    /// How many kinds of need it holds an answer for.
    public var count: Int { lock.withLock { findings.count } }

    func finding(_ signature: String) -> Finding? { lock.withLock { findings[signature] } }

    func remember(_ finding: Finding, for signature: String) { lock.withLock { findings[signature] = finding } }

    /// What an asset's contribution to `need` reads of the group (``MatchContext/contribution(of:to:at:)``
    /// and its shortfall), with people as their role and influence; `nil` when the group's history
    /// makes its answer its own. Bounds only prune the search, so they need not agree. (The gap
    /// check's context reads no sends today, with a resend window of 0 and no index for resolver
    /// waits; the guard keeps a later change to that from reaching remembered answers.)
    static func signature(of need: Need, group: BuyingGroup, diagnosis: Diagnosis, context: MatchContext) -> String? {
        guard context.waiting.isEmpty, context.recentlySent.isEmpty else { return nil }
        var people: [String: Stakeholder] = [:]
        for person in group.stakeholders where people[person.id] == nil { people[person.id] = person }
        func person(_ id: String) -> String { people[id].map { "\($0.role)/\($0.influence)" } ?? "?" }
        // The day decides which assets are live; the industry, which editions fit.
        var parts = [diagnosis.asOf.description, group.industry ?? "", need.kind.name]
        switch need.kind {
        case let .conflict(topic):
            // Each side's view and its people (their roles reach, their influence weighs). The
            // urgency too: a strength is a contribution over it, and two assets whose strengths
            // are equal in theory can round apart by one bit differently under another urgency,
            // which would hand one group another group's tie-break.
            guard let conflict = diagnosis.conflicts.first(where: { $0.topic == topic }) else { return nil }
            parts.append(topic)
            parts.append("\(need.urgency.bitPattern)")
            for side in conflict.sides {
                switch side.value {
                case let .position(position): parts.append("p:" + position)
                case let .number(value): parts.append("n:\(value.bitPattern)")
                }
                parts.append(side.stakeholders.map(person).joined(separator: ","))
            }
        case let .stalledJob(job), let .activeJob(job):
            // Who is concerned: the need's people, and everyone whose role an asset may be made for.
            let concerned = Set(need.stakeholders)
            parts.append(job.rawValue)
            parts.append("\(need.urgency.bitPattern)")  // as for a split: ties must break alike
            parts.append(group.stakeholders.map { "\($0.role):\(concerned.contains($0.id))" }.sorted().joined(separator: ","))
            parts.append(need.stakeholders.filter { people[$0] == nil }.count.description)
        case let .unengagedStakeholder(id):
            // Their role, and whether an asset's jobs are under way.
            parts.append(people[id]?.role ?? "?")
            parts.append(context.openJobs.map(\.rawValue).sorted().joined(separator: ","))
        case let .missingVoice(job, role):
            parts += [job.rawValue, role, need.stakeholders.isEmpty ? "-" : "+"]
        }
        return parts.joined(separator: "|")
    }
}
