import Foundation
import GRDB
import NextSend

// MARK: - Reads

extension SQLiteStore {
    /// One group with its whole history, or `nil`.
    public func group(id: String) throws -> BuyingGroup? {
        try read { db in try SQLiteStore.fetchGroups(db, ids: [id]).first }
    }

    /// One group with its whole history.
    ///
    /// - Throws: ``StoreError`` (not found) naming the id, when there is no such group.
    public func existingGroup(id: String) throws -> BuyingGroup {
        try read { db in
            guard let group = try SQLiteStore.fetchGroups(db, ids: [id]).first else { throw try StoreError.noGroup(id, db) }
            return group
        }
    }

    /// A group's status: open, won, lost or archived.
    ///
    /// - Throws: ``StoreError`` (not found) when there is no such group.
    public func status(ofGroup id: String) throws -> (status: GroupStatus, date: Day?) {
        try read { db in
            guard let record = try GroupRecord.fetchOne(db, key: id) else { throw try StoreError.noGroup(id, db) }
            return (try record.groupStatus(), record.statusDate.flatMap(Day.init))
        }
    }

    /// Whole groups in id order, optionally only one rep's; open ones only unless `includeClosed`.
    public func groups(owner: String?, includeClosed: Bool) throws -> [BuyingGroup] {
        try read { db in
            let ids = try String.fetchAll(db, sql: """
                SELECT id FROM buyingGroup WHERE (?1 IS NULL OR owner = ?1) AND (?2 OR status = 'open') ORDER BY id
                """, arguments: [owner, includeClosed])
            return try SQLiteStore.fetchGroups(db, ids: ids)
        }
    }

    /// Group ids in id order, optionally only one rep's; open ones only unless `includeClosed`.
    public func groupIDs(owner: String?, includeClosed: Bool) throws -> [String] {
        try read { db in
            try String.fetchAll(db, sql: """
                SELECT id FROM buyingGroup WHERE (?1 IS NULL OR owner = ?1) AND (?2 OR status = 'open') ORDER BY id
                """, arguments: [owner, includeClosed])
        }
    }

    /// The reps who own at least one open group, in order.
    public func owners() throws -> [String] {
        try read { try String.fetchAll($0, sql: "SELECT DISTINCT owner FROM buyingGroup WHERE status = 'open' ORDER BY owner") }
    }

    /// Checks that `owner` owns at least one group (open or not).
    ///
    /// - Throws: ``StoreError`` (not found) naming the closest owner, so a typo is caught where it is typed.
    public func requireOwner(_ owner: String) throws {
        try read { db in
            guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM buyingGroup WHERE owner = ?)", arguments: [owner]) == true else {
                throw try StoreError.noOwner(owner, db)
            }
        }
    }

    /// Asset ids in the catalog, to check the touches of imported groups.
    public func assetIDs() throws -> Set<String> {
        try read { db in Set(try String.fetchAll(db, sql: "SELECT id FROM asset")) }
    }

    /// Loads groups with the facts that count (retracted ones left out): one query per table,
    /// rows in insertion order.
    static func fetchGroups(_ db: Database, ids: [String]) throws -> [BuyingGroup] {
        if ids.isEmpty { return [] }
        let json = String(decoding: try JSONEncoder().encode(ids), as: UTF8.self)
        let filter = "groupId IN (SELECT value FROM json_each(?)) AND retractedBy IS NULL"
        let records = try GroupRecord.fetchAll(db, sql: "SELECT * FROM buyingGroup WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id",
                                               arguments: [json])
        let people = Dictionary(grouping: try StakeholderRecord.fetchAll(db, sql: "SELECT * FROM stakeholder WHERE \(filter) ORDER BY groupId, position",
                                                                          arguments: [json]), by: \.groupId)
        let claims = Dictionary(grouping: try ClaimRecord.fetchAll(db, sql: "SELECT * FROM claim WHERE \(filter) ORDER BY seq", arguments: [json]),
                                by: \.groupId)
        let events = Dictionary(grouping: try JobEventRecord.fetchAll(db, sql: "SELECT * FROM jobEvent WHERE \(filter) ORDER BY seq", arguments: [json]),
                                by: \.groupId)
        let sends = Dictionary(grouping: try SendRecord.fetchAll(db, sql: "SELECT * FROM send WHERE \(filter) ORDER BY seq", arguments: [json]),
                               by: \.groupId)
        let dismissals = Dictionary(grouping: try DismissalRecord.fetchAll(db, sql: "SELECT * FROM dismissal WHERE \(filter) ORDER BY seq",
                                                                           arguments: [json]), by: \.groupId)
        return try records.map { record in
            BuyingGroup(id: record.id, account: record.account, owner: record.owner, industry: record.industry,
                        stakeholders: (people[record.id] ?? []).map(\.stakeholder),
                        claims: try (claims[record.id] ?? []).map { try $0.claim() },
                        events: try (events[record.id] ?? []).map { try $0.event() },
                        touches: try touches(from: sends[record.id] ?? []),
                        dismissals: try (dismissals[record.id] ?? []).map { try $0.dismissal() })
        }
    }

    /// A new group's touches as the store will read them back: split per recipient, deduplicated
    /// by asset, day and person, regrouped.
    static func touches(fromSends group: BuyingGroup) throws -> [Touch] {
        var seq: Int64 = 0
        let rows = group.touches.flatMap { touch in
            touch.to.map { person -> SendRecord in
                seq += 1
                return SendRecord(seq: seq, groupId: group.id, assetId: touch.asset, stakeholderId: person, date: touch.date.description,
                                  channel: touch.channel, consumed: touch.consumed, consumedBy: nil, origin: "", recordedBy: nil,
                                  retractedBy: nil)
            }
        }
        return try touches(from: rows)
    }

    /// Sends regrouped into touches: the same asset to the same person on the same day counts once
    /// whatever the number of sources that report it (consumed if any says so); recipients of one
    /// asset on one day through one channel with the same consumption form one touch.
    static func touches(from sends: [SendRecord]) throws -> [Touch] {
        var seen: [String: Int] = [:]
        var unique: [SendRecord] = []
        for send in sends {
            let key = "\(send.assetId)\u{1}\(send.date)\u{1}\(send.stakeholderId)"
            if let index = seen[key] {
                unique[index].consumed = unique[index].consumed || send.consumed
            } else {
                seen[key] = unique.count
                unique.append(send)
            }
        }
        var touches: [Touch] = []
        var slot: [String: Int] = [:]
        for send in unique {
            let key = "\(send.assetId)\u{1}\(send.date)\u{1}\(send.channel ?? "")\u{1}\(send.consumed)"
            if let index = slot[key] {
                touches[index].to.append(send.stakeholderId)
            } else {
                slot[key] = touches.count
                touches.append(Touch(asset: send.assetId, to: [send.stakeholderId], date: try send.day(), channel: send.channel,
                                     consumed: send.consumed))
            }
        }
        return touches
    }
}
