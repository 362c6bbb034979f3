import GRDB
import NextSend

/// A row of `buyingGroup`.
struct GroupRecord: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "buyingGroup"
    var id: String
    var account: String
    var owner: String
    var industry: String?
    var source: String?
}

/// A row of `stakeholder`.
struct StakeholderRecord: Codable, Sendable, FetchableRecord, PersistableRecord {
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

/// A row of `claim`; exactly one of `position` and `value` is set.
struct ClaimRecord: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "claim"
    var groupId: String
    var stakeholderId: String
    var topic: String
    var position: String?
    var value: Double?
    var source: String?
    var date: String

    init(groupId: String, _ claim: Claim) {
        self.groupId = groupId
        stakeholderId = claim.stakeholder
        topic = claim.topic
        switch claim.value {
        case let .position(position): self.position = position
        case let .number(number): value = number
        }
        source = claim.source
        date = claim.date.description
    }

    var claim: Claim? {
        guard let day = Day(date) else { return nil }
        let claimValue: Claim.Value
        if let position { claimValue = .position(position) } else if let value { claimValue = .number(value) } else { return nil }
        return Claim(stakeholder: stakeholderId, topic: topic, value: claimValue, source: source, date: day)
    }
}

/// A row of `jobEvent`.
struct JobEventRecord: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "jobEvent"
    var groupId: String
    var job: String
    var type: String
    var date: String
    var note: String?

    init(groupId: String, _ event: JobEvent) {
        self.groupId = groupId
        job = event.job.rawValue
        type = event.type.rawValue
        date = event.date.description
        note = event.note
    }

    var event: JobEvent? {
        guard let job = BuyingJob(rawValue: job), let kind = JobEvent.Kind(rawValue: type), let day = Day(date) else { return nil }
        return JobEvent(job: job, type: kind, date: day, note: note)
    }
}

/// A row of `touch`; recipients are stakeholder ids joined by commas (ids never contain one).
struct TouchRecord: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "touch"
    var groupId: String
    var assetId: String
    var recipients: String
    var date: String
    var channel: String?
    var consumed: Bool

    init(groupId: String, _ touch: Touch) {
        self.groupId = groupId
        assetId = touch.asset
        recipients = touch.to.joined(separator: ",")
        date = touch.date.description
        channel = touch.channel
        consumed = touch.consumed
    }

    var touch: Touch? {
        guard let day = Day(date) else { return nil }
        return Touch(asset: assetId, to: recipients.split(separator: ",").map(String.init), date: day, channel: channel, consumed: consumed)
    }
}
