/// The JSON shape of a diagnosis that other tools read (`group show --json`, the digest's JSON).
///
/// Field names are a contract: `group`, `asOf`, `jobs[].job|status|idleDays|loops`,
/// `conflicts[].topic|positions[].position|value|stakeholders`, `unengaged`, `missingVoices[].job|role`. More fields may be added.
public struct DiagnosisReport: Sendable, Hashable, Encodable {
    public struct Job: Sendable, Hashable, Encodable {
        public var job: String
        public var status: String
        public var idleDays: Int?
        public var loops: Int
        public var lastActivity: String?
        public var stallDays: Int
    }

    public struct Side: Sendable, Hashable, Encodable {
        public var position: String?
        public var value: Double?
        public var stakeholders: [String]
        /// Which camp the side belongs to (1, 2, …): sides within tolerance, or compatible, share one.
        public var camp: Int

        public init(_ side: Conflict.Side, camp: Int) {
            switch side.value {
            case let .position(position): self.position = position
            case let .number(number): value = number
            }
            stakeholders = side.stakeholders
            self.camp = camp
        }
    }

    public struct ConflictEntry: Sendable, Hashable, Encodable {
        public var topic: String
        public var label: String
        public var unit: String?
        public var positions: [Side]
    }

    public struct Voice: Sendable, Hashable, Encodable {
        public var job: String
        public var role: String
    }

    public struct NeedEntry: Sendable, Hashable, Encodable {
        public var kind: String
        public var topic: String?
        public var job: String?
        public var role: String?
        public var stakeholder: String?
        public var urgency: Double
        public var stakeholders: [String]
    }

    public var group: String
    public var account: String
    public var owner: String
    public var asOf: String
    public var urgency: Double
    public var jobs: [Job]
    public var conflicts: [ConflictEntry]
    public var unengaged: [String]
    /// Roles expected on a job under way that nobody in the group holds: `[{"job", "role"}]`.
    public var missingVoices: [Voice]
    public var needs: [NeedEntry]
    /// The CRM deal: name, stage, amount, currency, closeDate (absent for a group without one).
    public var deal: Deal?

    public init(_ diagnosis: Diagnosis, group: BuyingGroup, taxonomy: Taxonomy) {
        self.group = diagnosis.group
        account = group.account
        deal = group.deal
        owner = group.owner
        asOf = diagnosis.asOf.description
        urgency = Rounding.score(diagnosis.urgency)
        jobs = diagnosis.jobs.map {
            Job(job: $0.job.rawValue, status: $0.status.rawValue, idleDays: $0.idleDays, loops: $0.loops,
                lastActivity: $0.lastActivity?.description, stallDays: $0.stallDays)
        }
        conflicts = diagnosis.conflicts.map { conflict in
            let topic = taxonomy.topic(conflict.topic)
            var unit: String?
            if case let .number(topicUnit, _)? = topic?.kind { unit = topicUnit }
            return ConflictEntry(topic: conflict.topic, label: topic?.label ?? conflict.topic, unit: unit,
                                 positions: ConflictCamps.numbers(conflict, taxonomy: taxonomy).map { Side($0.side, camp: $0.camp) })
        }
        unengaged = diagnosis.unengaged
        missingVoices = diagnosis.missingVoices.map { Voice(job: $0.job.rawValue, role: $0.role) }
        needs = diagnosis.needs.map(NeedEntry.init)
    }
}

extension DiagnosisReport.NeedEntry {
    init(_ need: Need) {
        kind = need.kind.name
        switch need.kind {
        case let .conflict(topic): self.topic = topic
        case let .stalledJob(job), let .activeJob(job): self.job = job.rawValue
        case let .unengagedStakeholder(id): stakeholder = id
        case let .missingVoice(job, role):
            self.job = job.rawValue
            self.role = role
        }
        urgency = Rounding.score(need.urgency)
        stakeholders = need.stakeholders
    }
}

/// Scores printed with three decimals, so JSON does not show float noise such as 0.30000000000000004.
public enum Rounding {
    public static func score(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }
    /// A converted figure to two decimals ("3 months" is 13 weeks, not 12.999999999999998).
    public static func figure(_ value: Double) -> Double { abs(value) < 1e13 ? (value * 100).rounded() / 100 : value }
}
