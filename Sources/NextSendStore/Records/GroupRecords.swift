import GRDB
import NextSend

/// Rows of the group tables as read back; writes go through `Store`'s insert functions.

/// A row of `buyingGroup`.
struct GroupRecord: Codable, Sendable, FetchableRecord, TableRecord {
    static let databaseTableName = "buyingGroup"
    var id: String
    var account: String
    var owner: String
    var industry: String?
    var source: String?
}

/// A row of `stakeholder`.
struct StakeholderRecord: Codable, Sendable, FetchableRecord, TableRecord {
    static let databaseTableName = "stakeholder"
    var groupId: String
    var id: String
    var name: String
    var role: String
    var influence: String
    var title: String?
    var position: Int

    var stakeholder: Stakeholder { Stakeholder(id: id, name: name, role: role, influence: influence, title: title) }
}

/// A row of `claim`, as read back; exactly one of `position` and `value` is set.
struct ClaimRecord: Codable, Sendable, FetchableRecord, TableRecord {
    static let databaseTableName = "claim"
    var groupId: String
    var stakeholderId: String
    var topic: String
    var position: String?
    var value: Double?
    var source: String?
    var date: String

    var claim: Claim? {
        guard let day = Day(date) else { return nil }
        let claimValue: Claim.Value
        if let position { claimValue = .position(position) } else if let value { claimValue = .number(value) } else { return nil }
        return Claim(stakeholder: stakeholderId, topic: topic, value: claimValue, source: source, date: day)
    }
}

/// A row of `jobEvent`, as read back.
struct JobEventRecord: Codable, Sendable, FetchableRecord, TableRecord {
    static let databaseTableName = "jobEvent"
    var groupId: String
    var job: String
    var type: String
    var date: String
    var note: String?

    var event: JobEvent? {
        guard let job = BuyingJob(rawValue: job), let kind = JobEvent.Kind(rawValue: type), let day = Day(date) else { return nil }
        return JobEvent(job: job, type: kind, date: day, note: note)
    }
}

/// A row of `touch`, as read back; recipients are stakeholder ids joined by commas.
struct TouchRecord: Codable, Sendable, FetchableRecord, TableRecord {
    static let databaseTableName = "touch"
    var groupId: String
    var assetId: String
    var recipients: String
    var date: String
    var channel: String?
    var consumed: Bool

    var touch: Touch? {
        guard let day = Day(date) else { return nil }
        return Touch(asset: assetId, to: recipients.split(separator: ",").map(String.init), date: day, channel: channel, consumed: consumed)
    }
}
