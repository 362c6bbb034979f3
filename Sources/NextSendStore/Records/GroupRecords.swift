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

    func claim() throws -> Claim {
        let key = "group \(groupId), \(stakeholderId) on \(topic)"
        guard let day = Day(date) else { throw StoreError.unreadableRow("claim", key, "date '\(date)' is not a day") }
        let claimValue: Claim.Value
        if let position {
            claimValue = .position(position)
        } else if let value {
            claimValue = .number(value)
        } else {
            throw StoreError.unreadableRow("claim", key, "neither a position nor a value")
        }
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

    func event() throws -> JobEvent {
        let key = "group \(groupId), \(job) \(type) on \(date)"
        guard let buyingJob = BuyingJob(rawValue: job) else { throw StoreError.unreadableRow("jobEvent", key, "'\(job)' is not a buying job") }
        guard let kind = JobEvent.Kind(rawValue: type) else { throw StoreError.unreadableRow("jobEvent", key, "'\(type)' is not an event type") }
        guard let day = Day(date) else { throw StoreError.unreadableRow("jobEvent", key, "date '\(date)' is not a day") }
        return JobEvent(job: buyingJob, type: kind, date: day, note: note)
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

    func touch() throws -> Touch {
        guard let day = Day(date) else {
            throw StoreError.unreadableRow("touch", "group \(groupId), \(assetId)", "date '\(date)' is not a day")
        }
        return Touch(asset: assetId, to: recipients.split(separator: ",").map(String.init), date: day, channel: channel, consumed: consumed)
    }
}
