/// The catalog indexed once for matching: by resolved topic, by job and by role.
///
/// Build it once per run and reuse it for every group; a recommendation then looks only at the
/// assets that can serve one of the group's needs, not at the whole catalog.
public struct CatalogIndex: Sendable {
    /// Published assets, in id order. Expiry depends on the day, so it is checked when matching.
    public let assets: [Asset]
    let byResolvedTopic: [String: [Int]]
    let byTopic: [String: [Int]]
    let byJob: [BuyingJob: [Int]]
    let byPrimaryJob: [BuyingJob: [Int]]
    let byRole: [String: [Int]]
    /// Assets made for an industry (those with no industries are for any, and not listed).
    let byIndustry: [String: [Int]]
    /// Assets for every role (shareable, or with no role): candidates for anyone.
    let forEveryone: [Int]
    let positionByID: [String: Int]
    /// Each role seen in the catalog as a bit, when there are at most 64 (else nil: bounds stay loose).
    let roleBit: [String: Int]?
    /// Per asset: its roles as bits.
    let roleMask: [UInt64]
    /// Per asset: shareable or without roles, so it reaches anyone.
    let reachesEveryone: [Bool]
    /// Per asset: its jobs as bits (bit = position in `BuyingJob.allCases`).
    let jobMask: [UInt8]
    /// Per asset: rep-led content, which reaches an unengaged person less well.
    let isRepLed: [Bool]

    public init(assets: [Asset]) {
        let published = assets.filter { $0.status == .published }.sorted { $0.id < $1.id }
        self.assets = published
        var byResolvedTopic: [String: [Int]] = [:], byTopic: [String: [Int]] = [:]
        var byJob: [BuyingJob: [Int]] = [:], byPrimaryJob: [BuyingJob: [Int]] = [:], byRole: [String: [Int]] = [:]
        var forEveryone: [Int] = []
        var byIndustry: [String: [Int]] = [:]
        for (index, asset) in published.enumerated() {
            for industry in Set(asset.industries) { byIndustry[industry, default: []].append(index) }
            for topic in Set(asset.resolves.map(\.topic)) { byResolvedTopic[topic, default: []].append(index) }
            for topic in Set(asset.topics) { byTopic[topic, default: []].append(index) }
            for job in Set(asset.jobs) { byJob[job, default: []].append(index) }
            if let primary = asset.primaryJob { byPrimaryJob[primary, default: []].append(index) }
            for role in Set(asset.roles) { byRole[role, default: []].append(index) }
            if asset.shareable || asset.roles.isEmpty { forEveryone.append(index) }
        }
        self.byResolvedTopic = byResolvedTopic
        self.byTopic = byTopic
        self.byJob = byJob
        self.byPrimaryJob = byPrimaryJob
        self.byRole = byRole
        self.byIndustry = byIndustry
        self.forEveryone = forEveryone
        self.positionByID = Dictionary(uniqueKeysWithValues: published.enumerated().map { ($1.id, $0) })
        let roles = Set(published.flatMap(\.roles)).sorted()
        let roleBit = roles.count <= 64 ? Dictionary(uniqueKeysWithValues: roles.enumerated().map { ($1, $0) }) : nil
        self.roleBit = roleBit
        roleMask = published.map { asset in
            asset.roles.reduce(UInt64(0)) { mask, role in mask | (roleBit?[role].map { UInt64(1) << UInt64($0) } ?? 0) }
        }
        reachesEveryone = published.map { $0.shareable || $0.roles.isEmpty }
        jobMask = published.map { asset in asset.jobs.reduce(UInt8(0)) { $0 | CatalogIndex.bit($1) } }
        isRepLed = published.map { $0.channel == .repLed }
    }

    static func bit(_ job: BuyingJob) -> UInt8 { UInt8(1) << UInt8(BuyingJob.allCases.firstIndex(of: job)!) }

    public func asset(_ id: String) -> Asset? { positionByID[id].map { assets[$0] } }

    /// The assets that could serve at least one of `needs`, each with an upper bound of its score
    /// (in no particular order; see ``CatalogIndex/ordered(_:atLeast:)``).
    ///
    /// The bound adds, for every need, the need's urgency times the best fit the asset's tags allow
    /// under `policy` (resolving a conflict, covering its topic, sharing its job; primary or
    /// secondary job; made for an unreached person's role or for everyone). The exact score
    /// multiplies those by factors of at most 1, so it never exceeds the bound: the matcher scores
    /// assets exactly in bound order and stops once no remaining bound can win.
    ///
    /// - Parameter everyoneConcerned: job needs concern every stakeholder (`next --to`), so the
    ///   role-aware bound for jobs does not apply and the loose one is used.
    func bounds(for needs: [Need], in group: BuyingGroup, taxonomy: Taxonomy, openJobs: Set<BuyingJob>,
                policy: ScoringPolicy, everyoneConcerned: Bool = false) -> [(index: Int, bound: Double)] {
        let openMask = openJobs.reduce(UInt8(0)) { $0 | CatalogIndex.bit($1) }
        let roleOf = Dictionary(group.stakeholders.map { ($0.id, $0.role) }, uniquingKeysWith: { first, _ in first })
        // Reaching unengaged people counts with diminishing returns (½, ¼, …) in the exact score, so
        // their part is bounded by the policy's reach bound rather than by the plain sum.
        var bound = [Double](repeating: 0, count: assets.count)
        var reachSum = bound, reachMax = bound, fitForNeed = bound
        var stamp = [Int](repeating: -1, count: assets.count)
        var touched: [Int] = []
        for (position, need) in needs.enumerated() {
            if case .unengagedStakeholder = need.kind {
                // Exact: urgency × role fit (their role, or everyone) × timely (full when the asset
                // works on an open job) × channel.
                let role = need.stakeholders.first.flatMap { roleOf[$0] }
                let forRole = role.flatMap { byRole[$0] } ?? []
                for (fit, list) in [(policy.reachForEveryone, forEveryone), (policy.reachForRole, forRole)] {
                    for asset in list {
                        let timely = jobMask[asset] & openMask != 0 ? 1.0 : policy.reachOffJob
                        let value = need.urgency * fit * timely * (isRepLed[asset] ? policy.reachRepLed : 1)
                        if stamp[asset] == -1 { touched.append(asset) }
                        if stamp[asset] != position {
                            stamp[asset] = position
                            fitForNeed[asset] = value
                            reachSum[asset] += value
                        } else if value > fitForNeed[asset] {
                            reachSum[asset] += value - fitForNeed[asset]
                            fitForNeed[asset] = value
                        }
                        reachMax[asset] = max(reachMax[asset], fitForNeed[asset])
                    }
                }
                continue
            }
            func offer(_ list: [Int]?, _ fit: Double) { offer(list) { _ in fit } }
            func offer(_ list: [Int]?, _ fitOf: (Int) -> Double) {
                for asset in list ?? [] {
                    let fit = fitOf(asset)
                    if fit <= 0 { continue }
                    if stamp[asset] != position {
                        if stamp[asset] == -1 { touched.append(asset) }
                        stamp[asset] = position
                        fitForNeed[asset] = fit
                        bound[asset] += need.urgency * fit
                    } else if fit > fitForNeed[asset] {
                        bound[asset] += need.urgency * (fit - fitForNeed[asset])
                        fitForNeed[asset] = fit
                    }
                }
            }
            switch need.kind {
            case let .conflict(topic):
                for job in taxonomy.topic(topic)?.jobs ?? [] { offer(byJob[job], policy.sharesTopicJob) }
                offer(byTopic[topic], policy.coversTopic)
                offer(byResolvedTopic[topic], policy.bestConflictFit)
            case let .stalledJob(job), let .activeJob(job):
                // The exact fit is jobFit × (0.5 + 0.5 × share of the concerned people the asset's
                // roles reach); counting that share per role bit makes the bound nearly exact.
                guard !everyoneConcerned, let roleBit, !need.stakeholders.isEmpty else {
                    offer(byJob[job], policy.secondaryJob)
                    offer(byPrimaryJob[job], policy.primaryJob)
                    continue
                }
                var perRole = [Int](repeating: 0, count: 64)
                for person in need.stakeholders {
                    if let role = roleOf[person], let bit = roleBit[role] { perRole[bit] += 1 }
                }
                let concerned = need.stakeholders.count
                let roleFit: (Int) -> Double = { asset in
                    if self.reachesEveryone[asset] { return policy.jobReach(reached: concerned, of: concerned) }
                    var reach = 0
                    var mask = self.roleMask[asset]
                    while mask != 0 {
                        reach += perRole[mask.trailingZeroBitCount]
                        mask &= mask - 1
                    }
                    return policy.jobReach(reached: reach, of: concerned)
                }
                offer(byJob[job]) { policy.secondaryJob * roleFit($0) }
                offer(byPrimaryJob[job]) { policy.primaryJob * roleFit($0) }
            case .unengagedStakeholder:
                break
            }
        }
        return touched.map { ($0, bound[$0] + policy.reachBound(sum: reachSum[$0], largest: reachMax[$0])) }
    }

    /// The candidates whose bound reaches `threshold`, highest bound first (ties by id). Sorting only
    /// those keeps the cost low when a good threshold is known.
    static func ordered(_ candidates: [(index: Int, bound: Double)], atLeast threshold: Double) -> [(index: Int, bound: Double)] {
        candidates.filter { $0.bound + Matcher.epsilon >= threshold }
            .sorted { $0.bound != $1.bound ? $0.bound > $1.bound : $0.index < $1.index }
    }
}

