import NextSend

/// One line of `group list --json` and `GET /v1/groups`: a group with its open conflicts, stalled
/// jobs and unreached people, most urgent first.
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
    public var urgency: Double

    public init(_ group: BuyingGroup, diagnosis: Diagnosis) {
        id = group.id
        account = group.account
        deal = group.deal?.name
        owner = group.owner
        stakeholders = group.stakeholders.count
        conflicts = diagnosis.conflicts.count
        stalled = diagnosis.stalledJobs.map(\.job.rawValue)
        unengaged = diagnosis.unengaged.count
        urgency = Rounding.score(diagnosis.urgency)
    }
}
