import Foundation
import GRDB
import NextSend

/// A SQLite store's snapshot (see ``StoreSnapshot``).
///
/// On a database file the snapshot has its own connection holding one read transaction, so
/// writers (imports, `sent`, the digest's own ledger) go on meanwhile. An in-memory store has a
/// single connection: its snapshot reads the live data, one short read at a time.
final class SQLiteSnapshot: StoreSnapshot {
    private let reader: any DatabaseReader
    private let path: String

    init(reader: any DatabaseReader, path: String) {
        self.reader = reader
        self.path = path
    }

    private func read<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try reader.read(body)
        } catch {
            throw StoreError.translate(error, path: path)
        }
    }

    func taxonomy() throws -> Taxonomy { try read { try SQLiteStore.taxonomy($0) } }

    /// Every asset, in id order (drafts and retired too: touches may name them).
    func assets() throws -> [Asset] { try read { try SQLiteStore.fetchAssets($0, ids: nil) } }

    /// What followed earlier sends, as of `asOf` (see ``SQLiteStore/evidence(asOf:)``).
    func evidence(asOf: Day) throws -> OutcomeEvidence { try read { try SQLiteStore.evidence($0, asOf: asOf) } }

    /// The store's data version: it changes with every import or recorded fact.
    func version() throws -> Int {
        try read { try Int.fetchOne($0, sql: "SELECT version FROM storeVersion WHERE id = 1") ?? 0 }
    }

    /// Rep ids owning at least one open group, sorted.
    func owners() throws -> [String] {
        try read { try String.fetchAll($0, sql: "SELECT DISTINCT owner FROM buyingGroup WHERE status = 'open' ORDER BY owner") }
    }

    /// One rep's open groups with their history, in id order: closed and archived deals leave the digest.
    func groups(owner: String) throws -> [BuyingGroup] {
        try read { db in
            let ids = try String.fetchAll(db, sql: "SELECT id FROM buyingGroup WHERE owner = ? AND status = 'open' ORDER BY id",
                                          arguments: [owner])
            return try SQLiteStore.fetchGroups(db, ids: ids)
        }
    }

    /// The ledger as this snapshot sees it (rep ids, or ``DigestLedger/marketingItem``, written for this week and folder from the same data version and formats).
    func finishedDigestItems(week: String, outDir: String, version: Int, formats: String) throws -> Set<String> {
        try read { try SQLiteStore.finishedDigestItems($0, week: week, outDir: outDir, version: version, formats: formats) }
    }
}

extension SQLiteStore {
    public func snapshot() throws -> any StoreSnapshot {
        if let pool = writer as? DatabasePool {
            do {
                return SQLiteSnapshot(reader: try pool.makeSnapshot(), path: writer.path)
            } catch {
                throw StoreError.translate(error, path: writer.path)
            }
        }
        return SQLiteSnapshot(reader: writer, path: writer.path)
    }
}

// MARK: - Digest ledger

extension SQLiteStore {
    /// Items (rep ids, or ``DigestLedger/marketingItem``) already written for this week and folder
    /// from the same data version and formats.
    static func finishedDigestItems(_ db: Database, week: String, outDir: String, version: Int, formats: String) throws -> Set<String> {
        Set(try String.fetchAll(db, sql: """
            SELECT item FROM digestLedger WHERE week = ? AND outDir = ? AND storeVersion = ? AND formats = ?
            """, arguments: [week, outDir, version, formats]))
    }

    /// Records that an item's files are complete (after their rename).
    public func recordDigestItem(_ item: String, week: String, outDir: String, version: Int, formats: String) throws {
        try writeLedger { db in
            try db.execute(sql: """
                INSERT OR REPLACE INTO digestLedger (week, outDir, item, storeVersion, formats) VALUES (?, ?, ?, ?, ?)
                """, arguments: [week, outDir, item, version, formats])
        }
    }

    /// Forgets what was written for this week and folder (`digest --force`).
    public func clearDigestLedger(week: String, outDir: String) throws {
        try writeLedger { db in
            try db.execute(sql: "DELETE FROM digestLedger WHERE week = ? AND outDir = ?", arguments: [week, outDir])
        }
    }

    /// A ledger write, retried while another process holds the write lock, up to ``DigestLedger/timeout``.
    private func writeLedger(_ body: (Database) throws -> Void) throws {
        let deadline = Date().addingTimeInterval(DigestLedger.timeout)
        while true {
            do {
                return try write(changesData: false, body)
            } catch let error as StoreError where error.code == .busy && Date() < deadline {
                Thread.sleep(forTimeInterval: 0.05)
            }
        }
    }
}
