import Foundation
import NextSend
import NextSendPostgres
import NextSendStore
import NextSendTestSupport
import Testing

/// A database as the NextSend before the packed fact tables left it (SQLite v20, PostgreSQL v12,
/// unless told another): text origins on every fact and a `seq` numbered across all groups. Rows are written with the
/// database's own shell, the way that version wrote them, and the store opened afterwards
/// migrates them.
struct OldSchemaDatabase {
    let kind: StoreKind
    let location: String

    /// An empty database at the old schema, or `nil` when no PostgreSQL server is available
    /// outside CI.
    static func make(_ kind: StoreKind, at path: String, sqlite: String = "v20-kept-catalog",
                     postgres: String = "v12-follow-up-version") throws -> OldSchemaDatabase? {
        switch kind {
        case .sqlite:
            try SQLiteStore.createSchema(path: path, upTo: sqlite)
            return OldSchemaDatabase(kind: kind, location: path)
        case .postgres:
            guard let url = try PostgresTestServer.freshDatabase() else { return nil }
            let database = OldSchemaDatabase(kind: kind, location: url)
            try database.run(PostgresStore.schemaSQL(upTo: postgres))
            return database
        }
    }

    /// The name under which a migration is marked applied, so that deleting the mark runs it again.
    func unmark(sqlite: String, postgres: String) -> String {
        switch kind {
        case .sqlite: return "DELETE FROM grdb_migrations WHERE identifier = '\(sqlite)';"
        case .postgres: return "DELETE FROM nextsendMigration WHERE name = '\(postgres)';"
        }
    }

    /// SQL that stores `group` as the old schema did, every fact under `origin`.
    static func inserts(_ group: BuyingGroup, origin: String) -> [String] {
        var sql = ["""
            INSERT INTO buyingGroup (id, account, owner, industry, origin) VALUES (\(literal(group.id)), \(literal(group.account)), \
            \(literal(group.owner)), \(literal(group.industry)), \(literal(origin)));
            """]
        for (position, person) in group.stakeholders.enumerated() {
            sql.append("""
                INSERT INTO stakeholder (groupId, id, name, role, influence, title, email, position, origin) VALUES (\(literal(group.id)), \
                \(literal(person.id)), \(literal(person.name)), \(literal(person.role)), \(literal(person.influence)), \(literal(person.title)), \
                \(literal(person.email)), \(position), \(literal(origin)));
                """)
        }
        for claim in group.claims {
            let (position, value): (String?, Double?) = switch claim.value {
            case let .position(text): (text, nil)
            case let .number(number): (nil, number)
            }
            sql.append("""
                INSERT INTO claim (groupId, stakeholderId, topic, position, value, source, date, origin, quote) VALUES (\(literal(group.id)), \
                \(literal(claim.stakeholder)), \(literal(claim.topic)), \(literal(position)), \(value.map { "\($0)" } ?? "NULL"), \
                \(literal(claim.source)), \(literal(claim.date.description)), \(literal(origin)), \(literal(claim.quote)));
                """)
        }
        for event in group.events {
            sql.append("""
                INSERT INTO jobEvent (groupId, job, type, date, note, origin) VALUES (\(literal(group.id)), \(literal(event.job.rawValue)), \
                \(literal(event.type.rawValue)), \(literal(event.date.description)), \(literal(event.note)), \(literal(origin)));
                """)
        }
        for touch in group.touches {
            for person in touch.to {
                sql.append("""
                    INSERT INTO send (groupId, assetId, stakeholderId, date, channel, consumed, origin) VALUES (\(literal(group.id)), \
                    \(literal(touch.asset)), \(literal(person)), \(literal(touch.date.description)), \(literal(touch.channel)), \
                    \(touch.consumed ? 1 : 0), \(literal(origin)));
                    """)
            }
        }
        return sql
    }

    static func literal(_ text: String?) -> String {
        text.map { "'" + $0.replacingOccurrences(of: "'", with: "''") + "'" } ?? "NULL"
    }

    /// Runs SQL behind the store's back, with the database's own shell.
    func run(_ sql: String) throws {
        switch kind {
        case .sqlite:
            let process = Process()
            // Never the working directory a command running in process has borrowed: it may be gone by the time the child asks.
            process.currentDirectoryURL = FileManager.default.temporaryDirectory
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["sqlite3", location, sql]
            try process.run()
            process.waitUntilExit()
            try #require(process.terminationStatus == 0)
        case .postgres:
            try PostgresTestServer.psql(location.replacingOccurrences(of: "?sslmode=disable", with: ""), sql)
        }
    }

    /// The store over this database: opening it runs the migrations it lacks.
    func open() throws -> any SQLStore {
        switch kind {
        case .sqlite: return try SQLiteStore(path: location)
        case .postgres: return try PostgresStore(try PostgresLocation(url: location))
        }
    }
}
