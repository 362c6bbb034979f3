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
    var origin: String?
    var status: String
    var statusDate: String?
    var statusBy: String?

    func groupStatus() throws -> GroupStatus {
        guard let status = GroupStatus(rawValue: status) else {
            throw StoreError.unreadableRow("buyingGroup", id, "status '\(status)' is not open, won, lost or archived")
        }
        return status
    }
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
    var origin: String
    var recordedBy: String?
    var retractedBy: String?

    var stakeholder: Stakeholder { Stakeholder(id: id, name: name, role: role, influence: influence, title: title) }
    var provenance: Provenance { Provenance(origin: origin, recordedBy: recordedBy, retractedBy: retractedBy) }
}

/// A row of `claim`, as read back; exactly one of `position` and `value` is set.
struct ClaimRecord: Codable, Sendable, FetchableRecord, TableRecord {
    static let databaseTableName = "claim"
    var seq: Int64
    var groupId: String
    var stakeholderId: String
    var topic: String
    var position: String?
    var value: Double?
    var source: String?
    var date: String
    var origin: String
    var recordedBy: String?
    var retractedBy: String?

    var provenance: Provenance { Provenance(origin: origin, recordedBy: recordedBy, retractedBy: retractedBy) }

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
    var seq: Int64
    var groupId: String
    var job: String
    var type: String
    var date: String
    var note: String?
    var origin: String
    var recordedBy: String?
    var retractedBy: String?

    var provenance: Provenance { Provenance(origin: origin, recordedBy: recordedBy, retractedBy: retractedBy) }

    func event() throws -> JobEvent {
        let key = "group \(groupId), \(job) \(type) on \(date)"
        guard let buyingJob = BuyingJob(rawValue: job) else { throw StoreError.unreadableRow("jobEvent", key, "'\(job)' is not a buying job") }
        guard let kind = JobEvent.Kind(rawValue: type) else { throw StoreError.unreadableRow("jobEvent", key, "'\(type)' is not an event type") }
        guard let day = Day(date) else { throw StoreError.unreadableRow("jobEvent", key, "date '\(date)' is not a day") }
        return JobEvent(job: buyingJob, type: kind, date: day, note: note)
    }
}

/// A row of `send`: one asset to one person on one day, from one source.
struct SendRecord: Codable, Sendable, FetchableRecord, TableRecord {
    static let databaseTableName = "send"
    var seq: Int64
    var groupId: String
    var assetId: String
    var stakeholderId: String
    var date: String
    var channel: String?
    var consumed: Bool
    var consumedBy: String?
    var origin: String
    var recordedBy: String?
    var retractedBy: String?

    var provenance: Provenance { Provenance(origin: origin, recordedBy: recordedBy, retractedBy: retractedBy) }

    func day() throws -> Day {
        guard let day = Day(date) else {
            throw StoreError.unreadableRow("send", "group \(groupId), \(assetId) to \(stakeholderId)", "date '\(date)' is not a day")
        }
        return day
    }
}

/// A row of `dismissal`.
struct DismissalRecord: Codable, Sendable, FetchableRecord, TableRecord {
    static let databaseTableName = "dismissal"
    var seq: Int64
    var groupId: String
    var assetId: String
    var date: String
    var reason: String?
    var origin: String
    var recordedBy: String?
    var retractedBy: String?

    var provenance: Provenance { Provenance(origin: origin, recordedBy: recordedBy, retractedBy: retractedBy) }

    func dismissal() throws -> Dismissal {
        guard let day = Day(date) else {
            throw StoreError.unreadableRow("dismissal", "group \(groupId), \(assetId)", "date '\(date)' is not a day")
        }
        return Dismissal(asset: assetId, date: day, reason: reason)
    }
}
