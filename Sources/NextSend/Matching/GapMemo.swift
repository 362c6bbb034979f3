import Foundation

/// Which asset serves a kind of need best, remembered across the groups of one run: the digest
/// checks every group's needs against the whole catalog, and at 100,000 assets that search was
/// half of it, while most groups' needs look alike to the catalog.
///
/// A need's best asset depends on the need and on the people behind it only through their roles
/// and influence, the group's industry and the jobs under way (``GapMemo/signature(of:group:diagnosis:context:)``
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
    /// Two generations: answers go into `recent`; when it is full it becomes `older` and the
    /// oldest generation is dropped, and an answer found in `older` moves back to `recent`. So the
    /// memo holds at most twice `capacity` answers however many groups a run has (signatures
    /// carry urgencies and figures, so at 100,000 groups most are seen once), and the kinds of
    /// need that keep coming back stay. Forgetting an answer changes no output, only its cost.
    private var recent: [Signature: Finding] = [:]
    private var older: [Signature: Finding] = [:]
    /// How many answers a generation holds.
    public let capacity: Int

    public init(capacity: Int = 20_000) {
        self.capacity = max(1, capacity)
    }

    /// How many kinds of need it holds an answer for.
    public var count: Int { lock.withLock { recent.count + older.count } }

    func finding(_ signature: Signature) -> Finding? {
        lock.withLock {
            if let found = recent[signature] { return found }
            guard let found = older.removeValue(forKey: signature) else { return nil }
            keep(found, for: signature)
            return found
        }
    }

    func remember(_ finding: Finding, for signature: Signature) { lock.withLock { keep(finding, for: signature) } }

    /// (Called with the lock held.)
    private func keep(_ finding: Finding, for signature: Signature) {
        if recent.count >= capacity, recent[signature] == nil {
            older = recent
            recent = [:]
        }
        recent[signature] = finding
    }

    /// What a need's best asset depends on, as plain values: hashing them is cheap, where writing
    /// them out as text (the day as a date, every figure's bits in decimal) was a third of the gap check.
    struct Signature: Hashable {
        var day: Day
        var industry: String?
        var kind: String
        /// Ids and people as role and influence, in the order the need gives them.
        var words: [String] = []
        /// Urgencies and figures by their bits, and counts that keep the words' grouping.
        var numbers: [UInt64] = []
    }

    /// What an asset's contribution to `need` reads of the group (``MatchContext/contribution(of:to:at:)``
    /// and its shortfall), with people as their role and influence; `nil` when the group's history
    /// makes its answer its own. Bounds only prune the search, so they need not agree. (The gap
    /// check's context reads no sends today, with a resend window of 0 and no index for resolver
    /// waits; the guard keeps a later change to that from reaching remembered answers.)
    static func signature(of need: Need, group: BuyingGroup, diagnosis: Diagnosis, context: MatchContext) -> Signature? {
        guard context.waiting.isEmpty, context.recentlySent.isEmpty else { return nil }
        // (The first person with an id, as a dictionary built in id order would keep.)
        func person(_ id: String) -> Stakeholder? { group.stakeholders.first { $0.id == id } }
        // The day decides which assets are live; the industry, which editions fit.
        var signature = Signature(day: diagnosis.asOf, industry: group.industry ?? "", kind: need.kind.name)
        switch need.kind {
        case let .conflict(topic):
            // Each side's view and its people (their roles reach, their influence weighs). The
            // urgency too: a strength is a contribution over it, and two assets whose strengths
            // are equal in theory can round apart by one bit differently under another urgency,
            // which would hand one group another group's tie-break.
            guard let conflict = diagnosis.conflicts.first(where: { $0.topic == topic }) else { return nil }
            signature.words.append(topic)
            signature.numbers.append(need.urgency.bitPattern)
            for side in conflict.sides {
                switch side.value {
                case let .position(position): signature.words.append("p:" + position)
                case let .number(value):
                    signature.words.append("n")
                    signature.numbers.append(value.bitPattern)
                }
                signature.numbers.append(UInt64(side.stakeholders.count))
                for id in side.stakeholders {
                    let holder = person(id)
                    signature.words += [holder?.role ?? "?", holder?.influence ?? "?"]
                }
            }
        case let .stalledJob(job), let .activeJob(job):
            // Who is concerned: the need's people, and everyone whose role an asset may be made for.
            let concerned = Set(need.stakeholders)
            signature.words.append(job.rawValue)
            signature.numbers.append(need.urgency.bitPattern)  // as for a split: ties must break alike
            let roles = group.stakeholders.map { ($0.role, concerned.contains($0.id)) }
                .sorted { $0.0 != $1.0 ? $0.0 < $1.0 : !$0.1 && $1.1 }
            signature.numbers.append(UInt64(roles.count))
            for (role, isConcerned) in roles {
                signature.words.append(role)
                signature.numbers.append(isConcerned ? 1 : 0)
            }
            signature.numbers.append(UInt64(need.stakeholders.filter { person($0) == nil }.count))
        case let .unengagedStakeholder(id):
            // Their role, and whether an asset's jobs are under way.
            signature.words.append(person(id)?.role ?? "?")
            signature.words += context.openJobs.map(\.rawValue).sorted()
        case let .missingVoice(job, role):
            signature.words += [job.rawValue, role]
            signature.numbers.append(need.stakeholders.isEmpty ? 0 : 1)
        }
        return signature
    }
}
