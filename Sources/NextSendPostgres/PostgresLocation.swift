import Foundation
import NIOCore
import NIOSSL
import NextSendStore
import PostgresNIO

/// Where a PostgreSQL store lives: `postgres://user[:password]@host[:port]/database[?sslmode=…]`.
///
/// The password comes from the URL, else `PGPASSWORD`, else the file `NEXTSEND_DB_PASSWORD_FILE`
/// names; it is never printed: ``description`` is the URL without it, and a URL that cannot be
/// read is shown without any of its user info. TLS follows libpq: `sslmode` is `disable`,
/// `prefer` (the default: TLS when the server offers it, unverified), `require` (TLS, unverified),
/// `verify-ca` (certificate checked) or `verify-full` (certificate and host name checked);
/// `sslrootcert` (or `NEXTSEND_DB_CA_FILE`) names the CA to trust instead of the system's, and
/// with it `require` checks the certificate as `verify-ca` does, as libpq's does; `sslcert` and
/// `sslkey` name a client certificate and its key.
public struct PostgresLocation: Sendable, CustomStringConvertible {
    public enum SSLMode: String, Sendable, CaseIterable {
        case disable, prefer, require, verifyCA = "verify-ca", verifyFull = "verify-full"
    }

    public var host: String
    public var port: Int
    public var user: String
    public var database: String
    public var sslMode: SSLMode
    /// The CA certificates (PEM) that sign the server's certificate; `nil`: the system's store.
    public var rootCertificateFile: String?
    /// A client certificate (PEM) and its private key, for servers that ask for one.
    public var clientCertificateFile: String?
    public var clientKeyFile: String?
    var password: String?

    /// The URL parameters this type reads; any other is refused rather than silently ignored.
    static let parameters: Set<String> = ["sslmode", "sslrootcert", "sslcert", "sslkey"]

    /// Whether `text` names a PostgreSQL database rather than a SQLite file.
    public static func isURL(_ text: String) -> Bool {
        text.hasPrefix("postgres://") || text.hasPrefix("postgresql://")
    }

    /// - Throws: ``StoreError`` (`cannotOpen`) naming what is wrong with the URL, without its user info.
    public init(url text: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        let shown = PostgresLocation.redact(text)
        guard PostgresLocation.isURL(text) else {
            throw StoreError(.cannotOpen, "\(shown) is not a PostgreSQL URL; expected postgres://USER@HOST[:PORT]/DATABASE")
        }
        // An '@', '/', '?' or '#' typed as is into a password makes the URL mean another host (or
        // a port, or a fragment): refuse it rather than connect somewhere else or print part of
        // the password as a host name or a port.
        let rest = text.split(separator: "://", maxSplits: 1).last ?? ""
        if let at = rest.lastIndex(of: "@"), rest[..<at].contains(where: { "@/?#".contains($0) }) {
            throw StoreError(.cannotOpen, "\(shown) cannot be read: its user info has a character of its own ('@', '/', '?' or '#'); "
                + "percent-encode the password ('@' as %40, '/' as %2F, '?' as %3F, '#' as %23, ':' as %3A), or leave it out of the URL "
                + "and set PGPASSWORD or NEXTSEND_DB_PASSWORD_FILE")
        }
        guard let components = URLComponents(string: text), let host = components.host, !host.isEmpty else {
            throw StoreError(.cannotOpen, "\(shown) cannot be read as postgres://USER@HOST[:PORT]/DATABASE; if the password has "
                + "'@', '/', ':' or '#', percent-encode them (%40, %2F, %3A, %23) or set PGPASSWORD instead")
        }
        self.host = host
        port = components.port ?? 5432
        user = components.user.flatMap { $0.removingPercentEncoding } ?? environment["PGUSER"] ?? "postgres"
        let path = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        database = path.isEmpty ? user : (path.removingPercentEncoding ?? path)
        let query = components.queryItems ?? []
        if let unknown = query.first(where: { !PostgresLocation.parameters.contains($0.name) }) {
            throw StoreError(.cannotOpen, "\(shown): the parameter '\(unknown.name)' is not one nextsend reads; it knows "
                + PostgresLocation.parameters.sorted().joined(separator: ", "))
        }
        func parameter(_ name: String) -> String? { query.first(where: { $0.name == name })?.value.flatMap { $0.isEmpty ? nil : $0 } }
        let mode = parameter("sslmode") ?? "prefer"
        guard let sslMode = SSLMode(rawValue: mode) else {
            throw StoreError(.cannotOpen, "sslmode '\(mode)' is not one of \(SSLMode.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        rootCertificateFile = parameter("sslrootcert") ?? environment["NEXTSEND_DB_CA_FILE"].flatMap { $0.isEmpty ? nil : $0 }
        clientCertificateFile = parameter("sslcert")
        clientKeyFile = parameter("sslkey")
        if (clientCertificateFile == nil) != (clientKeyFile == nil) {
            throw StoreError(.cannotOpen, "\(shown): sslcert and sslkey go together: name both the client certificate and its key")
        }
        // libpq: with a root certificate at hand, `require` checks the server's certificate too.
        self.sslMode = sslMode == .require && rootCertificateFile != nil ? .verifyCA : sslMode
        if sslMode == .disable, rootCertificateFile != nil || clientCertificateFile != nil {
            throw StoreError(.cannotOpen, "\(shown): sslmode=disable with certificate files; say sslmode=verify-full to use them")
        }
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
        var parameters: [String] = []
        if sslMode != .prefer { parameters.append("sslmode=\(sslMode.rawValue)") }
        if let rootCertificateFile { parameters.append("sslrootcert=\(rootCertificateFile)") }
        return "postgres://\(user)@\(host):\(port)/\(database)" + (parameters.isEmpty ? "" : "?" + parameters.joined(separator: "&"))
    }

    /// `text` without its user info, for messages about a URL that may not parse: everything
    /// between `://` and the last `@` is left out, so a password with an unencoded `@`, `/`, `?`
    /// or `#` never shows either. (A query never holds an `@` NextSend reads.)
    static func redact(_ text: String) -> String {
        guard let scheme = text.range(of: "://") else { return text }
        let rest = text[scheme.upperBound...]
        guard let at = rest.lastIndex(of: "@") else { return text }
        return String(text[..<scheme.upperBound]) + "…@" + String(rest[rest.index(after: at)...])
    }

    /// The TLS settings `sslmode` and the certificate files ask for.
    ///
    /// - Throws: ``StoreError`` (`cannotOpen`) naming a certificate or key file that cannot be read.
    func tlsConfiguration() throws -> TLSConfiguration? {
        var configuration = TLSConfiguration.makeClientConfiguration()
        switch sslMode {
        case .disable: return nil
        case .prefer, .require: configuration.certificateVerification = .none
        case .verifyCA: configuration.certificateVerification = .noHostnameVerification
        case .verifyFull: configuration.certificateVerification = .fullVerification
        }
        if let file = rootCertificateFile {
            configuration.trustRoots = .certificates(try PostgresLocation.read("sslrootcert", file) { try NIOSSLCertificate.fromPEMFile(file) })
        }
        if let certificate = clientCertificateFile, let key = clientKeyFile {
            let chain = try PostgresLocation.read("sslcert", certificate) { try NIOSSLCertificate.fromPEMFile(certificate) }
            configuration.certificateChain = chain.map { .certificate($0) }
            configuration.privateKey = .privateKey(try PostgresLocation.read("sslkey", key) { try NIOSSLPrivateKey(file: key, format: .pem) })
        }
        return configuration
    }

    private static func read<T>(_ parameter: String, _ file: String, _ load: () throws -> T) throws -> T {
        guard FileManager.default.isReadableFile(atPath: file) else {
            throw StoreError(.cannotOpen, "\(parameter): cannot read \(file)")
        }
        do {
            let value = try load()
            if let list = value as? [NIOSSLCertificate], list.isEmpty {
                throw StoreError(.cannotOpen, "\(parameter): \(file) holds no PEM certificate")
            }
            return value
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(.cannotOpen, "\(parameter): \(file) is not a PEM \(parameter == "sslkey" ? "private key" : "certificate") (\(error))")
        }
    }

    /// The pool's configuration.
    func clientConfiguration() throws -> PostgresClient.Configuration {
        let tls: PostgresClient.Configuration.TLS
        switch (sslMode, try tlsConfiguration()) {
        case let (.prefer, configuration?): tls = .prefer(configuration)
        case let (_, configuration?): tls = .require(configuration)
        case (_, nil): tls = .disable
        }
        return PostgresClient.Configuration(host: host, port: port, username: user, password: password, database: database, tls: tls)
    }

    /// One connection's configuration (opening checks and migrations, before the pool starts).
    func connectionConfiguration(connectTimeout: TimeAmount) throws -> PostgresConnection.Configuration {
        let tls: PostgresConnection.Configuration.TLS
        if let configuration = try tlsConfiguration() {
            let context = try NIOSSLContext(configuration: configuration)
            tls = sslMode == .prefer ? .prefer(context) : .require(context)
        } else {
            tls = .disable
        }
        var configuration = PostgresConnection.Configuration(host: host, port: port, username: user, password: password, database: database, tls: tls)
        configuration.options.connectTimeout = connectTimeout
        return configuration
    }
}
