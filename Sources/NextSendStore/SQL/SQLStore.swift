import Foundation
import NextSend

/// A ``Store`` over a SQL database: the one implementation of every store operation, run on
/// SQLite by ``SQLiteStore`` and on PostgreSQL by the `NextSendPostgres` module.
///
/// A conforming type only opens sessions: a read on one consistent view, a write in one
/// transaction (rolled back for a dry run). The queries, the merging of imports and the rules of
/// recording live here once, so both databases give the same answers.
package protocol SQLStore: Store {
    /// Runs `body` on one consistent view of the database.
    func read<T>(_ body: (any SQLSession) throws -> T) throws -> T

    /// Runs `body` in one write transaction.
    ///
    /// - Parameters:
    ///   - changesData: whether the write changes the catalog or the groups (and so the data
    ///     version digests and caches are keyed on); bookkeeping such as the ledger does not.
    ///   - dryRun: roll the transaction back: `body` sees and reports its own changes, and the
    ///     database is left exactly as it was.
    func transaction<T>(changesData: Bool, dryRun: Bool, _ body: (any SQLSession) throws -> T) throws -> T
}

extension SQLStore {
    /// One write transaction; see ``transaction(changesData:dryRun:_:)``.
    func write<T>(changesData: Bool = true, dryRun: Bool = false, _ body: (any SQLSession) throws -> T) throws -> T {
        try transaction(changesData: changesData, dryRun: dryRun, body)
    }

    /// Bumps the data version: every write that changes data calls this inside its transaction.
    package static func bumpDataVersion(_ db: any SQLSession) throws {
        try db.execute("UPDATE storeVersion SET version = version + 1 WHERE id = 1")
    }
}

/// A consistent view a snapshot reads from.
package protocol SQLReader: Sendable {
    func read<T>(_ body: (any SQLSession) throws -> T) throws -> T
}

/// A SQL store's snapshot (see ``StoreSnapshot``): every read runs on the same frozen view.
package struct SQLSnapshot: StoreSnapshot {
    let reader: any SQLReader
    /// Whether the snapshot reads on a connection of its own, so one long read (the digest's
    /// pass over every group) keeps no writer waiting; an in-memory store's snapshot shares the
    /// store's only connection.
    let ownsConnection: Bool

    package init(reader: any SQLReader, ownsConnection: Bool = false) {
        self.reader = reader
        self.ownsConnection = ownsConnection
    }

    package func taxonomy() throws -> Taxonomy { try reader.read { try StoreQueries.taxonomy($0) } }
    package func assetsWithoutBodies() throws -> [Asset] { try reader.read { try StoreQueries.fetchAssets($0, ids: nil, bodies: false) } }
    package func assetDays() throws -> [String: CatalogHistory.Days] { try reader.read { try StoreQueries.assetDays($0) } }
    package func evidence(asOf: Day) throws -> OutcomeEvidence { try reader.read { try StoreQueries.evidence($0, asOf: asOf) } }

    package func version() throws -> Int {
        try reader.read { try $0.int("SELECT version FROM storeVersion WHERE id = 1") ?? 0 }
    }

    package func owners() throws -> [String] {
        try reader.read { try $0.strings("SELECT DISTINCT owner FROM buyingGroup WHERE status = 'open' ORDER BY owner") }
    }

    package func groups(owner: String) throws -> [BuyingGroup] {
        try reader.read { db in
            let ids = try db.strings("SELECT id FROM buyingGroup WHERE owner = ? AND status = 'open' ORDER BY id", [owner])
            return try StoreQueries.fetchGroups(db, ids: ids)
        }
    }

    /// On a connection of its own that can stream rows, each table is read in one ordered pass
    /// (``GroupPass``); otherwise rep by rep.
    package func eachOwner(_ body: (String, [BuyingGroup]) throws -> Bool) throws {
        if ownsConnection, try reader.read({ db in try GroupPass.run(db, body) }) { return }
        try eachOwnerRepByRep(body)
    }

    package func finishedDigestItems(week: String, outDir: String, version: Int, formats: String) throws -> Set<String> {
        try reader.read { try StoreQueries.finishedDigestItems($0, week: week, outDir: outDir, version: version, formats: formats) }
    }
}

/// The store's shared queries that more than one operation (or a snapshot) runs.
package enum StoreQueries {
    /// Assets with a recorded first-import or retirement day.
    static func assetDays(_ db: any SQLSession) throws -> [String: CatalogHistory.Days] {
        var days: [String: CatalogHistory.Days] = [:]
        for row in try db.rows("SELECT id, firstImported, retiredOn FROM asset WHERE firstImported IS NOT NULL OR retiredOn IS NOT NULL") {
            days[try row.string("id")] = CatalogHistory.Days(firstImported: row.optionalString("firstImported").flatMap(Day.init),
                                                             retiredOn: row.optionalString("retiredOn").flatMap(Day.init))
        }
        return days
    }
}
