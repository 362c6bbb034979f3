import Foundation
import NextSend
import NextSendPostgres
import NextSendStore
import NextSendTestSupport
import Testing

/// What only the PostgreSQL store has to get right: its URL and password, its schema's
/// version, a server that is not there, and many connections at once.
@Suite struct PostgresStoreTests {
    @Test func theURLGivesTheServerAndThePasswordIsNeverShown() throws {
        let location = try PostgresLocation(url: "postgres://sales%20ops:s3cret@db.internal:6543/nextsend?sslmode=require", environment: [:])
        #expect(location.host == "db.internal")
        #expect(location.port == 6543)
        #expect(location.user == "sales ops")
        #expect(location.database == "nextsend")
        #expect(location.sslMode == .require)
        #expect(!location.description.contains("s3cret"))
        #expect(location.description == "postgres://sales ops@db.internal:6543/nextsend?sslmode=require")
        // Without a password in the URL: PGPASSWORD, else the file NEXTSEND_DB_PASSWORD_FILE names.
        let folder = TemporaryFolder()
        let file = folder.write("password", "from-file\n")
        let fromFile = try PostgresLocation(url: "postgres://app@localhost/nextsend", environment: ["NEXTSEND_DB_PASSWORD_FILE": file])
        #expect(fromFile.port == 5432 && fromFile.sslMode == .prefer)
        let bad = try #require(throws: StoreError.self) {
            try PostgresLocation(url: "postgres://app:hunter2@localhost/nextsend?sslmode=sometimes", environment: [:])
        }
        #expect(bad.description.contains("sslmode 'sometimes'"))
        #expect(!bad.description.contains("hunter2"))
    }

    @Test func aURLThatCannotBeReadNeverShowsItsUserInfo() throws {
        // An '@' typed as is into the password: refused with the way out, and no part of the user
        // info in the message (not "ss:w/rd@…" as a host either).
        let error = try #require(throws: StoreError.self) {
            try PostgresLocation(url: "postgres://ns_app:p@ss:w/rd@db.internal:5432/nextsend", environment: [:])
        }
        #expect(error.code == .cannotOpen)
        for secret in ["ns_app", "p@ss", "ss:w", "rd@"] { #expect(!error.description.contains(secret), "\(error)") }
        #expect(error.description.contains("postgres://…@db.internal:5432/nextsend"))
        #expect(error.description.contains("percent-encode"))
        // Percent-encoded, the same password is read as typed.
        let encoded = try PostgresLocation(url: "postgres://ns_app:p%40ss%3Aw%2Frd@db.internal:5432/nextsend", environment: [:])
        #expect(encoded.host == "db.internal" && !encoded.description.contains("p@ss"))
        // A '#' or '?' in the password: neither a fragment nor a port shows any of it.
        for url in ["postgres://bob:pa#ss@db.internal/x", "postgres://bob:1234#x@db.internal/x", "postgres://bob:a?b@db.internal/x"] {
            let error = try #require(throws: StoreError.self) { try PostgresLocation(url: url, environment: [:]) }
            for secret in ["pa#ss", "1234", "a?b", "bob"] { #expect(!error.description.contains(secret), "\(url): \(error)") }
        }
        // Not a URL at all: still nothing of the user info.
        let junk = try #require(throws: StoreError.self) { try PostgresLocation(url: "postgres://me:se cret@", environment: [:]) }
        #expect(!junk.description.contains("se cret") && !junk.description.contains("me:"))
    }

    @Test func aServerThatAsksForAPasswordSaysWhereToPutIt() throws {
        guard let server = try PrivatePostgresServer.start() else { return }
        // Trust for the maintenance user, a password for a role made to need one.
        try PostgresTestServer.psql(server.url, "CREATE ROLE needs_pw LOGIN PASSWORD 'right-one'")
        try PostgresTestServer.psql(server.url, "CREATE DATABASE owned OWNER needs_pw")
        try server.requirePasswords()
        let url = server.url.replacingOccurrences(of: "/postgres", with: "/owned") + "?sslmode=disable"
        let noPassword = try #require(throws: StoreError.self) {
            try PostgresStore(try PostgresLocation(url: url.replacingOccurrences(of: "nextsend@", with: "needs_pw@"),
                                                   environment: [:]))
        }
        #expect(noPassword.description.contains("asked for a password: set PGPASSWORD or NEXTSEND_DB_PASSWORD_FILE"), "\(noPassword)")
        let wrong = try #require(throws: StoreError.self) {
            try PostgresStore(try PostgresLocation(url: url.replacingOccurrences(of: "nextsend@", with: "needs_pw:wrong-one@"),
                                                   environment: [:]))
        }
        #expect(wrong.description.contains("refused the login"), "\(wrong)")
        #expect(!wrong.description.contains("wrong-one"))
        _ = try PostgresStore(try PostgresLocation(url: url.replacingOccurrences(of: "nextsend@", with: "needs_pw@"),
                                                   environment: ["PGPASSWORD": "right-one"]))
    }

    @Test func aServerWithoutTLSSaysSoWhenTheURLRequiresIt() throws {
        // The throwaway server has no TLS: `require` cannot be met, in words, not a library enum.
        guard let url = try PostgresTestServer.freshDatabase() else { return }
        let error = try #require(throws: StoreError.self) {
            try PostgresStore(try PostgresLocation(url: url.replacingOccurrences(of: "sslmode=disable", with: "sslmode=require"), environment: [:]))
        }
        #expect(error.code == .unreachable)
        #expect(error.description.contains("does not offer TLS, which its sslmode requires"), "\(error)")
        #expect(!error.description.contains("sslUnsupported"))
    }

    @Test func aServerThatIsNotThereIsUnreachableNotAHang() throws {
        // A port nothing listens on: the kernel refuses at once.
        let error = try #require(throws: StoreError.self) {
            try PostgresStore(try PostgresLocation(url: "postgres://nextsend:pw@127.0.0.1:1/nextsend?sslmode=disable", environment: [:]))
        }
        #expect(error.code == .unreachable)
        #expect(error.description.contains("postgres://nextsend@127.0.0.1:1/nextsend"))
        #expect(!error.description.contains(":pw@"))
    }

    @Test func aDatabaseFromANewerNextSendIsRefused() throws {
        guard let url = try PostgresTestServer.freshDatabase() else { return }
        _ = try PostgresStore(try PostgresLocation(url: url))
        let plain = url.replacingOccurrences(of: "?sslmode=disable", with: "")
        try PostgresTestServer.psql(plain, "INSERT INTO nextsendMigration (name) VALUES ('v99-from-the-future')")
        let error = try #require(throws: StoreError.self) { try PostgresStore(try PostgresLocation(url: url)) }
        #expect(error.code == .newerSchema)
        #expect(error.description.contains("v99-from-the-future"))
    }

    @Test func writersFromManyThreadsLoseNothing() throws {
        guard let url = try PostgresTestServer.freshDatabase() else { return }
        let store = try PostgresStore(try PostgresLocation(url: url))
        let folder = TemporaryFolder()
        folder.makeContent(assets: ["tco-model": Samples.assetFile()])
        _ = try store.importCatalog(directory: folder.path("content/catalog"), taxonomyPath: nil, asOf: Samples.asOf)
        _ = try store.importGroups(path: folder.write("groups/acme.yaml", Samples.groupYAML), asOf: Samples.asOf)
        let people = try #require(try store.group(id: "acme-health")).stakeholders.map(\.id)
        // 40 sends on 40 days from 8 threads, each its own transaction on a pooled connection.
        DispatchQueue.concurrentPerform(iterations: 40) { index in
            let day = Day("2026-10-01")!.adding(days: index)
            _ = try? store.recordTouch(Touch(asset: "tco-model", to: [people[index % people.count]], date: day), to: "acme-health",
                                      by: Recorder("rep\(index % 8)"))
        }
        let sends = try store.history(ofGroup: "acme-health").sends.filter { $0.provenance.recordedBy?.hasPrefix("rep") == true }
        #expect(sends.count == 40)
        #expect(try store.dataVersions().data >= 42)
    }
}
