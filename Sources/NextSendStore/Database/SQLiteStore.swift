import Foundation
import GRDB
import GRDBSQLite
import NextSend

/// The ``Store`` in one SQLite file: the default, for one machine.
///
/// One file, WAL journal, full synchronous commits: a committed import survives a crash or a
/// power cut, and readers (the digest) see one consistent snapshot while writers go on.
///
/// ```swift
/// let store = try SQLiteStore(path: "nextsend.sqlite")
/// let summary = try store.importCatalog(assets, taxonomy: taxonomy)
/// ```
public struct SQLiteStore: SQLStore {
    let writer: any DatabaseWriter

    public var location: String { writer.path }

    /// How long a command waits for another process's write lock before giving up with
    /// ``StoreError/busy``: 5 seconds, or `NEXTSEND_BUSY_TIMEOUT` seconds when set.
    public static var busyTimeout: TimeInterval {
        ProcessInfo.processInfo.environment["NEXTSEND_BUSY_TIMEOUT"].flatMap(TimeInterval.init).map { max(0, $0) } ?? 5
    }

    /// Opens (creating if needed) the database at `path` and brings its schema up to date.
    ///
    /// - Throws: ``StoreError`` when the file is not a NextSend database, was written by a newer
    ///   NextSend, or stays locked longer than ``busyTimeout``.
    public init(path: String) throws {
        var configuration = Configuration()
        configuration.busyMode = .timeout(SQLiteStore.busyTimeout)
        configuration.prepareDatabase { db in
            // FULL: a transaction reported committed is on disk, even across a power cut.
            try db.execute(sql: "PRAGMA synchronous = FULL")
            // Keep the write-ahead log file when the last connection closes. Without it, the next
            // process to open the database finds no log and GRDB writes a marker table to make
            // one — a write that waits for any import holding the lock, so `next` or a digest
            // would wait for a writer. With it, readers never need the write lock.
            var persist: Int32 = 1
            _ = sqlite3_file_control(db.sqliteConnection, "main", SQLITE_FCNTL_PERSIST_WAL, &persist)
        }
        let pool: DatabasePool
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
            // The writer only: an import is one transaction, and with SQLite's 2 MB page cache it
            // spilled pages to the log and wrote many of them again (a medium group import wrote
            // 893 MB; with 64 MB, 642 MB — about the log and the checkpoint once each). Readers
            // keep the default, so a digest's memory does not grow by it.
            try pool.writeWithoutTransaction { try $0.execute(sql: "PRAGMA cache_size = -65536") }
        } catch {
            throw StoreError.translate(error, path: path)
        }
        try self.init(writer: pool, path: path)
    }

    /// Creates a database at an earlier schema: the migrations up to and including `migration`.
    /// For tests of the migrations after it, which must read what older versions left.
    package static func createSchema(path: String, upTo migration: String) throws {
        try StoreSchema.migrator.migrate(try DatabaseQueue(path: path), upTo: migration)
    }

    /// A private in-memory database, for tests and throwaway runs.
    public static func inMemory() throws -> SQLiteStore {
        try SQLiteStore(writer: DatabaseQueue(), path: ":memory:")
    }

    init(writer: any DatabaseWriter, path: String) throws {
        self.writer = writer
        do {
            let migrator = StoreSchema.migrator
            let (superseded, complete) = try writer.read { db in
                (try migrator.hasBeenSuperseded(db), try migrator.hasCompletedMigrations(db))
            }
            if superseded { throw StoreError.newerSchema(path: path) }
            // Migrating takes the write lock: only when there is something to migrate, so that
            // readers (next, group show, the digest) never wait for an import that is writing.
            if !complete {
                let hadFollowUps = try writer.read { try migrator.appliedIdentifiers($0).contains("v6-follow-ups") }
                try migrator.migrate(writer)
                // Groups stored before follow-ups existed get theirs now, so learning sees their history.
                if !hadFollowUps { try writer.write { try StoreQueries.refreshAllFollowUps(GRDBSession(db: $0)) } }
                // The migrations' pages go into the file and the log starts empty: a new database takes
                // a quarter of the room it would otherwise (the log grows by every schema page rewritten).
                try? writer.writeWithoutTransaction { _ = try $0.checkpoint(.truncate) }
            }
        } catch {
            throw StoreError.translate(error, path: path)
        }
    }

    package func transaction<T>(changesData: Bool, dryRun: Bool, _ body: (any SQLSession) throws -> T) throws -> T {
        do {
            if dryRun {
                var result: T?
                try writer.writeWithoutTransaction { db in
                    try db.inTransaction {
                        result = try body(GRDBSession(db: db))
                        return .rollback
                    }
                }
                return result!
            }
            return try writer.write { db in
                let session = GRDBSession(db: db)
                let result = try body(session)
                if changesData { try SQLiteStore.bumpDataVersion(session) }
                return result
            }
        } catch {
            throw StoreError.translate(error, path: writer.path)
        }
    }

    package func read<T>(_ body: (any SQLSession) throws -> T) throws -> T {
        try readDatabase { try body(GRDBSession(db: $0)) }
    }

    /// One consistent read on GRDB's own connection, for what the shared queries cannot say (a blob read in place).
    func readDatabase<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try writer.read(body)
        } catch {
            throw StoreError.translate(error, path: writer.path)
        }
    }

    /// On a database file the snapshot has its own connection holding one read transaction, so
    /// writers (imports, `sent`, the digest's own ledger) go on meanwhile. An in-memory store has
    /// a single connection: its snapshot reads the live data, one short read at a time.
    public func snapshot() throws -> any StoreSnapshot {
        guard let pool = writer as? DatabasePool else { return SQLSnapshot(reader: GRDBReader(reader: writer, path: writer.path)) }
        do {
            return SQLSnapshot(reader: GRDBReader(reader: try pool.makeSnapshot(), path: writer.path), ownsConnection: true)
        } catch {
            throw StoreError.translate(error, path: writer.path)
        }
    }
}

/// A GRDB reader (a snapshot, or the store's own connection) as a ``SQLReader``.
struct GRDBReader: SQLReader {
    let reader: any DatabaseReader
    let path: String

    func read<T>(_ body: (any SQLSession) throws -> T) throws -> T {
        do {
            return try reader.read { try body(GRDBSession(db: $0)) }
        } catch {
            throw StoreError.translate(error, path: path)
        }
    }
}
