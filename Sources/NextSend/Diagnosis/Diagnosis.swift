/// Where a buying group really is as of a day: its jobs, conflicts, unreached people and needs.
public struct Diagnosis: Sendable, Hashable, Codable {
    public var group: String
    public var asOf: Day
    /// The six jobs, in board order.
    public var jobs: [JobState]
    public var conflicts: [Conflict]
    /// Stakeholders with no touch and no claim in the last ``Diagnoser/engagementWindowDays`` days, sorted.
    public var unengaged: [String]
    /// Roles the taxonomy's `voices:` expects on a job under way that nobody in the group holds.
    public var missingVoices: [MissingVoice]
    /// Needs, most urgent first (ties by key).
    public var needs: [Need]

    public func job(_ job: BuyingJob) -> JobState? { jobs.first { $0.job == job } }

    public var stalledJobs: [JobState] { jobs.filter { $0.status == .stalled } }

    /// The group's overall urgency: its most urgent need plus a little for each other conflict or stall,
    /// so that a deal with three problems ranks above one with a single problem of the same size.
    public var urgency: Double {
        guard let top = needs.max(by: { $0.urgency != $1.urgency ? $0.urgency < $1.urgency : $0.kind.key > $1.kind.key }) else { return 0 }
        let others = needs.filter { $0 != top }.filter {
            if case .conflict = $0.kind { return true }
            if case .stalledJob = $0.kind { return true }
            return false
        }
        return top.urgency + 0.1 * others.map(\.urgency).reduce(0, +)
    }
}

/// A role that usually weighs in on a buying job, and that nobody in the group holds while the job
/// is under way: "validation is under way and no one in security is known".
public struct MissingVoice: Sendable, Hashable, Codable {
    public var job: BuyingJob
    public var role: String

    public init(job: BuyingJob, role: String) {
        self.job = job
        self.role = role
    }
}
