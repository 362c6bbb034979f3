import NextSend

/// Rows of the group tables as read back; writes go through ``FactRows``.

/// A row of `buyingGroup`.
struct GroupRecord: Sendable {
    var id: String
    var account: String
    var owner: String
    var industry: String?
    var source: String?
    var origin: String?
    var status: String
    var statusDate: String?
    var statusBy: String?
    var deal: Deal?

    func groupStatus() throws -> GroupStatus {
        guard let status = GroupStatus(rawValue: status) else {
            throw StoreError.unreadableRow("buyingGroup", id, "status '\(status)' is not open, won, lost or archived")
        }
        return status
    }
}

/// A row of `stakeholder`.
struct StakeholderRecord: Sendable {
    var groupId: String
    var id: String
    var name: String
    var role: String
    var influence: String
    var title: String?
    var email: String?
    var position: Int
    var origin: String
    var recordedBy: String?
    var retractedBy: String?

    var stakeholder: Stakeholder { Stakeholder(id: id, name: name, role: role, influence: influence, title: title, email: email) }
    var provenance: Provenance { Provenance(origin: origin, recordedBy: recordedBy, retractedBy: retractedBy) }
}

/// A row of `claim`, as read back; exactly one of `position` and `value` is set.
struct ClaimRecord: Sendable {
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
    var quote: String?

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
        return Claim(stakeholder: stakeholderId, topic: topic, value: claimValue, source: source, date: day, quote: quote)
    }
}

/// A row of `jobEvent`, as read back.
struct JobEventRecord: Sendable {
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

/// A row of `send` (the table keeps the name migration 1 froze): one recipient of a touch — one asset
/// to one person on one day, from one source.
struct TouchRow: Sendable {
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
struct DismissalRecord: Sendable {
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

// MARK: - Reading rows

extension GroupRecord {
    init(row: SQLRow) throws {
        let deal = Deal(name: row.optionalString("dealName"), stage: row.optionalString("dealStage"), amount: row.optionalDouble("dealAmount"),
                        currency: row.optionalString("dealCurrency"), closeDate: row.optionalString("dealCloseDate").flatMap(Day.init))
        self.init(id: try row.string("id"), account: try row.string("account"), owner: try row.string("owner"),
                  industry: row.optionalString("industry"), source: row.optionalString("source"), origin: row.optionalString("origin"),
                  status: try row.string("status"), statusDate: row.optionalString("statusDate"), statusBy: row.optionalString("statusBy"),
                  deal: deal.isEmpty ? nil : deal)
    }
}

extension StakeholderRecord {
    init(row: SQLRow) throws {
        self.init(groupId: try row.string("groupId"), id: try row.string("id"), name: try row.string("name"), role: try row.string("role"),
                  influence: try row.string("influence"), title: row.optionalString("title"), email: row.optionalString("email"),
                  position: try row.int("position"), origin: try row.string("origin"), recordedBy: row.optionalString("recordedBy"),
                  retractedBy: row.optionalString("retractedBy"))
    }
}

extension ClaimRecord {
    init(row: SQLRow) throws {
        self.init(seq: try row.int64("seq"), groupId: try row.string("groupId"), stakeholderId: try row.string("stakeholderId"),
                  topic: try row.string("topic"), position: row.optionalString("position"), value: row.optionalDouble("value"),
                  source: row.optionalString("source"), date: try row.string("date"), origin: try row.string("origin"),
                  recordedBy: row.optionalString("recordedBy"), retractedBy: row.optionalString("retractedBy"), quote: row.optionalString("quote"))
    }
}

extension JobEventRecord {
    init(row: SQLRow) throws {
        self.init(seq: try row.int64("seq"), groupId: try row.string("groupId"), job: try row.string("job"), type: try row.string("type"),
                  date: try row.string("date"), note: row.optionalString("note"), origin: try row.string("origin"),
                  recordedBy: row.optionalString("recordedBy"), retractedBy: row.optionalString("retractedBy"))
    }
}

extension TouchRow {
    init(row: SQLRow) throws {
        self.init(seq: try row.int64("seq"), groupId: try row.string("groupId"), assetId: try row.string("assetId"),
                  stakeholderId: try row.string("stakeholderId"), date: try row.string("date"), channel: row.optionalString("channel"),
                  consumed: row.bool("consumed"), consumedBy: row.optionalString("consumedBy"), origin: try row.string("origin"),
                  recordedBy: row.optionalString("recordedBy"), retractedBy: row.optionalString("retractedBy"))
    }
}

extension DismissalRecord {
    init(row: SQLRow) throws {
        self.init(seq: try row.int64("seq"), groupId: try row.string("groupId"), assetId: try row.string("assetId"),
                  date: try row.string("date"), reason: row.optionalString("reason"), origin: try row.string("origin"),
                  recordedBy: row.optionalString("recordedBy"), retractedBy: row.optionalString("retractedBy"))
    }
}

extension SQLSession {
    /// Rows read as records.
    func records<Record>(_ type: Record.Type, _ sql: String, _ arguments: SQLArguments = [],
                         _ make: (SQLRow) throws -> Record) throws -> [Record] {
        try rows(sql, arguments).map(make)
    }
}
