import Foundation
import NextSend

// MARK: - Reads

extension SQLStore {
    public func group(id: String) throws -> BuyingGroup? {
        try read { db in try StoreQueries.fetchGroups(db, ids: [id]).first }
    }

    public func existingGroup(id: String) throws -> BuyingGroup {
        try read { db in
            guard let group = try StoreQueries.fetchGroups(db, ids: [id]).first else { throw try StoreQueries.noGroup(id, db) }
            return group
        }
    }

    public func status(ofGroup id: String) throws -> (status: GroupStatus, date: Day?) {
        try read { db in
            guard let record = try StoreQueries.groupRecord(id, db) else { throw try StoreQueries.noGroup(id, db) }
            return (try record.groupStatus(), record.statusDate.flatMap(Day.init))
        }
    }

    public func groups(owner: String?, includeClosed: Bool) throws -> [BuyingGroup] {
        try read { db in try StoreQueries.fetchGroups(db, ids: try StoreQueries.groupIDs(db, owner: owner, includeClosed: includeClosed)) }
    }

    public func groupIDs(owner: String?, includeClosed: Bool) throws -> [String] {
        try read { db in try StoreQueries.groupIDs(db, owner: owner, includeClosed: includeClosed) }
    }

    public func owners() throws -> [String] {
        try read { try $0.strings("SELECT DISTINCT owner FROM buyingGroup WHERE status = 'open' ORDER BY owner") }
    }

    public func requireOwner(_ owner: String) throws {
        try read { db in
            guard try db.bool("SELECT CASE WHEN EXISTS (SELECT 1 FROM buyingGroup WHERE owner = ?) THEN 1 ELSE 0 END", [owner]) else {
                throw StoreError.noOwner(owner, known: try db.strings("SELECT DISTINCT owner FROM buyingGroup ORDER BY owner"))
            }
        }
    }

    public func assetIDs() throws -> Set<String> {
        try read { db in Set(try db.strings("SELECT id FROM asset")) }
    }
}

extension StoreQueries {
    static func groupIDs(_ db: any SQLSession, owner: String?, includeClosed: Bool) throws -> [String] {
        try db.strings("""
            SELECT id FROM buyingGroup WHERE (CAST(?1 AS TEXT) IS NULL OR owner = ?1) AND (?2 = 1 OR status = 'open') ORDER BY id
            """, [owner, includeClosed])
    }

    static func groupRecord(_ id: String, _ db: any SQLSession) throws -> GroupRecord? {
        try db.rows("SELECT * FROM buyingGroup WHERE id = ?", [id]).first.map(GroupRecord.init(row:))
    }

    static func requireGroup(_ id: String, _ db: any SQLSession) throws {
        guard try db.bool("SELECT CASE WHEN EXISTS (SELECT 1 FROM buyingGroup WHERE id = ?) THEN 1 ELSE 0 END", [id]) else {
            throw try noGroup(id, db)
        }
    }

    static func noGroup(_ id: String, _ db: any SQLSession) throws -> StoreError {
        StoreError.noGroup(id, known: try db.strings("SELECT id FROM buyingGroup ORDER BY id"))
    }

    static func noAsset(_ id: String, _ db: any SQLSession) throws -> StoreError {
        StoreError.noAsset(id, known: Set(try db.strings("SELECT id FROM asset")))
    }

    /// Loads groups with the facts that count (retracted ones left out): one query per table,
    /// rows in insertion order.
    static func fetchGroups(_ db: any SQLSession, ids: [String]) throws -> [BuyingGroup] {
        if ids.isEmpty { return [] }
        let json = db.json(ids)
        let filter = "\(db.dialect.isAmong("groupId", jsonStrings: "?")) AND retractedBy IS NULL"
        let records = try db.records(GroupRecord.self, "SELECT * FROM buyingGroup WHERE \(db.dialect.isAmong("id", jsonStrings: "?")) ORDER BY id",
                                     [json], GroupRecord.init(row:))
        let people = Dictionary(grouping: try db.records(StakeholderRecord.self, "SELECT * FROM \(FactOrigins.joined("stakeholder")) WHERE \(filter) ORDER BY groupId, position, id",
                                                         [json], StakeholderRecord.init(row:)), by: \.groupId)
        let claims = Dictionary(grouping: try db.records(ClaimRecord.self, "SELECT * FROM \(FactOrigins.joined("claim")) WHERE \(filter) ORDER BY seq", [json],
                                                         ClaimRecord.init(row:)), by: \.groupId)
        let events = Dictionary(grouping: try db.records(JobEventRecord.self, "SELECT * FROM \(FactOrigins.joined("jobEvent")) WHERE \(filter) ORDER BY seq", [json],
                                                         JobEventRecord.init(row:)), by: \.groupId)
        let sends = Dictionary(grouping: try db.records(TouchRow.self, "SELECT * FROM \(FactOrigins.joined("send")) WHERE \(filter) ORDER BY seq", [json],
                                                        TouchRow.init(row:)), by: \.groupId)
        let dismissals = Dictionary(grouping: try db.records(DismissalRecord.self, "SELECT * FROM \(FactOrigins.joined("dismissal")) WHERE \(filter) ORDER BY seq", [json],
                                                             DismissalRecord.init(row:)), by: \.groupId)
        // Facts retracted on a known day counted before it: a look back at an earlier week sees them.
        let among = db.dialect.isAmong("groupId", jsonStrings: "?")
        let dated = "\(among) AND retractedBy IS NOT NULL AND retractedOn IS NOT NULL"
        let retractedPeople = Dictionary(grouping: try db.records((StakeholderRecord, String).self,
                                                                  "SELECT * FROM \(FactOrigins.joined("stakeholder")) WHERE \(dated) ORDER BY groupId, position, id", [json]) {
            (try StakeholderRecord(row: $0), try $0.string("retractedOn"))
        }, by: \.0.groupId)
        let retractedClaims = Dictionary(grouping: try db.records((ClaimRecord, String).self, "SELECT * FROM \(FactOrigins.joined("claim")) WHERE \(dated) ORDER BY seq", [json]) {
            (try ClaimRecord(row: $0), try $0.string("retractedOn"))
        }, by: \.0.groupId)
        let retractedEvents = Dictionary(grouping: try db.records((JobEventRecord, String).self, "SELECT * FROM \(FactOrigins.joined("jobEvent")) WHERE \(dated) ORDER BY seq", [json]) {
            (try JobEventRecord(row: $0), try $0.string("retractedOn"))
        }, by: \.0.groupId)
        return try records.map { record in
            try group(record, GroupRows(people: people[record.id] ?? [], claims: claims[record.id] ?? [], events: events[record.id] ?? [],
                                        sends: sends[record.id] ?? [], dismissals: dismissals[record.id] ?? [],
                                        retractedPeople: retractedPeople[record.id] ?? [], retractedClaims: retractedClaims[record.id] ?? [],
                                        retractedEvents: retractedEvents[record.id] ?? []))
        }
    }

    /// One group's rows in each table, in the order a group reads them.
    struct GroupRows {
        var people: [StakeholderRecord] = []
        var claims: [ClaimRecord] = []
        var events: [JobEventRecord] = []
        var sends: [TouchRow] = []
        var dismissals: [DismissalRecord] = []
        /// Facts retracted on a known day, with that day.
        var retractedPeople: [(StakeholderRecord, String)] = []
        var retractedClaims: [(ClaimRecord, String)] = []
        var retractedEvents: [(JobEventRecord, String)] = []
    }

    /// A group from its row and its facts' rows: what every way of reading groups builds.
    static func group(_ record: GroupRecord, _ rows: GroupRows) throws -> BuyingGroup {
        func day(_ text: String, _ table: String) throws -> Day {
            guard let day = Day(text) else { throw StoreError.unreadableRow(table, record.id, "retractedOn '\(text)' is not a day") }
            return day
        }
        let retractions = GroupRetractions(
            claims: try rows.retractedClaims.map { Retracted(try $0.0.claim(), on: try day($0.1, "claim")) },
            events: try rows.retractedEvents.map { Retracted(try $0.0.event(), on: try day($0.1, "jobEvent")) },
            stakeholders: try rows.retractedPeople.map { Retracted($0.0.stakeholder, on: try day($0.1, "stakeholder")) })
        return BuyingGroup(id: record.id, account: record.account, owner: record.owner, industry: record.industry,
                           stakeholders: rows.people.map(\.stakeholder),
                           claims: try rows.claims.map { try $0.claim() },
                           events: try rows.events.map { try $0.event() },
                           touches: try touches(from: rows.sends),
                           dismissals: try rows.dismissals.map { try $0.dismissal() }, deal: record.deal,
                           retractions: retractions)
    }

    /// A new group's touches as the store will read them back: split per recipient, deduplicated
    /// by asset, day and person, regrouped.
    static func touches(fromSends group: BuyingGroup) throws -> [Touch] {
        var seq: Int64 = 0
        let rows = group.touches.flatMap { touch in
            touch.to.map { person -> TouchRow in
                seq += 1
                return TouchRow(seq: seq, groupId: group.id, assetId: touch.asset, stakeholderId: person, date: touch.date.description,
                                  channel: touch.channel, consumed: touch.consumed, consumedBy: nil, origin: "", recordedBy: nil,
                                  retractedBy: nil)
            }
        }
        return try touches(from: rows)
    }

    /// Sends regrouped into touches: the same asset to the same person on the same day counts once
    /// whatever the number of sources that report it (consumed if any says so); recipients of one
    /// asset on one day through one channel with the same consumption form one touch.
    static func touches(from sends: [TouchRow]) throws -> [Touch] {
        var seen: [String: Int] = [:]
        var unique: [TouchRow] = []
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
