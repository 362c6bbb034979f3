/// Scores assets for one group from the packed columns of a ``MatchTable``: the same score
/// ``MatchContext/evaluate(_:at:)`` gives, bit for bit, computed from masks and counts worked out
/// once per need instead of from each asset's strings.
///
/// Assets whose score depends on more than their tags — one the group already had, one a rep
/// dismissed, a resolver of an open split (its sides and the waits it causes), another industry's
/// edition when the table has no bit for it — are left to the exact path (``routesExactly(_:)``);
/// they are few. The matcher's property tests hold the two paths equal on every asset.
struct ColumnScorer {
    /// One need, reduced to what an asset's columns are checked against.
    enum Plan {
        /// The asset can serve this need in no way the columns decide (nobody can receive it).
        case none
        /// A split on a topic: covering it, or sharing one of the jobs it is decided in.
        case split(Split)
        case job(Job)
        case reach(Reach)
        case voice(Voice)
    }

    struct Split {
        var topic: UInt64
        /// The jobs the topic is decided in.
        var jobs: UInt8
        /// Each side's roles as bits, and how many sides there are.
        var sideRoles: [UInt64]
        /// The roles of the people it may go to (not waiting for a resolver, `--to`), and whether there is anyone.
        var targetRoles: UInt64
        var anyTarget: Bool
    }

    struct Job {
        var job: UInt8
        /// People concerned, by role bit: those the need names, and the rest of the group.
        var named: [Int]
        var others: [Int]
        var namedCount: Int
        /// With `--to`: whether they are named, and their role bit (0 when no asset has their role).
        var onlyTo: (named: Bool, role: UInt64)?
    }

    struct Reach {
        var role: UInt64
    }

    struct Voice {
        var role: UInt64
        var job: UInt8
    }

    /// One contribution, as the score needs it.
    struct Part {
        var need: Int
        var value: Double
        var isReach: Bool
        var serves: Bool
    }

    let context: MatchContext
    let table: MatchTable
    let plans: [Plan]
    /// Per need: its urgency.
    let urgencies: [Double]
    /// Per need: asset position → evidence factor (only conflicts and stalled jobs learn from outcomes).
    let evidence: [[Int: Double]]
    let day: Int
    let reviewSoon: Int
    let openJobs: UInt8
    /// The group's industry as a bit (0 when no asset is made for it), or `nil` when the group names none.
    let industry: UInt64?
    /// Positions the exact path scores.
    let exactly: Set<Int>

    init(context: MatchContext, index: CatalogIndex) {
        self.context = context
        let table = index.table
        self.table = table
        let diagnosis = context.diagnosis
        let policy = context.options.policy
        let onlyTo = context.options.onlyTo
        day = diagnosis.asOf.ordinal
        reviewSoon = policy.reviewSoonDays
        openJobs = context.openJobs.reduce(UInt8(0)) { $0 | MatchTable.bit($1) }
        industry = context.group.industry.map { MatchTable.bit($0, in: table.industryBit) }
        let roleBits = context.roles.mapValues { MatchTable.bit($0, in: table.roleBit) }
        func roleBit(_ person: String) -> UInt64 { roleBits[person] ?? 0 }
        func admits(_ person: String) -> Bool { onlyTo == nil || onlyTo == person }
        let bitNumber: (UInt64) -> Int? = { $0 == 0 ? nil : $0.trailingZeroBitCount }

        urgencies = diagnosis.needs.map(\.urgency)
        plans = diagnosis.needs.map { need -> Plan in
            switch need.kind {
            case let .conflict(topic):
                guard let conflict = diagnosis.conflicts.first(where: { $0.topic == topic }) else { return .none }
                let waiting = context.waiting[topic] ?? []
                let targets = conflict.stakeholders.filter { !waiting.contains($0) && admits($0) }
                let jobs = (context.taxonomy.topic(topic)?.jobs ?? []).reduce(UInt8(0)) { $0 | MatchTable.bit($1) }
                return .split(Split(topic: MatchTable.bit(topic, in: table.topicBit), jobs: jobs,
                                          sideRoles: conflict.sides.map { $0.stakeholders.reduce(0) { $0 | roleBit($1) } },
                                          targetRoles: targets.reduce(0) { $0 | roleBit($1) }, anyTarget: !targets.isEmpty))
            case let .stalledJob(job), let .activeJob(job):
                var named = [Int](repeating: 0, count: 64), others = [Int](repeating: 0, count: 64)
                for person in need.stakeholders { if let bit = bitNumber(roleBit(person)) { named[bit] += 1 } }
                let listed = Set(need.stakeholders)
                for person in context.group.stakeholders where !listed.contains(person.id) {
                    if let bit = bitNumber(roleBit(person.id)) { others[bit] += 1 }
                }
                return .job(Job(job: MatchTable.bit(job), named: named, others: others, namedCount: need.stakeholders.count,
                                onlyTo: onlyTo.map { (named: listed.contains($0), role: roleBit($0)) }))
            case let .unengagedStakeholder(person):
                guard context.roles[person] != nil, admits(person) else { return .none }
                return .reach(Reach(role: roleBit(person)))
            case let .missingVoice(job, role):
                guard let broker = need.stakeholders.first, admits(broker) else { return .none }
                let bit = MatchTable.bit(role, in: table.roleBit)
                return bit == 0 ? .none : .voice(Voice(role: bit, job: MatchTable.bit(job)))
            }
        }

        evidence = diagnosis.needs.map { need -> [Int: Double] in
            switch need.kind {
            case .conflict, .stalledJob:
                guard let records = context.options.evidence.byNeed[need.kind.key] else { return [:] }
                var factors: [Int: Double] = [:]
                for (asset, record) in records {
                    if let position = index.position(of: asset) { factors[position] = policy.evidenceFactor(record) }
                }
                return factors
            case .unengagedStakeholder, .missingVoice, .activeJob:
                return [:]
            }
        }

        var exactly = Set<Int>()
        for touch in context.group.touches where touch.date <= diagnosis.asOf {
            if let position = index.position(of: touch.asset) { exactly.insert(position) }
        }
        for id in context.dismissed {
            if let position = index.position(of: id) { exactly.insert(position) }
        }
        for conflict in diagnosis.conflicts {
            for position in index.byResolvedTopic[conflict.topic] ?? [] { exactly.insert(position) }
        }
        self.exactly = exactly
    }

    /// Whether `position` is scored by the exact path (see the type's description).
    func routesExactly(_ position: Int) -> Bool { exactly.contains(position) }

    /// The asset's contributions, in need order, into `parts`; its factor, or `nil` when it is not
    /// live or serves no need (what the exact path returns `nil` for).
    func parts(_ position: Int, into parts: inout [Part]) -> Double? {
        parts.removeAll(keepingCapacity: true)
        guard table.isLive(position, on: day) else { return nil }
        let policy = context.options.policy
        let roles = table.roleMask[position]
        let jobs = table.jobMask[position]
        let flags = table.flags[position]
        let everyone = flags.contains(.reachesEveryone)
        for (need, plan) in plans.enumerated() {
            let urgency = urgencies[need]
            switch plan {
            case .none:
                continue
            case let .split(split):
                let fit: Double
                if table.topicMask[position] & split.topic != 0 { fit = policy.coversTopic }
                else if jobs & split.jobs != 0 { fit = policy.sharesTopicJob }
                else { continue }
                guard split.anyTarget, everyone || roles & split.targetRoles != 0 else { continue }
                let reached = everyone ? split.sideRoles.count : split.sideRoles.reduce(0) { $0 + ($1 & roles != 0 ? 1 : 0) }
                let audience = reached == split.sideRoles.count ? 1.0 : policy.oneSidedAudience
                var value = urgency * fit * audience
                if let factor = evidence[need][position] { value *= factor }
                if value > 0 {
                    parts.append(Part(need: need, value: value, isReach: false, serves: table.topicMask[position] & split.topic != 0))
                }
            case let .job(job):
                let jobFit = table.primaryJob[position] == job.job ? policy.primaryJob : jobs & job.job != 0 ? policy.secondaryJob : 0
                guard jobFit > 0 else { continue }
                let concerned: Int, reachable: Int
                if let only = job.onlyTo {
                    concerned = only.named || roles & only.role != 0 ? 1 : 0
                    reachable = concerned == 1 && (everyone || roles & only.role != 0) ? 1 : 0
                } else {
                    var madeFor = 0, named = 0
                    var mask = roles
                    while mask != 0 {
                        let bit = mask.trailingZeroBitCount
                        madeFor += job.others[bit]
                        named += job.named[bit]
                        mask &= mask - 1
                    }
                    concerned = job.namedCount + madeFor
                    reachable = everyone ? concerned : named + madeFor
                }
                guard reachable > 0 else { continue }
                var value = urgency * jobFit * policy.jobReach(reached: reachable, of: concerned)
                if let factor = evidence[need][position] { value *= factor }
                if value > 0 { parts.append(Part(need: need, value: value, isReach: false, serves: true)) }
            case let .reach(reach):
                let roleFit = roles & reach.role != 0 ? policy.reachForRole : everyone ? policy.reachForEveryone : 0
                guard roleFit > 0 else { continue }
                let timely = jobs & openJobs != 0
                let channel = flags.contains(.repLed) ? policy.reachRepLed : 1.0
                let value = urgency * roleFit * (timely ? 1 : policy.reachOffJob) * channel
                if value > 0 { parts.append(Part(need: need, value: value, isReach: true, serves: true)) }
            case let .voice(voice):
                guard roles & voice.role != 0 else { continue }
                let onJob = jobs & voice.job != 0
                let value = urgency * (flags.contains(.shareable) ? policy.voiceShareable : policy.voiceNotShareable)
                    * (onJob ? 1 : policy.voiceOffJob)
                if value > 0 { parts.append(Part(need: need, value: value, isReach: false, serves: true)) }
            }
        }
        var factor = 1.0
        // Another industry's edition keeps only the needs nothing of the group's industry serves.
        if let industry, flags.contains(.hasIndustries), table.industryMask[position] & industry == 0 {
            parts.removeAll { context.ownIndustry.serves($0.need, context: context) }
            factor *= policy.otherIndustry
        }
        guard parts.contains(where: \.serves) else { return nil }
        if table.reviewDay[position] != Int.max, table.reviewDay[position] - day <= reviewSoon { factor *= policy.dueForReview }
        return factor
    }

    /// The score of `parts` under `weights`, added up exactly as ``MatchContext/Evaluation/score(weights:)`` does.
    func score(_ parts: [Part], factor: Double, weights: [Double], reach: inout [Double]) -> Double {
        var total = 0.0
        reach.removeAll(keepingCapacity: true)
        for part in parts {
            let value = weights[part.need] * part.value
            if part.isReach { reach.append(value) } else { total += value }
        }
        if reach.count > 1 { reach.sort(by: >) }
        var share = 1.0
        for value in reach {
            total += value * share
            share *= context.options.policy.reachDiminishing
        }
        return factor * total
    }
}
