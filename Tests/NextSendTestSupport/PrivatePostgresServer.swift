import Foundation

/// A PostgreSQL server of one test's own, which the test may stop and start again (an outage) or
/// start with TLS — things the shared server of ``PostgresTestServer`` must never go through.
public final class PrivatePostgresServer: @unchecked Sendable {
    private static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Scripts/postgres-test-server").path

    /// The server's maintenance database, as `postgres://nextsend@127.0.0.1:PORT/postgres`.
    public let url: String
    private let folder: String

    /// Starts a server (with TLS when `tlsFolder` holds `server.crt` and `server.key`), or `nil`
    /// when this machine has none outside CI.
    ///
    /// - Throws: ``PostgresTestServer/Unavailable`` in CI when no server could be started.
    public static func start(tlsFolder: String? = nil) throws -> PrivatePostgresServer? {
        let folder = NSTemporaryDirectory() + "nextsend-postgres-own-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o755])
        do {
            let url = try PostgresTestServer.run(script, ["start", folder] + (tlsFolder.map { [$0] } ?? []))
            return PrivatePostgresServer(url: url.trimmingCharacters(in: .whitespacesAndNewlines), folder: folder)
        } catch let error as PostgresTestServer.Unavailable {
            if PostgresTestServer.required { throw error }
            FileHandle.standardError.write(Data("warning: no PostgreSQL server of its own for this test, skipped: \(error)\n".utf8))
            return nil
        }
    }

    private init(url: String, folder: String) {
        self.url = url
        self.folder = folder
    }

    /// Stops the server (fast shutdown: connections are cut, as in an outage).
    public func stop() throws {
        try PostgresTestServer.run(PrivatePostgresServer.script, ["stop", folder])
    }

    /// Starts the stopped server again, on the same port.
    public func resume() throws {
        try PostgresTestServer.run(PrivatePostgresServer.script, ["resume", folder])
    }

    /// From now on, every role but `nextsend` (the maintenance user) logs in with a password over TCP.
    public func requirePasswords() throws {
        let rules = """
            local all all trust
            host all nextsend 127.0.0.1/32 trust
            host all all 127.0.0.1/32 scram-sha-256

            """
        try rules.write(toFile: folder + "/data/pg_hba.conf", atomically: false, encoding: .utf8)
        try PostgresTestServer.psql(url, "SELECT pg_reload_conf()")
    }

    deinit {
        _ = try? PostgresTestServer.run(PrivatePostgresServer.script, ["discard", folder])
    }
}
