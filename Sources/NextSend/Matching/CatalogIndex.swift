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
    let byRole: [String: [Int]]
    /// Assets for every role (shareable, or with no role): candidates for anyone.
    let forEveryone: [Int]
    let positionByID: [String: Int]

    public init(assets: [Asset]) {
        let published = assets.filter { $0.status == .published }.sorted { $0.id < $1.id }
        self.assets = published
        var byResolvedTopic: [String: [Int]] = [:], byTopic: [String: [Int]] = [:]
        var byJob: [BuyingJob: [Int]] = [:], byRole: [String: [Int]] = [:]
        var forEveryone: [Int] = []
        for (index, asset) in published.enumerated() {
            for topic in Set(asset.resolves.map(\.topic)) { byResolvedTopic[topic, default: []].append(index) }
            for topic in Set(asset.topics) { byTopic[topic, default: []].append(index) }
            for job in Set(asset.jobs) { byJob[job, default: []].append(index) }
            for role in Set(asset.roles) { byRole[role, default: []].append(index) }
            if asset.shareable || asset.roles.isEmpty { forEveryone.append(index) }
        }
        self.byResolvedTopic = byResolvedTopic
        self.byTopic = byTopic
        self.byJob = byJob
        self.byRole = byRole
        self.forEveryone = forEveryone
        self.positionByID = Dictionary(uniqueKeysWithValues: published.enumerated().map { ($1.id, $0) })
    }

    public func asset(_ id: String) -> Asset? { positionByID[id].map { assets[$0] } }

    /// Indices of the assets that could serve at least one of `needs`, ascending (so by id).
    func candidates(for needs: [Need], in group: BuyingGroup, taxonomy: Taxonomy) -> [Int] {
        var result = Set<Int>()
        for need in needs {
            switch need.kind {
            case let .conflict(topic):
                result.formUnion(byResolvedTopic[topic] ?? [])
                result.formUnion(byTopic[topic] ?? [])
                for job in taxonomy.topic(topic)?.jobs ?? [] { result.formUnion(byJob[job] ?? []) }
            case let .stalledJob(job), let .activeJob(job):
                result.formUnion(byJob[job] ?? [])
            case let .unengagedStakeholder(id):
                if let role = group.stakeholder(id)?.role { result.formUnion(byRole[role] ?? []) }
                result.formUnion(forEveryone)
            }
        }
        return result.sorted()
    }
}
