import Dispatch

/// Scores every asset for one group from the packed columns of a ``MatchTable``: the same
/// contributions and factor ``MatchContext/evaluate(_:at:)`` gives, bit for bit, worked out from
/// masks and counts prepared once per need instead of from each asset's strings.
///
/// Assets whose score depends on more than their tags — one the group already had, one a rep
/// dismissed — go the exact way; they are few. A resolver of a split someone is waiting on is held
/// back from everyone waiting, whatever the need: it is scored from the columns with those people
/// left out (``HeldBack``). ``ColumnScorerTests`` holds the two ways equal on every asset.
struct ColumnScorer {
    /// One need, reduced to what an asset's columns are checked against. Payloads are plain
    /// values and offsets, so reading a plan in the loop over the catalog costs no reference count.
    enum Plan {
        /// No asset can serve it in a way the columns decide (nobody can receive it).
        case none
        /// Index into ``splits``.
        case split(Int)
        /// Index into ``jobs``.
        case job(Int)
        /// The unreached person's role bit (0 when no asset has their role).
        case reach(UInt64)
        case voice(role: UInt64, job: UInt8)
    }

    struct Split {
        var topic: UInt64
        /// The jobs the topic is decided in.
        var jobs: UInt8
        /// The roles of the people it may go to (not waiting for a resolver, `--to`), and whether there is anyone.
        var targetRoles: UInt64
        var anyTarget: Bool
        /// The conflict's sides' roles: `sideRoles[sideStart..<sideStart + sideCount]`.
        var sideStart: Int
        var sideCount: Int
        /// A number topic: a resolver is credited by the camps it is made for, not discounted again as one-sided.
        var creditedByCamps: Bool
        /// The sides a resolver is judged against (``SideCoverage/Split``): index into ``coverages``,
        /// and their roles and positions at `coverStart..<coverStart + coverCount`.
        var coverage: Int
        var coverStart: Int
        var coverCount: Int
    }

    struct Job {
        var job: UInt8
        /// People concerned by role bit, 64 counts each: those the need names at `countStart`, the
        /// rest of the group at `countStart + 64`.
        var countStart: Int
        var namedCount: Int
        /// With `--to`: whether they are named, and their role bit.
        var onlyTo: Bool
        var onlyNamed: Bool
        var onlyRole: UInt64
    }

    let context: MatchContext
    let index: CatalogIndex
    /// `index.table`, held directly: the pass reads its columns for every asset.
    let table: MatchTable
    let plans: [Plan]
    let splits: [Split]
    let jobs: [Job]
    let sideRoles: [UInt64]
    let coverages: [SideCoverage.Split]
    let coverRoles: [UInt64]
    /// A side's position as a bit (0 when no resolution names it), and whether the side is a position at all.
    let coverPositions: [UInt64]
    let coverIsPosition: [Bool]
    let counts: [Int]
    let urgencies: [Double]
    /// Evidence factors for each need, by asset position ascending: `evidencePositions[evidenceStart[need]..<evidenceStart[need + 1]]`.
    let evidenceStart: [Int]
    let evidencePositions: [Int]
    let evidenceFactors: [Double]
    let day: Int
    let reviewSoon: Int
    let openJobs: UInt8
    /// The group's industry as a bit (0 when no asset is made for it), or `nil` when the group names none.
    let industry: UInt64?
    /// Positions the exact path scores, ascending.
    let exactly: [Int]
    /// What changes for a resolver of a split someone waits on, for each set of such splits it resolves.
    struct HeldBack {
        /// Per split: the roles of the people it may still go to, and whether anyone is left.
        var targetRoles: [UInt64] = []
        var anyTarget: [Bool] = []
        /// Per job: the people concerned it may still go to, laid out as ``ColumnScorer/counts``,
        /// and how many of those the need names.
        var counts: [Int] = []
        var namedCount: [Int] = []
        /// Per need: the one person it would go to waits (an unreached person, a broker, `--to`).
        var blocked: [Bool] = []
    }

    let heldBack: [HeldBack]
    /// Resolvers of splits someone waits on, by position ascending, and which ``heldBack`` applies.
    let heldBackPositions: [Int]
    let heldBackVariants: [Int]
    /// The leading need's topic as a bit when it is a conflict (only its resolvers may be pick 1), else 0.
    let leadTopic: UInt64
    /// The needs an asset can serve at all, by each bit it carries (topic or resolved topic, job or
    /// primary job, role), and those every asset made for everyone may serve (an unreached person),
    /// as masks over the needs: an asset's parts are worked out for those needs only, in need order.
    /// Empty when the group has more than 64 needs (the pass then tries every need).
    let needsByTopic: [UInt64]
    let needsByJob: [UInt64]
    let needsByRole: [UInt64]
    let needsForEveryone: UInt64
    /// What of an asset's tags the group's needs read, for ``ProfileShortcut``'s key: the topic bits
    /// (the splits' and the leading conflict's), the role
    /// bits (its people's and the missing voices'), the job bits (the splits' jobs, the jobs of
    /// its job needs and missing voices, the open jobs when someone is unreached), the primary
    /// jobs the job needs compare with, and the flags some need looks at. And the topics whose
    /// resolvers are judged by the positions they take, which the shortcut keeps out.
    let readTopics: UInt64
    let readRoles: UInt64
    let readJobs: UInt8
    let readPrimaryJobs: UInt8
    let readFlags: MatchTable.Flags
    let positionTopics: UInt64
    /// The columns that can matter to this group at all: an asset that meets none of them serves
    /// none of its needs (most of a catalog, for a group with a few needs), so its parts are not
    /// worked out. Each need's own test still decides; this only skips certain misses.
    let meets: (topics: UInt64, jobs: UInt8, roles: UInt64, everyone: Bool)

    init(context: MatchContext, index: CatalogIndex) {
        self.context = context
        self.index = index
        let table = index.table
        self.table = table
        let diagnosis = context.diagnosis
        let policy = context.options.policy
        let onlyTo = context.options.onlyTo
        day = diagnosis.asOf.ordinal
        reviewSoon = policy.reviewSoonDays
        openJobs = context.openJobs.reduce(UInt8(0)) { $0 | MatchTable.bit($1) }
        industry = context.group.industry.map { MatchTable.bit($0, in: table.industryBit) }
        if let leader = Matcher.leadingNeed(diagnosis), case let .conflict(topic) = diagnosis.needs[leader].kind {
            leadTopic = MatchTable.bit(topic, in: table.topicBit)
        } else {
            leadTopic = 0
        }
        let roleBits = context.roles.mapValues { MatchTable.bit($0, in: table.roleBit) }
        func roleBit(_ person: String) -> UInt64 { roleBits[person] ?? 0 }
        func admits(_ person: String) -> Bool { onlyTo == nil || onlyTo == person }
        urgencies = diagnosis.needs.map(\.urgency)
        let waitedOnTopics = context.waiting.filter { !$0.value.isEmpty }.keys.sorted()
        var crowdedTopics: [String] = []

        var splits: [Split] = [], jobs: [Job] = [], sideRoles: [UInt64] = [], counts: [Int] = []
        var coverages: [SideCoverage.Split] = [], coverRoles: [UInt64] = [], coverPositions: [UInt64] = [], coverIsPosition: [Bool] = []
        plans = diagnosis.needs.map { need -> Plan in
            switch need.kind {
            case let .conflict(topic):
                guard let conflict = diagnosis.conflicts.first(where: { $0.topic == topic }) else { return .none }
                let waiting = context.waiting[topic] ?? []
                let targets = conflict.stakeholders.filter { !waiting.contains($0) && admits($0) }
                let coverage = SideCoverage.Split(conflict, group: context.group, taxonomy: context.taxonomy)
                let split = Split(topic: MatchTable.bit(topic, in: table.topicBit),
                                  jobs: (context.taxonomy.topic(topic)?.jobs ?? []).reduce(UInt8(0)) { $0 | MatchTable.bit($1) },
                                  targetRoles: targets.reduce(0) { $0 | roleBit($1) }, anyTarget: !targets.isEmpty,
                                  sideStart: sideRoles.count, sideCount: conflict.sides.count,
                                  creditedByCamps: context.taxonomy.topic(topic)?.isNumber == true,
                                  coverage: coverages.count, coverStart: coverRoles.count, coverCount: coverage.sides.count)
                if coverage.sides.count > 64 { crowdedTopics.append(topic) }
                sideRoles += conflict.sides.map { $0.stakeholders.reduce(0) { $0 | roleBit($1) } }
                for side in coverage.sides {
                    coverRoles.append(side.flatMap(\.stakeholders).reduce(0) { $0 | roleBit($1) })
                    if case let .position(position) = side[0].value {
                        coverPositions.append(MatchTable.bit(position, in: table.positionBit))
                        coverIsPosition.append(true)
                    } else {
                        coverPositions.append(0)
                        coverIsPosition.append(false)
                    }
                }
                coverages.append(coverage)
                splits.append(split)
                return .split(splits.count - 1)
            case let .stalledJob(job), let .activeJob(job):
                let listed = Set(need.stakeholders)
                let start = counts.count
                counts += [Int](repeating: 0, count: 128)
                for person in need.stakeholders where roleBit(person) != 0 { counts[start + roleBit(person).trailingZeroBitCount] += 1 }
                for person in context.group.stakeholders where !listed.contains(person.id) && roleBit(person.id) != 0 {
                    counts[start + 64 + roleBit(person.id).trailingZeroBitCount] += 1
                }
                jobs.append(Job(job: MatchTable.bit(job), countStart: start, namedCount: need.stakeholders.count, onlyTo: onlyTo != nil,
                                onlyNamed: onlyTo.map(listed.contains) ?? false, onlyRole: onlyTo.map(roleBit) ?? 0))
                return .job(jobs.count - 1)
            case let .unengagedStakeholder(person):
                guard context.roles[person] != nil, admits(person) else { return .none }
                return .reach(roleBit(person))
            case let .missingVoice(job, role):
                guard let broker = need.stakeholders.first, admits(broker) else { return .none }
                let bit = MatchTable.bit(role, in: table.roleBit)
                return bit == 0 ? .none : .voice(role: bit, job: MatchTable.bit(job))
            }
        }
        self.splits = splits
        self.jobs = jobs
        self.sideRoles = sideRoles
        self.counts = counts
        self.coverages = coverages
        self.coverRoles = coverRoles
        self.coverPositions = coverPositions
        self.coverIsPosition = coverIsPosition

        var evidenceStart = [0], evidencePositions: [Int] = [], evidenceFactors: [Double] = []
        for need in diagnosis.needs {
            switch need.kind {
            case .conflict, .stalledJob:
                let evidence = context.options.evidence
                let column = evidence.columns.column(need.kind.key, records: evidence.records(forNeed: need.kind.key), index: index, policy: policy)
                evidencePositions += column.positions
                evidenceFactors += column.factors
            case .unengagedStakeholder, .missingVoice, .activeJob:
                break
            }
            evidenceStart.append(evidencePositions.count)
        }
        self.evidenceStart = evidenceStart
        self.evidencePositions = evidencePositions
        self.evidenceFactors = evidenceFactors

        var exactly = Set<Int>()
        for touch in context.group.touches where touch.date <= diagnosis.asOf {
            if let position = index.position(of: touch.asset) { exactly.insert(position) }
        }
        for id in context.dismissed {
            if let position = index.position(of: id) { exactly.insert(position) }
        }
        // A split of more than 64 sides does not fit a mask; nor do more than 64 splits waited on.
        for topic in crowdedTopics + (waitedOnTopics.count > 64 ? waitedOnTopics : []) {
            for position in index.byResolvedTopic[topic] ?? [] { exactly.insert(position) }
        }
        self.exactly = exactly.sorted()

        // A resolver of a topic someone waits on is held back from them for every need.
        var waitedOn: [Int: UInt64] = [:]
        if waitedOnTopics.count <= 64 {
            for (number, topic) in waitedOnTopics.enumerated() {
                for position in index.byResolvedTopic[topic] ?? [] where !exactly.contains(position) {
                    waitedOn[position, default: 0] |= 1 << UInt64(number)
                }
            }
        }
        func heldBack(from excluded: Set<String>) -> HeldBack {
            var held = HeldBack(blocked: [Bool](repeating: false, count: diagnosis.needs.count))
            for (number, need) in diagnosis.needs.enumerated() {
                switch need.kind {
                case let .conflict(topic):
                    guard let conflict = diagnosis.conflicts.first(where: { $0.topic == topic }) else { continue }
                    let waiting = context.waiting[topic] ?? []
                    let targets = conflict.stakeholders.filter { !waiting.contains($0) && admits($0) && !excluded.contains($0) }
                    held.targetRoles.append(targets.reduce(0) { $0 | roleBit($1) })
                    held.anyTarget.append(!targets.isEmpty)
                case .stalledJob, .activeJob:
                    let listed = Set(need.stakeholders)
                    let start = held.counts.count
                    held.counts += [Int](repeating: 0, count: 128)
                    for person in need.stakeholders where roleBit(person) != 0 && !excluded.contains(person) {
                        held.counts[start + roleBit(person).trailingZeroBitCount] += 1
                    }
                    for person in context.group.stakeholders where !listed.contains(person.id) && roleBit(person.id) != 0 && !excluded.contains(person.id) {
                        held.counts[start + 64 + roleBit(person.id).trailingZeroBitCount] += 1
                    }
                    held.namedCount.append(need.stakeholders.filter { !excluded.contains($0) }.count)
                    held.blocked[number] = onlyTo.map(excluded.contains) ?? false
                case let .unengagedStakeholder(person):
                    held.blocked[number] = excluded.contains(person)
                case .missingVoice:
                    held.blocked[number] = need.stakeholders.first.map(excluded.contains) ?? false
                }
            }
            return held
        }
        var variants: [UInt64: Int] = [:], held: [HeldBack] = []
        var heldBackVariants: [Int] = []
        heldBackPositions = waitedOn.keys.sorted()
        for position in heldBackPositions {
            let mask = waitedOn[position]!
            if variants[mask] == nil {
                variants[mask] = held.count
                held.append(heldBack(from: Set(SetBits(mask).flatMap { context.waiting[waitedOnTopics[$0]] ?? [] })))
            }
            heldBackVariants.append(variants[mask]!)
        }
        self.heldBack = held
        self.heldBackVariants = heldBackVariants

        // A superset of the needs each asset's own bits could meet; each need's own test decides.
        var byTopic: [UInt64] = [], byJob: [UInt64] = [], byRole: [UInt64] = [], forEveryone: UInt64 = 0
        if plans.count <= 64 {
            byTopic = Array(repeating: 0, count: 64)
            byJob = Array(repeating: 0, count: 8)
            byRole = Array(repeating: 0, count: 64)
            for (need, plan) in plans.enumerated() {
                let bit = UInt64(1) << UInt64(need)
                switch plan {
                case .none: break
                case let .split(number):
                    for topic in SetBits(splits[number].topic) { byTopic[topic] |= bit }
                    for job in SetBits(UInt64(splits[number].jobs)) { byJob[job] |= bit }
                case let .job(number):
                    for job in SetBits(UInt64(jobs[number].job)) { byJob[job] |= bit }
                case let .reach(role):
                    for bitOfRole in SetBits(role) { byRole[bitOfRole] |= bit }
                    forEveryone |= bit
                case let .voice(role, _):
                    for bitOfRole in SetBits(role) { byRole[bitOfRole] |= bit }
                }
            }
        }
        needsByTopic = byTopic
        needsByJob = byJob
        needsByRole = byRole
        needsForEveryone = forEveryone

        var meets: (topics: UInt64, jobs: UInt8, roles: UInt64, everyone: Bool) = (0, 0, 0, false)
        var readRoles = roleBits.values.reduce(UInt64(0), |)
        var readJobs: UInt8 = 0, readPrimaryJobs: UInt8 = 0
        var readFlags: MatchTable.Flags = industry == nil ? [.reachesEveryone] : [.reachesEveryone, .hasIndustries]
        for plan in plans {
            switch plan {
            case .none: break
            case let .split(number):
                meets.topics |= splits[number].topic
                meets.jobs |= splits[number].jobs
                readJobs |= splits[number].jobs
            case let .job(number):
                meets.jobs |= jobs[number].job
                readJobs |= jobs[number].job
                readPrimaryJobs |= jobs[number].job
            case let .reach(role):
                meets.roles |= role
                meets.everyone = true
                readJobs |= openJobs
                readFlags.insert(.repLed)
            case let .voice(role, job):
                meets.roles |= role
                readRoles |= role
                readJobs |= job
                readFlags.insert(.shareable)
            }
        }
        self.meets = meets
        // The splits' topics and the leading one's (its need may have no plan).
        readTopics = meets.topics | leadTopic
        self.readRoles = readRoles
        self.readJobs = readJobs
        self.readPrimaryJobs = readPrimaryJobs
        self.readFlags = readFlags
        positionTopics = zip(splits, coverages).reduce(0) { $0 | ($1.1.isNumber ? 0 : $1.0.topic) }
    }

    /// Whether `position` is scored by the exact path (see the type's description).
    func routesExactly(_ position: Int) -> Bool {
        var low = 0, high = exactly.count
        while low < high {
            let middle = (low + high) / 2
            if exactly[middle] < position { low = middle + 1 } else { high = middle }
        }
        return low < exactly.count && exactly[low] == position
    }

    /// Fills `sheet` with every asset that serves a need, in its profile: parts, factor and first
    /// score (all weights 1). Assets routed exactly are evaluated the exact way; their evaluations
    /// are kept in `evaluations` for the picks. With `shortcut`, an asset whose tags the group
    /// reads as an earlier one's joins that one's profile without its parts being worked out
    /// (``ProfileShortcut``; the sheet is the same either way).
    func fill(_ sheet: inout ScoreSheet, evaluations: inout [Int: MatchContext.Evaluation], shortcut: Bool = true) {
        sheet.reset(needs: urgencies.count)
        // Needs some live asset made for the group's industry serves: another industry's edition
        // keeps only the others (worked out from the same pass, applied after it).
        var ownServes = [Bool](repeating: false, count: urgencies.count)
        pass(0..<table.count, into: &sheet, evaluations: &evaluations, ownServes: &ownServes, shortcut: shortcut)
        sheet.finish(ownServes: ownServes, diminishing: context.options.policy.reachDiminishing)
    }

    /// The smallest catalog whose pass ``fill(_:halvesWith:evaluations:shortcut:)`` splits for a
    /// group matched alone: handing half a pass to another core and joining the sheets costs
    /// tens of microseconds on hardware that wakes a core at once, and up to a millisecond on a
    /// busy virtual machine (docs/performance.md), so a catalog this size gains on the first and
    /// about breaks even on the second, and a larger one gains on both.
    static let halvesFrom = 4_096

    /// The same sheet as ``fill(_:evaluations:shortcut:)``, the catalog's two halves passed at once
    /// on two threads into `sheet` and `other`, then joined. For one group matched on a machine
    /// with a core to spare (a `next` call, a request on its own): the slowest groups read tens of
    /// thousands of keys, and the pass is most of their time.
    func fill(_ sheet: inout ScoreSheet, halvesWith other: inout ScoreSheet, evaluations: inout [Int: MatchContext.Evaluation],
              shortcut: Bool = true) {
        let middle = table.count / 2
        let first = HalfPass(self, positions: 0..<middle, shortcut: shortcut), second = HalfPass(self, positions: middle..<table.count, shortcut: shortcut)
        swap(&first.sheet, &sheet)
        swap(&second.sheet, &other)
        DispatchQueue.concurrentPerform(iterations: 2) { half in (half == 0 ? first : second).run() }
        swap(&first.sheet, &sheet)
        swap(&second.sheet, &other)
        sheet.append(other)
        evaluations.merge(first.evaluations) { kept, _ in kept }
        evaluations.merge(second.evaluations) { kept, _ in kept }
        let ownServes = zip(first.ownServes, second.ownServes).map { $0 || $1 }
        sheet.finish(ownServes: ownServes, diminishing: context.options.policy.reachDiminishing)
    }

    /// One half of a pass and what it fills; each thread touches only its own.
    private final class HalfPass: @unchecked Sendable {
        let scorer: ColumnScorer
        let positions: Range<Int>
        let shortcut: Bool
        var sheet = ScoreSheet()
        var evaluations: [Int: MatchContext.Evaluation] = [:]
        var ownServes: [Bool]

        init(_ scorer: ColumnScorer, positions: Range<Int>, shortcut: Bool) {
            self.scorer = scorer
            self.positions = positions
            self.shortcut = shortcut
            ownServes = [Bool](repeating: false, count: scorer.urgencies.count)
        }

        func run() {
            sheet.reset(needs: scorer.urgencies.count)
            scorer.pass(positions, into: &sheet, evaluations: &evaluations, ownServes: &ownServes, shortcut: shortcut)
        }
    }

    /// Adds every asset at `positions` that serves a need to `sheet`, in its profile (see ``fill(_:evaluations:shortcut:)``).
    private func pass(_ positions: Range<Int>, into sheet: inout ScoreSheet, evaluations: inout [Int: MatchContext.Evaluation],
                      ownServes: inout [Bool], shortcut: Bool) {
        sheet.shortcut.reset(positions: shortcut ? table.count : 0)
        if shortcut { for position in evidencePositions where positions.contains(position) { sheet.shortcut.exclude(position) } }
        // Each cursor only moves forward: the evidence and held-back ones find their way from the
        // start, the exact one is put at the range's first.
        var cursors = Array(evidenceStart.dropLast())
        var nextExact = 0
        while nextExact < exactly.count, exactly[nextExact] < positions.lowerBound { nextExact += 1 }
        let policy = context.options.policy
        var nextHeld = 0
        for position in positions {
            let own = industry.map { table.industryMask[position] & $0 != 0 } ?? false
            if nextExact < exactly.count, exactly[nextExact] == position {
                nextExact += 1
                guard let evaluation = context.evaluate(index[position], at: position) else { continue }
                evaluations[position] = evaluation
                for contribution in evaluation.contributions {
                    sheet.addPart(need: contribution.need, value: contribution.value, isReach: contribution.isReach, serves: contribution.serves)
                    if own, contribution.serves { ownServes[contribution.need] = true }
                }
                sheet.addCandidate(position: position, factor: evaluation.factor, otherIndustry: false,
                                   lead: table.resolvedMask[position] & leadTopic != 0)
                continue
            }
            // Each column read once for this asset.
            let topics = table.topicMask[position], resolved = table.resolvedMask[position], roles = table.roleMask[position]
            let jobMask = table.jobMask[position], primaryJob = table.primaryJob[position], flags = table.flags[position]
            guard (topics | resolved) & meets.topics != 0 || (jobMask | primaryJob) & meets.jobs != 0 || roles & meets.roles != 0
                || (meets.everyone && flags.contains(.reachesEveryone)) else { continue }
            guard table.isLive(position, on: day) else { continue }
            let reviewDay = table.reviewDay[position]
            var held = -1
            while nextHeld < heldBackPositions.count, heldBackPositions[nextHeld] < position { nextHeld += 1 }
            if nextHeld < heldBackPositions.count, heldBackPositions[nextHeld] == position { held = heldBackVariants[nextHeld] }
            let dueForReview = reviewDay != Int.max && reviewDay - day <= reviewSoon
            var key: (tags: ProfileShortcut.Key, slot: Int)?
            if shortcut, held < 0, resolved & positionTopics == 0, !sheet.shortcut.isExcluded(position) {
                let tags = ProfileShortcut.Key(topics: topics & readTopics, resolved: resolved & readTopics, roles: roles & readRoles,
                                               jobs: jobMask & readJobs, primaryJob: primaryJob & readPrimaryJobs,
                                               flags: flags.intersection(readFlags), ownIndustry: own, dueForReview: dueForReview)
                switch sheet.shortcut.answer(for: tags) {
                case let .profile(profile):
                    sheet.addCandidate(position: position, toProfile: profile)
                    continue
                case .servesNothing:
                    continue
                case let .unseen(slot):
                    key = (tags, slot)
                }
            }
            let start = sheet.partCount
            var serves = false
            addParts(position, heldBack: held, to: &sheet, cursors: &cursors, serves: &serves)
            guard serves else {
                sheet.dropPendingParts()
                if let key { sheet.shortcut.remember(key.tags, at: key.slot, profile: nil) }
                continue
            }
            var factor = 1.0
            let other = industry != nil && flags.contains(.hasIndustries) && !own
            if other { factor *= policy.otherIndustry }
            if dueForReview { factor *= policy.dueForReview }
            if own {
                for part in start..<sheet.partCount where sheet.partServes(part) { ownServes[sheet.partNeed(part)] = true }
            }
            sheet.addCandidate(position: position, factor: factor, otherIndustry: other, lead: resolved & leadTopic != 0)
            if let key { sheet.shortcut.remember(key.tags, at: key.slot, profile: sheet.profile(of: sheet.count - 1)) }
        }
    }

    /// Appends the asset's contributions, in need order, the way ``MatchContext/tagContribution(of:to:at:)``
    /// and ``MatchContext/contribution(of:to:at:)`` work them out; `held` is the ``heldBack`` that
    /// applies to it, or -1.
    private func addParts(_ position: Int, heldBack held: Int, to sheet: inout ScoreSheet, cursors: inout [Int], serves: inout Bool) {
        let policy = context.options.policy
        let roles = table.roleMask[position]
        let jobMask = table.jobMask[position]
        let flags = table.flags[position]
        let everyone = flags.contains(.reachesEveryone)
        // Only the needs the asset's bits could meet, in need order (or every need, past 64).
        let masked = !needsByTopic.isEmpty
        var remaining: UInt64 = 0
        if masked {
            remaining = everyone ? needsForEveryone : 0
            var bits = table.topicMask[position] | table.resolvedMask[position]
            while bits != 0 {
                remaining |= needsByTopic[bits.trailingZeroBitCount]
                bits &= bits - 1
            }
            var jobBits = jobMask | table.primaryJob[position]
            while jobBits != 0 {
                remaining |= needsByJob[jobBits.trailingZeroBitCount]
                jobBits &= jobBits - 1
            }
            bits = roles
            while bits != 0 {
                remaining |= needsByRole[bits.trailingZeroBitCount]
                bits &= bits - 1
            }
        }
        var following = 0
        while true {
            let need: Int
            if masked {
                guard remaining != 0 else { break }
                need = remaining.trailingZeroBitCount
                remaining &= remaining - 1
            } else {
                guard following < plans.count else { break }
                need = following
                following += 1
            }
            let urgency = urgencies[need]
            switch plans[need] {
            case .none:
                continue
            case let .split(number):
                let split = splits[number]
                let resolves = table.resolvedMask[position] & split.topic != 0
                let fit: Double
                if resolves {
                    fit = resolverFit(position, split, roles: roles, everyone: everyone)
                } else if table.topicMask[position] & split.topic != 0 {
                    fit = policy.coversTopic
                } else if jobMask & split.jobs != 0 {
                    fit = policy.sharesTopicJob
                } else {
                    continue
                }
                let anyTarget = held < 0 ? split.anyTarget : heldBack[held].anyTarget[number]
                let targetRoles = held < 0 ? split.targetRoles : heldBack[held].targetRoles[number]
                guard fit > 0, anyTarget, everyone || roles & targetRoles != 0 else { continue }
                var reached = 0
                for side in split.sideStart..<(split.sideStart + split.sideCount) where everyone || sideRoles[side] & roles != 0 { reached += 1 }
                let audience = reached == split.sideCount || (resolves && split.creditedByCamps) ? 1.0 : policy.oneSidedAudience
                var value = urgency * fit * audience
                if let factor = evidenceFactor(need, position, cursors: &cursors) { value *= factor }
                let servesTopic = resolves || table.topicMask[position] & split.topic != 0
                if value > 0 {
                    sheet.addPart(need: need, value: value, isReach: false, serves: servesTopic)
                    serves = serves || servesTopic
                }
            case let .job(number):
                let job = jobs[number]
                let jobFit = table.primaryJob[position] == job.job ? policy.primaryJob : jobMask & job.job != 0 ? policy.secondaryJob : 0
                guard jobFit > 0 else { continue }
                let concerned: Int, reachable: Int
                if job.onlyTo {
                    concerned = job.onlyNamed || roles & job.onlyRole != 0 ? 1 : 0
                    reachable = concerned == 1 && (everyone || roles & job.onlyRole != 0) ? 1 : 0
                } else {
                    var madeFor = 0, named = 0
                    var mask = roles
                    while mask != 0 {
                        let bit = mask.trailingZeroBitCount
                        named += counts[job.countStart + bit]
                        madeFor += counts[job.countStart + 64 + bit]
                        mask &= mask - 1
                    }
                    concerned = job.namedCount + madeFor
                    reachable = everyone ? concerned : named + madeFor
                }
                guard reachable > 0, held < 0 || reachesSomeoneNotWaiting(heldBack[held], job: number, need: need, roles: roles, everyone: everyone)
                else { continue }
                var value = urgency * jobFit * policy.jobReach(reached: reachable, of: concerned)
                if let factor = evidenceFactor(need, position, cursors: &cursors) { value *= factor }
                if value > 0 {
                    sheet.addPart(need: need, value: value, isReach: false, serves: true)
                    serves = true
                }
            case let .reach(role):
                if held >= 0, heldBack[held].blocked[need] { continue }
                let roleFit = roles & role != 0 ? policy.reachForRole : everyone ? policy.reachForEveryone : 0
                guard roleFit > 0 else { continue }
                let timely = jobMask & openJobs != 0
                let channel = flags.contains(.repLed) ? policy.reachRepLed : 1.0
                let value = urgency * roleFit * (timely ? 1 : policy.reachOffJob) * channel
                if value > 0 {
                    sheet.addPart(need: need, value: value, isReach: true, serves: true)
                    serves = true
                }
            case let .voice(role, job):
                guard roles & role != 0, held < 0 || !heldBack[held].blocked[need] else { continue }
                let onJob = jobMask & job != 0
                let value = urgency * (flags.contains(.shareable) ? policy.voiceShareable : policy.voiceNotShareable)
                    * (onJob ? 1 : policy.voiceOffJob)
                if value > 0 {
                    sheet.addPart(need: need, value: value, isReach: false, serves: true)
                    serves = true
                }
            }
        }
    }

    /// Whether a held-back resolver that reaches people concerned with a job still has someone to
    /// go to once the people waiting are left out (the job's value counts them all the same).
    private func reachesSomeoneNotWaiting(_ held: HeldBack, job number: Int, need: Int, roles: UInt64, everyone: Bool) -> Bool {
        let job = jobs[number]
        if job.onlyTo { return !held.blocked[need] }
        var named = 0, madeFor = 0
        var mask = roles
        while mask != 0 {
            let bit = mask.trailingZeroBitCount
            named += held.counts[job.countStart + bit]
            madeFor += held.counts[job.countStart + 64 + bit]
            mask &= mask - 1
        }
        return (everyone ? held.namedCount[number] : named) + madeFor > 0
    }

    /// The asset's evidence factor for a need, if it has a record: the pass goes up the positions,
    /// so each need's cursor only moves forward.
    @inline(__always)
    private func evidenceFactor(_ need: Int, _ position: Int, cursors: inout [Int]) -> Double? {
        let end = evidenceStart[need + 1]
        var cursor = cursors[need]
        guard cursor < end else { return nil }
        while cursor < end, evidencePositions[cursor] < position { cursor += 1 }
        cursors[need] = cursor
        return cursor < end && evidencePositions[cursor] == position ? evidenceFactors[cursor] : nil
    }

    /// How well a resolver settles the split, as ``MatchContext/conflictFit(_:_:)`` has it through
    /// ``SideCoverage``: the influence share of the sides it covers, or the fit for other positions.
    private func resolverFit(_ position: Int, _ split: Split, roles: UInt64, everyone: Bool) -> Double {
        let policy = context.options.policy
        let coverage = coverages[split.coverage]
        var best: (share: Double, count: Int)?
        if coverage.isNumber {
            // A figure is settled with the people who hold it: the asset must be made for them.
            var covered: UInt64 = 0
            for side in 0..<split.coverCount where everyone || coverRoles[split.coverStart + side] & roles != 0 { covered |= 1 << UInt64(side) }
            best = (coverage.share(SetBits(covered)), covered.nonzeroBitCount)
        } else {
            for resolution in table.resolutionStart[position]..<table.resolutionStart[position + 1]
            where table.resolutionTopic[resolution] == split.topic {
                var covered: UInt64 = 0
                for side in 0..<split.coverCount where coverIsPosition[split.coverStart + side]
                    && (table.resolutionAll[resolution] || coverPositions[split.coverStart + side] & table.resolutionPositions[resolution] != 0) {
                    covered |= 1 << UInt64(side)
                }
                let option = (share: coverage.share(SetBits(covered)), count: covered.nonzeroBitCount)
                if let current = best, !(option.share != current.share ? option.share > current.share : option.count > current.count) { continue }
                best = option
            }
        }
        guard let best, best.count > 0 else { return policy.resolvesOtherPositions }
        return policy.resolvesConflict * best.share
    }

    /// The score of a profile's candidates under `weights`, added up exactly as ``MatchContext/Evaluation/score(weights:)`` does.
    func score(_ profile: Int, in sheet: ScoreSheet, weights: [Double]) -> Double {
        sheet.score(profile, weights: weights, diminishing: context.options.policy.reachDiminishing)
    }
}

/// The indices of the bits set in a mask, lowest first.
struct SetBits: Sequence, IteratorProtocol {
    var mask: UInt64

    init(_ mask: UInt64) { self.mask = mask }

    mutating func next() -> Int? {
        guard mask != 0 else { return nil }
        let bit = mask.trailingZeroBitCount
        mask &= mask - 1
        return bit
    }
}

