/// Something the buying group lacks right now, which content can serve.
public struct Need: Sendable, Hashable, Codable {
    public enum Kind: Sendable, Hashable, Codable {
        /// Stakeholders disagree on a topic.
        case conflict(topic: String)
        /// A job has had no event for longer than its stall threshold.
        case stalledJob(BuyingJob)
        /// Nobody has sent this person anything or heard from them in 30 days.
        case unengagedStakeholder(String)
        /// A job under way (active or stalled) has nobody in a role that usually weighs in on it
        /// (the taxonomy's `voices:`): content the champion can forward to that person helps.
        case missingVoice(job: BuyingJob, role: String)
        /// A job is moving; content can help it along.
        case activeJob(BuyingJob)

        /// The id used in JSON: `conflict`, `stalled-job`, `unengaged-stakeholder`, `missing-voice`, `active-job`.
        public var name: String {
            switch self {
            case .conflict: return "conflict"
            case .stalledJob: return "stalled-job"
            case .unengagedStakeholder: return "unengaged-stakeholder"
            case .missingVoice: return "missing-voice"
            case .activeJob: return "active-job"
            }
        }

        /// Where needs of this kind stand: conflicts first, then stalled jobs, unreached people,
        /// missing voices, active jobs.
        public var rank: Int {
            switch self {
            case .conflict: return 0
            case .stalledJob: return 1
            case .unengagedStakeholder: return 2
            case .missingVoice: return 3
            case .activeJob: return 4
            }
        }

        /// A stable key for sorting and de-duplication: `conflict:tco`, `missing-voice:validation:security`.
        public var key: String {
            switch self {
            case let .conflict(topic): return "conflict:\(topic)"
            case let .stalledJob(job): return "stalled-job:\(job.rawValue)"
            case let .unengagedStakeholder(id): return "unengaged-stakeholder:\(id)"
            case let .missingVoice(job, role): return "missing-voice:\(job.rawValue):\(role)"
            case let .activeJob(job): return "active-job:\(job.rawValue)"
            }
        }
    }

    public var kind: Kind
    /// How much serving this need matters, from 0 to 1.
    public var urgency: Double
    /// The stakeholders the need concerns: the sides of a conflict, the unengaged person, for a
    /// missing voice the person who can bring them in (the champion), or for a job, the people who
    /// hold views on the job's topics.
    public var stakeholders: [String]
}
