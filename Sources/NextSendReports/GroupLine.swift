import NextSend

/// One line of `group list --json` and `GET /v1/groups`: a group with its open conflicts, stalled
/// jobs, unreached people and missing voices, and whether it is converging.
public struct GroupLine: Sendable, Hashable, Encodable {
    public var id: String
    public var account: String
    /// The CRM deal's name, when the group has one: two deals at one account are told apart by it.
    public var deal: String?
    public var owner: String
    public var stakeholders: Int
    public var conflicts: Int
    public var stalled: [String]
    public var unengaged: Int
    /// Roles expected on a job under way that nobody in the group holds (a count).
    public var missingVoices: Int
    /// Days the longest-stalled job has gone without an event; 0 when none is stalled.
    public var longestStallDays: Int
    /// `converging`, `stuck` or `diverging` (see ``ConsensusTrend``).
    public var direction: TrendDirection
    public var urgency: Double

    public init(_ group: BuyingGroup, diagnosis: Diagnosis, direction: TrendDirection) {
        id = group.id
        account = group.account
        deal = group.deal?.name
        owner = group.owner
        stakeholders = group.stakeholders.count
        conflicts = diagnosis.conflicts.count
        stalled = diagnosis.stalledJobs.map(\.job.rawValue)
        unengaged = diagnosis.unengaged.count
        missingVoices = diagnosis.missingVoices.count
        longestStallDays = diagnosis.stalledJobs.compactMap(\.idleDays).max() ?? 0
        self.direction = direction
        urgency = Rounding.score(diagnosis.urgency)
    }
}
