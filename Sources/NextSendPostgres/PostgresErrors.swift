import NIOSSL
import NextSendStore
import PostgresNIO

/// PostgreSQL's errors as the store's: what the user can do about each, in plain words, never the
/// password.
enum PostgresErrors {
    static func translate(_ error: any Error, location: String) -> any Error {
        if error is StoreError { return error }
        guard let error = error as? PSQLError else {
            return StoreError(.unreachable, "cannot reach the PostgreSQL server of \(location): \(plain(error))")
        }
        if error.code == .server, let info = error.serverInfo {
            let state = info[.sqlState] ?? ""
            let message = info[.message] ?? "an error"
            switch state {
            case "40001", "40P01", "55P03":
                return StoreError(.busy, "\(location) is busy: another nextsend is writing the same rows; try again in a moment")
            case "23505":
                return StoreError(.duplicate, "\(location): \(message)")
            case "28P01":
                return StoreError(.unreachable, "\(location) refused the login: \(message); check the password "
                    + "(PGPASSWORD, NEXTSEND_DB_PASSWORD_FILE or the URL)")
            case "28000":
                return StoreError(.unreachable, "\(location) refused the connection: \(message)"
                    + (message.contains("SSL off") || message.contains("no encryption") ? "; the server wants TLS: add ?sslmode=require or verify-full" : ""))
            case "3D000":
                return StoreError(.unreachable, "\(location): \(message); create it first (createdb)")
            case "53300":
                return StoreError(.busy, "\(location) has no connection to spare (\(message)); try again in a moment")
            case let state where state.hasPrefix("08") || state.hasPrefix("57P"):
                return StoreError(.unreachable, "lost the connection to \(location): \(message)")
            default:
                return StoreError(.other, "\(location): PostgreSQL said: \(message) (SQLSTATE \(state))")
            }
        }
        switch error.code {
        case .authMechanismRequiresPassword:
            return StoreError(.unreachable, "the server of \(location) asked for a password: set PGPASSWORD or NEXTSEND_DB_PASSWORD_FILE, "
                + "or put it in the URL")
        case .sslUnsupported:
            return StoreError(.unreachable, "the server of \(location) does not offer TLS, which its sslmode requires; "
                + "turn TLS on in the server, or say sslmode=prefer (or disable) in the URL")
        case .unsupportedAuthMechanism, .saslError:
            return StoreError(.unreachable, "the server of \(location) asked for a login method nextsend does not speak; "
                + "use password, md5 or scram-sha-256 in its pg_hba.conf")
        case .serverClosedConnection, .uncleanShutdown:
            return StoreError(.unreachable, "lost the connection to the PostgreSQL server of \(location)"
                + (error.underlying.map { ": \(plain($0))" } ?? ""))
        default:
            let reason = error.underlying.map { plain($0) } ?? "\(error.code)"
            return StoreError(.unreachable, "cannot reach the PostgreSQL server of \(location): \(reason)")
        }
    }

    /// A lower layer's error as a sentence: a refused connection or a certificate the CA did not sign.
    static func plain(_ error: any Error) -> String {
        if let tls = error as? NIOSSLError {
            switch tls {
            case .handshakeFailed:
                return "the TLS handshake failed: the server's certificate is not signed by the CA nextsend trusts "
                    + "(set sslrootcert or NEXTSEND_DB_CA_FILE), or does not name this host (\(tls))"
            default: return "TLS failed (\(tls))"
            }
        }
        if let validation = error as? NIOSSLExtraError {
            return "the server's certificate does not name this host (\(validation)); connect by the name it was issued for"
        }
        let text = "\(error)"
        if text.contains("connection refused") || text.contains("Connection refused") {
            return "connection refused (is the server running, and on that port?)"
        }
        return text
    }
}
