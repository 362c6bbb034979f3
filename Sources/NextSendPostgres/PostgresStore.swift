import Foundation
import Logging
import NIOCore
import NIOPosix
import NextSend
import NextSendStore
import PostgresNIO

/// The ``Store`` in a PostgreSQL database: for a team whose service instances and digest
/// workers share one database.
///
/// Every operation is the same code as on SQLite (``SQLStore``); this type opens the sessions.
/// Connections come from postgres-nio's `PostgresClient` pool. Writes run in `READ COMMITTED`
/// transactions serialised per store by a transaction-level advisory lock, as SQLite serialises
/// its writers, so two imports never interleave their merges; reads and the digest's snapshot run
/// in `REPEATABLE READ`, one consistent view each, and never wait for writers.
public final class PostgresStore: SQLStore, @unchecked Sendable {
    public let location: String
    private let pool: PostgresPool
    private let logger: Logger

    /// Connects, checks the schema (a database written by a newer NextSend is refused) and brings
    /// it up to date.
    ///
    /// - Throws: ``StoreError``: `unreachable` when the server cannot be reached or refuses the
    ///   login, `newerSchema` when a newer NextSend wrote the database.
    public init(_ place: PostgresLocation, logger: Logger = Logger(label: "nextsend.postgres", factory: { _ in SwiftLogNoOpLogHandler() })) throws {
        location = place.description
        self.logger = logger
        // One plain connection first: it fails fast with a clear reason when the server is not
        // there (a pool would keep retrying), and it runs the migrations.
        let configuration = try place.connectionConfiguration(connectTimeout: .seconds(10))
        let connection: PostgresConnection
        do {
            connection = try PostgresConnection.connect(on: MultiThreadedEventLoopGroup.singleton.any(), configuration: configuration,
                                                        id: 0, logger: logger).wait()
        } catch {
            throw PostgresErrors.translate(error, location: place.description)
        }
        defer { try? connection.close().wait() }
        try PostgresStore.migrate(PostgresSession(connection: connection, logger: logger, location: place.description))
        pool = try PostgresPool(place, logger: logger)
    }

    // MARK: Sessions

    package func read<T>(_ body: (any SQLSession) throws -> T) throws -> T {
        try withConnection { session in
            try session.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
            do {
                let result = try body(session)
                try session.execute("COMMIT")
                return result
            } catch {
                _ = try? session.execute("ROLLBACK")
                throw error
            }
        }
    }

    package func transaction<T>(changesData: Bool, dryRun: Bool, _ body: (any SQLSession) throws -> T) throws -> T {
        try withConnection { session in
            try session.execute("BEGIN")
            do {
                // One writer at a time, as on SQLite: merges read what they then write.
                try session.execute("SELECT pg_advisory_xact_lock(2026112901)")
                let result = try body(session)
                if changesData { try PostgresStore.bumpDataVersion(session) }
                try session.execute(dryRun ? "ROLLBACK" : "COMMIT")
                return result
            } catch {
                _ = try? session.execute("ROLLBACK")
                throw error
            }
        }
    }

    public func snapshot() throws -> any StoreSnapshot {
        let lease = try pool.lease()
        let session = PostgresSession(connection: lease.connection, logger: logger, location: location)
        do {
            try session.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
            // The view is fixed by the first query, not by BEGIN: take it now.
            try session.execute("SELECT 1")
        } catch {
            lease.release()
            throw error
        }
        return SQLSnapshot(reader: PostgresSnapshotReader(lease: lease, session: session))
    }

    /// Runs `body` on a pooled connection, handed back afterwards.
    private func withConnection<T>(_ body: (PostgresSession) throws -> T) throws -> T {
        let lease = try pool.lease()
        defer { lease.release() }
        do {
            return try body(PostgresSession(connection: lease.connection, logger: logger, location: location))
        } catch let error as StoreError where error.code == .unreachable {
            // The server went away mid-request: the next callers learn it at once, not after a wait.
            pool.lost(error)
            throw error
        }
    }

    // MARK: Schema

    /// The SQL that creates an empty database at an earlier schema: the migrations up to and
    /// including `migration`, marked applied. For tests of the migrations after it, run with psql.
    package static func schemaSQL(upTo migration: String) -> String {
        var sql = ["CREATE TABLE IF NOT EXISTS nextsendMigration (name TEXT PRIMARY KEY, appliedAt TIMESTAMPTZ NOT NULL DEFAULT now());"]
        for step in PostgresSchema.migrations {
            sql.append(step.sql)
            sql.append("INSERT INTO nextsendMigration (name) VALUES ('\(step.name)');")
            if step.name == migration { break }
        }
        return sql.joined(separator: "\n")
    }

    private static func migrate(_ session: PostgresSession) throws {
        try session.execute("BEGIN")
        do {
            // Two processes starting at once migrate one after the other.
            try session.execute("SELECT pg_advisory_xact_lock(2026112900)")
            try session.script("CREATE TABLE IF NOT EXISTS nextsendMigration (name TEXT PRIMARY KEY, appliedAt TIMESTAMPTZ NOT NULL DEFAULT now())")
            let applied = Set(try session.strings("SELECT name FROM nextsendMigration"))
            let known = Set(PostgresSchema.migrations.map(\.name))
            if let unknown = applied.subtracting(known).sorted().first {
                throw StoreError(.newerSchema, "\(session.location) was written by a newer NextSend (its schema has '\(unknown)'); "
                    + "upgrade nextsend to use it")
            }
            for migration in PostgresSchema.migrations where !applied.contains(migration.name) {
                try session.script(migration.sql)
                try session.execute("INSERT INTO nextsendMigration (name) VALUES (?)", [migration.name])
            }
            try session.execute("COMMIT")
        } catch {
            _ = try? session.execute("ROLLBACK")
            throw error
        }
    }
}

/// The digest's snapshot: one connection holding one `REPEATABLE READ` transaction until the
/// snapshot is let go.
final class PostgresSnapshotReader: SQLReader, @unchecked Sendable {
    private let lease: ConnectionLease
    private let session: PostgresSession
    private let lock = NSLock()

    init(lease: ConnectionLease, session: PostgresSession) {
        self.lease = lease
        self.session = session
    }

    func read<T>(_ body: (any SQLSession) throws -> T) throws -> T {
        // One connection runs one query at a time; digest workers on several threads take turns.
        lock.lock()
        defer { lock.unlock() }
        return try body(session)
    }

    deinit {
        _ = try? session.execute("COMMIT")
        lease.release()
    }
}
