/// The catalog indexed once for matching: packed by column (``MatchTable``), and listed by
/// resolved topic, by job and by role.
///
/// Build it once per run and reuse it for every group: a recommendation then scores every asset
/// from the packed columns in one pass, and the content-gap check walks the lists.
public struct CatalogIndex: Sendable {
    /// Published assets, in id order. Expiry depends on the day, so it is checked when matching.
    ///
    /// Every asset as a value: for a kept index this reads them all, so matching goes by position
    /// (``subscript(_:)``, ``count``) instead.
    public var assets: [Asset] { (0..<count).map { self[$0] } }
    /// How many assets the index holds.
    public var count: Int { shelf.count }
    let byResolvedTopic: [String: [Int]]
    let byTopic: [String: [Int]]
    let byJob: [BuyingJob: [Int]]
    let byPrimaryJob: [BuyingJob: [Int]]
    let byRole: [String: [Int]]
    /// Assets made for an industry (those with no industries are for any, and not listed).
    let byIndustry: [String: [Int]]
    /// Assets for every role (shareable, or with no role): candidates for anyone.
    let forEveryone: [Int]
    /// The tags packed by column, for scoring (``ColumnScorer``) and for the bounds of the gap check.
    let table: MatchTable
    /// Scratch space for bounds and for scoring, reused across calls instead of allocated per call.
    let workspaces: ScratchPool<BoundWorkspace>
    let sheets = ScratchPool { ScratchBox(ScoreSheet()) }
    /// The assets, lent by position without a copy (see ``subscript(_:)``).
    let shelf: AssetShelf

    public init(assets: [Asset]) {
        var published = assets.filter { $0.status == .published }
        // Stores hand the catalog over in id order already: sort only when it is not.
        if !(published.indices.dropFirst().allSatisfy { published[$0 - 1].id < published[$0].id }) {
            published.sort { $0.id < $1.id }
        }
        var byResolvedTopic: [String: [Int]] = [:], byTopic: [String: [Int]] = [:]
        var byJob: [BuyingJob: [Int]] = [:], byPrimaryJob: [BuyingJob: [Int]] = [:], byRole: [String: [Int]] = [:]
        var forEveryone: [Int] = []
        var byIndustry: [String: [Int]] = [:]
        // Each list is built in position order, so an asset naming a tag twice is listed once by
        // looking at the list's last entry (a set per asset and tag kind was a tenth of a CLI call).
        func list<Key: Hashable>(_ index: Int, under key: Key, in lists: inout [Key: [Int]]) {
            lists[key, default: []].appendOnce(index)
        }
        // Fields are read through the array, never by copying a whole asset out of it.
        for index in published.indices {
            for industry in published[index].industries { list(index, under: industry, in: &byIndustry) }
            for resolution in published[index].resolves { list(index, under: resolution.topic, in: &byResolvedTopic) }
            for topic in published[index].topics { list(index, under: topic, in: &byTopic) }
            for job in published[index].jobs { list(index, under: job, in: &byJob) }
            if let primary = published[index].primaryJob { byPrimaryJob[primary, default: []].append(index) }
            for role in published[index].roles { list(index, under: role, in: &byRole) }
            if published[index].shareable || published[index].roles.isEmpty { forEveryone.append(index) }
        }
        self.init(shelf: AssetShelf(published), byResolvedTopic: byResolvedTopic, byTopic: byTopic, byJob: byJob, byPrimaryJob: byPrimaryJob,
                  byRole: byRole, byIndustry: byIndustry, forEveryone: forEveryone, table: MatchTable(published))
    }

    /// An index from parts already worked out for the assets on `shelf` (published, in id order):
    /// a fresh build, or a kept catalog read back (``KeptCatalog``).
    init(shelf: AssetShelf, byResolvedTopic: [String: [Int]], byTopic: [String: [Int]], byJob: [BuyingJob: [Int]],
         byPrimaryJob: [BuyingJob: [Int]], byRole: [String: [Int]], byIndustry: [String: [Int]], forEveryone: [Int], table: MatchTable) {
        self.shelf = shelf
        self.byResolvedTopic = byResolvedTopic
        self.byTopic = byTopic
        self.byJob = byJob
        self.byPrimaryJob = byPrimaryJob
        self.byRole = byRole
        self.byIndustry = byIndustry
        self.forEveryone = forEveryone
        self.table = table
        let count = shelf.count
        workspaces = ScratchPool { BoundWorkspace(capacity: count) }
    }

    /// The asset at `position` (in id order), borrowed in place.
    subscript(position: Int) -> Asset {
        unsafeAddress { shelf.address(of: position) }
    }

    public func asset(_ id: String) -> Asset? { position(of: id).map { self[$0] } }

    /// Where the asset sits in the index (id order), if it is in it.
    ///
    /// A binary search over the ids, which are in order: a call asks for a handful (the assets a
    /// group was sent or dismissed), and a dictionary of every id cost more to build than all of
    /// those lookups together.
    public func position(of id: String) -> Int? { shelf.position(of: id) }

    /// The assets that could serve at least one of `needs`, each with an upper bound of its score
    /// (in no particular order; see ``CatalogIndex/ordered(_:atLeast:)``).
    ///
    /// The bound adds, for every need, the need's urgency times the best fit the asset's tags allow
    /// under `policy` (resolving a conflict, covering its topic, sharing its job; primary or
    /// secondary job; made for an unreached person's role or for everyone). The exact score
    /// multiplies those by factors of at most 1, so it never exceeds the bound: the content gaps
    /// (``Matcher/gaps(for:diagnosis:index:taxonomy:policy:memo:)``) score assets exactly in bound order and stop once no remaining
    /// bound can win. The picks score every asset from the columns instead (``ColumnScorer``).
    ///
    /// - Parameter everyoneConcerned: job needs concern every stakeholder (`next --to`), so the
    ///   role-aware bound for jobs does not apply and the loose one is used.
    func bounds(for needs: [Need], in group: BuyingGroup, taxonomy: Taxonomy, openJobs: Set<BuyingJob>,
                policy: ScoringPolicy, everyoneConcerned: Bool = false) -> [(index: Int, bound: Double)] {
        workspaces.borrow { workspace in
            bounds(for: needs, in: group, taxonomy: taxonomy, openJobs: openJobs, policy: policy,
                   everyoneConcerned: everyoneConcerned, workspace: workspace)
        }
    }

    private func bounds(for needs: [Need], in group: BuyingGroup, taxonomy: Taxonomy, openJobs: Set<BuyingJob>,
                        policy: ScoringPolicy, everyoneConcerned: Bool, workspace: BoundWorkspace) -> [(index: Int, bound: Double)] {
        workspace.reset()
        let slots = workspace.slots
        let openMask = openJobs.reduce(UInt8(0)) { $0 | MatchTable.bit($1) }
        let roleOf = Dictionary(group.stakeholders.map { ($0.id, $0.role) }, uniquingKeysWith: { first, _ in first })
        // Tight loops over index lists: no closures or dictionary lookups per asset, the slot read in place.
        func offer(_ list: [Int]?, need: Int32, urgency: Double, fit: (Int) -> Double) {
            guard let list else { return }
            list.withUnsafeBufferPointer { assets in
                for asset in assets {
                    let fit = fit(asset)
                    if fit <= 0 { continue }
                    let slot = slots + asset
                    if slot.pointee.stamp != need {
                        if slot.pointee.stamp == -1 { workspace.touched.append(Int32(asset)) }
                        slot.pointee.stamp = need
                        slot.pointee.fit = fit
                        slot.pointee.bound += urgency * fit
                    } else if fit > slot.pointee.fit {
                        slot.pointee.bound += urgency * (fit - slot.pointee.fit)
                        slot.pointee.fit = fit
                    }
                }
            }
        }
        for (position, need) in needs.enumerated() where need.urgency != 0 {
            let stamp = Int32(position)
            switch need.kind {
            case .unengagedStakeholder:
                // Exact: urgency × role fit (their role, or everyone) × timely (full when the asset
                // works on an open job) × channel. Reaching unengaged people counts with diminishing
                // returns (½, ¼, …) in the exact score, so their part is bounded by the policy's reach
                // bound rather than by the plain sum.
                let role = need.stakeholders.first.flatMap { roleOf[$0] }
                for (fit, list) in [(policy.reachForEveryone, forEveryone), (policy.reachForRole, role.flatMap { byRole[$0] } ?? [])] {
                    list.withUnsafeBufferPointer { assets in
                        for asset in assets {
                            let timely = table.jobMask[asset] & openMask != 0 ? 1.0 : policy.reachOffJob
                            let value = fit * timely * (table.flags[asset].contains(.repLed) ? policy.reachRepLed : 1)
                            let slot = slots + asset
                            if slot.pointee.stamp != stamp {
                                if slot.pointee.stamp == -1 { workspace.touched.append(Int32(asset)) }
                                slot.pointee.stamp = stamp
                                slot.pointee.fit = value
                                slot.pointee.reachSum += need.urgency * value
                            } else if value > slot.pointee.fit {
                                slot.pointee.reachSum += need.urgency * (value - slot.pointee.fit)
                                slot.pointee.fit = value
                            }
                            slot.pointee.reachMax = max(slot.pointee.reachMax, need.urgency * slot.pointee.fit)
                        }
                    }
                }
            case let .missingVoice(_, role):
                // Exact at most: made for the role, shareable, on the job.
                offer(byRole[role], need: stamp, urgency: need.urgency) { _ in max(policy.voiceShareable, policy.voiceNotShareable) }
            case let .conflict(topic):
                for job in taxonomy.topic(topic)?.jobs ?? [] { offer(byJob[job], need: stamp, urgency: need.urgency) { _ in policy.sharesTopicJob } }
                offer(byTopic[topic], need: stamp, urgency: need.urgency) { _ in policy.coversTopic }
                offer(byResolvedTopic[topic], need: stamp, urgency: need.urgency) { _ in policy.bestConflictFit }
            case let .stalledJob(job), let .activeJob(job):
                // The exact fit is jobFit × (0.5 + 0.5 × share of the concerned people the asset's
                // roles reach); counting that share per role bit makes the bound nearly exact.
                guard !everyoneConcerned, table.roleBit != nil, !need.stakeholders.isEmpty else {
                    offer(byJob[job], need: stamp, urgency: need.urgency) { _ in policy.secondaryJob }
                    offer(byPrimaryJob[job], need: stamp, urgency: need.urgency) { _ in policy.primaryJob }
                    continue
                }
                let concerned = need.stakeholders.count
                // Concerned people per role bit: an asset's reach is the sum over its mask.
                var counts = [Int](repeating: 0, count: 64)
                for person in need.stakeholders {
                    if let role = roleOf[person], let bit = table.roleBit?[role] { counts[bit] += 1 }
                }
                let perRole = counts
                let everyone = policy.jobReach(reached: concerned, of: concerned)
                let roleFit: (Int) -> Double = { asset in
                    if self.table.flags[asset].contains(.reachesEveryone) { return everyone }
                    var reach = 0
                    var mask = self.table.roleMask[asset]
                    while mask != 0 {
                        reach += perRole[mask.trailingZeroBitCount]
                        mask &= mask - 1
                    }
                    return policy.jobReach(reached: reach, of: concerned)
                }
                offer(byJob[job], need: stamp, urgency: need.urgency) { policy.secondaryJob * roleFit($0) }
                offer(byPrimaryJob[job], need: stamp, urgency: need.urgency) { policy.primaryJob * roleFit($0) }
            }
        }
        return workspace.touched.map { asset in
            let slot = slots[Int(asset)]
            return (Int(asset), slot.bound + policy.reachBound(sum: slot.reachSum, largest: slot.reachMax))
        }
    }

    /// The candidates whose bound reaches `threshold`, highest bound first (ties by id). Sorting only
    /// those keeps the cost low when a good threshold is known.
    static func ordered(_ candidates: [(index: Int, bound: Double)], atLeast threshold: Double) -> [(index: Int, bound: Double)] {
        candidates.filter { $0.bound + Matcher.epsilon >= threshold }
            .sorted { $0.bound != $1.bound ? $0.bound > $1.bound : $0.index < $1.index }
    }
}

private extension Array where Element == Int {
    /// Appends `position` unless it is already the last entry (lists grow in position order).
    mutating func appendOnce(_ position: Int) {
        if last != position { append(position) }
    }
}
