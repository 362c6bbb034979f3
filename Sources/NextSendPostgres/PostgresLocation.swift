import Foundation
import NIOSSL
import NextSendStore
import PostgresNIO

/// Where a PostgreSQL store lives: `postgres://user[:password]@host[:port]/database[?sslmode=…]`.
///
/// The password comes from the URL, else `PGPASSWORD`, else the file `NEXTSEND_DB_PASSWORD_FILE`
/// names; it is never printed: ``description`` is the URL without it. TLS follows libpq's
/// `sslmode`: `disable`, `prefer` (the default: TLS when the server offers it, unverified),
/// `require` (TLS, unverified), `verify-ca` (TLS, certificate checked) and `verify-full`
/// (certificate and host name checked).
public struct PostgresLocation: Sendable, CustomStringConvertible {
    public enum SSLMode: String, Sendable, CaseIterable {
        case disable, prefer, require, verifyCA = "verify-ca", verifyFull = "verify-full"
    }

    public var host: String
    public var port: Int
    public var user: String
    public var database: String
    public var sslMode: SSLMode
    var password: String?

    /// Whether `text` names a PostgreSQL database rather than a SQLite file.
    public static func isURL(_ text: String) -> Bool {
        text.hasPrefix("postgres://") || text.hasPrefix("postgresql://")
    }

    /// - Throws: ``StoreError`` (`cannotOpen`) naming what is wrong with the URL, without its password.
    public init(url text: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        guard PostgresLocation.isURL(text), let components = URLComponents(string: text), let host = components.host, !host.isEmpty else {
            throw StoreError(.cannotOpen, "\(PostgresLocation.redact(text)) is not a PostgreSQL URL; expected postgres://USER@HOST[:PORT]/DATABASE")
        }
        self.host = host
        port = components.port ?? 5432
        user = components.user.flatMap { $0.removingPercentEncoding } ?? environment["PGUSER"] ?? "postgres"
        let path = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        database = path.isEmpty ? user : (path.removingPercentEncoding ?? path)
        let mode = components.queryItems?.first(where: { $0.name == "sslmode" })?.value ?? "prefer"
        guard let sslMode = SSLMode(rawValue: mode) else {
            throw StoreError(.cannotOpen, "sslmode '\(mode)' is not one of \(SSLMode.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        self.sslMode = sslMode
        if let password = components.password {
            self.password = password.removingPercentEncoding ?? password
        } else if let password = environment["PGPASSWORD"] {
            self.password = password
        } else if let file = environment["NEXTSEND_DB_PASSWORD_FILE"] {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw StoreError(.cannotOpen, "NEXTSEND_DB_PASSWORD_FILE: cannot read \(file)")
            }
            // A trailing newline is how editors and `echo` end the file, not part of the password.
            self.password = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .newlines)
        }
    }

    /// The URL without its password: what messages and logs show.
    public var description: String {
        "postgres://\(user)@\(host):\(port)/\(database)" + (sslMode == .prefer ? "" : "?sslmode=\(sslMode.rawValue)")
    }

    /// `text` with any password taken out, for messages about a URL that did not parse.
    static func redact(_ text: String) -> String {
        text.replacingOccurrences(of: #"://([^:/@]*):[^@]*@"#, with: "://$1:***@", options: .regularExpression)
    }

    var tlsConfiguration: TLSConfiguration? {
        var configuration = TLSConfiguration.makeClientConfiguration()
        switch sslMode {
        case .disable: return nil
        case .prefer, .require: configuration.certificateVerification = .none
        case .verifyCA: configuration.certificateVerification = .noHostnameVerification
        case .verifyFull: configuration.certificateVerification = .fullVerification
        }
        return configuration
    }

    /// The pool's configuration.
    var clientConfiguration: PostgresClient.Configuration {
        let tls: PostgresClient.Configuration.TLS
        switch (sslMode, tlsConfiguration) {
        case let (.prefer, configuration?): tls = .prefer(configuration)
        case let (_, configuration?): tls = .require(configuration)
        case (_, nil): tls = .disable
        }
        return PostgresClient.Configuration(host: host, port: port, username: user, password: password, database: database, tls: tls)
    }

    /// One connection's configuration (opening checks and migrations, before the pool starts).
    func connectionConfiguration() throws -> PostgresConnection.Configuration {
        let tls: PostgresConnection.Configuration.TLS
        if let configuration = tlsConfiguration {
            let context = try NIOSSLContext(configuration: configuration)
            tls = sslMode == .prefer ? .prefer(context) : .require(context)
        } else {
            tls = .disable
        }
        return PostgresConnection.Configuration(host: host, port: port, username: user, password: password, database: database, tls: tls)
    }
}
