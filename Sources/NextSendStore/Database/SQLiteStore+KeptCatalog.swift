import Foundation
import GRDB
import GRDBSQLite
import NextSend

// MARK: - The kept catalog

extension SQLiteStore {
    /// The catalog and evidence of `asOf` from the `keptCatalog` row when it was made under the
    /// store's current versions; otherwise read from the tables (in the same read, so the key
    /// describes what was read) and written back for the next call.
    ///
    /// Keeping is bookkeeping, never a reason to fail or wait: when another process holds the
    /// write lock, the file is read-only or the write fails in any way, the answer is the same and
    /// only the next call pays the tables again.
    public func keptCatalog(asOf: Day) throws -> KeptCatalog? {
        let (kept, made) = try readDatabase { db -> (KeptCatalog?, KeptCatalog?) in
            let session = GRDBSession(db: db)
            let key = try SQLiteStore.keptKey(session, asOf: asOf)
            if let kept = try SQLiteStore.storedKeptCatalog(db, key: key) { return (kept, nil) }
            let made = KeptCatalog(key: key, assets: try StoreQueries.matchableAssets(session, asOf: asOf),
                                   evidence: try StoreQueries.evidence(session, asOf: asOf))
            return (nil, made)
        }
        if let kept { return kept }
        guard let made else { return nil }
        keep(made)
        return made
    }

    /// Writes `catalog` as the kept one, unless the write lock is taken (a read must not wait for an
    /// import) or the row holds the same data for a later day: a send dated last week checks its
    /// warnings against last week's catalog, and must not make today's next call read the tables.
    func keep(_ catalog: KeptCatalog) {
        let bytes = catalog.encoded()
        try? writer.writeWithoutTransaction { db in
            sqlite3_busy_timeout(db.sqliteConnection, 0)
            defer { sqlite3_busy_timeout(db.sqliteConnection, Int32(SQLiteStore.busyTimeout * 1000)) }
            try db.inTransaction(.immediate) {
                // Made from a snapshot that an import may have overtaken since: keep it only if the
                // versions still say so, or a later call would be served an old catalog.
                guard try SQLiteStore.keptKey(GRDBSession(db: db), asOf: catalog.key.day) == catalog.key else { return .rollback }
                if let held = try Row.fetchOne(db, sql: "SELECT versions, day FROM keptCatalog WHERE id = 1"),
                   held["versions"] as String? == catalog.key.versions, let day = (held["day"] as String?).flatMap(Day.init), day > catalog.key.day {
                    return .rollback
                }
                try db.execute(sql: "INSERT OR REPLACE INTO keptCatalog (id, versions, day, data) VALUES (1, ?, ?, ?)",
                               arguments: [catalog.key.versions, catalog.key.day.description, Data(bytes)])
                return .commit
            }
            // The blob is tens of megabytes of write-ahead log. A CLI process exits without closing
            // its connection, so nothing would fold the log back, and every later process opening
            // the file first reads the whole log to index it (a fifth of a call at 100,000 assets).
            // Folded now, or left for later when a reader holds it: the timeout is still 0.
            _ = try? db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
        }
    }

    /// The versions a kept catalog for `asOf` must have been made under.
    static func keptKey(_ db: any SQLSession, asOf: Day) throws -> KeptCatalog.Key {
        let versions = try db.rows("SELECT catalog, followUps FROM storeVersion WHERE id = 1").first
        let taxonomy = try db.string("SELECT json FROM taxonomy WHERE id = 1") ?? ""
        return KeptCatalog.Key(catalogVersion: versions?.int(at: 0) ?? 0, taxonomyHash: StableHash.value(taxonomy), day: asOf,
                               followUpVersion: versions?.int(at: 1) ?? 0)
    }

    /// The kept catalog when its blob was made under `key`; read in place, without copying the blob.
    private static func storedKeptCatalog(_ db: Database, key: KeptCatalog.Key) throws -> KeptCatalog? {
        let rows = try Row.fetchCursor(db, sql: "SELECT data FROM keptCatalog WHERE id = 1")
        guard let row = try rows.next() else { return nil }
        return try row.withUnsafeData(atIndex: 0) { data in data.flatMap { KeptCatalog(decoding: $0, expecting: key) } }
    }
}
