import NextSendPostgres
import NextSendStore
import NextSendTestSupport
import Testing

/// The two stores every store test runs against: one suite, two databases.
enum StoreKind: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case sqlite, postgres

    var testDescription: String { rawValue }

    /// A new, empty store of this kind, or `nil` when no PostgreSQL server is available outside
    /// CI (the test then stops there; PostgresTestServer has said so on stderr).
    func make() throws -> (any Store)? {
        switch self {
        case .sqlite:
            return try SQLiteStore.inMemory()
        case .postgres:
            guard let url = try PostgresTestServer.freshDatabase() else { return nil }
            return try PostgresStore(try PostgresLocation(url: url))
        }
    }
}
