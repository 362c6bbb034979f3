import Foundation
import NextSend
import NextSendPostgres
import NextSendStore
import NextSendTestSupport
import Testing

/// TLS to PostgreSQL as libpq does it, against a server of the test's own with a certificate its
/// own CA signed (made here with openssl): `verify-full` trusts the CA `sslrootcert` or
/// `NEXTSEND_DB_CA_FILE` names, checks the host name, and says in words what failed.
@Suite struct PostgresTLSTests {
    /// A CA, a server certificate it signed for `localhost` only, and a second CA that signed nothing.
    struct Certificates {
        let folder = TemporaryFolder()
        var ca: String { folder.path("ca.crt") }
        var otherCA: String { folder.path("other-ca.crt") }

        init() throws {
            let dir = folder.path("")
            let script = """
                set -e
                cd '\(dir)'
                openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj '/CN=NextSend test CA' -keyout ca.key -out ca.crt
                openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj '/CN=Another CA' -keyout other-ca.key -out other-ca.crt
                openssl req -newkey rsa:2048 -nodes -subj '/CN=localhost' -keyout server.key -out server.csr
                printf 'subjectAltName=DNS:localhost\\n' > san.ext
                openssl x509 -req -in server.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 2 -extfile san.ext -out server.crt
                """
            let status = system("sh -c \(Certificates.quoted(script)) >/dev/null 2>&1")
            guard status == 0 else { throw PostgresTestServer.Unavailable(description: "openssl could not make the test certificates") }
        }

        static func quoted(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'" }
    }

    @Test func verifyFullTrustsTheNamedCAAndChecksTheHostName() throws {
        let certificates = try Certificates()
        guard let server = try PrivatePostgresServer.start(tlsFolder: certificates.folder.path("")) else { return }
        let port = try #require(URLComponents(string: server.url)?.port)

        // The CA named in the URL, the host the certificate names: a store opens and works.
        let url = "postgres://nextsend@localhost:\(port)/postgres?sslmode=verify-full&sslrootcert=\(certificates.ca)"
        let store = try PostgresStore(try PostgresLocation(url: url, environment: [:]))
        #expect(try store.catalogVersion() >= 0)
        // The same CA from NEXTSEND_DB_CA_FILE.
        _ = try PostgresStore(try PostgresLocation(url: "postgres://nextsend@localhost:\(port)/postgres?sslmode=verify-full",
                                                   environment: ["NEXTSEND_DB_CA_FILE": certificates.ca]))

        // By address, the certificate (issued for localhost) does not name the host: verify-full
        // refuses; verify-ca, which checks the signature only, accepts.
        let byAddress = try #require(throws: StoreError.self) {
            try PostgresStore(try PostgresLocation(url: "postgres://nextsend@127.0.0.1:\(port)/postgres?sslmode=verify-full&sslrootcert=\(certificates.ca)",
                                                   environment: [:]))
        }
        #expect(byAddress.code == .unreachable)
        _ = try PostgresStore(try PostgresLocation(url: "postgres://nextsend@127.0.0.1:\(port)/postgres?sslmode=verify-ca&sslrootcert=\(certificates.ca)",
                                                   environment: [:]))

        // Another CA, or none (the system's store): refused, in words that point at the fix.
        for url in ["postgres://nextsend@localhost:\(port)/postgres?sslmode=verify-full&sslrootcert=\(certificates.otherCA)",
                    "postgres://nextsend@localhost:\(port)/postgres?sslmode=verify-full",
                    // libpq: with a root certificate, `require` checks the certificate too.
                    "postgres://nextsend@localhost:\(port)/postgres?sslmode=require&sslrootcert=\(certificates.otherCA)"] {
            let error = try #require(throws: StoreError.self) { try PostgresStore(try PostgresLocation(url: url, environment: [:])) }
            #expect(error.code == .unreachable)
            #expect(error.description.contains("certificate"), "\(error)")
        }
        // Plain `require` without a CA encrypts without checking, as libpq's does.
        _ = try PostgresStore(try PostgresLocation(url: "postgres://nextsend@127.0.0.1:\(port)/postgres?sslmode=require", environment: [:]))
    }

    @Test func certificateFilesThatCannotBeUsedAreNamed() throws {
        let folder = TemporaryFolder()
        let notPEM = folder.write("ca.crt", "not a certificate\n")
        let missing = try #require(throws: StoreError.self) {
            try PostgresStore(try PostgresLocation(url: "postgres://app@127.0.0.1:1/db?sslmode=verify-full&sslrootcert=/nonexistent/ca.crt", environment: [:]))
        }
        #expect(missing.description == "sslrootcert: cannot read /nonexistent/ca.crt")
        let garbage = try #require(throws: StoreError.self) {
            try PostgresStore(try PostgresLocation(url: "postgres://app@127.0.0.1:1/db?sslmode=verify-full&sslrootcert=\(notPEM)", environment: [:]))
        }
        #expect(garbage.description.hasPrefix("sslrootcert: \(notPEM) "))
        let half = try #require(throws: StoreError.self) {
            try PostgresLocation(url: "postgres://app@127.0.0.1/db?sslmode=verify-full&sslcert=/x/client.crt", environment: [:])
        }
        #expect(half.description.contains("sslcert and sslkey go together"))
        let unknown = try #require(throws: StoreError.self) {
            try PostgresLocation(url: "postgres://app@127.0.0.1/db?sslmode=verify-full&sslrootcrt=/x/ca.crt", environment: [:])
        }
        #expect(unknown.description.contains("'sslrootcrt' is not one nextsend reads"))
    }
}
