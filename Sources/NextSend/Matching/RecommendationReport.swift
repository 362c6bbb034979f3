/// The JSON shape of `next --json` that other tools read.
///
/// Fixed names: `group`, `asOf`, `recommendations[].rank|asset|title|sendTo|addresses|score|reason`;
/// each address is `{kind, topic|job|stakeholder}`.
public struct RecommendationReport: Sendable, Hashable, Encodable {
    public struct Address: Sendable, Hashable, Encodable {
        public var kind: String
        public var topic: String?
        public var job: String?
        public var role: String?
        public var stakeholder: String?

        public init(_ kind: Need.Kind) {
            self.kind = kind.name
            switch kind {
            case let .conflict(topic): self.topic = topic
            case let .stalledJob(job), let .activeJob(job): self.job = job.rawValue
            case let .unengagedStakeholder(id): stakeholder = id
            case let .missingVoice(job, role):
                self.job = job.rawValue
                self.role = role
            }
        }
    }

    public struct Part: Sendable, Hashable, Encodable {
        public var name: String
        public var kind: String
        public var value: Double
        public var detail: String
    }

    public struct Entry: Sendable, Hashable, Encodable {
        public var rank: Int
        public var asset: String
        public var title: String
        public var format: String
        public var url: String?
        public var sendTo: [String]
        public var addresses: [Address]
        public var score: Double
        public var reason: String
        public var breakdown: [Part]?
        /// What followed earlier sends for the first need addressed, when there is history.
        public var evidence: Recommendation.Evidence?
    }

    public var group: String
    public var asOf: String
    public var recommendations: [Entry]

    public init(group: String, asOf: Day, _ picks: [Recommendation], explain: Bool = false) {
        self.group = group
        self.asOf = asOf.description
        recommendations = picks.map { pick in
            Entry(rank: pick.rank, asset: pick.asset.id, title: pick.asset.title, format: pick.asset.format, url: pick.asset.url,
                  sendTo: pick.sendTo, addresses: pick.addresses.map(Address.init), score: pick.score, reason: pick.reason,
                  breakdown: explain ? pick.breakdown.map { Part(name: $0.name, kind: $0.kind.rawValue, value: $0.value, detail: $0.detail) } : nil,
                  evidence: pick.evidence)
        }
    }
}
