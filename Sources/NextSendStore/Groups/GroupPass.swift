import NextSend

/// Every open group, owner by owner, with each table read in one ordered pass.
///
/// The digest reads every open group. One query per table per rep (a thousand reps, nine tables)
/// looked each rep's groups up by id and sorted their facts; here each table is one query in
/// (owner, group row, order-in-group) order, and its rows are dealt out to the groups as the
/// groups come, so a rep's groups are built while only that rep's rows are held. The groups are
/// the ones ``StoreQueries/fetchGroups(_:ids:)`` builds from the same rows
/// (``StoreQueries/group(_:_:)``).
///
/// Groups go by their row number within an owner, not by id: the index on (status, owner) holds
/// them in that order, so SQLite joins each group's facts in their key order and sorts nothing
/// (in id order it sorted every rep's facts, about 11,000 instructions a claim). Each rep's groups
/// are put in id order before they are handed over.
package enum GroupPass {
    /// Calls `body` with each owner of an open group, in owner order, and that owner's open groups
    /// in id order, until `body` returns false. Returns false, having called nothing, when the
    /// session cannot hand rows over as it reads them.
    package static func run(_ db: any SQLSession, _ body: (String, [BuyingGroup]) throws -> Bool) throws -> Bool {
        guard let groups = try db.stream("SELECT * FROM buyingGroup WHERE status = 'open' ORDER BY owner, rowid", []) else { return false }
        let live = "f.retractedBy IS NULL"
        let dated = "f.retractedBy IS NOT NULL AND f.retractedOn IS NOT NULL"
        let people = try Dealt(db, "stakeholder", live, order: "position, f.id", StakeholderRecord.init(row:), group: \.groupId)
        let claims = try Dealt(db, "claim", live, order: "seq", ClaimRecord.init(row:), group: \.groupId)
        let events = try Dealt(db, "jobEvent", live, order: "seq", JobEventRecord.init(row:), group: \.groupId)
        let sends = try Dealt(db, "send", live, order: "seq", TouchRow.init(row:), group: \.groupId)
        let dismissals = try Dealt(db, "dismissal", live, order: "seq", DismissalRecord.init(row:), group: \.groupId)
        let retractedPeople = try Dealt(db, "stakeholder", dated, order: "position, f.id", { (try StakeholderRecord(row: $0), try $0.string("retractedOn")) },
                                        group: \.0.groupId)
        let retractedClaims = try Dealt(db, "claim", dated, order: "seq", { (try ClaimRecord(row: $0), try $0.string("retractedOn")) }, group: \.0.groupId)
        let retractedEvents = try Dealt(db, "jobEvent", dated, order: "seq", { (try JobEventRecord(row: $0), try $0.string("retractedOn")) },
                                        group: \.0.groupId)
        var owner: String?
        var owned: [BuyingGroup] = []
        while let row = try groups.next() {
            let record = try GroupRecord(row: row)
            if let current = owner, !current.utf8.elementsEqual(record.owner.utf8) {
                guard try body(current, inIDOrder(owned)) else { return true }
                owned = []
            }
            owner = record.owner
            let rows = StoreQueries.GroupRows(
                people: try people.take(record.id), claims: try claims.take(record.id), events: try events.take(record.id),
                sends: try sends.take(record.id), dismissals: try dismissals.take(record.id),
                retractedPeople: try retractedPeople.take(record.id), retractedClaims: try retractedClaims.take(record.id),
                retractedEvents: try retractedEvents.take(record.id))
            owned.append(try StoreQueries.group(record, rows))
        }
        if let owner { guard try body(owner, inIDOrder(owned)) else { return true } }
        // Every fact belongs to an open group the pass has seen: a row left over means the
        // tables did not come in the same order, and a group would have lost it.
        for (table, left) in [(people.table, try people.hasMore()), (claims.table, try claims.hasMore()), (events.table, try events.hasMore()),
                              (sends.table, try sends.hasMore()), (dismissals.table, try dismissals.hasMore()),
                              (retractedPeople.table, try retractedPeople.hasMore()), (retractedClaims.table, try retractedClaims.hasMore()),
                              (retractedEvents.table, try retractedEvents.hasMore())] where left {
            throw StoreError(.other, "reading every group, the \(table) rows did not come in the groups' order, so some digests may lack facts; run the digest again with --force")
        }
        return true
    }

    /// A rep's groups in the order of their ids' bytes, as SQLite orders text.
    private static func inIDOrder(_ groups: [BuyingGroup]) -> [BuyingGroup] {
        groups.sorted { $0.id.utf8.lexicographicallyPrecedes($1.id.utf8) }
    }

    /// One table's rows in group order, dealt out a group at a time.
    private final class Dealt<Record> {
        let table: String
        private let stream: any SQLRowStream
        private let make: (SQLRow) throws -> Record
        private let groupOf: (Record) -> String
        private var pending: Record?

        init(_ db: any SQLSession, _ table: String, _ condition: String, order: String, _ make: @escaping (SQLRow) throws -> Record,
             group: KeyPath<Record, String>) throws {
            self.table = table
            // The facts of open groups only, with their origin's text, as the per-group reads
            // return them; the order is the groups' own query's, then the order within a group.
            let sql = """
                SELECT f.*, o.origin FROM buyingGroup g JOIN \(table) f ON f.groupId = g.id JOIN factOrigin o ON o.originId = f.originId \
                WHERE g.status = 'open' AND \(condition) ORDER BY g.owner, g.rowid, f.\(order)
                """
            guard let stream = try db.stream(sql, []) else { throw StoreError(.other, "the \(table) rows cannot be read as a stream") }
            self.stream = stream
            self.make = make
            groupOf = { $0[keyPath: group] }
        }

        /// The rows of group `id`: those from the pending one on while they belong to it.
        func take(_ id: String) throws -> [Record] {
            var rows: [Record] = []
            while true {
                if pending == nil {
                    guard let row = try stream.next() else { return rows }
                    pending = try make(row)
                }
                // Bytes, as SQLite compares text: two spellings Swift calls equal are two ids there.
                guard let record = pending, groupOf(record).utf8.elementsEqual(id.utf8) else { return rows }
                rows.append(record)
                pending = nil
            }
        }

        func hasMore() throws -> Bool {
            if pending != nil { return true }
            guard let row = try stream.next() else { return false }
            pending = try make(row)
            return true
        }
    }
}
