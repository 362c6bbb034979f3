import Foundation
import GRDB
import NextSend

/// What `group import` changed.
public struct GroupImportSummary: Sendable, Hashable, Codable {
    public var added: [String] = []
    /// Groups that existed and whose state the import replaced.
    public var replaced: [String] = []

    public init() {}
}

/// One line of `group list`.
public struct GroupSummary: Sendable, Hashable, Codable {
    public var id: String
    public var account: String
    public var owner: String
    public var stakeholders: Int
}

// MARK: - Writes

extension Store {
    /// Stores groups in one transaction. A group already in the store has its whole state replaced.
    @discardableResult
    public func importGroups(_ groups: [BuyingGroup], sources: [String: String] = [:]) throws -> GroupImportSummary {
        try write { db in
            var summary = GroupImportSummary()
            for group in groups.sorted(by: { $0.id < $1.id }) {
                let exists = try GroupRecord.exists(db, key: group.id)
                if exists {
                    try GroupRecord.deleteOne(db, key: group.id)
                    summary.replaced.append(group.id)
                } else {
                    summary.added.append(group.id)
                }
                try insert(group, source: sources[group.id], db)
            }
            return summary
        }
    }

    /// Appends a claim to a group's history.
    public func appendClaim(_ claim: Claim, to groupID: String) throws {
        try write { db in
            try requireGroup(groupID, db)
            try insert(claim, into: groupID, db)
        }
    }

    /// Appends a job event to a group's history.
    public func appendEvent(_ event: JobEvent, to groupID: String) throws {
        try write { db in
            try requireGroup(groupID, db)
            try insert(event, into: groupID, db)
        }
    }

    /// Records that an asset was sent.
    public func appendTouch(_ touch: Touch, to groupID: String) throws {
        try write { db in
            try requireGroup(groupID, db)
            try insert(touch, into: groupID, db)
        }
    }

    /// Adds a stakeholder; an existing id is an error, never silently replaced.
    public func addStakeholder(_ stakeholder: Stakeholder, to groupID: String) throws {
        try write { db in
            try requireGroup(groupID, db)
            guard try !StakeholderRecord.exists(db, key: ["groupId": groupID, "id": stakeholder.id]) else {
                throw StoreError(.duplicate, "stakeholder '\(stakeholder.id)' is already in \(groupID)")
            }
            let position = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM stakeholder WHERE groupId = ?", arguments: [groupID]) ?? 0
            try insert(stakeholder, at: position, into: groupID, db)
        }
    }

    private func requireGroup(_ id: String, _ db: Database) throws {
        guard try GroupRecord.exists(db, key: id) else { throw StoreError.noGroup(id) }
    }

    // Every row is written through one of the functions below, for imports and single facts alike.
    // They use cached prepared statements: bulk imports write tens of rows per group, and
    // statement reuse is most of their speed.

    private func insert(_ group: BuyingGroup, source: String?, _ db: Database) throws {
        try db.cachedStatement(sql: "INSERT INTO buyingGroup (id, account, owner, industry, source) VALUES (?, ?, ?, ?, ?)")
            .execute(arguments: [group.id, group.account, group.owner, group.industry, source])
        for (position, person) in group.stakeholders.enumerated() { try insert(person, at: position, into: group.id, db) }
        for claim in group.claims { try insert(claim, into: group.id, db) }
        for event in group.events { try insert(event, into: group.id, db) }
        for touch in group.touches { try insert(touch, into: group.id, db) }
    }

    private func insert(_ person: Stakeholder, at position: Int, into groupID: String, _ db: Database) throws {
        try db.cachedStatement(sql: """
            INSERT INTO stakeholder (groupId, id, name, role, influence, title, position) VALUES (?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [groupID, person.id, person.name, person.role, person.influence, person.title, position])
    }

    /// Exactly one of `position` and `value` is set, as the table's check requires.
    private func insert(_ claim: Claim, into groupID: String, _ db: Database) throws {
        var position: String?, value: Double?
        switch claim.value {
        case let .position(text): position = text
        case let .number(number): value = number
        }
        try db.cachedStatement(sql: """
            INSERT INTO claim (groupId, stakeholderId, topic, position, value, source, date) VALUES (?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [groupID, claim.stakeholder, claim.topic, position, value, claim.source, claim.date.description])
    }

    private func insert(_ event: JobEvent, into groupID: String, _ db: Database) throws {
        try db.cachedStatement(sql: "INSERT INTO jobEvent (groupId, job, type, date, note) VALUES (?, ?, ?, ?, ?)")
            .execute(arguments: [groupID, event.job.rawValue, event.type.rawValue, event.date.description, event.note])
    }

    /// Recipients are stakeholder ids joined by commas (ids never contain one).
    private func insert(_ touch: Touch, into groupID: String, _ db: Database) throws {
        try db.cachedStatement(sql: """
            INSERT INTO touch (groupId, assetId, recipients, date, channel, consumed) VALUES (?, ?, ?, ?, ?, ?)
            """).execute(arguments: [groupID, touch.asset, touch.to.joined(separator: ","), touch.date.description, touch.channel, touch.consumed])
    }
}

// MARK: - Reads

extension Store {
    /// One group with its whole history, or `nil`.
    public func group(id: String) throws -> BuyingGroup? {
        try read { db in try Store.fetchGroups(db, ids: [id]).first }
    }

    /// One group with its whole history.
    ///
    /// - Throws: ``StoreError`` (not found) naming the id, when there is no such group.
    public func existingGroup(id: String) throws -> BuyingGroup {
        guard let group = try group(id: id) else { throw StoreError.noGroup(id) }
        return group
    }

    /// Groups in id order, optionally only one rep's.
    public func groupSummaries(owner: String? = nil) throws -> [GroupSummary] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT g.id, g.account, g.owner, (SELECT COUNT(*) FROM stakeholder s WHERE s.groupId = g.id) AS people
                FROM buyingGroup g WHERE (?1 IS NULL OR g.owner = ?1) ORDER BY g.id
                """, arguments: [owner]).map { row in
                GroupSummary(id: row["id"], account: row["account"], owner: row["owner"], stakeholders: row["people"])
            }
        }
    }

    /// Whole groups in id order, optionally only one rep's.
    public func groups(owner: String? = nil) throws -> [BuyingGroup] {
        try read { db in
            let ids = try String.fetchAll(db, sql: "SELECT id FROM buyingGroup WHERE (?1 IS NULL OR owner = ?1) ORDER BY id", arguments: [owner])
            return try Store.fetchGroups(db, ids: ids)
        }
    }

    /// Asset ids in the catalog, to check the touches of imported groups.
    public func assetIDs() throws -> Set<String> {
        try read { db in Set(try String.fetchAll(db, sql: "SELECT id FROM asset")) }
    }

    /// Loads groups with their history: one query per table, rows in insertion order.
    static func fetchGroups(_ db: Database, ids: [String]) throws -> [BuyingGroup] {
        if ids.isEmpty { return [] }
        let json = String(decoding: try JSONEncoder().encode(ids), as: UTF8.self)
        let filter = "groupId IN (SELECT value FROM json_each(?))"
        let records = try GroupRecord.fetchAll(db, sql: "SELECT * FROM buyingGroup WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id",
                                               arguments: [json])
        let people = Dictionary(grouping: try StakeholderRecord.fetchAll(db, sql: "SELECT * FROM stakeholder WHERE \(filter) ORDER BY groupId, position",
                                                                          arguments: [json]), by: \.groupId)
        let claims = Dictionary(grouping: try ClaimRecord.fetchAll(db, sql: "SELECT * FROM claim WHERE \(filter) ORDER BY seq", arguments: [json]),
                                by: \.groupId)
        let events = Dictionary(grouping: try JobEventRecord.fetchAll(db, sql: "SELECT * FROM jobEvent WHERE \(filter) ORDER BY seq", arguments: [json]),
                                by: \.groupId)
        let touches = Dictionary(grouping: try TouchRecord.fetchAll(db, sql: "SELECT * FROM touch WHERE \(filter) ORDER BY seq", arguments: [json]),
                                 by: \.groupId)
        return try records.map { record in
            BuyingGroup(id: record.id, account: record.account, owner: record.owner, industry: record.industry,
                        stakeholders: (people[record.id] ?? []).map(\.stakeholder),
                        claims: try (claims[record.id] ?? []).map { try $0.claim() },
                        events: try (events[record.id] ?? []).map { try $0.event() },
                        touches: try (touches[record.id] ?? []).map { try $0.touch() })
        }
    }
}
