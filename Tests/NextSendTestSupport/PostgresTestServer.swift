import Foundation

/// The PostgreSQL server the store tests run against, and a fresh database on it per test.
///
/// `NEXTSEND_TEST_POSTGRES` names a server you already have (a URL whose user may create
/// databases, such as `postgres://me@127.0.0.1:5432/postgres`); without it the first test that
/// asks starts a throwaway server with `Scripts/postgres-test-server` (initdb into a temporary
/// folder, a free loopback port, an unprivileged user) and stops it when the tests end, removing
/// its folder (`NEXTSEND_KEEP_POSTGRES=1` keeps it for a post-mortem).
///
/// When no server can be started, the PostgreSQL half of each test is skipped and a warning
/// says so — except in CI (`CI=true`), where that is a failure.
public enum PostgresTestServer {
    /// Why there is no server, when there is none.
    public struct Unavailable: Error, CustomStringConvertible {
        public var description: String

        public init(description: String) { self.description = description }
    }

    private static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    nonisolated(unsafe) private static var startedIn: String?

    /// The server's URL (its maintenance database), or why there is none.
    private static let server: Result<String, Unavailable> = {
        if let url = ProcessInfo.processInfo.environment["NEXTSEND_TEST_POSTGRES"], !url.isEmpty { return .success(url) }
        let folder = NSTemporaryDirectory() + "nextsend-postgres-\(UUID().uuidString.prefix(8))"
        do {
            let url = try run(repository.appendingPathComponent("Scripts/postgres-test-server").path, ["start", folder])
            startedIn = folder
            atexit {
                if let folder = PostgresTestServer.startedIn {
                    _ = try? PostgresTestServer.run(PostgresTestServer.repository.appendingPathComponent("Scripts/postgres-test-server").path,
                                                    ["discard", folder])
                }
            }
            return .success(url.trimmingCharacters(in: .whitespacesAndNewlines))
        } catch {
            return .failure(Unavailable(description: "\(error)"))
        }
    }()

    /// Whether a missing server fails the run rather than skipping.
    public static var required: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

    /// A new, empty database on the server, as a URL for `--db`; `nil` when there is no server
    /// outside CI (after a warning on stderr).
    ///
    /// - Throws: ``Unavailable`` in CI when no server could be started.
    public static func freshDatabase() throws -> String? {
        switch server {
        case let .failure(reason):
            if required { throw reason }
            warnOnce(reason)
            return nil
        case let .success(url):
            let name = "nextsend_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
            _ = try run("/usr/bin/env", ["psql", url, "-q", "-v", "ON_ERROR_STOP=1", "-c", "CREATE DATABASE \(name)"])
            guard var components = URLComponents(string: url) else { throw Unavailable(description: "\(url) is not a URL") }
            components.path = "/" + name
            if !(components.queryItems ?? []).contains(where: { $0.name == "sslmode" }) {
                components.queryItems = (components.queryItems ?? []) + [URLQueryItem(name: "sslmode", value: "disable")]
            }
            return components.string!
        }
    }

    /// Runs one statement with psql on the database `url` names.
    public static func psql(_ url: String, _ sql: String) throws {
        try run("/usr/bin/env", ["psql", url, "-q", "-v", "ON_ERROR_STOP=1", "-c", sql])
    }

    nonisolated(unsafe) private static var warned = false
    private static let warnLock = NSLock()

    private static func warnOnce(_ reason: Unavailable) {
        warnLock.lock()
        defer { warnLock.unlock() }
        guard !warned else { return }
        warned = true
        FileHandle.standardError.write(Data("""

            ********************************************************************************
            WARNING: no PostgreSQL server for the tests; the PostgreSQL half of every store
            test is SKIPPED. Set NEXTSEND_TEST_POSTGRES to a server's URL, or install
            postgresql-15 (Scripts/ensure-deps). Why: \(reason)
            ********************************************************************************

            """.utf8))
    }

    /// Runs a program and returns its standard output.
    ///
    /// Through `system(3)`, which waits with `waitpid`: Foundation's `Process` can miss the exit of
    /// a script whose child daemonises (the server `start` leaves running), and output goes
    /// through files, not pipes, for the same reason: the server inherits what the script had open.
    @discardableResult
    static func run(_ executable: String, _ arguments: [String]) throws -> String {
        let stem = NSTemporaryDirectory() + "nextsend-run-\(UUID().uuidString)"
        defer {
            try? FileManager.default.removeItem(atPath: stem + ".out")
            try? FileManager.default.removeItem(atPath: stem + ".err")
        }
        func quoted(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        // From a folder that stays: commands run in process borrow the working directory, and the
        // folder they borrow may be gone by the time the child asks where it is.
        let command = "cd \(quoted(NSTemporaryDirectory())) && " + ([executable] + arguments).map(quoted).joined(separator: " ")
            + " </dev/null >\(quoted(stem + ".out")) 2>\(quoted(stem + ".err"))"
        let status = system(command)
        let out = FileManager.default.contents(atPath: stem + ".out") ?? Data()
        let err = FileManager.default.contents(atPath: stem + ".err") ?? Data()
        guard status == 0 else {
            throw Unavailable(description: "\((executable as NSString).lastPathComponent) \(arguments.first ?? "") failed (status \(status)): "
                + String(decoding: err, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
        }
        return String(decoding: out, as: UTF8.self)
    }
}
